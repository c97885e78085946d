# unicodedata: every per-character property over a sample of code points
# (digests: zlib.crc32 of the joined results), for Unicode 14.0.0 and for
# ucd_3_2_0, plus spot values.
import unicodedata as U, zlib
print(U.unidata_version, U.ucd_3_2_0.unidata_version, type(U.ucd_3_2_0).__name__, U.UCD.__module__)
CPS = [c for c in list(range(0, 0x3000, 3)) + list(range(0x3000, 0x110000, 211))
       + list(range(0x1F300, 0x1F400)) + list(range(0xAC00, 0xAC40)) + list(range(0xFB00, 0xFB50))
       if c < 0x10F800]  # Adder stores lone surrogates as U+10F800..U+10FFFF
print(len(CPS))
for db, tag in [(U, 'cur'), (U.ucd_3_2_0, 'old')]:
    props = {
        'category': db.category, 'bidirectional': db.bidirectional,
        'east_asian_width': db.east_asian_width, 'combining': lambda c: str(db.combining(c)),
        'mirrored': lambda c: str(db.mirrored(c)), 'decomposition': db.decomposition,
        'decimal': lambda c: str(db.decimal(c, None)), 'digit': lambda c: str(db.digit(c, None)),
        'numeric': lambda c: repr(db.numeric(c, None)), 'name': lambda c: str(db.name(c, None)),
    }
    for pn, f in props.items():
        h = 0
        for i in CPS:
            h = zlib.crc32((f(chr(i)) + ';').encode(), h)
        print(tag, pn, h)
for ch in ['A', 'a', '1', '\u00bd', '\u2167', '\u0663', '\u00e9', '\u0301', '\u05d0', '\u0627', '\u4e00',
           '\uac00', '\U0001F600', '\u2028', '\x00', '\uffff', '\U0010F7FF', '\ud800', '\udfff', '\u00b2', '\u2460', '\U0001D7D8', '\u0f33',
           '\u221e', '(', '\u2329', '\U00020000', '\uf900', '\u1e9e', '\u0221', '\u08a0']:
    print(ascii(ch), U.category(ch), U.bidirectional(ch), U.east_asian_width(ch), U.combining(ch),
          U.mirrored(ch), U.decomposition(ch), U.decimal(ch, None), U.digit(ch, None), U.numeric(ch, None),
          U.name(ch, None), U.ucd_3_2_0.category(ch), U.ucd_3_2_0.bidirectional(ch),
          U.ucd_3_2_0.east_asian_width(ch), U.ucd_3_2_0.decimal(ch, None), U.ucd_3_2_0.name(ch, None))
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
for fn in ['decimal', 'digit', 'numeric', 'category', 'bidirectional', 'combining', 'mirrored',
           'east_asian_width', 'decomposition', 'name']:
    f = getattr(U, fn)
    t(f); t(f, 'ab'); t(f, 5); t(f, 'a', 1, 2); t(f, ''); t(f, 'x', 'dflt'); t(f, 'a', x=1)
    t(getattr(U.ucd_3_2_0, fn), 5); t(getattr(U.ucd_3_2_0, fn))
t(U.decimal, 'x'); t(U.digit, 'x'); t(U.numeric, 'x'); t(U.name, '\U000F0000'); t(U.name, '\x00')
t(U.UCD); t(type(U.ucd_3_2_0)); t(U.UCD.category, U.ucd_3_2_0, '\u0221'); t(U.UCD.category, 5, 'a')
t(getattr, U.ucd_3_2_0, 'foo')
print(sorted(x for x in dir(U.ucd_3_2_0) if not x.startswith('_')))
