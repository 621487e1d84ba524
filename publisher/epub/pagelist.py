"""The print-page map in the EPUB: a page break marker where each page of the PDF begins, and a page list.

The PDF's layout gives each page's part (a chapter, the title page, the imprint, the contents), the
number of that part's words before it and its first words (typeset/pagemap.py); the marker goes before
the word of the EPUB document holding that part that starts those words, the nearest such place to that
count. It never splits a word, nor a left-to-right run it would enter (it goes before its isolate), and
where the word opens elements it goes before the outermost one that may hold it there: before a
paragraph, a heading (whose name would otherwise include the page number), a figure, a list or a table,
never between a list and its items or a table and its cells, and never in the nav document's contents
list, whose grammar admits no marker: a page the contents runs on to has no marker (the DAISY Knowledge
Base allows a page map to leave a page out). A page that begins with a picture begins before it.

A marker is an empty `<span epub:type="pagebreak" role="doc-pagebreak">` with the folio as its `title`
and `aria-label` (Ace's pagebreak-label rule takes either; assistive technologies read the label).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..typeset.pagemap import IMAGE, PageStart, word_spans

_TOKEN = re.compile(
    r"<!--.*?-->|<[?!][^>]*>|<(?P<close>/?)(?P<tag>[A-Za-z][\w:.-]*)(?P<attrs>[^>]*?)(?P<empty>/?)>|(?P<text>[^<]+)",
    re.DOTALL,
)
_ENTITY = re.compile(r"&[^;\s<]{1,32};")
_ATTRIBUTE = re.compile(r"""([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?""")
# Elements that end a word where they open or close (a line of the PDF ends there too).
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "main"),
        *("nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
_NOTE_TYPES = frozenset({"footnote", "footnotes", "endnote", "endnotes", "noteref", "rearnote", "rearnotes"})
_NOTE_CLASSES = frozenset({"footnote", "footnotes", "footnote-ref"})
# A marker is never put before these: their parents admit no span.
_HELD = frozenset(
    {"li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "col", "option", "rt"}
)
# Nor is it taken out of these: a chapter's section, the body.
_CONTAINERS = frozenset({"html", "body", "section", "article", "aside", "main"})


@dataclass(frozen=True)
class _Words:
    """The words of one part of an XHTML document, each with the offset in the document where it starts
    (the first character of its run, a bidi control included), and the start tags found on the way."""

    words: list[str]
    offsets: list[int]
    opened: dict[int, tuple[int, str]]  # the end offset of each start tag → (its start offset, its name)
    scope: int  # the offset where the part's element starts


def place_markers(xhtml: str, contents: bool, starts: Sequence[PageStart]) -> list[tuple[int, PageStart]]:
    """Where in `xhtml` (an EPUB document holding one part of the book) a marker goes for each of the
    pages `starts` that begin in it, in page order: (offset, page). With `contents`, the part is the nav
    document's contents list: only a page that begins with it is marked, before the list."""
    found = _read(xhtml, contents)
    placed, floor = [], 0
    for start in starts:
        at = _nearest(found.words, start, floor)
        if at is None:
            continue
        floor = at + 1  # the next page begins after this one
        offset = _hoisted(xhtml, found.offsets[at], found.opened)
        if contents and offset > found.scope:
            continue
        placed.append((offset, start))
    return placed


def marker(start: PageStart) -> str:
    """The page break marker of a page, as XHTML."""
    folio = html.escape(start.folio)
    return (
        f'<span epub:type="pagebreak" role="doc-pagebreak" id="{marker_id(start)}" '
        f'title="{folio}" aria-label="{folio}"></span>'
    )


def marker_id(start: PageStart) -> str:
    """The id of a page's marker: by its place in the PDF, which is unique (folios need not be)."""
    return f"page-{start.number}"


def insert_markers(xhtml: str, placed: Sequence[tuple[int, PageStart]]) -> str:
    """`xhtml` with each marker put at its offset (markers at one offset in page order)."""
    pieces, last = [], 0
    for offset, start in sorted(placed, key=lambda item: (item[0], item[1].number)):
        pieces += [xhtml[last:offset], marker(start)]
        last = offset
    return "".join([*pieces, xhtml[last:]])


def _nearest(words: list[str], start: PageStart, floor: int) -> int | None:
    """The index of the word that begins the page: where its first words are, at or after `floor`, nearest
    to its count of words before it. Fewer of its first words will do (what follows them may differ, as
    an article's head and the EPUB's title page do), one only at that very count; failing that, the page
    begins inside a word hyphenated across the break, and the marker goes before that word."""
    for cut in (0, 1):
        wanted = list(start.words[cut:])
        while len(wanted) > 1 or (wanted and not cut):
            at = _closest(words, wanted, start.index + cut, floor + cut, exact=len(wanted) == 1)
            if at is not None:
                return at - cut
            wanted.pop()
    return None


def _closest(words: list[str], wanted: list[str], index: int, floor: int, exact: bool) -> int | None:
    """Where `wanted` runs in `words`, at or after `floor`, nearest to `index` (only at `index` when `exact`)."""
    if exact:
        return index if words[index : index + 1] == wanted and index >= floor else None
    best: int | None = None
    for at in range(floor, len(words) - len(wanted) + 1):
        if best is not None and at - index > abs(best - index):
            break  # only farther ones from here on
        closer = best is None or abs(at - index) < abs(best - index)
        if closer and words[at] == wanted[0] and words[at : at + len(wanted)] == wanted:
            best = at
    return best


def _hoisted(xhtml: str, offset: int, opened: dict[int, tuple[int, str]]) -> int:
    """The place of a marker for the word at `offset`: before the outermost of the elements the word opens
    that may hold a marker before it (inline runs, paragraphs, headings, figures, lists, tables), up to the
    part's own element."""
    best = at = offset
    while True:
        end = at
        while end > 0 and xhtml[end - 1].isspace():
            end -= 1
        tag = opened.get(end)
        if tag is None or tag[1] in _CONTAINERS:
            return best
        at = tag[0]
        if tag[1] not in _HELD:
            best = at


def _read(xhtml: str, contents: bool) -> _Words:
    """The words of a document's part: the contents list of a nav document (`contents`), else its body,
    without notes, note references and hidden elements."""
    text: list[str] = []
    segments: list[tuple[int, int, list[int] | None]] = []  # (start in text, start in xhtml, each char's offset)
    opened: dict[int, tuple[int, str]] = {}
    stack: list[tuple[str, bool]] = []  # open elements: name, whether inside the part and read
    scope, length = -1, 0
    for match in _TOKEN.finditer(xhtml):
        reading = bool(stack) and stack[-1][1]
        if match["text"] is not None:
            if reading:
                piece, where = _unescaped(match["text"], match.start())
                segments.append((length, match.start(), where))
                text.append(piece)
                length += len(piece)
            continue
        name = match["tag"]
        if name is None:
            continue  # a comment, the XML declaration, the doctype
        name = name.lower()
        if reading and name in _BLOCKS:
            if name == "img" and not match["close"]:
                segments.append((length, match.start(), [match.start()] * 3))
                text.append(f" {IMAGE} ")
                length += 3
            else:
                text.append(" ")
                length += 1
        if match["close"]:
            if stack:
                stack.pop()
            continue
        attrs = _attributes(match["attrs"])
        inside = _opens_part(name, attrs, contents) or (bool(stack) and stack[-1][1])
        if inside and ("hidden" in attrs or _is_note(attrs)):
            inside = False
        if inside and scope < 0:
            scope = match.start()
        opened[match.end()] = (match.start(), name)
        if not match["empty"]:
            stack.append((name, inside))
    joined = "".join(text)
    words, offsets = [], []
    starts = [segment[0] for segment in segments]
    for begin, _end, word in word_spans(joined):
        segment_start, raw_start, where = segments[bisect.bisect_right(starts, begin) - 1]
        words.append(word)
        offsets.append(where[begin - segment_start] if where else raw_start + begin - segment_start)
    return _Words(words, offsets, opened, max(scope, 0))


def _opens_part(name: str, attrs: dict[str, str], contents: bool) -> bool:
    return name == "nav" and "toc" in attrs.get("epub:type", "").split() if contents else name == "body"


def _is_note(attrs: dict[str, str]) -> bool:
    """Whether an element is a note or a note reference, which the PDF sets apart (at the page's foot)."""
    kinds, classes = set(attrs.get("epub:type", "").split()), set(attrs.get("class", "").split())
    return bool(kinds & _NOTE_TYPES or classes & _NOTE_CLASSES)


def _attributes(attrs: str) -> dict[str, str]:
    """A start tag's attributes by name (a name alone, such as `hidden`, has the empty value)."""
    return {m[1]: html.unescape(m[2] or m[3] or "") for m in _ATTRIBUTE.finditer(attrs)}


def _unescaped(raw: str, start: int) -> tuple[str, list[int] | None]:
    """A text node's characters, its entities read, and, when there were any, each character's offset."""
    if "&" not in raw:
        return raw, None
    chars: list[str] = []
    where: list[int] = []
    last = 0
    for entity in _ENTITY.finditer(raw):
        chars.extend(raw[last : entity.start()])
        where.extend(range(start + last, start + entity.start()))
        value = html.unescape(entity[0])
        chars.extend(value)
        where.extend([start + entity.start()] * len(value))
        last = entity.end()
    chars.extend(raw[last:])
    where.extend(range(start + last, start + len(raw)))
    return "".join(chars), where
