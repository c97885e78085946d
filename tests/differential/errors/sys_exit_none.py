# sys.exit() with no argument and SystemExit raised in finally blocks.
import sys
try:
    sys.exit()
finally:
    print('finally runs before exit')
