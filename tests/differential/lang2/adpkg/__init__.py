print("init adpkg", __name__)
from . import util
from .util import helper as exported_helper
VERSION = "1.0"
