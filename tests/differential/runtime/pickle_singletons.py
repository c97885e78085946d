# Ellipsis and NotImplemented pickle (and copy) as references to the singletons.
import copy
import pickle

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    x = pickle.loads(pickle.dumps([..., NotImplemented, (..., None)], proto))
    print(proto, x, x[0] is ..., x[1] is NotImplemented)
print(Ellipsis.__reduce__(), NotImplemented.__reduce__())
print(copy.copy(...) is ..., copy.deepcopy([NotImplemented])[0] is NotImplemented)
