"""`publish watch`: rebuild what changed when a source, template or font file changes.

Changes are debounced by watchfiles; a bad save prints its error and the watch goes on. A slug
that does not exist stops it at once (exit 2): no save can fix that.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import PublishError
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
    for batch in changes if changes is not None else watched_changes(space):
        paths = [Path(path) for _, path in batch]
        targets = affected(space, paths, slugs or space.slugs())
        if not slugs and any(gone(space, path) for path in paths):
            targets = []  # a publication folder went: a whole build, which removes its artifacts
        elif not targets:
            continue
        echo(f"changed: {', '.join(sorted({path.name for path in paths}))}")
        _rebuild(space, targets, echo)


def watched_changes(space: Workspace, stop: threading.Event | None = None) -> Iterator[set[tuple[Any, str]]]:
    """Batches of (change, path) in the folders a build reads: source/, templates/ and fonts/, until
    `stop` is set. Ctrl-C ends the iteration rather than raising; publish watch and serve read these."""
    import watchfiles

    folders = [p for p in (space.source, space.root / "templates", space.root / "fonts") if p.is_dir()]
    yield from watchfiles.watch(*folders, debounce=400, raise_interrupt=False, stop_event=stop)


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
