print('init mypkg')
from . import helper
from .helper import shout
VERSION = '1.0'
