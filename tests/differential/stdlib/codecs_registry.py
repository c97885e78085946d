# The codec registry: lookup, search functions, encode/decode, error handlers.
import codecs

def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for name in ['utf-8', 'UTF8', ' Utf  8 ', 'latin-1', 'ISO-8859-1', 'ascii', 'US-ASCII',
             'utf-16', 'utf_32_be', 'cp1252', 'koi8-r', 'rot13', 'hex', 'base64']:
    ci = codecs.lookup(name)
    print(repr(name), ci.name, type(ci).__name__, getattr(ci, '_is_text_encoding', True))
print(codecs.lookup('utf-8') is codecs.lookup('UTF-8'))
t('unknown', lambda: codecs.lookup('nope'))
t('int', lambda: codecs.lookup(5))
t('nul', lambda: codecs.lookup('utf\0-8'))

# module-level encode/decode
print(codecs.encode('abc'), codecs.decode(b'abc'), codecs.encode('é', 'latin-1'))
print(codecs.encode('abc', 'rot13'), codecs.decode(b'616263', 'hex'), codecs.encode(b'abc', 'hex'))
print(codecs.encode(b'hi', 'base64'), codecs.decode(b'aGk=\n', 'base64'))
print(codecs.encode('é', encoding='ascii', errors='replace'), codecs.decode(obj=b'\xff', errors='ignore'))
t('encode hex str', lambda: codecs.encode('abc', 'hex'))
t('encode strict', lambda: codecs.encode('é', 'ascii'))
t('decode strict', lambda: codecs.decode(b'\xff', 'utf-8'))
t('encode kw', lambda: codecs.encode('a', foo=1))

# str.encode / bytes.decode through the registry
print('héllo €'.encode('cp1252'), b'h\xe9llo \x80'.decode('cp1252'), 'abc'.encode('koi8-r'))
print('é'.encode('utf-8', 'custom-unused'), b'abc'.decode('ascii', 'nonexistent'))
t('rot13 method', lambda: 'abc'.encode('rot13'))
t('hex method', lambda: b'61'.decode('hex'))
t('unknown method', lambda: 'x'.encode('nope'))
t('cp1252 undefined', lambda: b'\x81'.decode('cp1252'))
t('cp1252 unencodable', lambda: '\u0100'.encode('cp1252'))
print(b'\x81'.decode('cp1252', 'replace'), '\u0100'.encode('cp1252', 'xmlcharrefreplace'))

# a search function of our own
def search(name):
    if name == 'reverse_test':
        return codecs.CodecInfo(
            name='reverse_test',
            encode=lambda s, errors='strict': (s[::-1].encode('ascii'), len(s)),
            decode=lambda b, errors='strict': (bytes(b)[::-1].decode('ascii'), len(b)))
    if name == 'bad_test':
        return 'not a tuple'
    return None
codecs.register(search)
print(codecs.lookup('reverse-test').name, 'abc'.encode('reverse_test'), b'xyz'.decode('Reverse Test'))
print(codecs.encode('hello', 'reverse_test'))
t('bad search', lambda: codecs.lookup('bad_test'))
codecs.unregister(search)
t('after unregister', lambda: codecs.lookup('bad_test'))
t('cache cleared', lambda: codecs.lookup('reverse_test'))
t('register non-callable', lambda: codecs.register(5))

# error handler registry
for name in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace',
             'namereplace', 'surrogateescape', 'surrogatepass']:
    h = codecs.lookup_error(name)
    print(name, h.__name__)
print(codecs.strict_errors is codecs.lookup_error('strict'))
t('unknown handler', lambda: codecs.lookup_error('nope'))
t('register non-callable', lambda: codecs.register_error('x', 5))
t('unknown handler use', lambda: 'é'.encode('ascii', 'nope'))
t('unknown handler decode', lambda: b'\xff'.decode('utf-8', 'nope'))

def star(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('*' * (exc.end - exc.start), exc.end)
    return ('<%d:%d>' % (exc.start, exc.end), exc.end)
codecs.register_error('star', star)
print('aé€b'.encode('ascii', 'star'), 'aé€b'.encode('latin-1', 'star'), 'x\u0100'.encode('cp1252', 'star'))
print(b'a\xff\xfeb'.decode('utf-8', 'star'), b'a\x80b'.decode('ascii', 'star'))
print(codecs.lookup_error('star') is star)

def skip_back(exc):
    return ('?', -1)
codecs.register_error('skipback', skip_back)
print(b'ab\xffcd'.decode('utf-8', 'skipback'))
def bad_result(exc):
    return 'nope'
codecs.register_error('badresult', bad_result)
t('bad result enc', lambda: 'é'.encode('ascii', 'badresult'))
t('bad result dec', lambda: b'\xff'.decode('utf-8', 'badresult'))
def out_of_range(exc):
    return ('', 100)
codecs.register_error('outofrange', out_of_range)
t('out of range', lambda: b'\xff'.decode('utf-8', 'outofrange'))
def bytes_back(exc):
    return (b'#', exc.end)
codecs.register_error('bytesback', bytes_back)
print('aé'.encode('ascii', 'bytesback'))
t('bytes in decode', lambda: b'\xff'.decode('utf-8', 'bytesback'))
def non_ascii(exc):
    return ('\u20ac', exc.end)
codecs.register_error('nonascii', non_ascii)
t('unencodable replacement', lambda: 'é'.encode('ascii', 'nonascii'))
def raiser(exc):
    raise KeyError('from handler')
codecs.register_error('raiser', raiser)
t('raising handler', lambda: b'\xff'.decode('utf-8', 'raiser'))
