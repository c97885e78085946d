# Adder's `object.__reduce_ex__`, `object.__reduce__` and
# `object.__getstate__`: the copy/pickle protocol for plain objects
# (PEP 307), run as the internal module `_adder_reduce`.

_NATIVE_OK = (list, dict, set, frozenset, tuple, int, float, complex, str,
              bytes, bytearray, bool)


def _slotnames(cls):
    import copyreg
    return copyreg._slotnames(cls)


def getstate(obj, required=False):
    cls = type(obj)
    try:
        d = object.__getattribute__(obj, '__dict__')
    except AttributeError:
        d = None
    if required and not _picklable_layout(cls):
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    state = d if d else None
    names = _slotnames(cls)
    if names:
        slots = {}
        for name in names:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _picklable_layout(cls):
    # Plain instances and subclasses of the builtin data types rebuild
    # through cls.__new__; other native layouts need their own __reduce__.
    for base in cls.__mro__:
        if base is object or base in _NATIVE_OK:
            return True
        if not base.__flags__ & (1 << 9):
            return False
    return True


def _special(obj, name):
    # A special method is looked up on the type (a class's __getattr__ and
    # __getattribute__ are not involved), then bound.
    for klass in type(obj).__mro__:
        if name in klass.__dict__:
            return object.__getattribute__(obj, name)
    return None


def reduce_newobj(obj):
    import copyreg
    cls = type(obj)
    if getattr(cls, '__new__', None) is None:
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    kwargs = None
    getnewargs_ex = _special(obj, '__getnewargs_ex__')
    if getnewargs_ex is not None:
        r = getnewargs_ex()
        if not isinstance(r, tuple):
            raise TypeError(f"__getnewargs_ex__ should return a tuple, not '{type(r).__name__}'")
        if len(r) != 2:
            raise ValueError(f"__getnewargs_ex__ should return a tuple of length 2, not {len(r)}")
        args, kwargs = r
        if not isinstance(args, tuple):
            raise TypeError(f"first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{type(args).__name__}'")
        if not isinstance(kwargs, dict):
            raise TypeError(f"second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{type(kwargs).__name__}'")
    else:
        getnewargs = _special(obj, '__getnewargs__')
        if getnewargs is not None:
            args = getnewargs()
            if not isinstance(args, tuple):
                raise TypeError(f"__getnewargs__ should return a tuple, not '{type(args).__name__}'")
        else:
            args = ()
    required = not args and not kwargs and not isinstance(obj, (list, dict))
    getstate_m = getattr(obj, '__getstate__')
    if getattr(getstate_m, '__func__', None) is None and type(obj).__getstate__ is object.__getstate__:
        state = getstate(obj, required)
    else:
        state = getstate_m()
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return (copyreg.__newobj_ex__, (cls, args, kwargs), state, listitems, dictitems)
    return (copyreg.__newobj__, (cls,) + args, state, listitems, dictitems)


def reduce_ex(obj, proto):
    cls = type(obj)
    r = getattr(cls, '__reduce__', None)
    if r is not None and r is not object.__reduce__:
        return obj.__reduce__()
    return common_reduce(obj, proto)


def common_reduce(obj, proto):
    if proto >= 2:
        return reduce_newobj(obj)
    import copyreg
    return copyreg._reduce_ex(obj, proto)
