"""A 300-page book: cold `publish build --format pdf` against the bare weasyprint command, time and memory.

The book is generated (corpus.make_book: Arabic prose from the seed, `#` chapters, tables, footnotes,
block quotes). Targets: publish/weasyprint ≤ 1.2 and a peak RSS ≤ 500 MiB for each process (os.wait4).

    python benchmarks/big_book.py [--quick] [--pages N] [--repetitions N] [--keep DIR]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from baseline import render_seconds, weasyprint, weasyprint_env, write_html
from corpus import BYTES_PER_PAGE, PAGES_PER_CHAPTER, make_book, source_bytes
from harness import (
    MIB,
    Run,
    arguments,
    clean,
    interleave,
    machine,
    median_rss,
    median_seconds,
    page_count,
    publish,
    run,
    spread,
    table,
    verdict,
    workspace_folder,
)

RATIO_TARGET = 1.2
RSS_TARGET = 500  # MiB
QUICK_PAGES = 40


def main() -> int:
    options = arguments(__doc__.splitlines()[0], repetitions=3, quick_repetitions=1, size="pages")
    pages = options.pages or (QUICK_PAGES if options.quick else 300)
    print(f"Big book, about {pages} A5 pages, {options.repetitions} runs each, interleaved; {machine()}", flush=True)
    with workspace_folder(options.keep) as folder:
        workspace = Path(folder)
        started = time.perf_counter()
        book = make_book(workspace, pages)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        baseline = write_html(workspace, "book", workspace / "baseline")
        html_seconds = time.perf_counter() - started
        baseline_pdf = workspace / "baseline" / "book.pdf"
        chapters = len(list(book.glob("*.md")))
        print(
            f"generated {chapters} chapters, {source_bytes(book) / 2**10:.0f} KiB of Markdown in {generated:.2f} s "
            f"({BYTES_PER_PAGE} bytes a page, a chapter every {PAGES_PER_CHAPTER} pages); "
            f"HTML for weasyprint: {baseline.html.stat().st_size / 2**10:.0f} KiB in {html_seconds:.2f} s",
            flush=True,
        )

        def cold_publish() -> Run:
            clean(workspace)
            return run(publish(workspace, "build", "--format", "pdf", "--json"), cwd=workspace)

        def bare_weasyprint() -> Run:
            return run(weasyprint(baseline, baseline_pdf), cwd=workspace, env=weasyprint_env(baseline))

        runs = interleave(
            {"publish build --format pdf": cold_publish, "weasyprint": bare_weasyprint}, options.repetitions
        )
        publish_pages = page_count(workspace / "dist" / "book.pdf")
        weasy_pages = page_count(baseline_pdf)

    published, weasy = runs["publish build --format pdf"], runs["weasyprint"]
    ratio = median_seconds(published) / median_seconds(weasy)
    rows = []
    for name, measured, pdf_pages in (
        ("publish build --format pdf", published, publish_pages),
        ("weasyprint (same HTML)", weasy, weasy_pages),
    ):
        peak = max(r.max_rss for r in measured) / MIB
        rows.append(
            [
                name,
                median_seconds(measured),
                spread(measured),
                median_rss(measured),
                f"{verdict(peak, RSS_TARGET)} ({peak:.0f})",
                pdf_pages,
                f"{pdf_pages / median_seconds(measured):.1f}",
            ]
        )
    print()
    print(
        table(
            ["command", "median s", "min–max s", "peak RSS MiB", f"≤ {RSS_TARGET} MiB (max)", "pages", "pages/s"],
            rows,
        )
    )
    print(f"\nratio publish/weasyprint: {ratio:.2f} (target ≤ {RATIO_TARGET}: {verdict(ratio, RATIO_TARGET)})")
    pdf = statistics.median(render_seconds(r.stdout).get("pdf", 0.0) for r in published)
    print(
        f"publish's own PDF step (HTML + WeasyPrint, from --json): {pdf:.2f} s; "
        f"the rest of the process (start, imports, reading, checks, download page): "
        f"{median_seconds(published) - pdf:.2f} s"
    )
    if publish_pages != weasy_pages:
        print(f"warning: publish made {publish_pages} pages, weasyprint {weasy_pages}: the inputs differ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
