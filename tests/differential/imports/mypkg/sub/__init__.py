from .. import VERSION as PARENT_VERSION
from ..helper import shout
