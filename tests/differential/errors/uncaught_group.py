# Uncaught ExceptionGroup.
raise ExceptionGroup('several', [ValueError('a'), TypeError('b')])
