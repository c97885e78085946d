# unicodedata: normalize() and is_normalized() in all four forms (Hangul,
# canonical ordering, blocking, compatibility, 3.2.0 corrections), with
# digests over generated strings, and their errors.
import unicodedata as U, zlib
pool = list('aeiouAEOUnNcCsSzZ ') + [chr(c) for c in [
    0x300, 0x301, 0x302, 0x303, 0x308, 0x327, 0x328, 0x323, 0x331, 0x345, 0x31b, 0x0b47, 0x0b3e, 0x0b56,
    0x0b57, 0x0dd9, 0x0dca, 0x0dcf, 0x0ddf, 0x1100, 0x1101, 0x1161, 0x1175, 0x1176, 0x11a7, 0x11a8, 0x11c2,
    0x11c3, 0xac00, 0xac01, 0x3099, 0x309a, 0x304b, 0x30cf, 0x1d157, 0x1d165, 0x1d16e, 0x05b0, 0x05b4,
    0x05d9, 0x0f71, 0x0f72, 0x0f80, 0x0f40, 0x0fb5, 0x1e36, 0x1e37, 0x0226, 0x0227, 0x01b0, 0x01af, 0x1f00,
    0x0391, 0x03b9, 0x0313, 0x0314, 0x0342, 0x0344, 0x0340, 0x0958, 0x093c, 0x0915, 0x2126, 0x212b,
    0xfb1d, 0x0cc6, 0x0cc2, 0x0cd5, 0x0cd6, 0x0d46, 0x0d3e, 0x0d57, 0x1b05, 0x1b35, 0x11131, 0x11127,
    0x1d1b9, 0x110a5, 0x110ba, 0x0e40, 0xfb01, 0x2460, 0x00bd, 0x2075, 0x1e9b, 0x0323, 0x212b, 0xf951,
    0x2f868, 0x2f874, 0x2f91f, 0xfdfa, 0x3300, 0x1f1e6, 0x0221]]
x = 4242
def rnd(n):
    global x
    x = (x * 1103515245 + 12345) & 0x7fffffff
    return x % n
for db, tag in [(U, 'cur'), (U.ucd_3_2_0, 'old')]:
    hs = {f: 0 for f in ['NFC', 'NFD', 'NFKC', 'NFKD']}
    hn = 0
    for k in range(1500):
        s = ''.join(pool[rnd(len(pool))] for _ in range(1 + rnd(7)))
        for f in hs:
            r = db.normalize(f, s)
            hs[f] = zlib.crc32(r.encode() + b';', hs[f])
            hn = zlib.crc32(b'1' if db.is_normalized(f, s) else b'0', hn)
            hn = zlib.crc32(b'1' if db.is_normalized(f, r) else b'0', hn)
    print(tag, hs, hn)
for s in ['caf\u00e9', 'cafe\u0301', '\u1100\u1161\u11a8', '\uac01', '\u1100\u1176', '\u1100\u1161\u11a7',
          '\u1100\u1161\u11c3', 'A\u0301\u0327', 'a\u0323\u0302', 'a\u0302\u0323', '\u0b47\u0b3e', '\u0b47\u0300\u0b3e',
          '\ufb01', '\u2460', '\u00bd', '\u1e9b\u0323', '\u212b', '\ufdfa', '\u0344', 'x\u0f73', '\U0001d15f',
          '\uf951', '\U0002f868', '\u0041\u030a\u0327', '']:
    print(ascii(s), [ascii(U.normalize(f, s)) for f in ['NFC', 'NFD', 'NFKC', 'NFKD']],
          [U.is_normalized(f, s) for f in ['NFC', 'NFD', 'NFKC', 'NFKD']],
          ascii(U.ucd_3_2_0.normalize('NFC', s)), ascii(U.ucd_3_2_0.normalize('NFKD', s)))
def t(f, *a, **k):
    try:
        print(ascii(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(U.normalize); t(U.normalize, 'NFC'); t(U.normalize, 5, 'a'); t(U.normalize, 'NFC', 5); t(U.normalize, 'nfc', 'a')
t(U.normalize, 'nfc', ''); t(U.normalize, 'NFC', 'a', 'b'); t(U.normalize, form='NFC', unistr='a')
t(U.is_normalized, 'X', 'a'); t(U.is_normalized, 'X', ''); t(U.is_normalized, 'NFC', b'a'); t(U.is_normalized)
t(U.ucd_3_2_0.normalize, 'NFD', 'e\u0301'); t(U.ucd_3_2_0.is_normalized, 'NFD', '\u00e9'); t(U.ucd_3_2_0.normalize)
class S(str): pass
r = U.normalize('NFC', S('abc')); print(type(r).__name__, r)
r = U.normalize('NFC', S('')); print(type(r).__name__, repr(r))
