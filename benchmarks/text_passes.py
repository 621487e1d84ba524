"""The text passes and whole renders on inputs of doubling size: a ratio near 2 between sizes is linear time.

Each text pass (bidi isolation, quotes, units, addresses, footnotes, the Markdown reader with its
limit checks) runs in this process on the input that made it quadratic before (runs of unclosed
isolates, of quotes and spaces, "1:1:1…", "a.a.a…", a note of spaces), then on a plain one. The
whole-render cases call `publisher.render()` (the PDF) on a generated article whose paragraph, title,
footnotes, bidi controls or Latin runs double; their "net" column takes off the render of a one-line
article (start-up, fonts, the page), so that its ratio shows how the rest grows.

    python benchmarks/text_passes.py [--quick] [--repetitions N] [--only passes|renders]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness import machine, table

import publisher
from publisher.pdf.render import breakable_addresses, footnotes_in_place
from publisher.source.manifest import load_manifest
from publisher.source.reader import read_document
from publisher.typeset.bidi import isolate_ltr
from publisher.typeset.document import PASSES, typeset_text
from publisher.typeset.inline import typeset_fragment

WORDS = ["تقوم", "على", "أساس", "الأسرة", "كرافعة", "للتنمية", "الاجتماعية", "الدامجة", "والمستدامة", "في", "المجال"]
META = {"title": "مقال", "authors": ["هيئة التحرير"], "date": dt.date(2026, 11, 30)}


def arabic(size: int) -> str:
    """About `size` characters of Arabic words."""
    words = (WORDS * (size // 40 + 1))[: max(1, size // 6)]
    return " ".join(words)[:size]


def fragment(text: str) -> str:
    return typeset_fragment(f"<p>{html.escape(text, quote=False)}</p>", "ar", True, PASSES, lambda d: d)


def read_markdown(text: str) -> object:
    with tempfile.TemporaryDirectory() as folder:
        pub = Path(folder) / "source" / "pub"
        pub.mkdir(parents=True)
        (pub / "manifest.toml").write_text('title = "t"\nauthors = ["a"]\n', encoding="utf-8")
        (pub / "a.md").write_text(text, encoding="utf-8")
        return read_document(load_manifest(pub))


def note(spaces: int) -> str:
    call = '<p>x<sup class="footnote-ref"><a href="#fn-ch01-1" id="fnref-ch01-1">1</a></sup></p>\n'
    aside = f'<aside id="fn-ch01-1" class="footnote">\n<p>a{" " * spaces}b</p>\n<p>c</p>\n</aside>\n'
    return f'{call}<div class="footnotes">\n{aside}</div>\n'


# name: (the pass, the input of a given size)
PASSES_CASES: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    "isolate_ltr: unclosed LRIs": (isolate_ltr, lambda n: "\u2066" * n),
    "isolate_ltr: Latin runs in Arabic": (isolate_ltr, lambda n: ("كلمة Open Data 2030 " * n)[:n]),
    "isolate_ltr: Latin words after open brackets": (isolate_ltr, lambda n: "كلمة " + "Ab (" * (n // 4)),
    "isolate_ltr: a row of stars": (isolate_ltr, lambda n: "كلمة " + "*" * n + " كلمة"),
    "isolate_ltr: stars and slashes": (isolate_ltr, lambda n: "كلمة " + "*/" * (n // 2) + " كلمة"),
    "isolate_ltr: a chain of minuses": (isolate_ltr, lambda n: "كلمة " + "5 - " * (n // 4) + "1 = 2"),
    "isolate_ltr: turned brackets": (isolate_ltr, lambda n: "كلمة " + "]0, 1[ ]−∞, " * (n // 12)),
    "isolate_ltr: signs before brackets": (isolate_ltr, lambda n: "كلمة " + "-(" * (n // 2)),
    "isolate_ltr: formulas between Arabic words": (isolate_ltr, lambda n: "قال x = 1 و" * (n // 11)),
    "paragraph: paths in English": (
        lambda t: typeset_text(t, "en", False),
        lambda n: "see /a/b and C:\\x\\y " * (n // 24),
    ),
    "title: quotes and spaces": (lambda t: typeset_text(t, "ar", True), lambda n: '" ' * (n // 2)),
    "paragraph: quotes and spaces": (fragment, lambda n: "' " * (n // 2)),
    "paragraph: numbers with colons": (fragment, lambda n: "1:" * (n // 2)),
    "paragraph: unclosed LRIs": (fragment, lambda n: "\u2066" * n),
    "paragraph: Arabic prose": (fragment, arabic),
    "addresses: a.a.a… in an isolate": (breakable_addresses, lambda n: "<p>\u2066" + "a." * (n // 2) + "\u2069</p>"),
    "addresses: unclosed LRIs": (breakable_addresses, lambda n: "<p>" + "\u2066" * n + "</p>"),
    "footnotes: a note of spaces": (footnotes_in_place, note),
    "reader: a long paragraph": (read_markdown, lambda n: arabic(n) + "\n"),
    "reader: emphasis and links": (read_markdown, lambda n: "*a* [b](https://x.org) " * (n // 24)),
}


def generated(kind: str, size: int) -> tuple[str, dict[str, object]]:
    """An article whose `kind` has `size` units, and its metadata."""
    if kind == "paragraph":
        return arabic(size) + ".\n", META
    if kind == "title":
        return "نص المقال.\n", {**META, "title": arabic(size)}
    if kind == "footnotes":
        # one note a sentence, five sentences a paragraph: a few notes a page, as books have them
        sentences = [f"{arabic(90)}[^{i}]." for i in range(size)]
        paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, size, 5)]
        return "\n\n".join(paragraphs) + "\n\n" + "".join(f"[^{i}]: حاشية.\n" for i in range(size)), META
    if kind == "bidi controls":
        return " ".join(f"كلمة \u2066x{i}\u2069" for i in range(size)) + "\n", META
    if kind == "Latin runs":
        return ("كلمة Open Data 2030 وأخرى " * (size // 25 + 1))[:size] + "\n", META
    raise ValueError(kind)


RENDER_SIZES = {
    "paragraph": [10_000, 20_000, 40_000],
    "title": [250, 500, 1_000],
    "footnotes": [100, 200, 400],
    "bidi controls": [500, 1_000, 2_000],
    "Latin runs": [10_000, 20_000, 40_000],
}


def median_time(action: Callable[[], object], repetitions: int) -> float:
    times = []
    for _ in range(repetitions):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def ratio(value: float, previous: float | None) -> str:
    return f"{value / previous:.2f}" if previous else "—"


def passes_table(sizes: list[int], repetitions: int) -> str:
    rows = []
    for name, (run, make) in PASSES_CASES.items():
        previous = None
        for size in sizes:
            text = make(size)
            seconds = median_time(lambda run=run, text=text: run(text), repetitions)
            rows.append([name, f"{size:,}", seconds, ratio(seconds, previous)])
            previous = seconds
        print(f"  {name}: done", file=sys.stderr)
    return table(["pass and input", "characters", "median s", "ratio"], rows)


def renders_table(quick: bool, repetitions: int) -> str:
    base = median_time(lambda: publisher.render("نص.\n", META), repetitions)
    rows = [["a one-line article (the base)", "", base, "", "", ""]]
    for kind, sizes in RENDER_SIZES.items():
        previous = previous_net = None
        for size in sizes[:2] if quick else sizes:
            text, meta = generated(kind, size)
            seconds = median_time(lambda text=text, meta=meta: publisher.render(text, meta), repetitions)
            net = max(seconds - base, 1e-3)
            rows.append([kind, f"{size:,}", seconds, ratio(seconds, previous), net, ratio(net, previous_net)])
            previous, previous_net = seconds, net
        print(f"  render, {kind}: done", file=sys.stderr)
    return table(["publisher.render() PDF, growing", "size", "median s", "ratio", "net s", "net ratio"], rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one repetition: a smoke test")
    parser.add_argument("--repetitions", type=int, help="runs of each case (default 5 for passes, 3 for renders)")
    parser.add_argument("--only", choices=["passes", "renders"], help="run one half")
    options = parser.parse_args()
    print(f"# Text passes and renders on doubling inputs\n\n{machine()}\n")
    if options.only != "renders":
        sizes = [12_500, 25_000, 50_000] if options.quick else [25_000, 50_000, 100_000, 200_000]
        print(passes_table(sizes, options.repetitions or (1 if options.quick else 5)), end="\n\n")
    if options.only != "passes":
        publisher.render("نص.\n", META)  # imports and font loading, once, outside the figures
        print(renders_table(options.quick, options.repetitions or (1 if options.quick else 3)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
