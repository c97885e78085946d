print("init adpkg.util", __name__, __package__)
def helper(x):
    return "helper(%r)" % (x,)
_hidden = "hidden"
