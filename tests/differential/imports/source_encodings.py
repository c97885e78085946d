# Source files in encodings the compiler does not decode itself (latin9,
# cp437) are decoded through the codecs registry; an unknown one is a
# SyntaxError.
import importlib
import os
import sys
import tempfile

d = tempfile.mkdtemp()
sys.path.insert(0, d)
cases = [
    ("enc_latin9", "latin9", "# -*- coding: latin9 -*-\nx = '\u20ac'\n"),
    ("enc_cp437", "cp437", "# -*- coding: cp437 -*-\nx = '\u252c\u00f3'\n"),
    ("enc_bogus", "latin-1", "# -*- coding: bogus-enc -*-\nx = 1\n"),
]
for name, enc, text in cases:
    with open(os.path.join(d, name + ".py"), "w", encoding=enc) as f:
        f.write(text)
    try:
        m = importlib.import_module(name)
        print(name, ascii(m.x))
    except SyntaxError as e:
        print(name, "SyntaxError:", e.msg)
for name, _, _ in cases:
    os.remove(os.path.join(d, name + ".py"))
os.rmdir(d)
