from .. import VERSION as parent_version
from ..util import helper
from . import deep
