# faulthandler.dump_traceback_later: argument checks, cancellation before
# the timeout, repeated arming, and the watchdog ending the process (exit
# status 1; only the report's first line is compared: Adder cannot dump
# the stack from the watchdog thread).
import faulthandler, os, sys, time
for bad in (0, -1, 0.0):
    try:
        faulthandler.dump_traceback_later(bad)
    except ValueError as e:
        print('ValueError', e)
for big in (1e300, 1e16, 9.3e9):
    try:
        faulthandler.dump_traceback_later(big)
    except OverflowError as e:
        print('OverflowError', e)
faulthandler.dump_traceback_later(0.2, repeat=True)
faulthandler.dump_traceback_later(0.3)
faulthandler.cancel_dump_traceback_later()
faulthandler.cancel_dump_traceback_later()
time.sleep(0.5)
print('no report after cancel', flush=True)
r, w = os.pipe()
faulthandler.dump_traceback_later(0.05, file=w)
time.sleep(0.3)
os.close(w)
print(os.read(r, 200).decode().splitlines()[0])
faulthandler.dump_traceback_later(0.1, exit=True, file=os.open(os.devnull, os.O_WRONLY))
time.sleep(3)
print('not reached')
