"""Running text inside the chapters' XHTML, typeset across inline markup.

A paragraph's text is split by its inline elements ("Maroc <em>Digital</em> 2030"), but what
typesetting decides spans them: a left-to-right run, a pair of quotes, a number and its unit. So
the fragment is cut into tags and text, each block's inline content is read as one string (code,
kbd and samp stand in as opaque left-to-right letters, never changed), and the changes are written
back: characters into the text (quotes, joiners), and round each left-to-right run a
`<span dir="ltr">` holding LRI ... PDI. The element is what WeasyPrint honours: it carries no
isolate from one element to the next, and an isolate that starts a line lost its neutrals
("fetch_quotes)(" at a line start, a URL's last "/" at the wrong end), where an inline box with
its own direction did not. The isolate characters stay for what reads the text without its
markup: running heads (`string-set: content(text)`), e-book readers that ignore `dir`.
A run that crosses elements ("Maroc <em>Digital</em> 2030") gets the element alone.

Only the markup markdown-it and the raw-HTML allow-list produce is expected: well-formed XHTML,
text escaped with &amp; &lt; &gt; &quot;.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..source.languages import text_direction
from .bidi import LRI, LTR_ALNUM, OPERATORS, PATH_SIGNS, PDI, RLI, ends_with_key, ltr_runs, web_addresses
from .rtlruns import rtl_runs

# Inline elements a run, a quotation or a number may cross; any other tag ends the inline content.
TRANSPARENT = {"em", "strong", "b", "i", "u", "s", "mark", "small", "a", "abbr", "cite", "q", "span"}
OPAQUE = {"code", "kbd", "samp"}  # left-to-right, never changed, never typeset inside
PRE = "pre"
VOID = {"br", "img", "hr", "wbr"}
OPAQUE_LETTER = "x"  # what an opaque element's characters look like to the run finder
# and those of one of right-to-left characters alone (`٫`, the Arabic decimal separator named in a sentence, `ة`):
# taken for Latin, "`٫` (U+066B)" was one left-to-right run, drawn "(U+066B)" beside the word before it and "٫" after
OPAQUE_ARABIC = "ب"
SPAN_OPEN, SPAN_CLOSE = '<span dir="ltr">', "</span>"
RTL_MARKS = ('<span dir="rtl">', RLI, PDI, SPAN_CLOSE)
RLM = "\u200f"  # a right-to-left run's in a left-to-right block

_PIECES = re.compile(r"(<[^>]*>)")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*?)(/?)>")
_LANG = re.compile(r'\blang="([^"]*)"')
_DIR = re.compile(r'\bdir="(\w*)"')


@dataclass
class Text:
    """A text node: its characters (unescaped), the language they are in, and what they are."""

    chars: list[str]
    language: str
    opaque: bool  # inside code, kbd or samp


@dataclass
class Tag:
    """A tag inside the inline content, written back as it was."""

    markup: str
    closing: bool


@dataclass(frozen=True)
class _Open:
    """An element open around the current text."""

    boundary: bool  # it ends the inline content (a block, a footnote, an element with dir)
    language: str
    opaque: bool
    generated: bool  # a footnote number the reader wrote, not the author
    rtl: bool  # its direction: the book's, or its own `dir` (an Arabic paragraph of an English book)


# One typesetting pass over the characters of an inline sequence: it gets the visible string and,
# per character, its Text node (None for none), and returns per character the string to write
# instead, or None to leave it.
Pass = Callable[[str, list[Text | None]], list[str | None]]


def typeset_fragment(
    fragment: str,
    language: str,
    rtl: bool,
    passes: Sequence[Pass],
    generated_digits: Callable[[str], str],
    markup: bool = True,
) -> str:
    """Apply `passes` to the running text of an XHTML fragment; isolate left-to-right runs when `rtl`.

    `generated_digits` rewrites the digits of footnote numbers, which the reader generated. Without
    `markup`, runs are isolated with LRI ... PDI only (for text that will be read without its tags)."""
    out: list[str] = []
    items: list[Text | Tag] = []
    stack = [_Open(True, language, False, False, rtl)]
    in_pre = 0  # code blocks are left as written

    def flush(direction: bool | None = None) -> None:
        if items:
            out.append(_typeset_inline(items, stack[-1].rtl if direction is None else direction, passes, markup))
            items.clear()

    for piece in _PIECES.split(fragment):
        if not piece:
            continue
        match = _TAG.fullmatch(piece)
        if match is None:
            if in_pre:
                out.append(piece)
            else:
                top = stack[-1]
                text = html.unescape(piece)
                items.append(Text(list(generated_digits(text) if top.generated else text), top.language, top.opaque))
            continue
        closing, name, attrs = match[1] == "/", match[2].lower(), match[3]
        void = match[4] == "/" or name in VOID
        if name == PRE or in_pre:
            if name == PRE and not void:
                flush()
                in_pre += -1 if closing else 1
            out.append(piece)
            continue
        if void:
            flush()
            out.append(piece)
            continue
        before = stack[-1].rtl  # the direction of the text so far
        if closing:
            opened = stack.pop() if len(stack) > 1 else stack[0]
            boundary = opened.boundary
        else:
            top = stack[-1]
            # An element the tool made (it has a class: a hemistich, a footnote call) or one with
            # its own direction is a block of its own for typesetting; an author's span has neither.
            boundary = name not in TRANSPARENT | OPAQUE or bool(_DIR.search(attrs)) or "class=" in attrs
            own = found[1] if (found := _DIR.search(attrs)) and found[1] in ("rtl", "ltr") else None
            direction = top.rtl if own is None else own == "rtl"
            # an element set in the other direction without a language of its own (a poem's `dir`) is not written in
            # the language around it: its text would be one left-to-right phrase (_with_phrases)
            other = own is not None and text_direction(top.language) != own
            inherited = ("und-Arab" if direction else "und-Latn") if other else top.language
            lang = found[1] if (found := _LANG.search(attrs)) else inherited
            generated = top.generated or "footnote-ref" in attrs or "footnote-backref" in attrs
            stack.append(_Open(boundary, lang, top.opaque or name in OPAQUE, generated, direction))
        if boundary:
            flush(before)
            out.append(piece)
        else:
            items.append(Tag(piece, closing))
    flush()
    return "".join(out)


def escape(char: str) -> str:
    """A character as markdown-it writes text: & < > and " escaped."""
    return _ESCAPES.get(char, char)


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def _typeset_inline(items: list[Text | Tag], rtl: bool, passes: Sequence[Pass], markup: bool) -> str:
    """One block's inline content, typeset and written out."""
    texts = [item for item in items if isinstance(item, Text)]
    owners: list[Text | None] = [t for t in texts for _ in t.chars]
    visible = "".join(_stand_in(t.chars) * len(t.chars) if t.opaque else "".join(t.chars) for t in texts)
    replaced = [escape(c) for t in texts for c in t.chars]
    for typeset in passes:
        for index, change in enumerate(typeset(visible, owners)):
            owner = owners[index]
            if change is not None and owner is not None and not owner.opaque:
                replaced[index] = change
    # a prime the quotes made of a straight quote ("الدقيقة 23'") is its number's: drawn "′23" outside the run
    visible = "".join(new if new in ("\u2032", "\u2033") else old for old, new in zip(visible, replaced, strict=True))
    spans: list[tuple[int, int]] = []
    if not rtl:  # right-to-left runs that need it (bidi.rtl_runs), each text node's part on its own
        addresses = web_addresses(visible, paths=True)  # (paths and e-mail addresses too)
        for start, end in rtl_runs(visible):
            if not any(a < end and start < b for a, b in addresses):
                _isolate_each_node(visible, owners, start, end, replaced, markup, RTL_MARKS)
    # in a left-to-right block, web addresses: one whose path is Arabic is then set as in an Arabic one, and any
    # breaks at sensible points (pdf/addresses.py) instead of where Unicode's line breaking would
    ended: tuple[int, int] | None = None  # the last run set as an element
    for start, end in _with_phrases(ltr_runs(visible), visible, owners) if rtl else addresses:
        owner = owners[start]
        if owner is owners[end - 1] and owner is not None and not owner.opaque:
            # A run glued to an Arabic letter ("وPango") keeps to the isolate: it can never start a
            # line, and a box of its own would cut the word in two for PDFium's text extraction.
            glued = (start > 0 and visible[start - 1].isalpha()) or (end < len(visible) and visible[end].isalpha())
            # but numbers an operator joins are an element all the same ("و6 | 3"): in the Arabic word's box, their
            # order was lost to both extractors, each number read as one of the word's ("و3 | 6")
            # and so is a run that begins with a path's or a hidden file's sign ("و/var/cache", "بـ.NET"): in the word's
            # box, "/" was drawn at the run's far end, and the "." of ".NET" ending a line was read after it; or with a
            # bracket ("و(n+1)/2", read "وn+1)/2(" by poppler); and one that ends with a shortcut's sign ("و**Alt+=**",
            # whose "=" both read before "Alt+" when emphasis set it in a box of its own)
            opened = visible[start] in PATH_SIGNS + "([" or ends_with_key(visible[start:end])
            element = markup and (not glued or _joined_by_operators(visible[start:end]) or opened)
            replaced[start] = (SPAN_OPEN if element else "") + LRI + replaced[start]
            replaced[end - 1] += PDI + (SPAN_CLOSE if element else "")
            # two runs only spaces apart ("٨ °C (36–46 °F)"): a RIGHT-TO-LEFT MARK after the spaces, which are drawn
            # then (WeasyPrint draws no box of spaces alone) and read as the right-to-left text's, between the runs
            if element and ended and ended[1] < start and not visible[ended[1] : start].strip():
                replaced[start - 1] += RLM
            ended = (start, end) if element else None
        else:
            spans.append((start, end))
            ended = None
    if not markup:
        for start, end in spans:
            _isolate_each_node(visible, owners, start, end, replaced, markup)
        spans = []
    return _serialise(items, visible, owners, replaced, spans)


