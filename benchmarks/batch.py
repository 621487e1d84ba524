"""200 short articles: `publish build --jobs 1` against `--jobs 2` against one `publish build SLUG` per article.

Every measurement starts from a clean workspace (.publish-cache/ and dist/ deleted). The --jobs runs
are interleaved, 3 repetitions each; the process-per-article loop is slow and runs once. Targets:
≥ 5 articles/s with --jobs 2, and ≥ 1.7× faster from 1 to 2 jobs.

If `publish build` has no --jobs option yet, the script says so, times a plain `publish build`
instead (the one-process baseline), and exits with code 1.

    python benchmarks/batch.py [--quick] [--articles N] [--repetitions N] [--keep DIR]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from corpus import make_articles
from harness import (
    Run,
    arguments,
    clean,
    interleave,
    machine,
    median_seconds,
    publish,
    run,
    spread,
    table,
    verdict,
    workspace_folder,
)

RATE_TARGET = 5.0  # articles/s with --jobs 2
SPEEDUP_TARGET = 1.7  # from --jobs 1 to --jobs 2
QUICK_ARTICLES = 20


def has_jobs_option(workspace: Path) -> bool:
    """Whether this `publish build` accepts --jobs (it appears in its --help)."""
    return "--jobs" in run(publish(workspace, "build", "--help"), cwd=workspace).stdout


def cold_build(workspace: Path, *args: str) -> Callable[[], Run]:
    """A measurement: delete the cache and dist/, then `publish build ARGS` quietly."""

    def measure() -> Run:
        clean(workspace)
        return run(publish(workspace, "build", "--quiet", *args), cwd=workspace)

    return measure


def one_process_each(workspace: Path, slugs: list[str]) -> float:
    """Seconds for `publish build SLUG`, one process per article in turn, from a clean workspace."""
    clean(workspace)
    started = time.perf_counter()
    for number, slug in enumerate(slugs, start=1):
        run(publish(workspace, "build", "--quiet", slug), cwd=workspace)
        if number % 10 == 0 or number == len(slugs):
            print(f"  one process per article: {number}/{len(slugs)}", file=sys.stderr)
    return time.perf_counter() - started


def main() -> int:
    options = arguments(__doc__.splitlines()[0], repetitions=3, quick_repetitions=1, size="articles")
    count = options.articles or (QUICK_ARTICLES if options.quick else 200)
    print(f"Batch of {count} articles; {machine()}", flush=True)
    with workspace_folder(options.keep) as folder:
        workspace = Path(folder)
        slugs = make_articles(workspace, count)
        jobs = has_jobs_option(workspace)
        if jobs:
            candidates = {"publish build --jobs 1": cold_build(workspace, "--jobs", "1")}
            candidates["publish build --jobs 2"] = cold_build(workspace, "--jobs", "2")
        else:
            print(
                "publish build has no --jobs option here: timing a plain publish build in its place; "
                "the --jobs figures and the speed-up cannot be measured (exit code 1)",
                flush=True,
            )
            candidates = {"publish build (no --jobs option)": cold_build(workspace)}
        runs = interleave(candidates, options.repetitions)
        per_article = one_process_each(workspace, slugs)

    rows: list[list[object]] = []
    for name, measured in runs.items():
        seconds = median_seconds(measured)
        target = f"≥ {RATE_TARGET:g}/s: {verdict(count / seconds, RATE_TARGET, True)}" if "--jobs 2" in name else ""
        rows.append([name, len(measured), seconds, spread(measured), count / seconds, target])
    rows.append(["publish build SLUG, one process each", 1, per_article, "", count / per_article, ""])
    print()
    print(table(["command", "runs", "median s", "min–max s", "articles/s", "target"], rows))
    print(f"\n--jobs runs: median of {options.repetitions}, interleaved; one process per article: a single run (slow)")
    if not jobs:
        print("error: publish build has no --jobs option on this code: --jobs 1/2 not measured", file=sys.stderr)
        return 1
    speedup = median_seconds(runs["publish build --jobs 1"]) / median_seconds(runs["publish build --jobs 2"])
    print(f"ratio jobs1/jobs2: {speedup:.2f} (target ≥ {SPEEDUP_TARGET}: {verdict(speedup, SPEEDUP_TARGET, True)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
