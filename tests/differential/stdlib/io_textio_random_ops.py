# Random sequences of reads, readlines, writes, tells and seeks on
# TextIOWrapper for several codecs and newline modes, compared with CPython:
# the tell() cookies, the text read, and the bytes written must all match.
import io, random

samples = ['abc\n', 'é€\r\n', 'x\ry', '\U0001f600\n', 'plain text line\n', '\r', '\n', 'ñ']
rng = random.Random(1234)
for trial in range(120):
    enc = rng.choice(['utf-8', 'latin-1', 'utf-16', 'utf-16-be', 'utf-32', 'cp1252', 'utf-8-sig'])
    nl = rng.choice([None, '', '\n', '\r', '\r\n'])
    text = ''.join(rng.choice(samples) for _ in range(rng.randint(0, 12)))
    if enc in ('latin-1', 'cp1252'):
        text = text.replace('€', 'e').replace('\U0001f600', 'E')
    w = io.TextIOWrapper(io.BytesIO(text.encode(enc)), encoding=enc, newline=nl)
    w._CHUNK_SIZE = rng.choice([1, 2, 3, 5, 8192])
    log = [enc, repr(nl), w._CHUNK_SIZE]
    cookies = []
    for step in range(rng.randint(1, 15)):
        op = rng.random()
        try:
            if op < 0.3:
                n = rng.randint(-1, 5)
                log.append(('read', n, w.read(n)))
            elif op < 0.55:
                n = rng.choice([-1, 0, 1, 3, 10])
                log.append(('readline', n, w.readline(n)))
            elif op < 0.8:
                c = w.tell()
                cookies.append(c)
                log.append(('tell', c))
            elif cookies:
                c = rng.choice(cookies)
                log.append(('seek', c, w.seek(c)))
            else:
                log.append(('seek0', w.seek(0)))
        except Exception as e:
            log.append((type(e).__name__, str(e)))
    log.append(('newlines', w.newlines))
    print(log)

rw = ['abc\n', 'é€\r\n', 'x\ry', '\n', 'ñ', 'zz']
rng = random.Random(5)
for trial in range(150):
    enc = rng.choice(['utf-8', 'latin-1', 'utf-16', 'cp1252', 'ascii'])
    nl = rng.choice([None, '', '\n', '\r', '\r\n'])
    def fix(t):
        if enc in ('latin-1', 'cp1252', 'ascii'):
            t = t.replace('€', 'E')
        if enc == 'ascii':
            t = t.replace('é', 'e').replace('ñ', 'n')
        return t
    init = fix(''.join(rng.choice(rw) for _ in range(rng.randint(0, 6)))).encode(enc)
    raw = io.BytesIO(init)
    buf = io.BufferedRandom(raw, rng.choice([2, 5, 64])) if rng.random() < 0.5 else raw
    w = io.TextIOWrapper(buf, encoding=enc, newline=nl, line_buffering=rng.random() < 0.3,
                         write_through=rng.random() < 0.3)
    w._CHUNK_SIZE = rng.choice([1, 3, 8192])
    log = [enc, repr(nl)]
    cookies = []
    for step in range(rng.randint(1, 12)):
        op = rng.random()
        try:
            if op < 0.2:
                log.append(('read', w.read(rng.randint(-1, 4))))
            elif op < 0.35:
                log.append(('readline', w.readline()))
            elif op < 0.55:
                log.append(('write', w.write(fix(rng.choice(rw)))))
            elif op < 0.7:
                c = w.tell()
                cookies.append(c)
                log.append(('tell', c))
            elif op < 0.8 and cookies:
                c = rng.choice(cookies)
                log.append(('seek', w.seek(c)))
            elif op < 0.9:
                log.append(('seekend', w.seek(0, 2)))
            else:
                log.append(('flush', w.flush()))
        except Exception as e:
            log.append((type(e).__name__, str(e)))
    try:
        w.flush()
    except Exception as e:
        log.append((type(e).__name__, str(e)))
    log.append(raw.getvalue())
    print(log)