def _with_phrases(runs: list[tuple[int, int]], visible: str, owners: list[Text | None]) -> list[tuple[int, int]]:
    """The runs, and each phrase of a right-to-left block marked as written in a left-to-right language
    (`<span lang="fr">"l'UGTT n'acceptera pas…"</span>`) as one run with the runs inside it: its quotation
    marks are the phrase's, set left to right ("« l’UGTT" was set "l’UGTT »", the mark mirrored on the
    right-to-left side, and the closing one between the phrase's two lines)."""
    phrases: list[list[int]] = []
    for index, owner in enumerate(owners):
        if not _written_ltr(owner) or visible[index].isspace():
            continue
        if phrases and all(_written_ltr(owners[k]) and visible[k].isspace() for k in range(phrases[-1][1], index)):
            phrases[-1][1] = index + 1  # the same phrase, across spaces written in its language
        else:
            phrases.append([index, index + 1])
    merged: list[list[int]] = []
    for start, end in sorted([*runs, *((a, b) for a, b in phrases if re.search(LTR_ALNUM, visible[a:b]))]):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _joined_by_operators(run: str) -> bool:
    """Whether a run is two or more numbers and what joins them, no letter: "6 | 3", "2 × 3 = 6"; or a formula, a
    relation or an operator between spaces ("و{1, 2, 3} ⊂ ℕ", whose braces had been set right to left)."""
    numbers = not re.search(LTR_ALNUM.replace("^", "^0-9"), run) and len(re.findall("[0-9]+", run)) > 1 and " " in run
    return numbers or bool(re.search(f" [{OPERATORS}] ", run))


