# exception raised while handling another, uncaught
try:
    {}["missing"]
except KeyError:
    print("handling")
    None.attribute
