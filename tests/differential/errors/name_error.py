# Uncaught NameError with a suggestion-free message.
x = 1
print(x)
print(undefined_variable_here)
