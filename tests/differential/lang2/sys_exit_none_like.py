# exit code forms: True -> 1, raise SystemExit(False) -> 0 after finally
import sys
def main():
    try:
        return 0
    finally:
        print("main finally")
print(main())
try:
    raise SystemExit(True)
except SystemExit as e:
    print("caught", e.code)
raise SystemExit(False)
