# The names _io and _codecs define, and the methods of each _io class.
import _io, _codecs
print(sorted(n for n in dir(_io) if not n.startswith('__')))
print(sorted(n for n in dir(_codecs) if not n.startswith('__')))
for cls in [_io.FileIO, _io.BytesIO, _io.StringIO, _io.BufferedReader, _io.BufferedWriter, _io.BufferedRandom, _io.BufferedRWPair, _io.TextIOWrapper, _io.IncrementalNewlineDecoder, _io._IOBase, _io._RawIOBase, _io._BufferedIOBase, _io._TextIOBase]:
    print(cls.__name__, sorted(n for n in vars(cls) if not n.startswith('__') or n in ('__next__', '__iter__', '__enter__', '__exit__', '__getstate__', '__setstate__')))
