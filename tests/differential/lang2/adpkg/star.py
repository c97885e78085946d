__all__ = ["public_a", "_semi_private"]
public_a = "A"
public_b = "B"
_semi_private = "semi"
