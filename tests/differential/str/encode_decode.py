# str.encode / bytes.decode with codecs and error handlers.
s = 'héllo wörld ✓ 𝄞'
for enc in ['utf-8', 'utf-16-le', 'utf-16', 'utf-32-be', 'latin-1', 'ascii']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
        try:
            b = s.encode(enc, err)
            print(enc, err, b, b.decode(enc, 'replace'))
        except UnicodeEncodeError as e:
            print(enc, err, 'UnicodeEncodeError:', e)
for raw in [b'\xff\xfe', b'abc\x80def', b'\xc3\xa9', b'\xed\xa0\x80']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
        try:
            print(raw, err, repr(raw.decode('utf-8', err)))
        except UnicodeDecodeError as e:
            print(raw, err, 'UnicodeDecodeError:', e)
print('x'.encode(), 'é'.encode('UTF8'), 'é'.encode(encoding='latin1'), str(b'abc', 'ascii'), str(b'abc'))
try:
    'x'.encode('no-such-codec')
except LookupError as e:
    print('LookupError:', e)
print('\udcff'.encode('utf-8', 'surrogateescape'), '\ud800'.encode('utf-8', 'surrogatepass'))
