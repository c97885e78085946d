visible = 1
_invisible = 2
import sys as _sys_alias
