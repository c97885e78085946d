import time
t=(2024,3,5,14,7,9,1,65,0)

print(repr(time.strftime('%Z|%z', time.gmtime(0))))
print(time.strftime('%a %A %b %B %c|%C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %p %P %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %%', t))
print(time.strftime('%-d %_d %05d %^a %#b %10A %-j %Ez %Oy %E %q %3 %', t))
print(repr(time.strftime('', t)), repr(time.strftime('%', t)), repr(time.strftime('x%', t)))
for a in [(2024,13,1,0,0,0,0,1,0),(2024,0,0,0,0,0,0,0,0),(2024,1,32,0,0,0,0,1,0),(2024,1,1,24,0,0,0,1,0),(2024,1,1,0,60,0,0,1,0),(2024,1,1,0,0,62,0,1,0),(2024,1,1,0,0,0,-1,1,0),(2024,1,1,0,0,0,0,367,0),(1,2,3),'x',(2024,1,1,0,0,0,0,1,0,5), (2024,1,1,0,0,0,9,1,5), (-5,1,1,0,0,0,0,1,0), (12345,1,1,0,0,0,0,1,0)]:
  try: print(repr(time.strftime('%Y-%m-%d %a %j', a)))
  except Exception as e: print(type(e).__name__, e)
print(time.asctime(t), time.asctime(time.gmtime(1e9)), time.ctime(0) == time.asctime(time.localtime(0)))
print(time.gmtime(0), time.gmtime(-1.5), time.gmtime(1.99))
for a in [float('nan'), 1e20, 'x', 2**70, -1e20]:
  try: print(time.gmtime(a))
  except Exception as e: print(type(e).__name__, e)
print(type(time.timezone), type(time.altzone), type(time.daylight), type(time.tzname), len(time.tzname))
print(time.mktime(time.localtime(12345)), type(time.mktime((2024,1,1,0,0,0,0,1,-1))))
for a in [(1,2), 'x', (2024,1,1,0,0,0,0,1,0,0)]:
  try: print(time.mktime(a))
  except Exception as e: print(type(e).__name__, e)
for c in ['time', 'monotonic', 'process_time', 'thread_time', 'perf_counter']:
    i = time.get_clock_info(c); print(c, i.implementation, i.monotonic, i.adjustable, i.resolution)
try: time.get_clock_info('x')
except Exception as e: print(type(e).__name__, e)
for a in [-1, 'x', float('nan'), None]:
  try: time.sleep(a)
  except Exception as e: print(type(e).__name__, e)
print(type(time.localtime(0).tm_zone), time.gmtime(0).tm_gmtoff, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
print(time.strftime('%c', (2024,3,5,4,7,9,1,65,0)), time.strftime('%I %l %p', (2024,3,5,0,7,9,1,65,0)), time.strftime('%I %p', (2024,3,5,12,7,9,1,65,0)))
print(time.strftime('%U %W %V %G %g', (2024,1,1,0,0,0,0,1,0)), time.strftime('%U %W %V %G %g', (2021,1,1,0,0,0,4,1,0)), time.strftime('%U %W %V %G %g', (2020,12,31,0,0,0,3,366,0)))
print(type(time.time()), type(time.time_ns()), type(time.monotonic_ns()), time.monotonic() <= time.monotonic())
print(time.strftime('%Y') == str(time.localtime().tm_year))
t = time.gmtime(12345); r = t.__reduce__(); print(r, r[0](*r[1]) == t)

print(time.struct_time((1,2,3,4,5,6,7,8,9)))
for a in [(1,2,3), 5]:
    try: time.struct_time(a)
    except TypeError as e: print(e)
t = time.struct_time((2024,3,5,14,7,9,1,65,0)); print(t.tm_zone, t.tm_gmtoff, t[0], t[-1], len(t), t[:3])
try: t.tm_year = 5
except AttributeError as e: print(e)
print(time.localtime(1e9) == time.localtime(10**9), time.gmtime(10**9)[:6])
print(time.clock_getres(time.CLOCK_MONOTONIC) > 0, type(time.clock_gettime(time.CLOCK_REALTIME)), type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)))
print(time.thread_time() >= 0, time.process_time_ns() >= 0, time.perf_counter_ns() > 0)
time.sleep(0); time.sleep(0.001)
print(abs(time.time() - time.time_ns() / 1e9) < 1)
