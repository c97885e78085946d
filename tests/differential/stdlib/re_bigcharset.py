# re: case-insensitive character classes that compile to BIGCHARSET (any
# class with both 'k' and 's', e.g. [a-z] under re.IGNORECASE, because of
# KELVIN SIGN and LONG S); re._compiler builds those with
# memoryview(...).cast('I').
import re

for pat, s in [('[a-z]+', 'Hello WORLD'), ('[A-Z]+', 'hello'), ('[ks]', 'ſ'), ('[ks]', '\u212a'),
               ('[a-z]', '\u212a'), ('[^a-z]+', 'ab12CD'), ('[α-ω]+', 'ΑΒΓ'),
               (r'[_a-z]\w*\.py$', 'Test_Mod.PY'), ('[a-zA-Z0-9_]+', 'x_Y9!'), ('[ά-ώ]+', 'ΆΈΉ')]:
    m = re.search(pat, s, re.I)
    print(ascii(pat), ascii(s), m and (m.span(), ascii(m.group())))
p = re.compile('[a-z]+', re.I)
print(p.findall('The Quick brown FOX'), p.sub('-', 'ab12CD'), p.split('ab12cd34EF'))
print(re.findall('(?i)[k-s]+', 'KLMNOPQRS\u212a\u017f'))
print(re.compile('[\u0400-\u04ff\u0500-\u0510\u2000-\u2010]+').findall('Привет, мир\u2003!'))
