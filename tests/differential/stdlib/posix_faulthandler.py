import faulthandler, os, signal, sys
print(faulthandler.is_enabled())
faulthandler.enable(file=sys.stdout)
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.is_enabled())
def inner():
    faulthandler.dump_traceback(file=sys.stdout, all_threads=False)
def outer():
    inner()
outer()
sys.stdout.flush()
name = 'long_' + 'x' * 600
exec('def %s():\n    faulthandler.dump_traceback(sys.stdout, False)\n%s()\n' % (name, name), globals())
called = []
def handler(signum, frame):
    called.append(signum)
signal.signal(signal.SIGUSR1, handler)
def kill_self():
    os.kill(os.getpid(), signal.SIGUSR1)
faulthandler.register(signal.SIGUSR1, file=sys.stdout, all_threads=False, chain=True)
kill_self()
sys.stdout.flush()
print(called)
print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
faulthandler.register(signal.SIGUSR1, file=sys.stdout, all_threads=False)
kill_self()
sys.stdout.flush()
print(called)
faulthandler.unregister(signal.SIGUSR1)
kill_self()
print(called)
for f, a in [(faulthandler.register, (signal.SIGSEGV,)), (faulthandler.dump_traceback, ('x',)), (faulthandler.enable, (-1,))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
faulthandler.cancel_dump_traceback_later()
