# colorsys: pure float arithmetic.
import colorsys
for rgb in [(1.0, 0.0, 0.0), (0.2, 0.4, 0.6), (0.5, 0.5, 0.5)]:
    hsv = colorsys.rgb_to_hsv(*rgb)
    print([round(v, 6) for v in hsv], [round(v, 6) for v in colorsys.hsv_to_rgb(*hsv)], [round(v, 6) for v in colorsys.rgb_to_hls(*rgb)])
