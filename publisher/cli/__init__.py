"""The `publish` command: parse arguments, call the library, turn PublishError into lines and an exit code.

This is the only module that prints errors or chooses exit codes: 0 success, 2 bad input, 1 failed build.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.shell_completion import CompletionItem

from ..errors import PublishError
from ..version import __version__
from .output import Output, ProgressDisplay, dist_changes

__all__ = ["ProgressDisplay", "dist_changes", "main"]


def _output_flags(command: Callable[..., Any]) -> Callable[..., Any]:
    """-v, -q and --json, accepted on the group and on every command: `publish --json check` and
    `publish check --json` are the same."""
    command = click.option("--json", "as_json", is_flag=True, help="Print the result, or the errors, as JSON.")(command)
    command = click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")(command)
    return click.option("-v", "--verbose", is_flag=True, help="Print more: hashes, timings, reasons.")(command)


def _with_output(command: Callable[..., None]) -> Callable[..., None]:
    """A command that takes its Output (the group's settings and its own flags) as first argument."""

    @_output_flags
    @functools.wraps(command)
    def wrapper(verbose: bool, quiet: bool, as_json: bool, **arguments: Any) -> None:
        out = click.get_current_context().find_object(Output)
        assert out is not None
        command(out.merged(verbose, quiet, as_json), **arguments)

    return wrapper


def _complete_slugs(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Shell completion for SLUGS: the publication folders of the workspace's source/."""
    from ..workspace import Workspace

    root = ctx.find_root().params.get("workspace") or Path(".")
    try:
        slugs = Workspace(Path(root).resolve()).slugs()
    except PublishError:
        return []
    return [CompletionItem(slug) for slug in slugs if slug.startswith(incomplete)]


SLUGS = click.argument("slugs", nargs=-1, shell_complete=_complete_slugs)


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
@_output_flags
@click.pass_context
def main(ctx: click.Context, workspace: Path, verbose: bool, quiet: bool, as_json: bool) -> None:
    """Turn the articles in source/ into print-ready PDFs and EPUB 3 books in dist/.

    \b
    Examples:
      publish build                 build every publication in source/
      publish build my-article      build source/my-article/ only
      publish -C ~/press build      build the workspace in ~/press
      publish check                 check sources and dist/ without writing anything
      publish list --json           the publications and their state, for a script

    \b
    Shell completion (commands, options and slugs), in ~/.bashrc:
      eval "$(_PUBLISH_COMPLETE=bash_source publish)"
    (zsh_source for ~/.zshrc, fish_source for fish)
    """
    ctx.obj = Output(workspace).merged(verbose, quiet, as_json)


@main.command("build")
@SLUGS
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
@_with_output
def build_command(
    out: Output,
    slugs: tuple[str, ...],
    formats: str,
    verify: bool,
    jobs: int | None,
    shard: str | None,
    no_cache: bool,
) -> None:
    """Build SLUGS (default: every folder in source/) into dist/SLUG.pdf, dist/SLUG.epub and dist/SLUG.html.

    Only what changed is rendered again: an artifact is up to date while its sources, the
    templates and fonts it uses, and this tool are the same (see .publish-cache/).
    All inputs are checked first; if any is bad, nothing is written and the exit code is 2.
    With --check, dist/ is compared with a fresh build of everything; each stale file is named (exit 2).
    --json prints one summary (artifacts, sizes, SHA-256, timings); -v adds each one's SHA-256 and time.

    \b
    Examples:
      publish build --format epub          only the EPUBs
      publish build --jobs 4               four renders at a time
      publish build --shard 2/4            the second quarter of the publications
      publish build --json > build.json    a summary for CI
    """
    from ..builder.plan import FORMATS, Shard, build
    from ..web.site import human_size

    workspace = out.workspace
    if verify:
        from ..builder.verify import stale_artifacts

        problems = out.run(lambda: stale_artifacts(workspace))
        if problems:
            out.report(problems)
            sys.exit(2)
        out.echo("dist/ holds what source/ builds now")
        return
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise click.BadParameter(
            f"unknown format {', '.join(unknown) or '(none)'}; use pdf, epub, web", param_hint="--format"
        )
    part = out.run(lambda: Shard.parse(shard)) if shard else None
    started = time.perf_counter()
    with ProgressDisplay(enabled=not (out.quiet or out.as_json)) as progress:
        artifacts = out.run(
            lambda: build(workspace, slugs, wanted, progress=progress.step, jobs=jobs, shard=part, cache=not no_cache)
        )
    root = Path(workspace).resolve()
    if out.as_json:
        out.json(
            {
                "artifacts": [
                    {
                        "slug": a.slug,
                        "format": a.format,
                        "path": out.shown(str(a.path.relative_to(root))),
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
        )
        return
    for line in dist_changes(artifacts.removed, artifacts.repaired):
        out.echo(line)
    for a in artifacts:
        if not (a.rendered or out.verbose):
            continue
        detail = f", {a.seconds:.2f} s, sha256 {a.sha256}" if out.verbose and a.rendered else ""
        verb = "wrote" if a.rendered else "up to date:"
        out.echo(f"{verb} {a.path.relative_to(root)} ({human_size(a.size)}{detail})")
    unchanged = sum(not a.rendered for a in artifacts)
    if unchanged and not out.verbose:
        out.echo(f"{unchanged} up to date" if unchanged < len(artifacts) else f"all {unchanged} up to date")
    if part:
        shown = f"shard {part.index}/{part.count}"
        out.echo(f"{shown}: {len(artifacts)} artifacts; merge the shards' dist/, then run publish site")
    if out.verbose:
        for note in (n for a in artifacts for n in a.notes):
            out.echo(f"note: {note}")
    if not out.quiet:
        for warning in (w for a in artifacts for w in a.warnings):  # together, after the work
            out.echo(f"warning: {warning}", err=True)


@main.command("site")
@_with_output
def site_command(out: Output) -> None:
    """Remake dist/index.html and dist/SHA256SUMS from the PDFs and EPUBs in dist/.

    For sharded builds: copy every shard's dist/ files into one dist/, then run this.
    """
    from ..builder.plan import write_site

    written = out.run(lambda: write_site(out.workspace))
    if out.as_json:
        out.json({"written": [f"{out.prefix}dist/{name}" for name in written]})
    out.echo(f"wrote {', '.join('dist/' + name for name in written)}" if written else "dist/ site is up to date")


@main.command("check")
@SLUGS
@_with_output
def check_command(out: Output, slugs: tuple[str, ...]) -> None:
    """Check SLUGS (default: all) without writing anything: manifests, text, font coverage, and
    their artifacts in dist/: EPUBCheck on the EPUBs (one Java process for all), the PDFs' title and fonts.

    Exit code 0 when all is well, 2 when something must be fixed (or dist/ was never built).
    """
    from ..builder.verify import check_workspace

    started = time.perf_counter()
    with ProgressDisplay(enabled=not (out.quiet or out.as_json), label="checking") as progress:
        checked = out.run(lambda: check_workspace(out.workspace, slugs, progress.step))
    if out.as_json:
        out.json({"checked": [out.shown(line) for line in checked], "errors": []})
        return
    for line in checked:
        out.echo(f"ok: {line}")
    if out.verbose:
        out.echo(f"checked in {time.perf_counter() - started:.1f} s")


@main.command("watch")
@SLUGS
@_with_output
def watch_command(out: Output, slugs: tuple[str, ...]) -> None:
    """Build SLUGS (default: all), then rebuild each time a source, template or font file changes.

    Editors' swap, backup, lock and temporary files are not changes. A bad save prints its error and
    the watch goes on; Ctrl-C stops it. With --json, each line printed is a JSON object instead.
    """
    import json

    from ..builder.watch import watch

    def echo(line: str) -> None:
        error = line.startswith("error:")
        if out.as_json:
            click.echo(json.dumps({"error" if error else "message": out.shown(line.removeprefix("error: "))}))
        elif error or not out.quiet:
            click.echo(out.shown(line), err=error)

    out.run(lambda: watch(out.workspace, list(slugs), echo))


@main.command("serve")
@SLUGS
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0 picks a free port.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; give another than 127.0.0.1 only to show dist/ to other machines.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the download page in the browser.")
@_with_output
def serve_command(out: Output, slugs: tuple[str, ...], port: int, host: str, open_browser: bool) -> None:
    """Build SLUGS (default: all), serve dist/ at http://127.0.0.1:8000/, and rebuild on each save.

    The page open in the browser reloads by itself when its file is rebuilt; a bad save shows its
    errors over the page and here, and the server goes on. Ctrl-C stops it.
    """
    from ..builder.serve import serve

    def echo(line: str) -> None:
        error = line.startswith(("error:", "warning:"))
        if error or not out.quiet:
            click.echo(out.shown(line), err=error)

    out.run(lambda: serve(out.workspace, list(slugs), echo, host, port, open_browser))


@main.command("list")
@SLUGS
@_with_output
def list_command(out: Output, slugs: tuple[str, ...]) -> None:
    """List SLUGS (default: all) with title, language, formats and state: up to date (dist/ holds what
    source/ builds now), stale (publish build would render something) or failing (the manifest or the
    text does not load; -v says why). Nothing is built or written.
    """
    from dataclasses import asdict

    from ..builder.status import publication_states

    states = out.run(lambda: publication_states(out.workspace, slugs))
    if out.as_json:
        out.json({"publications": [asdict(s) | {"problems": [out.shown(p) for p in s.problems]} for s in states]})
        return
    width = max(len(s.slug) for s in states)
    for s in states:  # the title last: a right-to-left title does not move the columns
        columns = f"{s.slug:<{width}}  {s.state:<10}  {s.language or '-':<6}  {','.join(s.formats):<8}"
        out.echo(f"{columns}  {s.title or ''}".rstrip())
        if out.verbose:
            for problem in s.problems:
                out.echo(f"  {problem}")


@main.command("new")
@click.argument("slug")
@click.option("--title", help="Title of the publication (default: the slug).")
@_with_output
def new_command(out: Output, slug: str, title: str | None) -> None:
    """Start source/SLUG/ with a commented manifest.toml and a sample article.md.

    \b
    Example:
      publish new beni-mellal-2026 --title "لقاء تشاوري ببني ملال"
    """
    from ..builder.scaffold import inherits_defaults, new_publication

    folder = out.run(lambda: new_publication(out.workspace, slug, title))
    inherits = " (keys it leaves out come from publish.toml)" if inherits_defaults(out.workspace) else ""
    created = folder.relative_to(Path(out.workspace).resolve())
    if out.as_json:
        out.json({"created": [out.shown(f"{created}/manifest.toml"), out.shown(f"{created}/article.md")]})
    out.echo(f"created {created}/manifest.toml and article.md{inherits}; edit them, then run: publish build {slug}")
