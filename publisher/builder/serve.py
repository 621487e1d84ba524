"""`publish serve`: build, serve dist/ on this machine, rebuild what a save changes, reload the open page.

This process keeps one warm renderer: WeasyPrint imported and run once on a small text of its own
(Pango, fontconfig and the lazy imports are then ready), the workspace's fonts and templates loaded.
Each render still runs in a worker forked from it, as every build's does (pool.py: a render past its
time limit is stopped by killing its worker), and the fork starts warm. A save is rebuilt one format
at a time, the quickest first, and each step is announced to the open pages as soon as it is in dist/.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
import time
import webbrowser
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import PublishError, sorted_problems
from ..web.server import Events, start_server, url_of
from ..workspace import Workspace
from .cache import FOLDER
from .plan import FORMATS, BuildReport, build
from .watch import affected, gone, watched_changes

if TYPE_CHECKING:
    from .pool import Renderer

STAGE_ORDER = ("web", "pdf", "epub")  # the pages an editor looks at first: the web edition, then the PDF
WARM_UP_TEXT = "نص قصير يُصفّ مرة عند بدء الخادم، لتجهيز المحرّك.\n\nA short text, set once as the server starts."


def serve(
    workspace: Path | str,
    slugs: list[str],
    echo: Callable[[str], None],
    host: str = "127.0.0.1",
    port: int = 8000,
    open_browser: bool = False,
    changes: Iterable[set[tuple[Any, str]]] | None = None,
) -> None:
    """Build `slugs` (all when empty), serve dist/ on `host`:`port`, and rebuild after each batch of
    changes (those of source/, templates/ and fonts/ unless `changes` is given) until Ctrl-C."""
    space = Workspace(Path(workspace).resolve())
    space.select(slugs)  # a slug that does not exist is not fixed by saving a file: an error now
    events = Events()
    server = start_server(space.dist, host, port, events)
    threading.Thread(target=server.serve_forever, name="publish-serve", daemon=True).start()
    stop = threading.Event()
    batches = changes if changes is not None else _listen(space, stop)  # from now: a save during the first build counts
    try:
        session = Session(space, slugs, events, echo)
        session.warm_up()
        session.rebuild(slugs, [tuple(FORMATS)])
        url = url_of(server)
        echo(f"serving {url} (Ctrl-C to stop)")
        if not server.loopback:
            echo(f"warning: listening on {host}: every machine that reaches it can read dist/")
        if open_browser:
            webbrowser.open(url)
        for batch in batches:
            session.changed([Path(path) for _, path in batch])
    except KeyboardInterrupt:
        pass  # Ctrl-C during a build: its Release has left dist/ as it was
    finally:
        stop.set()
        events.close()
        server.shutdown()
        server.server_close()
    echo("stopped")


def _listen(space: Workspace, stop: threading.Event) -> Iterator[set[tuple[Any, str]]]:
    """The batches of changes, watched from now on by a thread of their own (a save made while the
    first build runs is rebuilt after it; what comes during a rebuild, after it, at once); the
    iteration ends when `stop` is set."""
    queued: queue.Queue[set[tuple[Any, str]] | None] = queue.Queue()

    def pump() -> None:
        try:
            for batch in watched_changes(space, stop):
                queued.put(batch)
        finally:
            queued.put(None)

    def batches() -> Iterator[set[tuple[Any, str]]]:
        while (batch := queued.get()) is not None:
            merged = set(batch)
            while not queued.empty():
                if (more := queued.get()) is None:
                    yield merged
                    return
                merged |= more
            yield merged

    threading.Thread(target=pump, name="publish-serve-watch", daemon=True).start()
    return batches()


class Session:
    """The warm renderer, the publications served, and what each rebuild tells the terminal and the pages."""

    def __init__(self, space: Workspace, slugs: list[str], events: Events, echo: Callable[[str], None]) -> None:
        self.space, self.slugs, self.events, self.echo = space, slugs, events, echo
        self.renderer: Renderer | None = None

    def warm_up(self) -> None:
        """Import WeasyPrint and render a short text once here, so that forked workers start warm;
        load the workspace's fonts and templates."""
        from .single import render

        metadata = {"title": "تسخين", "authors": ["publish"], "language": "ar"}
        with contextlib.suppress(Exception):  # only a saving: the real build reports what is wrong
            for fmt in ("pdf", "epub"):
                render(WARM_UP_TEXT, metadata, fmt, markdown=False)
        self.warm()

    def warm(self) -> Renderer | None:
        """The renderer for this workspace's fonts and templates, loaded when first needed; None when
        they cannot be loaded (the build then says why)."""
        if self.renderer is None:
            from ..pdf.render import import_weasyprint
            from .pool import Renderer

            try:
                import_weasyprint()
                self.renderer = Renderer(self.space, self.space.root / FOLDER)
            except PublishError:
                return None
            with contextlib.suppress(Exception):  # compiled once here rather than in every worker
                for name in self.renderer.templates.env.list_templates():
                    self.renderer.templates.env.get_template(name)
        return self.renderer

    def changed(self, paths: list[Path]) -> None:
        """Rebuild what a batch of changed files touches."""
        space = self.space
        targets = affected(space, paths, self.slugs or space.slugs())
        if not self.slugs and any(gone(space, path) for path in paths):
            targets = []  # a publication folder went: a whole build, which removes its artifacts
        elif not targets:
            return
        if any(not _inside(path, space.source) for path in paths):
            self.renderer = None  # a template or a font: load them again
        self.echo(f"changed: {', '.join(sorted({path.name for path in paths}))}")
        self.rebuild(targets, stages(FORMATS))

    def rebuild(self, slugs: list[str], steps: list[tuple[str, ...]]) -> None:
        """Build `slugs` one step of formats after the other; after each, tell the pages which files of
        dist/ changed. A failure is printed and shown on the pages, and ends this rebuild."""
        began, touched = time.perf_counter(), False
        for formats in steps:
            before = snapshot(self.space.dist)
            try:
                report = build(self.space.root, slugs, formats, jobs=1 if len(steps) > 1 else None, warm=self.warm())
            except PublishError as exc:
                lines = [problem.message for problem in sorted_problems(exc.messages)]
                for line in lines:
                    self.echo(f"error: {line}")
                self.echo("waiting for the next change")
                self.events.publish([], lines)
                return
            after = snapshot(self.space.dist)
            changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
            self.events.publish([f"/{name}" for name in changed], [])
            self._tell(report, changed, time.perf_counter() - began)
            touched = touched or bool(changed)
        self.echo(f"rebuilt in {time.perf_counter() - began:.2f} s" if touched else "up to date")

    def _tell(self, report: BuildReport, changed: list[str], waited: float) -> None:
        """What a step did, in the terminal; `waited` is the time since the change was seen."""
        from ..web.site import human_size

        for name in report.removed:
            self.echo(f"removed {name}")
        for problem in report.repaired:
            self.echo(f"repaired: {problem}; SHA256SUMS remade")
        written = [a for a in report if a.rendered]
        for a in written:
            self.echo(f"wrote {a.path.relative_to(self.space.root)} ({human_size(a.size)}, {waited:.2f} s)")
        pages = [name for name in changed if name.endswith(".html") and name not in {a.path.name for a in written}]
        for name in pages:  # the download page, remade for a new title or new files
            self.echo(f"wrote dist/{name} ({waited:.2f} s)")
        for warning in (w for a in written for w in a.warnings):
            self.echo(f"warning: {warning}")


def stages(formats: Iterable[str]) -> list[tuple[str, ...]]:
    """The steps of a rebuild: first none of the formats, which remakes only the download page (a new
    title shows at once, beside the files dist/ holds now, their sums true), then one step per format,
    the web edition first, then the PDF, then the rest."""
    order = {fmt: rank for rank, fmt in enumerate(STAGE_ORDER)}
    return [(), *((fmt,) for fmt in sorted(formats, key=lambda fmt: order.get(fmt, len(order))))]


def snapshot(dist: Path) -> dict[str, tuple[int, int, int]]:
    """Each file of dist/ (no dotfile, such as a build's temporary files; no link followed) by its path
    under dist/, with what changes when it is written again: inode, size, modification time."""
    found = {}
    for folder, folders, files in os.walk(dist):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = Path(folder, name)
            with contextlib.suppress(OSError):
                info = path.lstat()
                found[path.relative_to(dist).as_posix()] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return found


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
