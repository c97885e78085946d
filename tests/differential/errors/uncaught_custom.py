# Uncaught user-defined exception with a multi-word message.
class ConfigError(Exception):
    pass
raise ConfigError('bad value for "port": expected int')
