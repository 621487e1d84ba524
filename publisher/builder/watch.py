"""`publish watch`: rebuild what changed when a source, template or font file, or publish.toml, changes.

Changes are debounced by watchfiles; a bad save prints its error and the watch goes on. A slug
that does not exist stops it at once (exit 2): no save can fix that. The files editors and tools
write beside the one being saved (swap, backup, lock and temporary files) are not changes.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import PublishError
from ..source.defaults import DEFAULTS_NAME
from ..workspace import Workspace
from .plan import build

_TEMPORARY = re.compile(
    r"""
      \..+\.sw[a-p]          # vim's swap files: .article.md.swp, .swo, ... (a fresh name after a crash)
    | \..+\.swx              # vim's probe for a writable folder
    | .*~                     # backups: article.md~ (vim, emacs, gedit, nano)
    | \.\#.*                  # emacs's lock links: .#article.md
    | \#.*\#                  # emacs's auto-saves: #article.md#
    | .*\.tmp.*               # atomic saves: article.md.tmp, .article.md.tmpXYZ (VS Code, JetBrains, ...)
    | sed(?=[a-z]*[A-Z0-9])[A-Za-z0-9]{6}  # sed -i's temporary copy: sed3KSKGZ (not a word: seditions)
    | \.~lock\..*\#           # LibreOffice's lock files: .~lock.article.odt#
    | \.DS_Store
    """,
    re.VERBOSE,
)


def editor_temporary(path: Path) -> bool:
    """Whether `path` is a file an editor or tool writes beside the one saved, never one to build."""
    name = path.name
    if name.isascii() and name.isdigit() and int(name) >= 4913 and (int(name) - 4913) % 123 == 0:
        return True  # vim checks it may write a folder with a file named 4913 (then 5036, 5159, ...)
    return _TEMPORARY.fullmatch(name) is not None


def watched_folders(space: Workspace) -> list[Path]:
    """The folders whose changes rebuild: source/, and templates/ and fonts/ when the workspace has them."""
    return [p for p in (space.source, space.root / "templates", space.root / "fonts") if p.is_dir()]


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
    folders = watched_folders(space)
    echo(f"watching {', '.join(f'{p.relative_to(space.root)}/' for p in folders)} (Ctrl-C to stop)")
    for batch in watched_changes(space) if changes is None else changes:
        paths = [Path(path) for _, path in batch if not editor_temporary(Path(path))]
        if not paths:
            continue
        targets = affected(space, paths, slugs or space.slugs())
        if not slugs and any(gone(space, path) for path in paths):
            targets = []  # a publication folder went: a whole build, which removes its artifacts
        elif not targets:
            continue
        echo(f"changed: {', '.join(sorted({path.name for path in paths}))}")
        _rebuild(space, targets, echo)


def watched_changes(space: Workspace, stop: threading.Event | None = None) -> Iterator[set[tuple[Any, str]]]:
    """Batches of (change, path) a build reads: source/, templates/ and fonts/ (editors' temporary files left
    out) and publish.toml, until `stop` is set or Ctrl-C; publish watch and serve read these. The workspace's
    own folder is watched without its depth (dist/, .git, a virtual environment): one watcher for it, one for
    the folders, each in a thread, their batches taken in turn."""
    import queue

    import watchfiles

    folders = watched_folders(space)
    stop = stop or threading.Event()
    batches = queue.Queue[set[tuple[Any, str]]]()

    def pump(paths: list[Path], recursive: bool, only: Callable[[Any, str], bool]) -> None:
        for batch in watchfiles.watch(*paths, watch_filter=only, debounce=400, stop_event=stop, recursive=recursive):
            batches.put(batch)

    def defaults(change: Any, path: str) -> bool:
        return Path(path).name == DEFAULTS_NAME

    default = watchfiles.DefaultFilter()

    def sources(change: Any, path: str) -> bool:
        return default(change, path) and not editor_temporary(Path(path))

    for paths, recursive, only in ((folders, True, sources), ([space.root], False, defaults)):
        threading.Thread(target=pump, args=(paths, recursive, only), daemon=True).start()
    try:
        while not stop.is_set():
            with contextlib.suppress(queue.Empty):
                yield batches.get(timeout=0.5)  # a wait with a timeout: Ctrl-C and `stop` are seen at once
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
    from ..web.site import human_size

    try:
        # one process: WeasyPrint stays loaded between saves, so a rebuild starts at once
        artifacts = build(space.root, slugs, jobs=1)
        for line in [f"removed {name}" for name in artifacts.removed]:
            echo(line)
        for problem in artifacts.repaired:
            echo(f"repaired: {problem}; SHA256SUMS remade")
        for artifact in artifacts:
            if artifact.rendered:
                echo(f"wrote {artifact.path.relative_to(space.root)} ({human_size(artifact.size)})")
        if not any(a.rendered for a in artifacts):
            echo("up to date")
    except PublishError as exc:
        for message in exc.messages:
            echo(f"error: {message}")
        echo("waiting for the next change")
