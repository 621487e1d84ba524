"""`publish watch`: rebuild what changed when a source, template or font file, or publish.toml, changes.

Changes are debounced by watchfiles; a bad save prints its error and the watch goes on. A slug
that does not exist stops it at once (exit 2): no save can fix that.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import PublishError
from ..source.defaults import DEFAULTS_NAME
from ..workspace import Workspace
from .plan import build


def affected(space: Workspace, changed: Iterable[Path], wanted: list[str]) -> list[str]:
    """The publications a set of changed files touches: its own for a source file, all for the rest."""
    slugs: set[str] = set()
    for path in changed:
        try:
            relative = path.resolve().relative_to(space.source.resolve())
        except ValueError:
            return wanted  # a template or a font: every publication may use it
        if relative.parts:
            slugs.add(relative.parts[0])
    return [s for s in wanted if s in slugs]


def watch(
    workspace: Path | str, slugs: list[str], echo: Callable[[str], None], changes: Iterable | None = None
) -> None:
    """Build once, then rebuild after each batch of changes until interrupted."""
    space = Workspace(Path(workspace).resolve())
    # A slug that does not exist, or no source/ at all, is not fixed by saving a file: an error now.
    space.select(slugs)
    _rebuild(space, slugs, echo)  # all publications: a whole build, which also removes what is gone
    for batch in _changes(space) if changes is None else changes:
        paths = [Path(path) for _, path in batch]
        targets = affected(space, paths, slugs or space.slugs())
        if not slugs and any(gone(space, path) for path in paths):
            targets = []  # a publication folder went: a whole build, which removes its artifacts
        elif not targets:
            continue
        echo(f"changed: {', '.join(sorted({path.name for path in paths}))}")
        _rebuild(space, targets, echo)


def _changes(space: Workspace) -> Iterator[set[tuple[Any, str]]]:
    """Batches of changes to the sources, templates and fonts, and to publish.toml, until Ctrl-C. The
    workspace's own folder is watched without its depth (dist/, .git, a virtual environment): one
    watcher for it, one for the folders, each in a thread, their batches taken in turn."""
    import queue
    import threading

    import watchfiles

    folders = [p for p in (space.source, space.root / "templates", space.root / "fonts") if p.is_dir()]
    stop, batches = threading.Event(), queue.Queue[set[tuple[Any, str]]]()

    def pump(paths: list[Path], recursive: bool, only: Callable[[object, str], bool]) -> None:
        for batch in watchfiles.watch(*paths, watch_filter=only, debounce=400, stop_event=stop, recursive=recursive):
            batches.put(batch)

    def defaults(change: object, path: str) -> bool:
        return Path(path).name == DEFAULTS_NAME

    for paths, recursive, only in ((folders, True, watchfiles.DefaultFilter()), ([space.root], False, defaults)):
        threading.Thread(target=pump, args=(paths, recursive, only), daemon=True).start()
    try:
        while True:
            with contextlib.suppress(queue.Empty):
                yield batches.get(timeout=0.5)  # a wait with a timeout: Ctrl-C is seen at once
    except KeyboardInterrupt:
        return
    finally:
        stop.set()


def gone(space: Workspace, path: Path) -> bool:
    """Whether `path` was in a publication folder of source/ that no longer exists."""
    try:
        relative = path.resolve().relative_to(space.source.resolve())
    except ValueError:
        return False
    return bool(relative.parts) and not (space.source / relative.parts[0]).is_dir()


def _rebuild(space: Workspace, slugs: list[str], echo: Callable[[str], None]) -> None:
    try:
        # one process: WeasyPrint stays loaded between saves, so a rebuild starts at once
        artifacts = build(space.root, slugs, jobs=1)
        for line in [f"removed {name}" for name in artifacts.removed]:
            echo(line)
        for problem in artifacts.repaired:
            echo(f"repaired: {problem}; SHA256SUMS remade")
        for artifact in artifacts:
            if artifact.rendered:
                echo(f"wrote {artifact.path.relative_to(space.root)}")
        if not any(a.rendered for a in artifacts):
            echo("up to date")
    except PublishError as exc:
        for message in exc.messages:
            echo(f"error: {message}")
        echo("waiting for the next change")
