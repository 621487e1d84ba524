"""No paragraph ends with a line shorter than its indent, and short inline code is never broken.

A paragraph's last line of one short word ("0.", "له.") stood in the width of the next paragraph's indent, a fault
on a printed page; and poppler, finding its glyphs beside the indented first line of a paragraph of two lines and
overlapping none of them, took it for a column of its own and read it first. A WORD JOINER after the space before
such a word takes that break away, and the word goes down with the one before it (`held_runts`). Short is measured
when the fonts are known: narrower than RUNT_EM, a little more than the indent's 1.5 em ("يأتي:" is 1.43 em wide
in Amiri, five characters, and was read first in a lease's preamble); else RUNT characters. Not a NO-BREAK
SPACE: the text layer reads a space beside a number or a Latin run, and PDFium read "هو 1" as "هو1" with one. The
extractors never see the joiner (tounicode.py).

Inline code of a few words ("grade != 0", "git add -A") broke at its space: "grade !=" ended a line and "0" was the
paragraph's last; an operator, where Unicode's line breaking allows it inside one ("!=" after "!", "->" after "-",
"||", "::"), was cut in two, "!" ending a line and "=" beginning the next. Such code, of a few words or of signs
alone, is kept on one line now (`code.whole`, which the style sheet sets `white-space: nowrap`); a longer one keeps
its breaks, which pdf/addresses.py places, holding an operator of a longer word too ("!==" of `name !== ""`). (A
word with letters after "!", "!important", may still break there: kept whole, the new lines of a test's seeded
paragraph made PDFium read one justified line in two pieces.)

A no-break space alone between two elements (a signed number's isolate and its unit's, Persian "−۲۷۳٫۱۵ °C") was
drawn as nothing: WeasyPrint draws no text box whose text `str.strip()` empties, and Python strips a no-break space.
The two isolates, side by side with no space glyph between them, were read as one run ("°C−۲۷۳٫۱۵"). A WORD JOINER
before it has its box drawn (`drawn_spaces`); the joiner adds no break and no width. So does a space alone between
bold or emphasis and the next element ("**الباراسيتامول:** 10–15 mg/kg", the number an isolate): with no space glyph
between the label's colon and the number, poppler read "الباراسيتامول10–15"; and one between a run and the emphasis
after it ("الدالة f **متصلة**", read "fمتصلة"); and one after struck-out text ("~~`-avz`~~ `-az`", read "-avz-az").
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..source.fonts import FontSet
from ..typeset.ink import measure
from .addresses import INLINE_CODE
from .clusters import WORD_JOINER
from .figures import visible_text

RUNT = 4  # characters: a last word this short (with its punctuation: "له.", "0.") goes down with the one before
RUNT_EM = 2.0  # em: and, when the fonts are known, one narrower than this (book.css's indent is 1.5 em)
SHORT_CODE = 12  # characters: inline code this short is kept on one line


def held_runts(body: str, fonts: FontSet | None = None, rtl: bool = True) -> str:
    """`body` with short inline code kept whole and a WORD JOINER after the space before each paragraph's short
    last word (see the module's docstring): measured in `fonts` when given."""

    def short(word: str) -> bool:
        return len(word) <= RUNT or (fonts is not None and measure(word, fonts, rtl=rtl).advance < RUNT_EM)

    body = _SHORT_CODE.sub(_whole, body)
    return _PARAGRAPH.sub(lambda paragraph: paragraph[1] + _held(paragraph[2], short) + paragraph[3], body)


def drawn_spaces(body: str) -> str:
    """`body` with a WORD JOINER before each no-break space that stands alone between two tags, and before each space
    alone between the end of emphasis and a tag (see above)."""
    return _AFTER_EMPHASIS.sub(WORD_JOINER + " ", _LONE_SPACE.sub(WORD_JOINER + "\u00a0", body))


def _whole(code: re.Match[str]) -> str:
    text = html.unescape(code[2])  # no tags inside: _SHORT_CODE takes none
    # (one word of code is whole if it is signs alone, an operator: kept whole, a word with a letter changed how
    # WeasyPrint cut the line's text into boxes, and a regular expression's "[ء-ي]+" was read backwards by both)
    signs = not any(char.isalnum() for char in text)
    whole = (" " in text.strip() or (signs and text.strip())) and len(text) <= SHORT_CODE
    return f'<code class="whole">{code[2]}</code>' if whole else code[0]


def _held(inner: str, short: Callable[[str], bool]) -> str:
    """A paragraph's inner HTML with a WORD JOINER after its last breakable space outside code when what follows
    it is `short`."""
    parts = _PARTS.split(inner)
    depth, last = 0, None  # how deep inside code; the part and the place of the last space outside it
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = _NAME.match(part)
            if name and name[2].lower() in _OPAQUE:
                depth += -1 if name[1] else 1
        elif depth == 0 and " " in part:
            last = (index, part.rindex(" "))
    if last is None:
        return inner
    index, place = last
    after = parts[index][place + 1 :] + "".join(parts[index + 1 :])
    before = "".join(parts[:index]) + parts[index][:place]
    if not _shown(after) or not _shown(before) or not short(_shown(after)):
        return inner  # a word too long, or nothing on one side
    parts[index] = parts[index][: place + 1] + WORD_JOINER + parts[index][place + 1 :]
    return "".join(parts)


def _shown(markup: str) -> str:
    return visible_text(markup).replace("\u00ad", "").strip()


_LONE_SPACE = re.compile("(?<=>)(?:\u00a0|&nbsp;|&#160;|&#xa0;)(?=<)")
_AFTER_EMPHASIS = re.compile(
    "(?:(?<=</strong>)|(?<=</b>)|(?<=</em>)|(?<=</i>)|(?<=</s>)|(?<=</del>)) (?=<)"
    "|(?<=</span>) (?=<(?:strong|b|em|i|s|del)>)"
)
_PARAGRAPH = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.DOTALL)
_SHORT_CODE = re.compile(f"({INLINE_CODE})([^<]*)</code>")
_PARTS = re.compile(r"(<[^>]*>)")
_NAME = re.compile(r"<(/?)([a-zA-Z0-9]+)")
_OPAQUE = frozenset({"code", "kbd", "samp", "pre"})
