# Dict-heavy counting: word frequencies over generated text.
def words(n):
    seed = 12345
    vocab = ['w%d' % i for i in range(5000)]
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield vocab[seed % 5000]

def run(n):
    counts = {}
    for w in words(n):
        counts[w] = counts.get(w, 0) + 1
    pairs = {}
    for w, c in counts.items():
        pairs.setdefault(c % 17, []).append(w)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    return len(counts), sum(len(v) for v in pairs.values()), top
print(run(3000000))
