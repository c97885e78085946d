# str() constructor forms, and the built-in codecs (utf-8, ascii, latin-1,
# utf-16, utf-32) with their error handlers and UnicodeError attributes.
print(repr(str()), str(5), str(b'ab'), str(b'ab', 'ascii'), str(b'\xc3\xa9', encoding='utf-8'), str(b'\xff', errors='replace'))
print(str(bytearray(b'xy'), 'latin-1'), str([1, 'a']), str(None), str(1.5), str(object=7))
for name in ['UTF-8', 'utf_8', 'U8', 'utf8', 'latin_1', 'L1', 'iso-8859-1', 'us-ascii', 'ASCII', 'utf-16-le', 'UTF-32-BE']:
    print(name, 'aé'.encode(name) if 'ascii' not in name.lower() else 'ab'.encode(name))
s = 'héllo ✓ 𝄞'
for enc in ['utf-8', 'utf-16', 'utf-16-be', 'utf-32', 'utf-32-le', 'latin-1', 'ascii']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
        try:
            b = s.encode(enc, err)
            print(enc, err, b, b.decode(enc))
        except UnicodeEncodeError as e:
            print(enc, err, type(e).__name__, e.encoding, e.start, e.end, e.reason)
for raw in [b'\xff', b'abc\x80def', b'\xe9\x80', b'\xf0\x9fa', b'\xed\xa0\x80', b'\xc0\x80', b'\xf4\x90\x80\x80', b'\xf0\x9f', b'ok\xe2\x82']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace']:
        try:
            print(raw, err, repr(raw.decode('utf-8', err)))
        except UnicodeDecodeError as e:
            print(raw, err, type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason)
for raw, enc in [(b'a\x80', 'ascii'), (b'\xff\xfea\x00', 'utf-16'), (b'\xfe\xff\x00a', 'utf-16'), (b'a\x00b', 'utf-16-le'), (b'\x00\xd8a\x00', 'utf-16-le'), (b'\x00\x00\x11\x00', 'utf-32-le'), (b'a\x00\x00', 'utf-32-le')]:
    try:
        print(raw, enc, repr(raw.decode(enc)))
    except UnicodeDecodeError as e:
        print(raw, enc, e.start, e.end, e.reason)
print(b'\x80abc'.decode('ascii', 'replace'), b'\xffa'.decode('utf-8', 'backslashreplace'), 'aé'.encode('ascii', 'backslashreplace'))
print('aé€😀'.encode('latin-1', 'replace'), 'aé€😀'.encode('ascii', 'xmlcharrefreplace'), 'a'.encode('ascii', 'nonsense-handler'))
errors = [
    lambda: str(1, 2), lambda: str(b'a', 1), lambda: str('a', 'utf-8'), lambda: str(x=1), lambda: str(1, 2, 3, 4), lambda: str(5, 'utf-8'),
    lambda: 'a'.encode(1), lambda: 'a'.encode('ascii', 1), lambda: 'a'.encode(encoding=None), lambda: 'a'.encode(x=1),
    lambda: 'a'.encode('a', 'b', 'c'), lambda: 'x'.encode('no-such-codec'), lambda: b'a'.decode('foo'), lambda: b'\xff'.decode('ascii', 'foo'),
    lambda: 'é'.encode('ascii', 'foo'), lambda: b'a'.decode(x=1), lambda: b'a'.decode('utf-8', 'strict', 1),
    lambda: issubclass(UnicodeDecodeError, ValueError), lambda: issubclass(LookupError, Exception),
]
for f in errors:
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
