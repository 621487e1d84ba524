"""The `publish` command: parse arguments, call the library, turn PublishError into lines and an exit code.

This is the only module that prints errors or chooses exit codes: 0 success, 2 bad input, 1 failed build.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import PublishError, sorted_problems
from .version import __version__

T = TypeVar("T")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="publish")
@click.option(
    "-C",
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The workspace: a folder with source/ (and optionally templates/, fonts/, dist/).",
)
@click.pass_context
def main(ctx: click.Context, workspace: Path) -> None:
    """Turn the articles in source/ into print-ready PDFs and EPUB 3 books in dist/.

    \b
    Examples:
      publish build                 build every publication in source/
      publish build my-article      build source/my-article/ only
      publish -C ~/press build      build the workspace in ~/press
      publish check                 check sources and dist/ without writing anything
    """
    ctx.obj = workspace


@main.command("build")
@click.argument("slugs", nargs=-1)
@click.option(
    "--format",
    "formats",
    default="pdf,epub,web",
    show_default=True,
    help="Comma-separated formats to build: pdf, epub, web (the web edition, SLUG.html).",
)
@click.option(
    "--check", "verify", is_flag=True, help="Write nothing: build into a temporary folder and fail if dist/ differs."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Render with up to N processes at once.  [default: one per core]",
)
@click.option(
    "--shard",
    metavar="K/N",
    help="Build only part K of N of the publications (stable, by slug), for N machines; "
    "then merge their dist/ folders and run publish site.",
)
@click.option("--no-cache", is_flag=True, help="Render everything, even what is up to date.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON summary (artifacts, sizes, SHA-256, timings).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print each artifact's SHA-256 and render time.")
@click.pass_obj
def build_command(
    workspace: Path,
    slugs: tuple[str, ...],
    formats: str,
    verify: bool,
    jobs: int | None,
    shard: str | None,
    no_cache: bool,
    as_json: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Build SLUGS (default: every folder in source/) into dist/SLUG.pdf, dist/SLUG.epub and dist/SLUG.html.

    Only what changed is rendered again: an artifact is up to date while its sources, the
    templates and fonts it uses, and this tool are the same (see .publish-cache/).
    All inputs are checked first; if any is bad, nothing is written and the exit code is 2.
    With --check, dist/ is compared with a fresh build of everything; each stale file is named (exit 2).

    \b
    Examples:
      publish build --format epub          only the EPUBs
      publish build --jobs 4               four renders at a time
      publish build --shard 2/4            the second quarter of the publications
      publish build --json > build.json    a summary for CI
    """
    from .builder.plan import FORMATS, Shard, build
    from .web.site import human_size

    if verify:
        from .builder.verify import stale_artifacts

        problems = _run(lambda: stale_artifacts(workspace), as_json)
        if problems:
            _report(problems, as_json)
            sys.exit(2)
        click.echo("dist/ holds what source/ builds now")
        return
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise click.BadParameter(
            f"unknown format {', '.join(unknown) or '(none)'}; use pdf, epub, web", param_hint="--format"
        )
    part = _run(lambda: Shard.parse(shard), as_json) if shard else None
    started = time.perf_counter()
    with ProgressDisplay(enabled=not (quiet or as_json)) as progress:
        artifacts = _run(
            lambda: build(workspace, slugs, wanted, progress=progress.step, jobs=jobs, shard=part, cache=not no_cache),
            as_json,
        )
    root = Path(workspace).resolve()
    if as_json:
        summary = {
            "artifacts": [
                {
                    "slug": a.slug,
                    "format": a.format,
                    "path": str(a.path.relative_to(root)),
                    "size": a.size,
                    "sha256": a.sha256,
                    "seconds": round(a.seconds, 3),
                    "rendered": a.rendered,
                }
                for a in artifacts
            ],
            "removed": artifacts.removed,
            "repaired": artifacts.repaired,
            "seconds": round(time.perf_counter() - started, 3),
            "warnings": [w for a in artifacts for w in a.warnings],
        }
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    elif not quiet:
        for line in dist_changes(artifacts.removed, artifacts.repaired):
            click.echo(line)
        for a in artifacts:
            if not (a.rendered or verbose):
                continue
            detail = f", {a.seconds:.2f} s, sha256 {a.sha256}" if verbose and a.rendered else ""
            verb = "wrote" if a.rendered else "up to date:"
            click.echo(f"{verb} {a.path.relative_to(root)} ({human_size(a.size)}{detail})")
        unchanged = sum(not a.rendered for a in artifacts)
        if unchanged and not verbose:
            click.echo(f"{unchanged} up to date" if unchanged < len(artifacts) else f"all {unchanged} up to date")
        if part:
            shown = f"shard {part.index}/{part.count}"
            click.echo(f"{shown}: {len(artifacts)} artifacts; merge the shards' dist/, then run publish site")
        for warning in (w for a in artifacts for w in a.warnings):  # together, after the work
            click.echo(f"warning: {warning}", err=True)


