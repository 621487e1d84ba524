"""What the command prints: the output settings every command shares (-v, -q, --json, and where the
workspace is from where the user stands), errors as one line each with their exit code, progress.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import Problem, PublishError, sorted_problems

T = TypeVar("T")

# A workspace path in a message: source/…, templates/…, fonts/…, dist/… where a path starts (not
# inside another path, a word or a quoted string the user wrote).
_WORKSPACE_PATH = re.compile(r"(?<![\w./\-\"'`«])(?=(?:source|templates|fonts|dist)/)")


@dataclass(frozen=True)
class Output:
    """How a command reports: the workspace, the output options (given before or after the command
    name), and the workspace as the user typed it, which starts every path a message shows."""

    workspace: Path
    verbose: bool = False
    quiet: bool = False
    as_json: bool = False

    @property
    def prefix(self) -> str:
        """ "some/dir/" for `-C some/dir`: paths are shown from where the user stands. An absolute DIR
        outside the current folder keeps messages relative to it: scripts and CI pass such paths, and
        lines that start with a long temporary folder read worse than lines relative to the workspace."""
        typed = os.path.normpath(self.workspace)
        if os.path.isabs(typed):
            here = Path.cwd().resolve()
            where = Path(typed).resolve()
            typed = os.path.relpath(where, here) if where.is_relative_to(here) else "."
        return "" if typed == "." else typed.rstrip("/") + "/"

    def shown(self, text: str) -> str:
        """`text` with each workspace path in it as the user reaches it from the current folder."""
        return _WORKSPACE_PATH.sub(self.prefix, text) if self.prefix else text

    def merged(self, verbose: bool, quiet: bool, as_json: bool) -> Output:
        """These settings with a command's own -v, -q and --json added."""
        merged = replace(
            self, verbose=self.verbose or verbose, quiet=self.quiet or quiet, as_json=self.as_json or as_json
        )
        if merged.verbose and merged.quiet:
            raise click.UsageError("-v/--verbose and -q/--quiet contradict each other; give one")
        return merged

    def echo(self, line: str, err: bool = False) -> None:
        """A line of human output, unless --quiet or --json asks for none (errors always show)."""
        if err or not (self.quiet or self.as_json):
            click.echo(self.shown(line), err=err)

    def json(self, data: Any) -> None:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))

    def run(self, action: Callable[[], T]) -> T:
        """Run `action`; report a PublishError as one line per problem, sorted by file and line, and
        exit with its code. With --json, stdout also gets the problems as a JSON object (CI reads that)."""
        try:
            return action()
        except PublishError as exc:
            self.report(exc.messages)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            # dist/ is already cleaned up (the Release unwound). Leave now, with the usual code for
            # Ctrl-C, without a finalisation that a native library holding the signal could upset.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            click.echo("error: interrupted; dist/ keeps the files it had", err=True)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        except Exception as exc:
            if os.environ.get("PUBLISH_DEBUG"):
                raise
            self.report([f"internal error: {type(exc).__name__}: {exc} (PUBLISH_DEBUG=1 shows where)"])
            sys.exit(1)

    def report(self, messages: list[str]) -> None:
        """Every problem once, sorted by file and line: on stderr, and as JSON on stdout when asked."""
        problems = [self._moved(p) for p in sorted_problems(messages)]
        for problem in problems:
            click.echo(f"error: {problem.message}", err=True)
        if self.as_json:
            self.json({"errors": [asdict(p) for p in problems]})

    def _moved(self, problem: Problem) -> Problem:
        if not self.prefix:
            return problem
        file = self.prefix + problem.file if problem.file else None
        return replace(problem, file=file, message=self.shown(problem.message))


def dist_changes(removed: list[str], repaired: list[str]) -> list[str]:
    """What a build did to dist/ besides writing artifacts, one line each."""
    lines = [f"removed {name} (its publication is no longer in source/)" for name in removed]
    return lines + [f"repaired: {problem} (an interrupted build?); SHA256SUMS remade" for problem in repaired]


class ProgressDisplay:
    """A rich progress bar on a terminal, shown once a build (or a check) has run for a second.

    Nothing is shown when output is not a terminal or NO_COLOR is set: logs stay plain text.
    """

    DELAY = 1.0  # seconds of work before the bar appears

    def __init__(self, enabled: bool, label: str = "rendering") -> None:
        self.enabled = enabled and sys.stderr.isatty() and "NO_COLOR" not in os.environ
        self.label = label
        self.started = time.perf_counter()
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.total = self.done = 0
        self.last: str | None = None
        self.closed = False
        self.bar: Any = None
        self.task: Any = None

    def step(self, name: str | None, done: int, total: int) -> None:
        """Called as the work starts (`name` None) and after each artifact, `done` of `total`."""
        if not self.enabled:
            return
        if name is None:
            self.total = total
            self.timer = threading.Timer(max(0.0, self.DELAY - (time.perf_counter() - self.started)), self._show)
            self.timer.daemon = True
            self.timer.start()
            return
        with self.lock:
            self.done, self.last = done, name
            if self.bar is not None:
                self.bar.update(self.task, description=name, completed=done)

    def _show(self) -> None:
        """After a second of work: the bar, with what is done so far."""
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with self.lock:
            if self.closed:
                return
            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.last or self.label, total=self.total, completed=self.done)

    def __enter__(self) -> ProgressDisplay:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.timer is not None:
            self.timer.cancel()
        with self.lock:
            self.closed = True
            if self.bar is not None:
                self.bar.stop()
