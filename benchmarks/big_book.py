"""A 300-page book: cold `publish build --format pdf` with one job and with two (the chapters laid out in
parallel, pdf/parallel.py) against the bare weasyprint command on the same HTML: time and peak memory.

The book is generated (corpus.make_book: Arabic prose from the seed, `#` chapters, tables, footnotes,
block quotes). Also timed: the book laid out in one piece, as publish did before (and still does for a book
the parts cannot do), by `publish build` with the threshold of pdf/parallel.py out of reach. The commands run
interleaved; the machine is shared, so the load average is printed
with each run. Targets: --jobs 2 at least 1.4 times as fast as --jobs 1 (issue 18); --jobs 2 within 0.75 of
weasyprint's time on 300 pages (issue 18); --jobs 1 within 1.2 of weasyprint's; peak RSS ≤ 500 MiB for
each process. Peak memory: the `publish` process itself ("parent") and the largest of the processes it
starts ("workers": the render worker and the helpers it forks), each its VmHWM.

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
    load_average,
    machine,
    median_cpu,
    median_seconds,
    page_count,
    publish,
    run_tracked,
    spread,
    table,
    verdict,
    workspace_folder,
)

SPEED_UP_TARGET = 1.4  # --jobs 1 / --jobs 2
PARALLEL_RATIO_TARGET = 0.75  # --jobs 2 / weasyprint
SERIAL_RATIO_TARGET = 1.2  # --jobs 1 / weasyprint
RSS_TARGET = 500  # MiB
QUICK_PAGES = 60
# The render of publish before issue 18, a long book in one piece (kept for books the parts cannot do).
ONE_PIECE = "import publisher.pdf.parallel as p; p.MIN_CHARS = 10**12; from publisher.cli import main; main()"
NAMES = {"one piece": "publish build, in one piece", "weasyprint": "weasyprint (same HTML)"}


def main() -> int:
    options = arguments(__doc__.splitlines()[0], repetitions=3, quick_repetitions=1, size="pages")
    pages = options.pages or (QUICK_PAGES if options.quick else 300)
    print(f"Big book, about {pages} A5 pages, {options.repetitions} runs each, interleaved; {machine()}", flush=True)
    peaks: dict[str, list[dict[str, int]]] = {}
    loads: dict[str, list[str]] = {}
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

        def tracked(name: str, command: list[str], env: dict[str, str] | None = None) -> Run:
            load = load_average()
            result, peak = run_tracked(command, cwd=workspace, env=env)
            peaks.setdefault(name, []).append(peak)
            loads.setdefault(name, []).append(f"{load}→{load_average()}")
            return result

        def cold_publish(jobs: str) -> Run:
            clean(workspace)
            run = tracked(f"--jobs {jobs}", publish(workspace, "build", "--format", "pdf", "--json", "--jobs", jobs))
            (workspace / "dist" / "book.pdf").replace(workspace / f"book-{jobs}.pdf")
            return run

        def in_one_piece() -> Run:
            clean(workspace)
            command = [sys.executable, "-c", ONE_PIECE, "-C", str(workspace), "build", "--format", "pdf", "--json"]
            run = tracked("one piece", [*command, "--jobs", "1"])
            (workspace / "dist" / "book.pdf").replace(workspace / "book-whole.pdf")
            return run

        def bare_weasyprint() -> Run:
            return tracked("weasyprint", weasyprint(baseline, baseline_pdf), weasyprint_env(baseline))

        runs = interleave_named(
            {
                "one piece": in_one_piece,
                "--jobs 1": lambda: cold_publish("1"),
                "--jobs 2": lambda: cold_publish("2"),
                "weasyprint": bare_weasyprint,
            },
            options.repetitions,
            loads,
        )
        counts = {
            "one piece": page_count(workspace / "book-whole.pdf"),
            "--jobs 1": page_count(workspace / "book-1.pdf"),
            "--jobs 2": page_count(workspace / "book-2.pdf"),
            "weasyprint": page_count(baseline_pdf),
        }
        sizes = {jobs: (workspace / f"book-{jobs}.pdf").stat().st_size for jobs in ("whole", "1", "2")}
        same = (workspace / "book-1.pdf").read_bytes() == (workspace / "book-2.pdf").read_bytes()

    rows = []
    for name, measured in runs.items():
        parent = max(p["parent"] for p in peaks[name]) / MIB
        workers = max(p["workers"] for p in peaks[name]) / MIB
        rows.append(
            [
                NAMES.get(name, f"publish build {name}"),
                median_seconds(measured),
                spread(measured),
                median_cpu(measured),
                f"{parent:.0f}",
                f"{workers:.0f}" if workers else "-",
                verdict(max(parent, workers), RSS_TARGET),
                counts[name],
                " ".join(loads[name]),
            ]
        )
    print()
    headers = ["command", "median s", "min–max s", "CPU s", "parent MiB", "workers MiB", f"≤ {RSS_TARGET} MiB"]
    print(table([*headers, "pages", "load average (1 min) before→after each run"], rows))
    whole, serial, parallel, weasy = (
        median_seconds(runs[name]) for name in ("one piece", "--jobs 1", "--jobs 2", "weasyprint")
    )
    speed_up = serial / parallel
    print(
        f"\n--jobs 1 / --jobs 2: {speed_up:.2f} (target ≥ {SPEED_UP_TARGET}: "
        f"{verdict(speed_up, SPEED_UP_TARGET, larger_is_better=True)})"
    )
    print(
        f"--jobs 2 / weasyprint: {parallel / weasy:.2f} (target ≤ {PARALLEL_RATIO_TARGET}: "
        f"{verdict(parallel / weasy, PARALLEL_RATIO_TARGET)})"
    )
    print(
        f"--jobs 1 / weasyprint: {serial / weasy:.2f} (target ≤ {SERIAL_RATIO_TARGET}: "
        f"{verdict(serial / weasy, SERIAL_RATIO_TARGET)})"
    )
    print(f"one piece / --jobs 2: {whole / parallel:.2f}; one piece / weasyprint: {whole / weasy:.2f}")
    print(
        f"file size in parts / in one piece: {sizes['2'] / sizes['whole']:.3f} ({sizes['2']} / {sizes['whole']} "
        f"bytes); --jobs 1 and --jobs 2 {'the same bytes' if same else 'DIFFERENT BYTES'}"
    )
    for name in ("one piece", "--jobs 1", "--jobs 2"):
        pdf = statistics.median(render_seconds(r.stdout).get("pdf", 0.0) for r in runs[name])
        print(
            f"{name}: the PDF render (from --json) {pdf:.2f} s; the rest of the process (start, imports, reading, "
            f"checks, download page) {median_seconds(runs[name]) - pdf:.2f} s"
        )
    if len(set(counts.values())) > 1:
        print(f"warning: the page counts differ: {counts}")
    return 0


def interleave_named(candidates: dict, repetitions: int, loads: dict[str, list[str]]) -> dict[str, list[Run]]:
    """Run each candidate `repetitions` times, alternating (the order reversed every other round), printing
    each run's time and the load average around it."""
    runs: dict[str, list[Run]] = {name: [] for name in candidates}
    names = list(candidates)
    for round_ in range(repetitions):
        for name in names if round_ % 2 == 0 else reversed(names):
            runs[name].append(candidates[name]())
            print(
                f"  {name}: run {round_ + 1}/{repetitions} {runs[name][-1].seconds:.2f} s "
                f"(CPU {runs[name][-1].cpu_seconds:.2f} s, load {loads[name][-1]})",
                file=sys.stderr,
                flush=True,
            )
    return runs


if __name__ == "__main__":
    sys.exit(main())
