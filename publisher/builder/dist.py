"""Writing artifacts into dist/: all of a build's files appear together, or none does.

Each artifact is written to a temporary file beside its final name, flushed to disk, and only
when every artifact of the build is ready are they renamed into place. A failed, interrupted or
killed build leaves the previous files untouched; its temporary files carry the writer's PID and
are removed by the next build once that process is gone.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import TracebackType

from ..errors import ResourceError
from ..workspace import TEMP_SUFFIX, stage


class Release:
    """The artifacts of one build, staged in dist/ and published together."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.staged: list[tuple[Path, Path]] = []  # (temporary, final)
        self.created = not folder.exists()  # a failed first build leaves no empty dist/ behind

    def add(self, name: str, data: bytes) -> Path:
        """Stage `data` as dist/`name`; return the final path it will have."""
        final = self.folder / name
        temp = stage(final, data)
        try:
            self.staged.append((temp, final))
        except BaseException:  # Ctrl-C is raised at the next call: here, the file would be nobody's to discard
            temp.unlink(missing_ok=True)
            raise
        return final

    def files(self, suffixes: tuple[str, ...]) -> dict[str, Path]:
        """Every file dist/ will hold with one of `suffixes` once this release is published, by name:
        the staged file where there is one, else the one already there."""
        staged = {final.name: temp for temp, final in self.staged if final.suffix in suffixes}
        there = {}
        for path in sorted(self.folder.glob("*")):
            if path.suffix not in suffixes or path.name in staged:
                continue
            if path.is_symlink():
                raise ResourceError(
                    f"dist/{path.name}: is a link; dist/ holds only the files publish writes, delete it"
                )
            if path.is_file():
                there[path.name] = path
        return dict(sorted({**there, **staged}.items()))

    def publish(self) -> None:
        """Rename every staged file into place."""
        for temp, final in self.staged:
            os.replace(temp, final)
        self.staged.clear()

    def discard(self) -> None:
        """Delete every staged file, and dist/ itself if this release made it and it is empty."""
        for temp, _ in self.staged:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        self.staged.clear()
        if self.created:
            with contextlib.suppress(OSError):  # not empty (another build's files) or gone: leave it
                self.folder.rmdir()

    def __enter__(self) -> Release:
        remove_leftovers(self.folder)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.publish()
        else:
            self.discard()


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files left by builds that were killed; those of running builds stay."""
    if not folder.is_dir():
        return
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        fields = temp.name.split(".")
        writer = int(fields[-3]) if len(fields) > 3 and fields[-3].isdigit() else 0
        if writer and _alive(writer):
            continue
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
