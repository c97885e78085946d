import _locale
print(_locale.setlocale(_locale.LC_NUMERIC), _locale.localeconv()['decimal_point'], _locale.nl_langinfo(_locale.CODESET), _locale.getencoding())
print(_locale.strcoll('a', 'c'), _locale.strcoll('c', 'a'), _locale.strxfrm('abc'), _locale.nl_langinfo(_locale.DAY_1), _locale.nl_langinfo(_locale.ABMON_12), _locale.nl_langinfo(_locale.D_T_FMT))
for a in [(99,), (0, 'xx_YY'), (_locale.LC_ALL, 'POSIX')]:
    try: print(_locale.setlocale(*a))
    except Exception as e: print(type(e).__name__, e)
print(_locale.setlocale(_locale.LC_NUMERIC, 'C.UTF-8'), _locale.setlocale(_locale.LC_ALL))
print(_locale.setlocale(_locale.LC_ALL, 'C'), _locale.nl_langinfo(_locale.CODESET))
try: _locale.nl_langinfo(12345)
except Exception as e: print(type(e).__name__, e)
print(_locale.Error.__mro__)
