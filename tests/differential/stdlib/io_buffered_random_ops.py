# Random sequences of reads, writes, seeks and peeks on the buffered
# classes (over BytesIO and over a real file), compared op by op with
# CPython: results, positions and final contents must all match.
import io, os, random

PATH = '/tmp/adder_io_test_io_buffered_random_ops'

def session(rng, raw, log_raw):
    kind = rng.choice(['random', 'reader', 'writer'])
    size = rng.choice([1, 2, 3, 4, 7, 16])
    cls = {'random': io.BufferedRandom, 'reader': io.BufferedReader, 'writer': io.BufferedWriter}[kind]
    b = cls(raw, size)
    log = [kind, size]
    for step in range(rng.randint(1, 20)):
        op = rng.randrange(9)
        try:
            if op == 0:
                n = rng.choice([-1, 0, 1, 2, 5, 9, 40])
                log.append(('read', n, b.read(n)))
            elif op == 1:
                n = rng.choice([-1, 0, 1, 3, 20])
                log.append(('read1', n, b.read1(n)))
            elif op == 2:
                log.append(('peek', b.peek(rng.randint(0, 3))))
            elif op == 3:
                data = bytes([65 + step]) * rng.randint(0, 9)
                log.append(('write', b.write(data)))
            elif op == 4:
                p, w = rng.randint(-5, 40), rng.choice([0, 0, 1, 2])
                log.append(('seek', p, w, b.seek(p, w)))
            elif op == 5:
                log.append(('tell', b.tell()))
            elif op == 6:
                log.append(('flush', b.flush()))
            elif op == 7:
                ba = bytearray(rng.randint(0, 8))
                log.append(('readinto', b.readinto(ba), bytes(ba)))
            else:
                log.append(('readline', b.readline(rng.choice([-1, 2, 5]))))
        except Exception as e:
            log.append((type(e).__name__, str(e)))
    try:
        b.flush()
    except Exception as e:
        log.append((type(e).__name__, str(e)))
    log.append(log_raw())
    print(log)

rng = random.Random(99)
for trial in range(150):
    init = bytes(rng.randrange(256) for _ in range(rng.randint(0, 30)))
    raw = io.BytesIO(init)
    session(rng, raw, raw.getvalue)

rng = random.Random(7)
for trial in range(100):
    init = bytes(rng.randrange(256) for _ in range(rng.randint(0, 30)))
    with open(PATH, 'wb') as f:
        f.write(init)
    raw = io.FileIO(PATH, 'r+')
    def contents():
        raw.seek(0)
        return raw.read()
    session(rng, raw, contents)
    raw.close()
os.remove(PATH)