@main.command("site")
@click.pass_obj
def site_command(workspace: Path) -> None:
    """Remake dist/index.html and dist/SHA256SUMS from the PDFs and EPUBs in dist/.

    For sharded builds: copy every shard's dist/ files into one dist/, then run this.
    """
    from .builder.plan import write_site

    written = _run(lambda: write_site(workspace))
    click.echo(f"wrote {', '.join('dist/' + name for name in written)}" if written else "dist/ site is up to date")


@main.command("check")
@click.argument("slugs", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print what was checked, or the errors, as JSON.")
@click.pass_obj
def check_command(workspace: Path, slugs: tuple[str, ...], as_json: bool) -> None:
    """Check SLUGS (default: all) without writing anything: manifests, text, font coverage, and,
    when dist/ holds their artifacts, EPUBCheck on the EPUB and the PDF's title and fonts.

    Exit code 0 when all is well, 2 when something must be fixed.
    """
    from .builder.verify import check_workspace

    checked = _run(lambda: check_workspace(workspace, slugs), as_json)
    if as_json:
        click.echo(json.dumps({"checked": checked, "errors": []}, ensure_ascii=False, indent=2))
        return
    for line in checked:
        click.echo(f"ok: {line}")


@main.command("watch")
@click.argument("slugs", nargs=-1)
@click.pass_obj
def watch_command(workspace: Path, slugs: tuple[str, ...]) -> None:
    """Build SLUGS (default: all), then rebuild each time a source, template or font file changes.

    A bad save prints its error and the watch goes on; Ctrl-C stops it.
    """
    from .builder.watch import watch

    _run(lambda: watch(workspace, list(slugs), lambda line: click.echo(line, err=line.startswith("error:"))))


@main.command("new")
@click.argument("slug")
@click.option("--title", help="Title of the publication (default: the slug).")
@click.pass_obj
def new_command(workspace: Path, slug: str, title: str | None) -> None:
    """Start source/SLUG/ with a commented manifest.toml and a sample article.md.

    \b
    Example:
      publish new beni-mellal-2026 --title "لقاء تشاوري ببني ملال"
    """
    from .builder.scaffold import new_publication

    folder = _run(lambda: new_publication(workspace, slug, title))
    click.echo(
        f"created {folder.relative_to(Path(workspace).resolve())}/manifest.toml and article.md; "
        f"edit them, then run: publish build {slug}"
    )


def dist_changes(removed: list[str], repaired: list[str]) -> list[str]:
    """What a build did to dist/ besides writing artifacts, one line each."""
    lines = [f"removed {name} (its publication is no longer in source/)" for name in removed]
    return lines + [f"repaired: {problem} (an interrupted build?); SHA256SUMS remade" for problem in repaired]


class ProgressDisplay:
    """A rich progress bar on a terminal, shown once a build has run for a second.

    Nothing is shown when output is not a terminal or NO_COLOR is set: logs stay plain text.
    """

    DELAY = 1.0  # seconds of rendering before the bar appears

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty() and "NO_COLOR" not in os.environ
        self.started = time.perf_counter()
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.total = self.done = 0
        self.last: str | None = None
        self.closed = False
        self.bar: Any = None
        self.task: Any = None

    def step(self, name: str | None, done: int, total: int) -> None:
        """Called as rendering starts (`name` None) and after each artifact, `done` of `total`."""
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
        """After a second of rendering: the bar, with what is done so far."""
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
            self.task = self.bar.add_task(self.last or "rendering", total=self.total, completed=self.done)

    def __enter__(self) -> ProgressDisplay:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.timer is not None:
            self.timer.cancel()
        with self.lock:
            self.closed = True
            if self.bar is not None:
                self.bar.stop()


def _run(action: Callable[[], T], as_json: bool = False) -> T:
    """Run `action`; report a PublishError as one line per problem, sorted by file and line, and exit
    with its code. With `as_json`, stdout also gets the problems as a JSON object (CI reads that)."""
    try:
        return action()
    except PublishError as exc:
        _report(exc.messages, as_json)
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
        _report([f"internal error: {type(exc).__name__}: {exc} (PUBLISH_DEBUG=1 shows where)"], as_json)
        sys.exit(1)


def _report(messages: list[str], as_json: bool) -> None:
    """Every problem once, sorted by file and line: on stderr, and as JSON on stdout when asked."""
    problems = sorted_problems(messages)
    for problem in problems:
        click.echo(f"error: {problem.message}", err=True)
    if as_json:
        click.echo(json.dumps({"errors": [asdict(p) for p in problems]}, ensure_ascii=False, indent=2))
