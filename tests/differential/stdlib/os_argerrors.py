# Argument-count and argument-type errors of the OS modules, with CPython's messages.
import os, time, signal, pwd, select, fcntl, resource, _locale, faulthandler, _stat
calls = [(os.dup,()),(os.isatty,()),(os.strerror,()),(os.umask,()),(os.urandom,()),(os.unsetenv,()),(os.get_inheritable,()),(os.get_blocking,()),(time.sleep,()),(time.gmtime,(1,2)),(time.localtime,(1,2)),(time.mktime,()),(time.asctime,(1,2)),(time.ctime,(1,2)),(time.strftime,()),(time.strftime,('a', (), 3)),(signal.getsignal,()),(signal.strsignal,()),(signal.raise_signal,()),(signal.alarm,()),(os.sysconf,()),(os.confstr,()),(os.closerange,(1,)),(os.read,(1,)),(os.lseek,(1,)),(os.putenv,(1,)),(os.kill,(1,)),(os.waitpid,(1,)),(os.set_inheritable,(1,)),(os.set_blocking,(1,)),(os.get_terminal_size,(1,2)),(os.pread,(1,)),(os.pwrite,(1,)),(os.ftruncate,(1,)),(os.dup2,()),(select.select,()),(fcntl.fcntl,()),(fcntl.flock,()),(fcntl.lockf,()),(fcntl.ioctl,()),(resource.getrusage,()),(resource.getrlimit,()),(resource.setrlimit,()),(_locale.setlocale,()),(_locale.nl_langinfo,()),(_locale.strcoll,()),(_locale.strxfrm,()),(_locale.gettext,()),(time.clock_gettime,()),(time.clock_getres,()),(time.get_clock_info,()),(signal.signal,()),(signal.siginterrupt,()),(signal.pthread_sigmask,()),(signal.setitimer,()),(signal.getitimer,()),(signal.set_wakeup_fd,()),(pwd.getpwnam,()),(pwd.getpwuid,()),(os.getpid,(1,)),(os.fstat,()),(os.fsync,()),(os.WIFEXITED,()),(os.waitstatus_to_exitcode,()),(os._exit,()),(os.device_encoding,()),(os.pipe,(1,)),(os.chdir,()),(os.fspath,()),(os.getcwd,(1,)),(time.time,(1,)),(_stat.filemode,()),(os.uname,(1,)),(time.monotonic,(1,)),(signal.valid_signals,(1,)),(select.poll,(1,)),(pwd.getpwall,(1,)),(resource.getpagesize,(1,)),(_locale.localeconv,(1,)),(faulthandler.is_enabled,(1,)),(os.times,(1,)),(os.cpu_count,(1,)),(os.getcwdb,(1,)),(os.wait,(1,)),(time.tzset,(1,)),(signal.pause,(1,)),(faulthandler.disable,(1,)),(os.getgroups,(1,)),(os.stat,()),(os.stat,('a','b')),(os.listdir,('a','b')),(os.open,('x',)),(os.mkdir,()),(os.rename,('a',)),(os.utime,())]
for f, a in calls:
    try:
        f(*a)
        print(f.__name__, 'no error')
    except TypeError as e:
        print(f.__name__, '|', e)
kw = [(os.stat, {'path': '.', 'bogus': 1}), (os.listdir, {'path': '.', 'x': 1}), (os.write, {'fd': 1, 'data': b''}), (os.read, {'fd': 1}), (os.dup2, {'fd': 1, 'fd2': 1, 'x': 0}), (os.open, {'path': 'x', 'flags': 0, 'mode': 1, 'bad': 2}), (os.getpid, {'x': 1}), (os.mkdir, {'path': 'x', 'mode': 1, 'dir_fd': None, 'y': 2})]
for f, k in kw:
    try:
        f(**k)
    except TypeError as e:
        print(f.__name__, '|', e)
for f, a in [(os.close, ('a',)), (os.close, (2**40,)), (os.close, (1.5,)), (os.write, (1, 'x')), (os.urandom, ('a',)), (os.umask, (1.5,)), (time.sleep, ('x',)), (time.gmtime, ('x',)), (os.kill, ('a', 1)), (os.strerror, (2**70,)), (os.putenv, ('a=b', 'c')), (os.putenv, ('', 'c')), (os.putenv, ('a\0', 'c')), (os.unsetenv, ('a=b',)), (os.sysconf, ('nope',)), (os.sysconf, (1.5,)), (os.confstr, ('nope',)), (time.strftime, (1,)), (os.mkdir, (None,))]:
    try:
        f(*a)
        print(f.__name__, 'no error')
    except (TypeError, ValueError, OverflowError, OSError) as e:
        print(f.__name__, type(e).__name__, '|', e)
