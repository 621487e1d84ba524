"""A long book's chapters laid out in parts, by several processes at once, and merged into one PDF: the pages,
the outline, the links, the structure tree and the fonts of a render in one piece (issue 18).

WeasyPrint uses one core. The book is cut into parts (parts.py): the front matter, then runs of whole
chapters, the same runs whatever the number of processes. The process that was given the PDF forks helpers
(they share its fonts, templates and HTML as they are) and hands them the work in order: the front matter,
laid out with guessed page numbers on the contents to count its pages; the parts of chapters; the front
matter again, with the true numbers, which must give the same count. A helper lays a part out and, at its
first margin box (weasyhooks.py), says how many pages it has and waits for the number of its first page,
known once the front matter and the parts before it are counted; then it makes its folios and running heads,
draws the part and finishes it (text layer, marks) as the book's pages are finished. merge.py joins them.

A long book is always rendered so, even by one process (--jobs 1): its PDF is then the same file whatever
the number of jobs, as every other artifact is. Only a book the scheme renders exactly takes this way: a
printed book (chapters open on rectos), justified with spaces, long enough to gain, whose style sheets use
nothing that makes a chapter's pages depend on the rest (parts.unsupported). What only the layout shows (a
page number in a chapter's text, a glyph map that differs between parts, ...) stops the parts when it is
seen; the book is then rendered in one piece, and `notes` says why (`publish build --verbose`).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from ..children import die_with_parent, weasyprint_warnings
from ..typeset.job import Job
from ..typeset.pagemap import PageStart
from .clusters import is_mark
from .merge import merge_parts
from .partrender import Maps, PartPdf, Unsupported, draw, first_drawn, first_pages, lay_out
from .parts import Book, cut_book, guessed_pages, inline_styles, outside_targets, style_sheets, unsupported
from .weasyhooks import Laid, Numbers

MIN_CHARS = 80_000  # characters of chapters' HTML (about 50 A5 pages) below which one process is as quick
PART_CHARS = 40_000  # characters of HTML a part of chapters holds at least (about 25 A5 pages)
CHARS_PER_PAGE = 1600  # of a chapter's HTML on an A5 page, near enough: a first guess of the contents' numbers
# Marks on more letters than this, and the parts would read some glyph otherwise than the book (fontmerge.py
# checks it; a few marked words pass, a vocalised poem does not): such a book is laid out in one piece at once.
MARKED_LETTERS = 0.01


def render_in_parts(
    html: str, job: Job, marks: tuple[float, str] | None, processes: int, notes: list[str]
) -> tuple[bytes, tuple[PageStart, ...]] | None:
    """The book's PDF laid out in parts by `processes` processes (one is enough: the file is the same), with
    its print-page map, or None (and why in `notes`) when it must be laid out in one piece."""
    if (job.manifest.pdf.layout or "book") != "book":
        return None  # an article is one flow of text
    book = cut_book(html, [chapter.id for chapter in job.document.chapters], PART_CHARS)
    if not isinstance(book, str) and (book.chars() < MIN_CHARS or len(book.parts) < 3):
        return None  # short: one piece is as quick, and nothing to note
    reason = book if isinstance(book, str) else why_in_one_piece(job, html, book)
    if reason is not None:
        notes.append(f"laid out in one piece: {reason}")
        return None
    assert isinstance(book, Book)
    try:
        with _helpers(processes, lambda connection: _serve(book, job, html, marks, connection)) as connections:
            results = _Coordinator(book, job, html, connections).run()
        data = merge_parts(results, _font_files(job))
    except Unsupported as exc:
        notes.append(f"laid out again in one piece: {exc}")
        return None
    except Exception as exc:  # a merge that fails is a fault of this code: the book is still rendered
        notes.append(f"laid out again in one piece: the parts could not be merged ({type(exc).__name__}: {exc})")
        return None
    workers = f"{processes} processes" if processes > 1 else "one process"
    notes.append(f"chapters laid out in {len(book.parts) - 1} parts by {workers} and merged")
    return data, tuple(start for part in results for start in part.starts)


def why_in_one_piece(job: Job, html: str, book: Book) -> str | None:
    """Why the book must be laid out in one process, as its manifest and style sheets tell; None if it need not."""
    pdf = job.manifest.pdf
    if pdf.profile != "print":
        return "on screen a chapter opens on either side"
    if pdf.justify == "kashida":
        return "kashida justification lays the book out twice"
    if pdf.standard == "pdf/x-4":
        return "PDF/X-4 parts would each embed the output profile"
    if vocalised(html):
        return "vocalised text: the text layer shares a cluster's characters among its glyphs by votes over the book"
    css = [inline_styles(html)]
    for url in style_sheets(html):
        try:
            css.append(job.sandbox.path(url).read_text(encoding="utf-8", errors="replace"))
        except Exception:
            return f"its style sheet {url} cannot be read here"
    return unsupported("\n".join(css))


def vocalised(html: str) -> bool:
    """Whether more than MARKED_LETTERS of the letters of `html` carry a mark (harakat)."""
    counts = Counter(html)
    marks = sum(n for char, n in counts.items() if is_mark(char))
    letters = sum(n for char, n in counts.items() if char.isalpha())
    return marks > MARKED_LETTERS * max(letters, 1)


@dataclass
class _Coordinator:
    """Hands the work out to the helpers in order: the front matter laid out to count its pages, the parts of
    chapters, the front matter laid out again with its contents numbered and drawn. It numbers each part's
    pages once the front matter and the parts before it are counted. It renders nothing itself."""

    book: Book
    job: Job
    html: str
    connections: list[Connection]
    handed: int = -1  # the front matter's count (-1), then the parts of chapters (1, 2, ...)
    idle: list[Connection] = field(default_factory=list)  # helpers waiting for the numbered front matter
    holders: dict[int, Connection] = field(default_factory=dict)
    front_pages: int = 0
    counted: dict[int, Laid] = field(default_factory=dict)
    first_page: dict[int, int] = field(default_factory=dict)  # of each numbered part, in the book
    carried: dict[str, str] = field(default_factory=dict)  # running strings in effect after the numbered parts
    anchors: dict[int, dict[str, int]] = field(default_factory=dict)
    drawn: dict[int, Maps] = field(default_factory=dict)  # each part's glyph maps, as it drew them
    asking: dict[int, tuple[Connection, Maps]] = field(default_factory=dict)  # parts waiting for earlier maps
    results: dict[int, PartPdf] = field(default_factory=dict)

    def run(self) -> list[PartPdf]:
        """Every part rendered, the front matter first."""
        from multiprocessing.connection import wait

        while len(self.results) < len(self.book.parts):
            for connection in wait(self.connections):
                self._receive(connection)  # type: ignore[arg-type]
        return [self.results[n] for n in range(len(self.book.parts))]

    def _receive(self, connection: Connection) -> None:
        try:
            kind, *payload = connection.recv()
        except (EOFError, OSError):
            raise Unsupported("a helper process stopped") from None
        if kind == "ready":
            self._hand(connection)
        elif kind == "front counted":
            self.front_pages, self.carried, self.drawn[0] = payload
            self.first_page[1] = self.front_pages + 1
            self._number()
            self._tell_maps()
        elif kind == "drawn":
            index, maps = payload
            self.drawn[index] = maps
            self.asking[index] = (connection, maps)
            self._tell_maps()
        elif kind == "counted":
            self.counted[payload[0]] = payload[1]
            self._number()
        elif kind == "anchors":
            self.anchors[payload[0]] = payload[1]
            while self.idle and len(self.anchors) == len(self.book.parts) - 1:
                self._hand(self.idle.pop())
        elif kind == "done":
            result, warnings = payload
            self.results[result.index] = result
            for warning in warnings:  # this process's warnings are the build's
                logging.getLogger("weasyprint").warning("%s", warning)
        else:
            raise Unsupported(payload[0])

    def _hand(self, connection: Connection) -> None:
        """Give a helper that asks for work the next thing to do, or tell it to stop, or have it wait."""
        front = self.book.parts[0]
        if self.handed < 0:
            guess = guessed_pages(self.html, outside_targets(front), 4, CHARS_PER_PAGE)
            connection.send(("count", guess))
            self.handed = 0
        elif self.handed + 1 < len(self.book.parts):
            self.handed += 1
            self.holders[self.handed] = connection
            connection.send(("part", self.handed))
        elif self.handed + 1 == len(self.book.parts) and len(self.anchors) == self.handed:
            self.handed += 1
            connection.send(("front", self._contents_pages(outside_targets(front)), self.front_pages))
        elif self.handed + 1 == len(self.book.parts):
            self.idle.append(connection)
        else:
            connection.send(("stop",))
            self.connections.remove(connection)  # it leaves now: its end of the pipe closes

    def _number(self) -> None:
        """Tell each counted part whose predecessors are all counted the number of its first page."""
        while self.first_page and (index := max(self.first_page)) in self.counted:
            laid, part = self.counted[index], self.book.parts[index]
            shift = self.first_page[index] - 3  # its first page is the third it lays out
            if shift % 2:
                raise Unsupported("a chapter would open on a verso")
            self.holders[index].send(("numbers", Numbers(shift, dict(self.carried))))
            self.carried.update(laid.strings)
            self.first_page[index + 1] = self.first_page[index] + laid.pages - 2 - (1 if part.closing else 0)

    def _tell_maps(self) -> None:
        """Tell each part that drew its pages, and all of whose predecessors did, the text of each of its glyphs
        that an earlier part drew first: the text the whole book maps it to."""
        for index in sorted(self.asking):
            if any(earlier not in self.drawn for earlier in range(index)):
                return
            connection, own = self.asking.pop(index)
            book: Maps = {}
            for earlier in range(index):
                for font, glyphs in self.drawn[earlier].items():
                    mine = own.get(font, {})
                    for glyph, text in glyphs.items():
                        if glyph in mine:
                            book.setdefault(font, {}).setdefault(glyph, text)
            connection.send(("earlier", book))

    def _contents_pages(self, targets: list[str]) -> dict[str, int]:
        """The page in the book of each anchor the front matter points to (its first page)."""
        pages: dict[str, int] = {}
        for index in sorted(self.anchors):
            for anchor, page in self.anchors[index].items():
                pages.setdefault(anchor, self.first_page[index] + page)
        return {anchor: pages[anchor] for anchor in targets if anchor in pages}


def _serve(book: Book, job: Job, html: str, marks: tuple[float, str] | None, connection: Connection) -> None:
    """A helper's life: do the work it is handed (parts.py, partrender.py) until it is told to stop."""

    def told(index: int) -> Callable[[Laid], Numbers]:
        def counted(laid: Laid) -> Numbers:
            if not index:
                return Numbers(0)
            connection.send(("counted", index, laid))
            return _answer(connection, "numbers")

        return counted

    def earlier(index: int) -> Callable[[Maps], Maps]:
        def ask(own: Maps) -> Maps:
            if not index:
                return {}
            connection.send(("drawn", index, own))
            return _answer(connection, "earlier")

        return ask

    while True:
        connection.send(("ready",))
        kind, *payload = connection.recv()
        if kind == "stop":
            return
        part = book.parts[payload[0] if kind == "part" else 0]
        stand_ins = payload[0] if kind in ("count", "front") else None
        with weasyprint_warnings() as warnings:
            try:
                laidout = lay_out(book, part, job, told(part.index), stand_ins)
                if kind == "count":  # what the parts need of the front matter: its pages, strings, glyph maps
                    maps = first_drawn(laidout, job)
                    reply: tuple[Any, ...] = ("front counted", len(laidout.kept), laidout.laid.strings, maps)
                else:
                    if kind == "front" and len(laidout.kept) != payload[1]:
                        raise Unsupported("the contents took another number of pages once numbered")
                    if kind == "part":
                        connection.send(("anchors", part.index, first_pages(laidout.kept)))
                    result = draw(laidout, part, job, html, marks, earlier(part.index))
                    reply = ("done", result, warnings)
            except _Stopped:
                return
            except Unsupported as exc:
                reply = ("unsupported", str(exc))
            except Exception as exc:
                reply = ("failed", f"a part failed to render: {type(exc).__name__}: {exc}")
        connection.send(reply)


