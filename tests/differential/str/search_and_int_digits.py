# str search methods over ASCII and non-ASCII text (byte-level searchers
# must report character positions and non-overlapping counts), and int
# formatting at the 64-bit edges in every radix.
texts = ['', 'a', 'aaaa', 'abcabcabc', 'héllo wörld héllo', 'xx\U00010348yy\U00010348zz',
         'item-12345:00042', ',a,,b,', 'ö' * 9]
needles = ['a', 'aa', 'bc', 'héllo', 'ö', 'öö', '\U00010348', 'zz', ',', ',,', 'abcabcabcd', 'l']
for t in texts:
    for n in needles:
        print(repr(t), repr(n), t.find(n), t.rfind(n), t.count(n), t.index(n) if n in t else -9,
              t.replace(n, '<>'), t.replace(n, '', 1), t.split(n), t.rsplit(n, 1),
              t.split(n, 1), t.partition(n), t.find(n, 2), t.count(n, 1, -1), t.startswith(n))
for v in (0, 1, -1, 255, -255, 2**32, 2**63 - 1, -2**63, 2**63, 2**64 - 1, 2**64, -2**64, 10**30):
    print(v, '%d %i %o %x %X %5d %-6x %+d %05d' % (v, v, v, v, v, v, v, v, v),
          format(v, 'b'), format(v, '#o'), format(v, '#x'), format(v, 'X'), format(v, ','),
          format(v, '_x'), format(v, '020d'), f'{v:>25}', f'{v:#b}'[-12:])
