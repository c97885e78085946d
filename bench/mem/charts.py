"""Horizontal grouped bar charts as standalone SVG, for the benchmem report.

No dependencies beyond the standard library: the SVG is written by hand.
Invariant: a chart is a pure function of its arguments (categories, series
names and the measured values; None draws "n/a"), so the same figures always
give the same file; every number drawn on it is also printed in the
markdown table beside it.
"""
from xml.sax.saxutils import escape

# One colour per series, in series order (Adder first).
COLOURS = ('#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b7791f', '#97266d')

LABEL_WIDTH = 230   # left column: category names
BAR_WIDTH = 420     # the longest bar
VALUE_WIDTH = 90    # room for the value printed after a bar
BAR_HEIGHT = 13
BAR_GAP = 2
GROUP_GAP = 10
FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'


def _fmt(value, digits):
    return 'n/a' if value is None else f'{value:,.{digits}f}'


def bar_chart(path, title, subtitle, categories, series, values, digits=1, cap=None):
    """Writes a chart to path.

    categories: the group labels, top to bottom.
    series: the bar labels within each group (the legend).
    values: values[i][j] is category i, series j (a number or None).
    cap: if given, the scale ends there; a longer bar is cut at the edge and
    marked with a break, its label still giving the true value.
    """
    top = 58 + 18 * ((len(series) + 2) // 3)
    group_h = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    height = top + len(categories) * (group_h + GROUP_GAP) + 10
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH + 20
    present = [v for row in values for v in row if v is not None]
    longest = max(present) if present else 0.0
    if cap is not None and longest > cap:
        longest = cap
    scale = BAR_WIDTH / longest if longest > 0 else 0.0

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}">',
           f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
           f'<text x="10" y="22" font-size="15" font-weight="bold" {FONT}>{escape(title)}</text>',
           f'<text x="10" y="40" font-size="11" fill="#555555" {FONT}>{escape(subtitle)}</text>']
    for j, name in enumerate(series):
        x = 10 + (j % 3) * 230
        y = 52 + (j // 3) * 18
        out.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{COLOURS[j % len(COLOURS)]}"/>')
        out.append(f'<text x="{x + 17}" y="{y + 10}" font-size="11" {FONT}>{escape(name)}</text>')
    y = top
    for i, cat in enumerate(categories):
        out.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + group_h / 2 + 4:.1f}" font-size="11" '
                   f'text-anchor="end" {FONT}>{escape(cat)}</text>')
        for j in range(len(series)):
            v = values[i][j]
            by = y + j * (BAR_HEIGHT + BAR_GAP)
            w = 0.0 if v is None else min(max(v * scale, 0.0), BAR_WIDTH)
            if v is not None:
                out.append(f'<rect x="{LABEL_WIDTH}" y="{by}" width="{w:.1f}" height="{BAR_HEIGHT}" '
                           f'fill="{COLOURS[j % len(COLOURS)]}"/>')
            if v is not None and v * scale > BAR_WIDTH:  # cut: draw a break near the end
                bx = LABEL_WIDTH + BAR_WIDTH - 24
                out.append(f'<path d="M{bx} {by + BAR_HEIGHT + 1} l6 {-BAR_HEIGHT - 2} '
                           f'M{bx + 5} {by + BAR_HEIGHT + 1} l6 {-BAR_HEIGHT - 2}" '
                           'stroke="#ffffff" stroke-width="2.5"/>')
            out.append(f'<text x="{LABEL_WIDTH + w + 4:.1f}" y="{by + BAR_HEIGHT - 3}" font-size="10" '
                       f'{FONT}>{_fmt(v, digits)}</text>')
        y += group_h + GROUP_GAP
    out.append(f'<line x1="{LABEL_WIDTH}" y1="{top - 4}" x2="{LABEL_WIDTH}" y2="{y - GROUP_GAP + 4}" '
               'stroke="#333333" stroke-width="1"/>')
    out.append('</svg>')
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')
