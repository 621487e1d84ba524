"""Leading that leaves room for marks: a vocalised block gets the line height its ink needs.

At the body's 1.65 a kasra under لِمَا touched the kāf of كَأَنَّهُ on the next line. Raising the
leading everywhere would open up unvocalised text for nothing, so each block is measured on its
own: the highest ink of its glyphs (a shadda with its fatha on a lām) and the lowest (a kasra
under a deep yāʾ or ʿayn), both from the fonts' outlines after shaping (typeset/ink.py). Lines of
the block can then not touch, whatever falls above what, if they are `top + bottom + CLEARANCE` apart.
Only blocks with Arabic marks are measured; every other block keeps the stylesheet's leading.
"""

from __future__ import annotations

import re

from ..source.fonts import FontSet
from .ink import measure
from .verse import visible_text

CLEARANCE = 0.12  # em of white between one line's lowest ink and the next line's highest (1.4 pt at 11.5 pt)
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]")

# Blocks whose lines are measured together: paragraphs, headings, table cells, innermost list items
# without paragraphs (a tight list), and whole poems (their verses share one leading).
_BLOCK = re.compile(
    r"<(?P<tag>p|h[1-6]|td|th)(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</(?P=tag)>"
    r"|<(?P<li>li)(?P<li_attrs>(?:\s[^>]*)?)>(?P<li_body>(?:(?!</?li\b|<p\b).)*?)</li>"
    r'|<div class="poem"(?P<poem_attrs>[^>]*)>(?P<poem_body>(?:<div class="verse.*?</div>\n|\n)*)</div>',
    re.DOTALL,
)


def needed_line_height(text: str, fonts: FontSet) -> float:
    """The line height (a multiple of the font size) at which lines of `text` cannot touch."""
    ink = measure(text, fonts)
    return round(ink.top + ink.bottom + CLEARANCE, 3)


def lead_blocks(body: str, fonts: FontSet, base: float, headings: float) -> str:
    """Give every vocalised block of an XHTML body the leading its marks need, where that is more
    than the stylesheet's (`base` for running text, `headings` for h1-h6)."""

    def lead(block: re.Match[str]) -> str:
        tag = block["tag"] or block["li"] or "div"
        inner = block["body"] if block["tag"] else block["li_body"] if block["li"] else block["poem_body"]
        text = visible_text(inner)
        if not MARKS.search(text):
            return block[0]
        need = needed_line_height(" ".join(text.split()), fonts)  # the highest and lowest ink of any line
        if need <= (headings if tag.startswith("h") else base):
            return block[0]
        return _with_style(block[0], len(tag) + 1, f"line-height: {need}")

    return _MARKED_ITEM.sub(
        lambda item: _with_style(item[0], len("<li"), f"line-height: {item['need']}"), _BLOCK.sub(lead, body)
    )


# A list item whose first paragraph got more leading: its marker ("١.", "•") is laid out on a line of the item's own,
# and sat a leading's difference above the paragraph's first baseline (2 pt in a vocalised reading lesson, read by
# PDFium at the page's end); the item gets the paragraph's leading.
_MARKED_ITEM = re.compile(r'<li(?:\s[^>]*)?>\s*<p\s[^>]*?style="line-height: (?P<need>[0-9.]+)')


def _with_style(element: str, at: int, style: str) -> str:
    """`element` with `style` added to its opening tag, whose name ends at index `at`."""
    head, rest = element[:at], element[at:]
    end = rest.index(">")
    attrs = rest[:end]
    if ' style="' in attrs:
        attrs = attrs.replace(' style="', f' style="{style}; ', 1)
    else:
        attrs += f' style="{style}"'
    return head + attrs + rest[end:]
