# binascii: hex (with separators), base64 (strict mode), uuencode, quoted-printable,
# CRC-32 and CRC-CCITT, and binascii.Error messages.
import binascii
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
data = bytes(range(256)) + b'hello world\n\r\n  \t.\n=_ x'
for n in [0, 1, 2, 3, 5, 7, 16, 45]:
    d = data[:n]
    t(binascii.hexlify, d); t(binascii.b2a_base64, d); t(binascii.b2a_base64, d, newline=False); t(binascii.b2a_uu, d); t(binascii.b2a_uu, d, backtick=True)
    t(binascii.a2b_uu, binascii.b2a_uu(d)); t(binascii.crc32, d); t(binascii.crc_hqx, d, 0xffff)
t(binascii.hexlify, b'\x01\x02\x03\x04\x05', '-')
t(binascii.hexlify, b'\x01\x02\x03\x04\x05', b':', 2)
t(binascii.hexlify, b'\x01\x02\x03\x04\x05', ':', -2)
t(binascii.hexlify, b'\x01\x02\x03\x04\x05', ':', 0)
t(binascii.hexlify, b'\x01\x02\x03\x04\x05', ':', 5)
t(binascii.hexlify, b'\x01\x02\x03\x04\x05', ':', -4)
t(binascii.hexlify, b'\x01\x02', '::')
t(binascii.hexlify, b'\x01\x02', 1)
t(binascii.hexlify, b'\x01\x02', 'é')
t(binascii.hexlify, 'ab')
t(binascii.b2a_hex, b'ab', sep='/', bytes_per_sep=1)
t(binascii.unhexlify, '0aFf')
t(binascii.unhexlify, b'0aF')
t(binascii.unhexlify, b'0aFg')
t(binascii.unhexlify, 'é0')
t(binascii.unhexlify, 5)
t(binascii.a2b_hex, hexstr=b'00')
for s in [b'', b'YQ==', b'YQ', b'YQ=', b'YWJj', b'YW Jj\n', b'Y', b'YWJjZ', b'=YQ==', b'YQ==YQ==', b'YQ=a=', b'Y!Q==', b'YWJj====', b'YQ==\n', b'YW=Jj']:
    t(binascii.a2b_base64, s)
    t(binascii.a2b_base64, s, strict_mode=True)
t(binascii.a2b_base64, 'YWJj')
t(binascii.crc32, b'hello', 2**40 + 5)
t(binascii.crc32, b'hello', -1)
t(binascii.crc32, 'hello')
t(binascii.crc32, b'x', 1.0)
t(binascii.crc_hqx, b'hello', -1)
t(binascii.crc_hqx, b'hello')
t(binascii.b2a_uu, b'x'*46)
t(binascii.a2b_uu, b'')
t(binascii.a2b_uu, b'!')
t(binascii.a2b_uu, b'$86)C\n')
t(binascii.a2b_uu, b'$86)C  xx')
t(binascii.a2b_uu, b'$8\x016)C')
t(binascii.a2b_uu, b'  ')
qp_in = [b'hello=world', b'a b \nc\t\n', b'.\n', b'x' * 100, b'\xff\x00 \r\n y \r\n', b'line with trailing space ', b'_under_', b'tab\tend\t', b'x'*74 + b'=', b'crlf\r\nline2\r\n']
for q in qp_in:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        e = binascii.b2a_qp(q, **kw)
        print(e, binascii.a2b_qp(e, header=kw.get('header', False)))
for s in [b'=41=4', b'a=\r\nb', b'a=\nb', b'a==b', b'a=zz', b'_x_', b'=', b'=4']:
    t(binascii.a2b_qp, s); t(binascii.a2b_qp, s, True)
print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
import base64
print(base64.b64encode(b'xyz'), base64.b64decode(b'eHl6'), base64.b32encode(b'hello'), base64.b32decode(b'NBSWY3DP'), base64.b16encode(b'hi'), base64.a85encode(b'hello'), base64.b85encode(b'hello'), base64.urlsafe_b64encode(b'\xff\xfe'))
print(base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\n'))
