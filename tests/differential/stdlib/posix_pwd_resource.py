import pwd, resource, faulthandler
print(pwd.getpwuid(0).pw_name, pwd.getpwnam('root').pw_uid, pwd.struct_passwd.n_fields, type(pwd.getpwall()))
for f, a in [(pwd.getpwuid, (99999,)), (pwd.getpwnam, ('nosuchuser',)), (pwd.getpwuid, (-5,)), (pwd.getpwuid, ('x',)), (pwd.getpwnam, (5,))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
ru = resource.getrusage(resource.RUSAGE_SELF); print(type(ru).__name__, len(ru), type(ru.ru_utime), ru.ru_maxrss > 0)
print(resource.getrlimit(resource.RLIMIT_NOFILE)[0] > 0, resource.getpagesize(), resource.RLIM_INFINITY, resource.error)
for f, a in [(resource.getrusage, (99,)), (resource.getrlimit, (99,)), (resource.setrlimit, (resource.RLIMIT_NOFILE, (1,))), (resource.setrlimit, (99, (1, 1)))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
print(faulthandler.is_enabled()); faulthandler.enable(); print(faulthandler.is_enabled()); faulthandler.disable(); print(faulthandler.is_enabled())