class _Stopped(Exception):
    """The render is over (another part could not be done): a helper waiting for an answer leaves."""


def _answer(connection: Connection, expected: str) -> Any:
    """The coordinator's answer to what a helper just asked: what it was waiting for, or _Stopped."""
    kind, *payload = connection.recv()
    if kind != expected:
        raise _Stopped
    return payload[0]


@contextlib.contextmanager
def _helpers(count: int, work: Callable[[Connection], None]) -> Iterator[list[Connection]]:
    """`count` helper processes forked from this one, each running `work` on its end of a pipe; killed on
    leaving (they wait for a part by then, or render one no longer wanted)."""
    import multiprocessing

    started: list[tuple[int, Connection]] = []
    parent = os.getpid()
    try:
        for _ in range(count):
            ours, theirs = multiprocessing.Pipe()
            pid = os.fork()
            if pid == 0:  # the helper: it never returns into the code that forked it
                code = 1
                try:
                    ours.close()
                    die_with_parent(parent)
                    work(theirs)
                    code = 0
                finally:
                    os._exit(code)
            theirs.close()
            started.append((pid, ours))
        yield [connection for _, connection in started]
    finally:
        for pid, connection in started:
            connection.close()
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _font_files(job: Job) -> dict[str, bytes]:
    """The book's font files by SHA-256: what the merge subsets."""
    files = {}
    for face in job.fonts.faces:
        data = face.path.read_bytes()
        files[hashlib.sha256(data).hexdigest()] = data
    return files
