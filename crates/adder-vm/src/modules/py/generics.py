# Adder's implementation of `types.GenericAlias` (PEP 585) and
# `types.UnionType` (PEP 604), run as the internal module `_adder_generics`.
# Written for Adder from the documented semantics of CPython 3.11.

_GA_OWN = frozenset((
    '__class__', '__origin__', '__args__', '__unpacked__', '__parameters__',
    '__typing_unpacked_tuple_args__', '__mro_entries__', '__reduce_ex__',
    '__reduce__', '__copy__', '__deepcopy__',
))

_get = object.__getattribute__


def _type_repr(obj):
    if obj is ...:
        return '...'
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        mod = obj.__module__
        if mod == 'builtins':
            return obj.__qualname__
        return f'{mod}.{obj.__qualname__}'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(x) for x in obj) + ']'
    return repr(obj)


def _collect_parameters(args):
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if hasattr(t, '__typing_subst__'):
            if t not in params:
                params.append(t)
            continue
        for x in getattr(t, '__parameters__', ()) if not isinstance(t, (list, tuple)) else _collect_parameters(t):
            if x not in params:
                params.append(x)
    return tuple(params)


def _substitute(arg, subst):
    if isinstance(arg, type):
        return arg
    if hasattr(arg, '__typing_subst__'):
        return subst.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(a, subst) for a in arg]
    params = getattr(arg, '__parameters__', None)
    if params and isinstance(params, tuple):
        return arg[tuple(subst.get(p, p) for p in params)]
    return arg


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    __slots__ = ('_origin', '_args', '_params', '_starred', '__weakref__')

    def __new__(cls, origin, args, /):
        self = object.__new__(cls)
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, '_origin', origin)
        object.__setattr__(self, '_args', args)
        object.__setattr__(self, '_params', None)
        object.__setattr__(self, '_starred', False)
        return self

    def __getattribute__(self, name):
        if name.startswith('_') and (name in _GA_OWN or name in (
                '_origin', '_args', '_params', '_starred') or name in type(self).__dict__):
            return _get(self, name)
        return getattr(_get(self, '_origin'), name)

    def __setattr__(self, name, value):
        raise AttributeError(f"'types.GenericAlias' object attribute '{name}' is read-only"
                             if name in _GA_OWN else name)

    @property
    def __origin__(self):
        return _get(self, '_origin')

    @property
    def __args__(self):
        return _get(self, '_args')

    @property
    def __unpacked__(self):
        return _get(self, '_starred')

    @property
    def __parameters__(self):
        p = _get(self, '_params')
        if p is None:
            p = _collect_parameters(_get(self, '_args'))
            object.__setattr__(self, '_params', p)
        return p

    @property
    def __typing_unpacked_tuple_args__(self):
        if _get(self, '_starred') and _get(self, '_origin') is tuple:
            return _get(self, '_args')
        return None

    def __repr__(self):
        origin = _get(self, '_origin')
        args = _get(self, '_args')
        star = '*' if _get(self, '_starred') else ''
        if not args:
            return f'{star}{_type_repr(origin)}[()]'
        return f'{star}{_type_repr(origin)}[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __getitem__(self, item):
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self!r} is not a generic class')
        if not isinstance(item, tuple):
            item = (item,)
        if len(item) != len(params):
            raise TypeError(f"Too {'many' if len(item) > len(params) else 'few'} arguments for {self!r}; actual {len(item)}, expected {len(params)}")
        subst = {}
        for p, v in zip(params, item):
            f = getattr(p, '__typing_subst__', None)
            subst[p] = f(v) if f is not None else v
        new_args = tuple(_substitute(a, subst) for a in _get(self, '_args'))
        return GenericAlias(_get(self, '_origin'), new_args)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (_get(self, '_origin') == _get(other, '_origin')
                and _get(self, '_args') == _get(other, '_args')
                and _get(self, '_starred') == _get(other, '_starred'))

    def __hash__(self):
        return hash(_get(self, '_origin')) ^ hash(_get(self, '_args'))

    def __call__(self, *args, **kwargs):
        result = _get(self, '_origin')(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        return (_get(self, '_origin'),)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __reduce__(self):
        return GenericAlias, (_get(self, '_origin'), _get(self, '_args'))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __dir__(self):
        names = set(dir(_get(self, '_origin')))
        names.update(_GA_OWN)
        return sorted(names)

    def __iter__(self):
        starred = GenericAlias(_get(self, '_origin'), _get(self, '_args'))
        object.__setattr__(starred, '_starred', True)
        yield starred


GenericAlias.__module__ = 'types'


def _unionable(x):
    return x is None or isinstance(x, (type, GenericAlias, UnionType))


class UnionType:
    """Represent a PEP 604 union type

E.g. for int | str"""

    __slots__ = ('_args', '_params')

    @property
    def __args__(self):
        return _get(self, '_args')

    @property
    def __parameters__(self):
        p = _get(self, '_params')
        if p is None:
            p = _collect_parameters(_get(self, '_args'))
            object.__setattr__(self, '_params', p)
        return p

    def __repr__(self):
        return ' | '.join('None' if a is type(None) else _type_repr(a)
                          for a in _get(self, '_args'))

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(_get(self, '_args')) == set(_get(other, '_args'))

    def __hash__(self):
        return hash(frozenset(_get(self, '_args')))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        for a in _get(self, '_args'):
            if isinstance(a, GenericAlias):
                raise TypeError('isinstance() argument 2 cannot be a parameterized generic')
        return any(isinstance(obj, a) for a in _get(self, '_args'))

    def __subclasscheck__(self, cls):
        for a in _get(self, '_args'):
            if isinstance(a, GenericAlias):
                raise TypeError('issubclass() argument 2 cannot be a parameterized generic')
        return any(issubclass(cls, a) for a in _get(self, '_args'))

    def __getitem__(self, item):
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self!r} is not a generic class')
        if not isinstance(item, tuple):
            item = (item,)
        if len(item) != len(params):
            raise TypeError(f"Too {'many' if len(item) > len(params) else 'few'} arguments for {self!r}; actual {len(item)}, expected {len(params)}")
        subst = dict(zip(params, item))
        result = None
        for a in _get(self, '_args'):
            a = _substitute(a, subst)
            result = a if result is None else result | a
        return result

    def __setattr__(self, name, value):
        raise AttributeError(f"'types.UnionType' object has no attribute '{name}'")


UnionType.__module__ = 'types'


def _union(a, b):
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in (a, b):
        if x is None:
            x = type(None)
        for y in (_get(x, '_args') if isinstance(x, UnionType) else (x,)):
            if not any(y is z or (type(y) is type(z) and not isinstance(y, type) and y == z) for z in args):
                args.append(y)
    if len(args) == 1:
        return args[0]
    u = object.__new__(UnionType)
    object.__setattr__(u, '_args', tuple(args))
    object.__setattr__(u, '_params', None)
    return u
