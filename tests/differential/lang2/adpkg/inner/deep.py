from .. import util as parent_util
value = parent_util.helper("deep")
def where():
    return __name__
