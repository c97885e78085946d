# ImportError / ModuleNotFoundError messages and sys.modules tricks.
import sys
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e, e.name)
try:
    from _plainmod import no_such_name
except ImportError as e:
    print('ImportError:', str(e).split(' (')[0], e.name)
try:
    import mypkg.nothing_here
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e)
try:
    from mypkg import nothing_here
except ImportError as e:
    print('ImportError:', str(e).split(' (')[0])
fake = type(sys)('fake_module')
fake.value = 42
sys.modules['fake_module'] = fake
import fake_module
print(fake_module.value, fake_module.__name__)
sys.modules['blocked'] = None
try:
    import blocked
except ImportError as e:
    print('ImportError:', e)
m = __import__('mypkg.sub', fromlist=['shout'])
print(m.__name__)
print(__name__, __spec__ is None if False else 'spec', '__file__' in dir())
