# match: nested patterns, guards with side effects, dispatch on types and shapes.
def evaluate(expr):
    match expr:
        case ('num', n):
            return n
        case ('add', left, right):
            return evaluate(left) + evaluate(right)
        case ('mul', left, right):
            return evaluate(left) * evaluate(right)
        case ('neg', inner):
            return -evaluate(inner)
        case {'op': 'sum', 'args': [*args]}:
            return sum(evaluate(a) for a in args)
        case _:
            raise ValueError(f'bad expr {expr!r}')
print(evaluate(('add', ('num', 2), ('mul', ('num', 3), ('neg', ('num', 4))))))
print(evaluate({'op': 'sum', 'args': [('num', 1), ('num', 2), ('num', 3)]}))
try:
    evaluate(('div', 1, 2))
except ValueError as e:
    print('ValueError:', e)
def command(text):
    match text.split():
        case ['go', ('north' | 'south') as d]:
            return f'going {d}'
        case ['take', item, *rest] if rest:
            return f'take {item} and {rest}'
        case ['take', item]:
            return f'take {item}'
        case ['quit' | 'exit']:
            return 'bye'
        case []:
            return 'empty'
        case [verb, *_]:
            return f'unknown verb {verb}'
for t in ['go north', 'go west', 'take lamp', 'take lamp key', 'quit', '', 'dance now']:
    print(repr(t), command(t))
