"""A book's HTML cut into parts that each lay out alone as they do in the whole book: the front matter (title
page, imprint, contents) and runs of whole chapters, in reading order.

A part of chapters opens with an empty block alone on its first page (then a blank verso, since a chapter
opens on a recto): its first chapter is then no `:first` page, and the block sets the footnote counter to
the footnotes before it. A part that another follows closes with an empty copy of the next chapter's
opening tag, so that the part ends with the blank verso the book has there, if any. Those pages are laid
out and dropped (parallel.py keeps the others). The front matter's contents page numbers its entries with
`target-counter()`: each anchor it points to outside the front matter gets a stand-in, an empty block on
a page of its own whose page counter is set to the anchor's page in the book.

Where the scheme cannot give the serial pages, `unsupported` says why, from the style sheets; what only the
layout shows is checked there (weasyhooks.Laid).
"""

from __future__ import annotations

import html as markup
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

PART_START, PART_END, STAND_IN = "publish-part-start", "publish-part-end", "publish-page-"
FOOTNOTE = '<span class="footnote"'  # what render.footnotes_in_place makes of each note


@dataclass(frozen=True)
class Part:
    """A slice of the book's body: the front matter (`index` 0) or whole chapters (their ids)."""

    index: int
    body: str
    chapters: tuple[str, ...]
    footnotes: int  # the footnotes of the book before it
    closing: str  # the opening tag of the chapter after it ("" for the last part)


@dataclass(frozen=True)
class Book:
    """The book's HTML around its body, and its parts."""

    head: str  # up to and with <body ...>
    tail: str  # from </body>
    parts: tuple[Part, ...]

    def chars(self) -> int:
        """The characters of the chapters' HTML: how long the book is, near enough."""
        return sum(len(part.body) for part in self.parts[1:])


def cut_book(html: str, chapters: list[str], part_chars: int) -> Book | str:
    """The parts of `html`, a book whose chapters are `<section class="chapter" id=...>` of these ids, the last
    elements of its body; each part at least `part_chars` characters long (the last takes what is left);
    or why the HTML cannot be cut."""
    body = re.search(r"<body\b[^>]*>\n?", html)
    end = html.rfind("</body>")
    if body is None or end < 0:
        return "the layout has no <body>"
    starts: list[int] = []
    for chapter in chapters:
        found = html.find(f'<section class="chapter" id="{markup.escape(chapter)}"', body.end())
        if found < 0 or (starts and found < starts[-1]):
            return "its chapters are not sections of the body in reading order"
        starts.append(found)
    if not starts or _depth(html[body.end() : starts[0]]) != 0:
        return "its chapters are not sections of the body in reading order"
    groups: list[list[int]] = [[]]
    for number in range(len(starts)):
        groups[-1].append(number)
        last = number + 1 == len(starts)
        if not last and starts[number + 1] - starts[groups[-1][0]] >= part_chars:
            groups.append([])
    if len(groups) > 1 and end - starts[groups[-1][0]] < part_chars // 2:  # a short last run joins the one before
        short = groups.pop()
        groups[-1] += short
    bounds = [starts[g[0]] for g in groups] + [end]
    parts = [Part(0, html[body.end() : starts[0]], (), 0, _opening(html, starts[0]))]
    for index, group in enumerate(groups, start=1):
        start, stop = bounds[index - 1], bounds[index]
        closing = _opening(html, stop) if index < len(groups) else ""
        notes = html.count(FOOTNOTE, body.end(), start)
        if _depth(html[start:stop]) != 0:
            return "its chapters are not sections of the body in reading order"
        parts.append(Part(index, html[start:stop], tuple(chapters[n] for n in group), notes, closing))
    return Book(html[: body.end()], html[end:], tuple(parts))


def part_html(book: Book, part: Part, stand_ins: Mapping[str, int] | None = None) -> str:
    """The HTML that lays `part` out alone; the front matter's with `stand_ins` (anchor → page number)."""
    head, body = book.head, [part.body]
    if part.index:
        counter = f' style="counter-set: footnote {part.footnotes}"' if part.footnotes else ""
        body.insert(0, f'<div id="{PART_START}"{counter}></div>\n')
    if part.closing:
        body.append(f"{part.closing}</section>\n")
    if stand_ins:
        pages = sorted(set(stand_ins.values()))
        rules = "".join(f"@page {STAND_IN}{n} {{ counter-set: page {n} }}\n" for n in pages)
        rules += f"@page {', '.join(f'{STAND_IN}{n}' for n in pages)} {{{_NO_MARGIN_BOXES} }}\n"
        head = head.replace("</head>", f"<style>\n{rules}</style>\n</head>", 1)
        body += [
            f'<div id="{markup.escape(anchor)}" style="page: {STAND_IN}{n}"></div>\n'
            for anchor, n in sorted(stand_ins.items(), key=lambda item: (item[1], item[0]))
        ]
    return head + "".join(body) + book.tail


