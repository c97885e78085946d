# unicodedata: name() and lookup() (aliases, named sequences, Hangul
# syllables, CJK ideographs, case rules, errors), for both databases.
import unicodedata as U, zlib
def t(f, *a):
    try:
        print(ascii(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)
h = 0
bad = 0
n_named = 0
for i in list(range(0, 0x30000, 7)) + list(range(0xE0000, 0xE0200)):
    n = U.name(chr(i), None)
    h = zlib.crc32(str(n).encode() + b';', h)
    if n is not None:
        n_named += 1
        if U.lookup(n) != chr(i):
            bad += 1
        if not n.startswith(('HANGUL SYLLABLE', 'CJK UNIFIED')) and U.lookup(n.lower()) != chr(i):
            bad += 1
        o = U.ucd_3_2_0.name(chr(i), None)
        if o is not None and U.ucd_3_2_0.lookup(o) != chr(i):
            bad += 1
print(h, n_named, bad)
for n in ['LATIN SMALL LETTER A', 'latin small letter a', 'Latin Small Letter A', 'SPACE', 'NULL', 'NUL', 'BEL', 'BELL',
          'LATIN CAPITAL LETTER GHA', 'BYTE ORDER MARK', 'ZWNJ', 'NBSP', 'LINE FEED', 'LF', 'EOL',
          'KANNADA LETTER LLLA', 'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'KEYCAP NUMBER SIGN',
          'TAMIL CONSONANT K', 'BENGALI LETTER KHINYA', 'HANGUL SYLLABLE GA', 'HANGUL SYLLABLE GAG',
          'HANGUL SYLLABLE A', 'HANGUL SYLLABLE ', 'HANGUL SYLLABLE GGWEOLH', 'HANGUL SYLLABLE HIH', 'hangul syllable ga',
          'hangul syllable GA', 'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-4e00', 'cjk unified ideograph-4E00',
          'CJK UNIFIED IDEOGRAPH-04E00', 'CJK UNIFIED IDEOGRAPH-2A700', 'CJK UNIFIED IDEOGRAPH-9FFF', 'CJK UNIFIED IDEOGRAPH-A000',
          'CJK UNIFIED IDEOGRAPH-3134A', 'CJK COMPATIBILITY IDEOGRAPH-F900', 'cjk compatibility ideograph-f900',
          'CJK COMPATIBILITY IDEOGRAPH-FA6E', 'CJK COMPATIBILITY IDEOGRAPH-2F800', 'TANGUT IDEOGRAPH-17000',
          'KHITAN SMALL SCRIPT CHARACTER-18B00', 'NUSHU CHARACTER-1B170', 'NUSHU CHARACTER-01B170', 'GRINNING FACE',
          'grinning face', 'SNAKE', 'x', '', 'LATIN SMALL LETTER A\x00B', '\u00e9', 'a' * 256, 'a' * 257,
          'TIBETAN MARK TSA -PHRU', 'HANGUL JUNGSEONG O-E', 'MULTIPLICATION SIGN', 'BOX DRAWINGS LIGHT HORIZONTAL']:
    t(U.lookup, n)
    t(U.ucd_3_2_0.lookup, n)
t(U.lookup, b'LATIN SMALL LETTER B'); t(U.lookup, bytearray(b'A')); t(U.lookup, memoryview(b'A')); t(U.lookup, 5)
t(U.lookup); t(U.lookup, 'a', 'b'); t(U.ucd_3_2_0.lookup)
for ch in ['\uac00', '\ud7a3', '\uac01', '\u4e00', '\U0002B81D', '\U00017000', '\U00018B00', '\U0001B170', '\uf900',
           '\U0002FA1D', '\u0000', '\u0020', '\u00a0', '\ufeff', '\U000E0001', '\U000F0000', '\u0e3f']:
    t(U.name, ch); t(U.ucd_3_2_0.name, ch)
print(U.lookup('LATIN SMALL LETTER A') is not None, '\N{LATIN SMALL LETTER A WITH ACUTE}' == U.lookup('LATIN SMALL LETTER A WITH ACUTE'))
import codecs
print(codecs.decode(b'\\N{BULLET}\\N{NBSP}x', 'unicode_escape') == '\u2022\u00a0x')
print('\u2022\u00e9'.encode('ascii', 'namereplace'))
