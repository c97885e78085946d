from . import PARENT_VERSION
from .. import helper
def where():
    return __name__, __package__, PARENT_VERSION, helper.shout('leaf')
