# uncaught AttributeError with name suggestion-free message on a class instance
class Config:
    def __init__(self):
        self.value = 1
cfg = Config()
print(cfg.value)
print(cfg.vaule_missing_entirely_zzz)
