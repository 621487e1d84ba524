"""Cold `publish build` of the seed article (PDF + EPUB) against the bare weasyprint command on its HTML.

Cold: a new process each time, with .publish-cache/ and dist/ deleted first. The weasyprint command
renders the HTML publish feeds WeasyPrint (see baseline.py), so the ratio publish/weasyprint is what
publish adds: Python start and imports, checks, the EPUB, the download page, checksums. publish runs
twice: as it comes (a worker per core: the PDF and the EPUB render at the same time) and with
--jobs 1, whose render times add up, so that they show where the time goes.

    python benchmarks/cold_build.py [--quick] [--repetitions N]
"""

from __future__ import annotations

import statistics
import sys
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
    median_rss,
    median_seconds,
    page_count,
    publish,
    run,
    spread,
    table,
    workspace_folder,
)


def main() -> int:
    options = arguments(__doc__.splitlines()[0], repetitions=5, quick_repetitions=2)
    print(
        f"Cold build of the seed article ({SEED_SLUG}), {options.repetitions} runs each, interleaved; {machine()}",
        flush=True,
    )
    with workspace_folder(options.keep) as folder:
        workspace = Path(folder)
        copy_seed(workspace)
        baseline = write_html(workspace, SEED_SLUG, workspace / "baseline")
        baseline_pdf = workspace / "baseline" / f"{SEED_SLUG}.pdf"

        def cold_publish(*options: str) -> Callable[[], Run]:
            def measure() -> Run:
                clean(workspace)
                return run(publish(workspace, "build", "--json", *options), cwd=workspace)

            return measure

        def bare_weasyprint() -> Run:
            return run(weasyprint(baseline, baseline_pdf), cwd=workspace, env=weasyprint_env(baseline))

        commands = {
            "publish build": cold_publish(),
            "--jobs 1": cold_publish("--jobs", "1"),
            "weasyprint": bare_weasyprint,
        }
        runs = interleave(commands, options.repetitions)
        publish_pages = page_count(workspace / "dist" / f"{SEED_SLUG}.pdf")
        weasy_pages = page_count(baseline_pdf)

    published, one_job, weasy = runs["publish build"], runs["--jobs 1"], runs["weasyprint"]
    parts = [render_seconds(r.stdout) for r in one_job]
    pdf = statistics.median(p.get("pdf", 0.0) for p in parts)
    epub = statistics.median(p.get("epub", 0.0) for p in parts)
    total = median_seconds(one_job)
    print()
    print(
        table(
            ["command", "median s", "min–max s", "peak RSS MiB", "PDF pages"],
            [
                [
                    "publish build (PDF + EPUB)",
                    median_seconds(published),
                    spread(published),
                    median_rss(published),
                    publish_pages,
                ],
                ["publish build --jobs 1", total, spread(one_job), median_rss(one_job), publish_pages],
                ["weasyprint (same HTML)", median_seconds(weasy), spread(weasy), median_rss(weasy), weasy_pages],
            ],
        )
    )
    print(f"\nratio publish/weasyprint: {median_seconds(published) / median_seconds(weasy):.2f}")
    print(f"ratio publish --jobs 1/weasyprint: {total / median_seconds(weasy):.2f}")
    print("\nWhere the time of publish build --jobs 1 goes (medians, from its --json):")
    print(
        table(
            ["step", "seconds", "share"],
            [
                ["PDF render (HTML + WeasyPrint)", pdf, f"{pdf / total:.0%}"],
                ["EPUB render (with its cover)", epub, f"{epub / total:.0%}"],
                [
                    "the rest: start, imports, checks, index.html",
                    total - pdf - epub,
                    f"{(total - pdf - epub) / total:.0%}",
                ],
            ],
        )
    )
    if publish_pages != weasy_pages:
        print(f"\nwarning: publish made {publish_pages} pages, weasyprint {weasy_pages}: the inputs differ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
