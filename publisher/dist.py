"""Writing artifacts into dist/: atomically, so a reader never sees a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".partial"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


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
