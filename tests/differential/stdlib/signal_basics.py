import signal, os
print(signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGUSR1), signal.SIG_DFL, signal.NSIG)
got = []
old = signal.signal(signal.SIGUSR1, lambda n, f: got.append(n)); print(old)
signal.raise_signal(signal.SIGUSR1); print(got)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000): pass
print(got)
def boom(n, f): raise ValueError('from handler %d' % n)
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except ValueError as e: print(e)
signal.signal(signal.SIGUSR1, signal.SIG_IGN); signal.raise_signal(signal.SIGUSR1); print(signal.getsignal(signal.SIGUSR1))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e: print('KeyboardInterrupt', repr(e))
for a in [(signal.SIGKILL, signal.SIG_IGN), (99, 0), (1, 5), (1, 'x')]:
    try: print(signal.signal(*a))
    except Exception as e: print(type(e).__name__, e)
print(signal.strsignal(1), signal.strsignal(signal.SIGINT))
try: signal.strsignal(0)
except ValueError as e: print(e)
print(len(signal.valid_signals()), signal.SIGRTMIN in signal.valid_signals())
print(signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.alarm(0), signal.getitimer(signal.ITIMER_REAL))
try: signal.setitimer(99, 1)
except Exception as e: print(type(e).__name__, e)
try: signal.default_int_handler(2, None)
except KeyboardInterrupt as e: print('KI', repr(e))
print(signal.Signals.SIGINT, signal.Handlers.SIG_DFL, repr(signal.getsignal(signal.SIGTERM)))

