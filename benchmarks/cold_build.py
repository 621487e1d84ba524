"""Cold `publish build` of the seed article (PDF + EPUB + download page) against the bare weasyprint
command on its HTML, and the no-op build, side by side in one run.

Cold: a new process each time, with .publish-cache/ and dist/ deleted first, so the download page's
WOFF2 fonts are made anew too. The weasyprint command renders the HTML publish feeds WeasyPrint (see
baseline.py), so the ratio publish/weasyprint is what publish adds: Python start and imports, checks,
the EPUB, the download page, checksums. publish runs as it comes (a worker per core: the PDF and the
EPUB render at the same time) and with --jobs 1, whose render times add up, so that they show where
the time goes. The no-op build is `publish build` again with nothing changed. Last, the download
page's fonts made in this process as fontTools makes WOFF2 by default (glyf transformed, Brotli
quality 11) and as publish makes them (typeset/subset.py): seconds and bytes.

    python benchmarks/cold_build.py [--quick] [--repetitions N]
"""

from __future__ import annotations

import io
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from baseline import render_seconds, weasyprint, weasyprint_env, write_html
from corpus import SEED_SLUG, copy_seed
from harness import (
    Run,
    arguments,
    clean,
    interleave,
    machine,
    median_cpu,
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

RATIO_TARGET = 1.3  # issue 16: a cold build costs little more than the engine
NOOP_TARGET = 0.2


def main() -> int:
    options = arguments(__doc__.splitlines()[0], repetitions=5, quick_repetitions=2)
    print(
        f"Cold and no-op builds of the seed article ({SEED_SLUG}), {options.repetitions} runs each, "
        f"interleaved; {machine()}",
        flush=True,
    )
    with workspace_folder(options.keep) as folder:
        workspace = Path(folder) / "cold"
        warm = Path(folder) / "warm"
        copy_seed(workspace)
        copy_seed(warm)
        run(publish(warm, "build"), cwd=warm)
        baseline = write_html(workspace, SEED_SLUG, Path(folder) / "baseline")
        baseline_pdf = Path(folder) / "baseline" / f"{SEED_SLUG}.pdf"

        def cold_publish(*options: str) -> Callable[[], Run]:
            def measure() -> Run:
                clean(workspace)
                return run(publish(workspace, "build", "--json", *options), cwd=workspace)

            return measure

        def bare_weasyprint() -> Run:
            return run(weasyprint(baseline, baseline_pdf), cwd=workspace, env=weasyprint_env(baseline))

        def noop() -> Run:
            return run(publish(warm, "build"), cwd=warm)

        commands = {
            "publish build": cold_publish(),
            "--jobs 1": cold_publish("--jobs", "1"),
            "weasyprint": bare_weasyprint,
            "no-op": noop,
        }
        runs = interleave(commands, options.repetitions)
        made = sorted(p.name for p in (workspace / "dist").iterdir())
        publish_pages = page_count(workspace / "dist" / f"{SEED_SLUG}.pdf")
        weasy_pages = page_count(baseline_pdf)
        fonts = font_costs(workspace, options.repetitions)

    published, one_job, weasy, noops = runs["publish build"], runs["--jobs 1"], runs["weasyprint"], runs["no-op"]
    ratio = median_seconds(published) / median_seconds(weasy)

    def row(name: str, runs: list[Run], pages: object) -> list[object]:
        return [name, median_seconds(runs), spread(runs), median_cpu(runs), median_rss(runs), pages]

    print(f"\nA cold build made: {', '.join(made)}\n")
    print(
        table(
            ["command", "median s", "min–max s", "CPU s", "peak RSS MiB", "PDF pages"],
            [
                row("publish build (cold)", published, publish_pages),
                row("publish build --jobs 1 (cold)", one_job, publish_pages),
                row("weasyprint (same HTML)", weasy, weasy_pages),
                row("publish build (no-op)", noops, "—"),
            ],
        )
    )
    print(f"\nratio publish/weasyprint: {ratio:.2f} (target ≤ {RATIO_TARGET}: {verdict(ratio, RATIO_TARGET)})")
    print(f"ratio publish --jobs 1/weasyprint: {median_seconds(one_job) / median_seconds(weasy):.2f}")
    print(f"ratio of CPU time publish/weasyprint: {median_cpu(published) / median_cpu(weasy):.2f}")
    noop_seconds = median_seconds(noops)
    print(f"no-op build: {noop_seconds:.3f} s (target ≤ {NOOP_TARGET} s: {verdict(noop_seconds, NOOP_TARGET)})")
    print_parts(one_job)
    print("\nThe download page's fonts, made in this process (medians):")
    print(table(["WOFF2", "seconds", "bytes"], fonts))
    if publish_pages != weasy_pages:
        print(f"\nwarning: publish made {publish_pages} pages, weasyprint {weasy_pages}: the inputs differ")
    return 0


def print_parts(one_job: list[Run]) -> None:
    """Where the time of `publish build --jobs 1` goes, from its --json."""
    parts = [render_seconds(r.stdout) for r in one_job]
    pdf = statistics.median(p.get("pdf", 0.0) for p in parts)
    epub = statistics.median(p.get("epub", 0.0) for p in parts)
    total = median_seconds(one_job)
    rest = total - pdf - epub
    print("\nWhere the time of publish build --jobs 1 goes (medians, from its --json):")
    print(
        table(
            ["step", "seconds", "share"],
            [
                ["PDF render (HTML + WeasyPrint)", pdf, f"{pdf / total:.0%}"],
                ["EPUB render (with its cover)", epub, f"{epub / total:.0%}"],
                ["the rest: start, imports, checks, index.html", rest, f"{rest / total:.0%}"],
            ],
        )
    )


def font_costs(workspace: Path, repetitions: int) -> list[list[object]]:
    """Seconds and bytes of the download page's faces as WOFF2: fontTools' defaults, then publish's."""
    from fontTools.ttLib import TTFont

    from publisher.source.fonts import load_fonts
    from publisher.source.reader import text_characters
    from publisher.typeset import subset
    from publisher.web.site import NUMBER_CHARACTERS
    from publisher.workspace import Workspace

    page = (workspace / "dist" / "index.html").read_text(encoding="utf-8")
    characters = text_characters(re.sub(r"data:[^\"')]+", "", page), keep_format=True) | NUMBER_CHARACTERS
    faces = load_fonts(Workspace(workspace).search_path("fonts")).reaching(characters).faces

    def fonttools_default() -> bytes:
        out = b""
        for face in faces:
            with TTFont(io.BytesIO(subset.subset_face(face, characters)), recalcTimestamp=False) as font:
                font.flavor = "woff2"
                stream = io.BytesIO()
                font.save(stream, reorderTables=False)
                out += stream.getvalue()
        return out

    def publish_woff2() -> bytes:
        return b"".join(subset.subset_face(face, characters, flavor="woff2") for face in faces)

    rows: list[list[object]] = []
    names = ", ".join(face.path.name for face in faces)
    for label, make in (
        (f"fontTools default (transformed glyf, quality 11); {names}", fonttools_default),
        (f"publish (glyf as it is, quality {subset.WOFF2_QUALITY})", publish_woff2)
        if hasattr(subset, "WOFF2_QUALITY")
        else ("publish (an older one: fontTools' defaults)", publish_woff2),
    ):
        times, size = [], 0
        for _ in range(repetitions):
            started = time.perf_counter()
            size = len(make())
            times.append(time.perf_counter() - started)
        rows.append([label, statistics.median(times), size])
    return rows


if __name__ == "__main__":
    sys.exit(main())
