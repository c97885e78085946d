# Word statistics over a fixed text.
text = '''It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity'''
words = [w.strip(',.').lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(len(words), len(freq), top)
print(max(words, key=len), sorted({w[0] for w in words}), ' '.join(w.capitalize() for w in words[:6]))
lines = text.splitlines()
print([len(l) for l in lines], [l.count('it') for l in lines], text.title()[:30])
print('{:<12}|{:>5}'.format('word', 'count'))
for w, c in top[:3]:
    print(f'{w:<12}|{c:>5}')