def _written_ltr(owner: Text | None) -> bool:
    return owner is not None and text_direction(owner.language) == "ltr"


def _serialise(
    items: list[Text | Tag], visible: str, owners: list[Text | None], replaced: list[str], spans: list[tuple[int, int]]
) -> str:
    """Write the items back with the replaced characters, wrapping each span in an ltr element where
    its ends can be moved to the same depth; else each of its text nodes is isolated on its own."""
    flat: list[Tag | int] = []  # a tag, or the index of a character
    count = 0
    for item in items:
        if isinstance(item, Tag):
            flat.append(item)
        else:
            flat.extend(range(count, count + len(item.chars)))
            count += len(item.chars)
    position = {entry: i for i, entry in enumerate(flat) if isinstance(entry, int)}
    opens: dict[int, int] = {}
    closes: dict[int, int] = {}
    for start, end in spans:
        first, last = position[start], position[end - 1] + 1  # the run is flat[first:last]
        while first > 0 and isinstance(tag := flat[first - 1], Tag) and not tag.closing:
            first -= 1  # take in the elements the run starts with
        while last < len(flat) and isinstance(tag := flat[last], Tag) and tag.closing:
            if _balanced(flat[first:last]):
                break  # (not the closing tag of an element the run did not open: "**بدل `.venv`**", no isolate)
            last += 1  # and those it ends with
        last = _with_closing_stops(flat, first, last, visible)
        if _balanced(flat[first:last]):
            opens[first] = opens.get(first, 0) + 1
            closes[last] = closes.get(last, 0) + 1
        else:
            _isolate_each_node(visible, owners, start, end, replaced, True)
    parts: list[str] = []
    for i, entry in enumerate(flat):
        parts.append(SPAN_CLOSE * closes.get(i, 0) + SPAN_OPEN * opens.get(i, 0))
        parts.append(entry.markup if isinstance(entry, Tag) else replaced[entry])
    parts.append(SPAN_CLOSE * closes.get(len(flat), 0))
    return "".join(parts)