def outside_targets(part: Part) -> list[str]:
    """The anchors the front matter's links point to that are not in it (the chapters' headings), in order."""
    own = set(re.findall(r'\bid="([^"]*)"', part.body))
    wanted = [markup.unescape(href) for href in re.findall(r'\bhref="#([^"]*)"', part.body)]
    return list(dict.fromkeys(anchor for anchor in wanted if markup.escape(anchor) not in own))


def guessed_pages(html: str, anchors: Iterable[str], front_pages: int, chars_per_page: float) -> dict[str, int]:
    """Each anchor's page as its place in the HTML suggests, for a first layout of the contents before the
    chapters are counted: only the width of the number matters, so each is written with as many digits
    as the guess, all fives (a handful of stand-in pages, not one for each page number)."""
    start = html.find('<section class="chapter"')
    guesses = {
        anchor: front_pages + 1 + int(max(0, html.find(f'id="{markup.escape(anchor)}"') - start) / chars_per_page)
        for anchor in anchors
    }
    return {anchor: int("5" * len(str(guess))) for anchor, guess in guesses.items()}


# What the style sheets may use that makes a chapter's pages depend on the book around it: checked as text,
# so a mention in a comment is enough to render the book in one process.
_UNSUPPORTED = (
    (re.compile(r"counter-(?:reset|increment|set)\b"), "its style sheet sets counters of its own"),
    (re.compile(r"counters?\(\s*pages\b"), "it prints the book's page count (counter(pages))"),
    (re.compile(r"target-text|target-counters"), "it prints target-text() or target-counters()"),
    (re.compile(r"target-counter\([^)]*,\s*(?!page\s*[,)])[\w-]+"), "it prints target-counter() of a counter"),
    (re.compile(r"position\s*:\s*fixed"), "it has fixed boxes, drawn on every page"),
    (re.compile(r":nth\((?![^)]*\bof\b)"), "it styles pages by their number in the book (@page :nth())"),
    (re.compile(r"bookmark-label|bookmark-level"), "it sets bookmark-label or bookmark-level"),
    (re.compile(r"string-set\s*:[^;}]*counter"), "a running string holds a counter"),
    (re.compile(r"@import"), "its style sheet imports another"),
)


def unsupported(css: str) -> str | None:
    """Why style sheets `css` make a book lay out differently in parts, or None."""
    for pattern, reason in _UNSUPPORTED:
        if pattern.search(css):
            return reason
    return None


def style_sheets(html: str) -> list[str]:
    """The URLs of the style sheets `html` links."""
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def inline_styles(html: str) -> str:
    """The `<style>` blocks and `style` attributes of `html`, as one text."""
    blocks = re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.DOTALL)
    return "\n".join(blocks + re.findall(r'\bstyle="([^"]*)"', html))


def _opening(html: str, start: int) -> str:
    """The opening tag of the chapter at `start`, without its id."""
    tag = html[start : html.index(">", start) + 1]
    return re.sub(r'\sid="[^"]*"', f' id="{PART_END}"', tag, count=1)


# A stand-in's page is dropped: its margin boxes need not be made.
_NO_MARGIN_BOXES = "".join(
    f" @{edge}-{place} {{ content: none }}"
    for edge, places in (
        ("top", ("left-corner", "left", "center", "right", "right-corner")),
        ("bottom", ("left-corner", "left", "center", "right", "right-corner")),
        ("left", ("top", "middle", "bottom")),
        ("right", ("top", "middle", "bottom")),
    )
    for place in places
)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)\b[^>]*?(/?)>")
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"))


def _depth(fragment: str) -> int:
    """How many elements opened in `fragment` are still open at its end (comments and scripts aside)."""
    depth = 0
    for closing, name, self_closing in _TAG.findall(re.sub(r"<!--.*?-->", "", fragment, flags=re.DOTALL)):
        if name.lower() in _VOID or self_closing:
            continue
        depth += -1 if closing else 1
    return depth
