# Helpers for the ast_* differential scripts: a node formatter in the style
# of ast.dump(include_attributes=True), built on _ast alone so the scripts
# do not depend on the rest of the standard library.
import _ast


def dump(node, attrs=True):
    if isinstance(node, _ast.AST):
        cls = type(node)
        parts = []
        names = list(node._fields)
        if attrs:
            names += list(getattr(node, '_attributes', ()))
        for name in names:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(cls, name, ...) is None:
                continue
            parts.append('%s=%s' % (name, dump(value, attrs)))
        return '%s(%s)' % (cls.__name__, ', '.join(parts))
    if isinstance(node, list):
        return '[%s]' % ', '.join(dump(x, attrs) for x in node)
    return repr(node)


def parse(src, mode='exec'):
    return compile(src, '<unknown>', mode, _ast.PyCF_ONLY_AST)


def show_error(f):
    try:
        r = f()
    except Exception as e:
        msg = str(e)
        if ' object at 0x' in msg:
            msg = msg[:msg.index(' object at 0x')] + '>'
        print(type(e).__name__, msg)
    else:
        print('ok', type(r).__name__)


def fix_locations(node, lineno=1, col=0, end_lineno=None, end_col=None):
    """Fills missing positions from the parent (like ast.fix_missing_locations)."""
    if isinstance(node, list):
        for x in node:
            fix_locations(x, lineno, col, end_lineno, end_col)
        return node
    if not isinstance(node, _ast.AST):
        return node
    if 'lineno' in node._attributes:
        if not hasattr(node, 'lineno'):
            node.lineno = lineno
        else:
            lineno = node.lineno
        if getattr(node, 'end_lineno', None) is None:
            node.end_lineno = end_lineno if end_lineno is not None else lineno
        else:
            end_lineno = node.end_lineno
        if not hasattr(node, 'col_offset'):
            node.col_offset = col
        else:
            col = node.col_offset
        if getattr(node, 'end_col_offset', None) is None:
            node.end_col_offset = end_col if end_col is not None else col
        else:
            end_col = node.end_col_offset
    for name in node._fields:
        fix_locations(getattr(node, name, None), lineno, col, end_lineno, end_col)
    return node


def walk(node):
    todo = [node]
    while todo:
        n = todo.pop(0)
        if isinstance(n, list):
            todo.extend(n)
            continue
        if not isinstance(n, _ast.AST):
            continue
        yield n
        for name in n._fields:
            todo.append(getattr(n, name, None))
