"""What every benchmark shares: run a command timed with its peak memory, interleave, medians, tables.

Each command runs in a new process (`sys.executable -m publisher ...`), so every figure includes the
interpreter's start and the imports, as a user's `publish` command pays them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MIB = 2**20


@dataclass(frozen=True)
class Run:
    """One finished process: wall time, peak resident memory, exit code and output; CPU time too."""

    command: tuple[str, ...]
    seconds: float
    max_rss: int  # bytes
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0  # user + system, its own and its reaped children's (render workers)


class CommandFailed(RuntimeError):
    """A benchmarked command exited non-zero: its figures mean nothing."""

    def __init__(self, run: Run) -> None:
        tail = "\n".join((run.stderr or run.stdout).strip().splitlines()[-15:])
        super().__init__(f"exit code {run.returncode}: {' '.join(run.command)}\n{tail}")
        self.run = run


def run(
    command: Sequence[str],
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    check: bool = True,
    on_start: Callable[[int], None] | None = None,
) -> Run:
    """Run `command` to its end; time it and read its peak RSS from os.wait4 (this child only). `on_start` is
    told the process id as soon as it runs."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command), cwd=cwd, env=dict(env) if env is not None else None, stdout=out, stderr=err
        )
        if on_start:
            on_start(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here; Popen must not wait again
        out.seek(0)
        err.seek(0)
        result = Run(
            tuple(command),
            seconds,
            usage.ru_maxrss * 1024,  # KiB on Linux
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            usage.ru_utime + usage.ru_stime,
        )
    if check and result.returncode != 0:
        raise CommandFailed(result)
    return result


def run_tracked(
    command: Sequence[str], cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> tuple[Run, dict[str, int]]:
    """`run`, watching the process tree meanwhile (every 20 ms): the peak RSS of the command's own process
    ("parent") and the largest of any process it starts ("workers": render workers and their helpers), in
    bytes, from each process's VmHWM in /proc (a peak: a poll shortly before a process exits sees it)."""
    import threading

    peaks: dict[int, int] = {}
    done = threading.Event()
    started: list[int] = []

    def watch() -> None:
        while not done.is_set():
            if started:
                for pid in _tree(started[0]):
                    peaks[pid] = max(peaks.get(pid, 0), _peak_rss(pid))
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        result = run(command, cwd, env, on_start=started.append)
    finally:
        done.set()
        watcher.join()
    parent = started[0] if started else -1
    workers = max((peak for pid, peak in peaks.items() if pid != parent), default=0)
    return result, {"parent": peaks.get(parent, result.max_rss), "workers": workers}


def _tree(root: int) -> list[int]:
    """A process and its descendants, from /proc/PID/task/TID/children."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            tasks = list(Path(f"/proc/{pid}/task").iterdir())
        except OSError:
            continue  # it has just ended
        for task in tasks:
            try:
                todo += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def _peak_rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def load_average() -> str:
    """The 1-minute load average, as `uptime` shows it (the machine is shared)."""
    return f"{os.getloadavg()[0]:.1f}"


def publish(workspace: Path, *args: str) -> list[str]:
    """The `publish` command line for a workspace, run by this interpreter."""
    return [sys.executable, "-m", "publisher", "-C", str(workspace), *args]


def clean(workspace: Path) -> None:
    """Make the next build cold: no cache, no dist/."""
    for name in (".publish-cache", "dist"):
        shutil.rmtree(workspace / name, ignore_errors=True)


def interleave(candidates: Mapping[str, Callable[[], Run]], repetitions: int) -> dict[str, list[Run]]:
    """Run each candidate `repetitions` times, alternating between them (the order reversed every other
    round), so that a slow spell of the machine hits all of them alike."""
    runs: dict[str, list[Run]] = {name: [] for name in candidates}
    names = list(candidates)
    for round_ in range(repetitions):
        for name in names if round_ % 2 == 0 else reversed(names):
            runs[name].append(candidates[name]())
            print(f"  {name}: run {round_ + 1}/{repetitions} {runs[name][-1].seconds:.2f} s", file=sys.stderr)
    return runs


def median_seconds(runs: Sequence[Run]) -> float:
    """Median wall time of runs."""
    return statistics.median(r.seconds for r in runs)


def median_cpu(runs: Sequence[Run]) -> float:
    """Median CPU time (user + system) of runs: what a busy machine changes least."""
    return statistics.median(r.cpu_seconds for r in runs)


def median_rss(runs: Sequence[Run]) -> float:
    """Median peak RSS of runs, in MiB."""
    return statistics.median(r.max_rss for r in runs) / MIB


def spread(runs: Sequence[Run]) -> str:
    """The fastest and slowest run, to show how noisy the machine was."""
    times = [r.seconds for r in runs]
    return f"{min(times):.2f}–{max(times):.2f}"


def verdict(value: float, target: float, larger_is_better: bool = False) -> str:
    """'met' or 'missed' against a target."""
    met = value >= target if larger_is_better else value <= target
    return "met" if met else "missed"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table: first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths), *(line(r) for r in cells[1:])])


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}" if value >= 0.1 else f"{value:.3f}"
    return str(value)


def arguments(description: str, repetitions: int, quick_repetitions: int, size: str = "") -> argparse.Namespace:
    """Parse the common options: --quick, --repetitions, --keep DIR (generate the workspace there and keep
    it) and, when `size` names the corpus unit (pages, articles), --<size> N."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and a smaller corpus: a smoke test")
    parser.add_argument(
        "--repetitions", type=int, help=f"runs of each command (default {repetitions}, quick {quick_repetitions})"
    )
    parser.add_argument("--keep", type=Path, help="generate the workspace in this folder and leave it there")
    if size:
        parser.add_argument(f"--{size}", type=int, help=f"size of the generated corpus, in {size}")
    options = parser.parse_args()
    if options.repetitions is None:
        options.repetitions = quick_repetitions if options.quick else repetitions
    return options


def page_count(pdf: Path) -> int:
    """Pages of a PDF, as PDFium counts them."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def machine() -> str:
    """One line on what ran the benchmark: CPUs, Python, WeasyPrint."""
    from importlib.metadata import version

    return (
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, WeasyPrint {version('weasyprint')}, "
        f"publish {version('publish')}"
    )


def workspace_folder(keep: Path | None) -> tempfile.TemporaryDirectory[str] | _Kept:
    """A context manager giving the workspace folder: `keep` (emptied first) or a temporary one."""
    if keep is None:
        return tempfile.TemporaryDirectory(prefix="publish-bench-")
    shutil.rmtree(keep, ignore_errors=True)
    keep.mkdir(parents=True)
    return _Kept(keep)


class _Kept:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> str:
        return str(self.path.resolve())

    def __exit__(self, *exc: object) -> None:
        return None
