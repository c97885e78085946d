"""benchmem application benchmark: gcbench, after Hans Boehm's binary-tree
GC benchmark (written anew for Adder from its published description).

Phases: a temporary "stretch" tree of depth STRETCH_DEPTH is built and
dropped; a long-lived tree (LONG_LIVED_DEPTH) and a long-lived array of
ARRAY_SIZE floats are built and kept to the end; then, for each depth from
MIN_DEPTH to MAX_DEPTH in steps of 2, as many short-lived trees as make up
about twice the stretch tree's node count are built top-down (allocate a
node, then fill in its children) and as many bottom-up (children first),
each dropped at once. Trees are acyclic: reference counting frees them, a
tracing collector has to find them. At the end the long-lived structures are
checked. Prints one deterministic checksum line.
Python 3.9+ (PyPy 3 runs it too).
"""

STRETCH_DEPTH = 16
LONG_LIVED_DEPTH = 15
ARRAY_SIZE = 500_000
MIN_DEPTH = 4
MAX_DEPTH = 16


class Node:
    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right
        self.i = 0
        self.j = 0


def tree_size(depth):
    """Nodes in a complete binary tree of this depth."""
    return (1 << (depth + 1)) - 1


def populate(depth, node):
    """Top-down: the parent exists before its children."""
    if depth > 0:
        depth -= 1
        node.left = Node()
        node.right = Node()
        populate(depth, node.left)
        populate(depth, node.right)


def make_tree(depth):
    """Bottom-up: the children exist before their parent."""
    if depth <= 0:
        return Node()
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def count(node):
    n = 0
    stack = [node]
    while stack:
        node = stack.pop()
        if node is not None:
            n += 1
            stack.append(node.left)
            stack.append(node.right)
    return n


def time_construction(depth):
    iterations = 2 * tree_size(STRETCH_DEPTH) // tree_size(depth)
    built = 0
    for _ in range(iterations):
        root = Node()
        populate(depth, root)
        built += tree_size(depth)
        root = None
    for _ in range(iterations):
        root = make_tree(depth)
        built += tree_size(depth)
        root = None
    return built


def main():
    stretch = make_tree(STRETCH_DEPTH)
    built = count(stretch)
    stretch = None

    long_lived = Node()
    populate(LONG_LIVED_DEPTH, long_lived)
    array = [0.0] * ARRAY_SIZE
    for i in range(1, ARRAY_SIZE // 2):
        array[i] = 1.0 / i

    for depth in range(MIN_DEPTH, MAX_DEPTH + 1, 2):
        built += time_construction(depth)

    assert array[1000] == 1.0 / 1000
    print('checksum', built, count(long_lived), repr(array[1000]))


main()
