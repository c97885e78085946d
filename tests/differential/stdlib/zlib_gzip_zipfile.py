# gzip and zipfile on top of zlib (round trips; compressed bytes are not printed).
import gzip, zipfile, io
import hashlib, hmac, gzip, zipfile, io
d = gzip.compress(b'hello gzip' * 10, mtime=0); print(gzip.decompress(d))
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('a.txt', 'alpha' * 20)
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z: print(z.namelist(), z.read('a.txt')[:10], z.testzip())
