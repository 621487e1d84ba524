"""Generated workspaces for the benchmarks: one long book, or many short articles.

The Arabic text is the seed article's clauses recombined with a seeded random generator, so every
run writes the same bytes and every character is one the packaged fonts draw (the build refuses
a character no font covers). Markdown syntax (headings, tables, footnotes, quotes) adds only ASCII.

    python benchmarks/corpus.py book WORKSPACE [PAGES]       write a book of about PAGES A5 pages
    python benchmarks/corpus.py articles WORKSPACE [COUNT]   write COUNT short articles
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path

import tomli_w

REPO = Path(__file__).resolve().parent.parent
SEED_SLUG = "beni-mellal-social-pole"
SEED = REPO / "source" / SEED_SLUG
DATE = dt.date(2026, 11, 30)
AUTHORS = ["هيئة التحرير"]
# Source bytes of the book's Markdown per A5 page, measured on the generated book (pypdfium2 page count).
BYTES_PER_PAGE = 2350
PAGES_PER_CHAPTER = 10


def seed_clauses() -> list[str]:
    """The seed article's clauses (its sentences cut at Arabic commas), in order, without end stops."""
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    sentences = [s.strip().rstrip(".") for s in re.split(r"(?<=\.)\s+", text) if s.strip()]
    return [c.strip() for s in sentences for c in s.split("،") if len(c.split()) >= 3]


class Prose:
    """Arabic sentences, paragraphs and titles drawn deterministically from the seed's clauses."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.clauses = seed_clauses()
        self.words = sorted({w for c in self.clauses for w in c.split() if len(w) > 3 and not w[0].isdigit()})

    def sentence(self) -> str:
        """Two to four clauses joined by Arabic commas, ending with a full stop."""
        return "، ".join(self.random.sample(self.clauses, self.random.randint(2, 4))) + "."

    def paragraph(self, low: int = 2, high: int = 5) -> str:
        """Between `low` and `high` sentences."""
        return " ".join(self.sentence() for _ in range(self.random.randint(low, high)))

    def title(self, words: int = 4) -> str:
        """A few words of the seed, as a heading or a publication title."""
        return " ".join(self.random.sample(self.words, words))

    def table(self, rows: int) -> str:
        """A Markdown table: a label column and two columns of figures."""
        head = f"| {self.title(2)} | {self.title(1)} | {self.title(1)} |\n| --- | ---: | ---: |\n"
        body = "".join(
            f"| {self.title(2)} | {self.random.randint(10, 9999)} | {self.random.randint(1, 100)} |\n"
            for _ in range(rows)
        )
        return head + body


def write_manifest(folder: Path, title: str, identifier: str, description: str) -> None:
    """A manifest in the seed's style: Arabic, A5, a fixed date (so no git or mtime lookup)."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {
        "title": title,
        "authors": AUTHORS,
        "language": "ar",
        "identifier": identifier,
        "date": DATE,
        "description": description,
        "pdf": {"page-size": "A5"},
    }
    (folder / "manifest.toml").write_text(tomli_w.dumps(manifest), encoding="utf-8")


def book_chapter(prose: Prose, number: int, size: int) -> str:
    """One `#` chapter of about `size` bytes: prose with `##` sections, a table, quotes and footnotes."""
    parts = [f"# {number}. {prose.title(4)}\n"]
    notes: list[str] = []
    length = 0
    while length < size:
        block = len(parts) % 9
        if block == 1:
            text = f"## {prose.title(3)}\n"
        elif block == 4:
            text = prose.table(prose.random.randint(4, 8))
        elif block == 6:
            text = f"> {prose.paragraph(1, 2)}\n"
        elif block == 8:
            notes.append(f"[^{len(notes) + 1}]: {prose.sentence()}\n")
            text = f"{prose.paragraph()}[^{len(notes)}] {prose.paragraph(1, 2)}\n"
        else:
            text = prose.paragraph() + "\n"
        parts.append(text)
        length += len(text.encode("utf-8"))
    return "\n".join(parts + notes)


def make_book(root: Path, pages: int = 300, seed: int = 1) -> Path:
    """Write a workspace with one publication `book` of about `pages` A5 pages; return its folder.

    One Markdown file per chapter (the build makes each file a chapter: new page, running head),
    a chapter every PAGES_PER_CHAPTER pages.
    """
    prose = Prose(seed)
    folder = root / "source" / "book"
    chapters = max(1, round(pages / PAGES_PER_CHAPTER))
    size = pages * BYTES_PER_PAGE // chapters
    write_manifest(folder, prose.title(5), f"urn:publish-bench:book-{pages}", prose.sentence())
    for number in range(1, chapters + 1):
        (folder / f"chapter-{number:03d}.md").write_text(book_chapter(prose, number, size), encoding="utf-8")
    return folder


def make_articles(root: Path, count: int = 200, seed: int = 1) -> list[str]:
    """Write a workspace with `count` short articles (3 to 6 paragraphs each); return their slugs."""
    prose = Prose(seed)
    slugs = []
    for number in range(1, count + 1):
        slug = f"article-{number:03d}"
        folder = root / "source" / slug
        write_manifest(folder, prose.title(5), f"urn:publish-bench:{slug}", prose.sentence())
        paragraphs = [prose.paragraph() for _ in range(prose.random.randint(3, 6))]
        (folder / "article.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        slugs.append(slug)
    return slugs


def copy_seed(root: Path) -> Path:
    """Copy the seed publication into a workspace at `root`; return its folder."""
    folder = root / "source" / SEED_SLUG
    shutil.copytree(SEED, folder)
    return folder


def source_bytes(folder: Path) -> int:
    """Bytes of the text files of a publication folder."""
    return sum(p.stat().st_size for p in folder.iterdir() if p.suffix in (".md", ".txt"))


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("book", "articles"):
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(argv[1])
    if argv[0] == "book":
        folder = make_book(root, int(argv[2]) if len(argv) > 2 else 300)
        print(f"wrote {folder} ({source_bytes(folder) / 2**10:.0f} KiB of Markdown)")
    else:
        slugs = make_articles(root, int(argv[2]) if len(argv) > 2 else 200)
        print(f"wrote {len(slugs)} articles under {root / 'source'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
