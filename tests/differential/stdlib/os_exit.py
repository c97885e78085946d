import os, sys
print('before _exit')
sys.stdout.flush()
try:
    os._exit('x')
except TypeError as e:
    print(e)
    sys.stdout.flush()
os._exit(7)
print('never')
