# The UTF codecs and latin-1/ascii: one-shot, incremental, and errors.
import codecs

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e, getattr(e, 'start', ''), getattr(e, 'end', ''))

text = 'aé€\U0001f600z'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be',
            'utf-7', 'utf-8-sig', 'latin-1', 'ascii']:
    try:
        b = text.encode(enc)
        print(enc, b, b.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError', e.start, e.end, e.reason)

print(codecs.utf_8_encode('aé'), codecs.utf_8_decode(b'a\xc3\xa9'), codecs.utf_8_decode(b'a\xc3', None, False))
print(codecs.utf_16_encode('a'), codecs.utf_16_encode('a', 'strict', 1), codecs.utf_16_encode('a', None, -1))
print(codecs.utf_16_le_encode('a€'), codecs.utf_16_be_encode('a€'), codecs.utf_32_encode('a'))
print(codecs.utf_16_decode(b'\xff\xfea\x00'), codecs.utf_16_decode(b'\xfe\xff\x00a'), codecs.utf_16_decode(b'a\x00b'))
print(codecs.utf_16_ex_decode(b'\xff\xfea\x00', None, 0, False), codecs.utf_16_ex_decode(b'a\x00'),
      codecs.utf_16_ex_decode(b'\xfe\xff\x00a'), codecs.utf_16_ex_decode(b'\x00a', None, 1))
print(codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00'), codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a'))
print(codecs.latin_1_encode('aé'), codecs.latin_1_decode(b'a\xe9'), codecs.ascii_encode('ab'), codecs.ascii_decode(b'ab'))
print(codecs.readbuffer_encode(b'ab'), codecs.readbuffer_encode('ab'), codecs.utf_7_encode('a+b\u20ac~\\'), codecs.utf_7_decode(b'a+-b+IKw-'))

# decode errors: reasons and positions
t('utf8 start', lambda: b'a\xffb'.decode('utf-8'))
t('utf8 continuation', lambda: b'a\xe2\x28\xa1'.decode('utf-8'))
t('utf8 overlong', lambda: b'\xc0\x80'.decode('utf-8'))
t('utf8 surrogate', lambda: b'\xed\xa0\x80'.decode('utf-8'))
t('utf8 end', lambda: b'a\xe2\x82'.decode('utf-8'))
t('utf8 4 bytes', lambda: b'\xf0\x9f\x98'.decode('utf-8'))
t('utf8 too big', lambda: b'\xf4\x90\x80\x80'.decode('utf-8'))
t('utf16 truncated', lambda: b'a\x00b'.decode('utf-16-le'))
t('utf16 lone low', lambda: b'\x00\xdc'.decode('utf-16-le'))
t('utf16 bad pair', lambda: b'\x00\xd8a\x00'.decode('utf-16-le'))
t('utf16 end', lambda: b'\x00\xd8'.decode('utf-16-le'))
t('utf16 be', lambda: b'\xdc\x00'.decode('utf-16-be'))
t('utf16 bom', lambda: b'\xff\xfe\x00\xdc'.decode('utf-16'))
t('utf32 range', lambda: b'\x00\x00\x11\x00'.decode('utf-32-le'))
t('utf32 surrogate', lambda: b'\x00\xd8\x00\x00'.decode('utf-32-le'))
t('utf32 truncated', lambda: b'a\x00\x00'.decode('utf-32-le'))
t('ascii', lambda: b'ab\x80\x81'.decode('ascii'))
t('latin1 encode', lambda: 'a\u0100\u0101b'.encode('latin-1'))
t('ascii encode', lambda: 'a\xe9\u20acb\xff'.encode('ascii'))
t('utf8 decode arg', lambda: codecs.utf_8_decode('abc'))
t('errors arg', lambda: codecs.utf_8_decode(b'abc', 5))
t('final arg', lambda: codecs.utf_8_decode(b'abc', None, 'x'))
t('encode arg', lambda: codecs.utf_8_encode(b'abc'))
t('too many', lambda: codecs.utf_8_encode('abc', 'strict', 3))
t('latin1 kw', lambda: codecs.latin_1_encode('a', errors='strict'))

# error handlers while decoding and encoding
bad = b'a\xff\xc3b\xe9c'
for errors in ['ignore', 'replace', 'backslashreplace']:
    print(errors, repr(bad.decode('utf-8', errors)), repr(bad.decode('ascii', errors)),
          repr(b'a\x00\xdcb\x00'.decode('utf-16-le', errors)))
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    print(errors, 'aé\u20ac\U0001f600b'.encode('ascii', errors), 'aé\u20ac'.encode('latin-1', errors))
t('xmlcharref decode', lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace'))
t('surrogateescape encode', lambda: '\u20ac'.encode('ascii', 'surrogateescape'))
t('surrogatepass encode', lambda: '\u20ac'.encode('latin-1', 'surrogatepass'))
t('surrogateescape ascii', lambda: b'abc'.decode('ascii', 'surrogateescape'))

# incremental codecs
for enc in ['utf-8', 'utf-16', 'utf-32', 'utf-8-sig', 'iso8859-15', 'cp1252']:
    data = 'hé€llo\n'.encode(enc)
    dec = codecs.getincrementaldecoder(enc)()
    parts = [dec.decode(data[i:i + 1]) for i in range(len(data))]
    parts.append(dec.decode(b'', True))
    print(enc, parts, dec.getstate())
    enc_ = codecs.getincrementalencoder(enc)()
    out = b''.join(enc_.encode(c) for c in 'hé€') + enc_.encode('', True)
    print(enc, out)
dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'\xe2\x82')), dec.getstate(), repr(dec.decode(b'\xac')))
t('incremental final', lambda: codecs.getincrementaldecoder('utf-8')().decode(b'\xe2', final=True))
print(list(codecs.iterdecode([b'a\xc3', b'\xa9b'], 'utf-8')), list(codecs.iterencode(['a', 'é'], 'latin-1')))
