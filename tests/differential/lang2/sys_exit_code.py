# sys.exit with int code inside nested try/finally
import sys
def cleanup():
    print("cleanup ran")
try:
    try:
        print("about to exit")
        sys.exit(3)
    finally:
        cleanup()
except ValueError:
    print("not reached")
print("not reached either")
