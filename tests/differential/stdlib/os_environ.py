import os
print(type(os.environ).__name__, type(os.environb).__name__)
k = 'ADDER_ENV_TEST_%d' % os.getpid()
print(k in os.environ, os.environ.get(k), os.getenv(k, 'dflt'))
os.environ[k] = 'value 1'
print(os.environ[k], os.environb[k.encode()], os.getenv(k), os.getenvb(k.encode()))
import subprocess
print(subprocess.run(['sh', '-c', 'echo "$%s"' % k], capture_output=True).stdout)
os.environb[k.encode()] = b'bytes value'
print(os.environ[k])
del os.environ[k]
print(k in os.environ, os.environ.get(k))
print(subprocess.run(['sh', '-c', 'echo "[$%s]"' % k], capture_output=True).stdout)
os.putenv(k, 'direct')
print(os.environ.get(k), subprocess.run(['sh', '-c', 'echo "$%s"' % k], capture_output=True).stdout)
os.unsetenv(k)
print(subprocess.run(['sh', '-c', 'echo "[$%s]"' % k], capture_output=True).stdout)
try:
    os.environ['A=B'] = 'x'
except ValueError as e:
    print('ValueError', e)
try:
    os.environ[k] = 1
except TypeError as e:
    print('TypeError', e)
print(all(isinstance(x, str) for x in os.environ), all(isinstance(x, bytes) for x in os.environb))
print(os.environ.copy() == dict(os.environ), 'PATH' in os.environ, os.get_exec_path()[:1] != [])
print(os.environ['HOME'] == os.path.expanduser('~'))
