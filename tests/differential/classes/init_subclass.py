# __init_subclass__, __set_name__, __class_getitem__.
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin): pass
class B(Plugin, name='bee'): pass
class C(B): pass
print(Plugin.registry, C.plugin_name)
try:
    class D(Plugin, bogus=1): pass
except TypeError as e:
    print('TypeError:', e)
class Field:
    def __set_name__(self, owner, name):
        self.owner, self.name = owner.__name__, name
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.owner)
class Box:
    def __class_getitem__(cls, item):
        return f'Box[{item.__name__ if isinstance(item, type) else item}]'
print(Box[int], Box['x'], list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__)
print(list[int]([1, 2]), list[int].__origin__, list[int].__args__)
try:
    int[str]
except TypeError as e:
    print('TypeError:', e)
