print('init mypkg.helper', __name__, __package__)
def shout(s):
    return s.upper() + '!'
