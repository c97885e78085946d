# SyntaxError: await outside async function is allowed at top level? no.
def f():
    await g()