def _with_closing_stops(flat: list[Tag | int], first: int, last: int, visible: str) -> int:
    """Where a run over elements ends: with the stops that end the element it ends in, if that makes it whole ("«ça
    va, *b9a lik chi 7aja?*»": cut before the "?" inside the emphasis, its parts had been isolated one by one and set
    right to left, "b9a lik chi 7aja ,ça va")."""
    probe = last
    while probe < len(flat) and isinstance(char := flat[probe], int) and visible[char] in "?!.…":
        probe += 1
    tags = [entry for entry in flat[first:last] if isinstance(entry, Tag)]
    if probe == last or probe == len(flat) or not isinstance(tag := flat[probe], Tag) or not tag.closing or not tags:
        return last
    while probe < len(flat) and isinstance(tag := flat[probe], Tag) and tag.closing:
        probe += 1
    return probe if _balanced(flat[first:probe]) and not _balanced(flat[first:last]) else last


def _balanced(entries: list[Tag | int]) -> bool:
    depth = 0
    for entry in entries:
        if isinstance(entry, Tag):
            depth += -1 if entry.closing else 1
            if depth < 0:
                return False
    return depth == 0


def _isolate_each_node(
    visible: str,
    owners: list[Text | None],
    start: int,
    end: int,
    replaced: list[str],
    markup: bool,
    marks: tuple[str, str, str, str] = (SPAN_OPEN, LRI, PDI, SPAN_CLOSE),
) -> None:
    """Isolate the part of a run in each text node on its own (the run crosses an element's edge),
    without the spaces at its ends, nor a separator where the run goes on in another node: "**الفائدة (NIM)**: 2.71%"
    had its ": " in the number's isolate, drawn "(NIM)2.71% :"; left to right unless `marks` say otherwise."""
    span_open, opening, closing, span_close = marks
    begin = start
    for index in range(start + 1, end + 1):
        if index == end or owners[index] is not owners[begin]:
            owner, first, last = owners[begin], begin, index - 1
            while first <= last and (visible[first].isspace() or (first > start and visible[first] in _PARTING)):
                first += 1
            while last >= first and (visible[last].isspace() or (index < end and visible[last] in _PARTING)):
                last -= 1
            if owner is not None and not owner.opaque and first <= last:
                replaced[first] = (span_open if markup else "") + opening + replaced[first]
                replaced[last] += closing + (span_close if markup else "")
            begin = index


_PARTING = ":;,\u060c\u061b"  # separators between two nodes of a run: the right-to-left text's


def _stand_in(chars: Sequence[str]) -> str:
    """What each character of an opaque element looks like to the run finder (OPAQUE_LETTER, OPAQUE_ARABIC)."""
    kinds = {unicodedata.bidirectional(char) for char in chars if char not in _STEPS}  # (no sign of code: `["الرباط",
    # "فاس"]` is code's; the steps of a path through a menu are not, `الخدمات الذاتية > الطلبات`, drawn backwards)
    return OPAQUE_ARABIC if kinds & {"R", "AL", "AN"} and kinds <= _ARABIC_KINDS else OPAQUE_LETTER


_ARABIC_KINDS = frozenset({"R", "AL", "AN", "NSM", "CS", "WS"})
_STEPS = frozenset("<>\u2039\u203a\u2190\u2192|")  # < > ‹ › ← → |
