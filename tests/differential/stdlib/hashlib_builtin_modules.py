# The builtin hash modules hashlib falls back to without OpenSSL (_md5, _sha1,
# _sha256, _sha512, _sha3, _blake2): digests, object attributes and errors.
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
for m, names in [(_md5, ['md5']), (_sha1, ['sha1']), (_sha256, ['sha224', 'sha256']), (_sha512, ['sha384', 'sha512']), (_sha3, ['sha3_224','sha3_256','sha3_384','sha3_512','shake_128','shake_256']), (_blake2, ['blake2b', 'blake2s'])]:
    for n in names:
        c = getattr(m, n)
        h = c(b'abc')
        print(n, type(c).__name__, type(h).__name__, type(h).__module__, type(h).__qualname__, h.name, h.digest_size, h.block_size)
        h.update(bytearray(b'def'))
        if n.startswith('shake'):
            print(h.hexdigest(10), h.digest(5))
            t(h.hexdigest)
            t(h.digest, -1)
        else:
            print(h.hexdigest(), h.digest()[:4])
        h2 = h.copy(); h2.update(b'x'); print(h2.name)
        t(c, 'abc')
        t(c, 1)
        t(lambda: type(c(string=b'a')).__name__)
        t(c, data=b'a')
        t(lambda: c(b'a', usedforsecurity=False).hexdigest())
        t(h.update, 'x')
        t(h.update, 5)
        t(h.update)
print(_sha3.sha3_256().hexdigest(), _sha3.sha3_256()._capacity_bits, _sha3.sha3_256()._rate_bits, _sha3.sha3_256()._suffix, _sha3.shake_128()._suffix)
print(_blake2.blake2b(b'a', digest_size=20, key=b'k', salt=b's', person=b'p').hexdigest())
print(_blake2.blake2s(b'a', digest_size=5).hexdigest(), _blake2.blake2b.SALT_SIZE, _blake2.blake2b.PERSON_SIZE, _blake2.blake2b.MAX_KEY_SIZE, _blake2.blake2b.MAX_DIGEST_SIZE, _blake2.blake2s.MAX_DIGEST_SIZE)
t(_blake2.blake2b, digest_size=100)
t(_blake2.blake2b, key=b'x'*100)
t(_blake2.blake2b, salt=b'x'*100)
print([n for n in dir(_sha256) if not n.startswith('__')])
print([n for n in dir(_blake2) if not n.startswith('__')])
print([n for n in dir(_sha3) if not n.startswith('__') and n != 'implementation'])
print(repr(_sha256.sha256))

big = bytes(range(256)) * 40
for m, n in [(_md5, 'md5'), (_sha1, 'sha1'), (_sha256, 'sha256'), (_sha512, 'sha384'), (_sha3, 'sha3_512'), (_blake2, 'blake2s')]:
    h = getattr(m, n)()
    for i in range(0, len(big), 1000):
        h.update(big[i:i + 1000])
    print(n, h.hexdigest() == getattr(m, n)(big).hexdigest(), getattr(m, n)(big).hexdigest())
print(_sha3.shake_256(big).hexdigest(40), _sha3.shake_128(b'').digest(0))
print(_blake2.blake2b(b'msg', key=b'secret' * 10, digest_size=33).hexdigest())
print(_blake2.blake2b(key=b'k').hexdigest(), _blake2.blake2s(b'', key=b'k' * 32).hexdigest())
print(_blake2.blake2s(big, salt=b'12345678', person=b'abc').hexdigest())
t(_blake2.blake2s, person=b'x' * 9)
t(_blake2.blake2s, digest_size=0)

import hashlib, hmac
print(hashlib.sha256(b'abc').hexdigest(), hashlib.md5(b'x').hexdigest(), hashlib.new('sha512', b'q').hexdigest()[:20], hashlib.blake2b(b'z', digest_size=8).hexdigest())
print(hmac.new(b'key', b'msg', 'sha256').hexdigest(), hmac.digest(b'k', b'm', 'sha1').hex())
print(hashlib.sha3_256(b'').hexdigest()[:16], hashlib.shake_128(b'a').hexdigest(8))
