"""Incremental builds: an artifact is rendered again only when something it depends on changed.

An artifact's key is a SHA-256 over everything that goes into it: this tool (its own code and the
versions of the libraries that render), the format, the publication's timestamp, and the contents
of its source files (manifest, texts, images, cover) and of the templates and fonts the format
uses. Keys hash contents, never modification times. The cache remembers, per artifact, the key of
its last build and the SHA-256 of the file it wrote; a build whose key is unchanged, and whose dist/
file still has that hash, renders nothing.

It lives in `.publish-cache/` in the workspace, which carries its own `.gitignore`. Each entry is
a small JSON file replaced atomically, so two builds running at once can at worst both render.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..workspace import file_digest, write_atomic

FOLDER = ".publish-cache"

# The template folders each output reads (its own, and what its templates include); an EPUB
# reads "cover" too when it draws its cover rather than using the manifest's image.
TEMPLATE_FOLDERS = {
    "pdf": ("pdf", "partials"),
    "epub": ("epub", "partials"),
    "cover": ("cover", "partials"),
    "site": ("site", "partials"),
}


def tree_digest(folders: Iterable[Path], subfolders: Iterable[str] | None = None) -> str:
    """SHA-256 over the files of an override search path (earlier folders hide the same name later):
    each file's name and contents; only under `subfolders` when given."""
    chosen: dict[str, Path] = {}
    for folder in folders:
        roots = [folder / s for s in subfolders] if subfolders is not None else [folder]
        for root in roots:
            if not root.is_dir():
                continue
            for path in sorted(root.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    chosen.setdefault(path.relative_to(folder).as_posix(), path)
    digest = hashlib.sha256()
    for name in sorted(chosen):
        digest.update(f"{name}\0{file_digest(chosen[name])}\n".encode())
    return digest.hexdigest()


def combine(*parts: str) -> str:
    """One SHA-256 over several strings, unambiguously separated."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(f"{len(part)}:{part}".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """What the cache knows of one artifact: the key it was built from and the file it became."""

    key: str
    sha256: str
    size: int
    stat: tuple[int, int, int]  # (size, mtime_ns, inode) of the dist/ file when last seen
    inputs: tuple[str, ...] = ()  # files read besides the manifest's own (images), workspace-relative
    warnings: tuple[str, ...] = ()  # what the renderer warned about, shown again while the artifact is reused


class Cache:
    """The entries of a workspace's `.publish-cache/`, one JSON file per artifact name."""

    def __init__(self, workspace: Path) -> None:
        self.root = workspace / FOLDER  # also keeps pieces of the download page (web/site.py)
        self.folder = self.root / "artifacts"

    def get(self, name: str) -> Entry | None:
        try:
            raw = json.loads((self.folder / f"{name}.json").read_text(encoding="utf-8"))
            return Entry(
                raw["key"],
                raw["sha256"],
                raw["size"],
                tuple(raw["stat"]),
                tuple(raw.get("inputs", ())),
                tuple(raw.get("warnings", ())),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: the artifact is simply built again

    def put(self, name: str, entry: Entry) -> None:
        """Record `entry`, replacing the file atomically (concurrent builds never see half of it)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder.parent / ".gitignore"
        if not ignore.exists():
            write_atomic(ignore, b"# publish's build cache: safe to delete, never to commit\n*\n")
        data = {"key": entry.key, "sha256": entry.sha256, "size": entry.size, "stat": list(entry.stat)}
        if entry.inputs:
            data["inputs"] = list(entry.inputs)
        if entry.warnings:
            data["warnings"] = list(entry.warnings)
        write_atomic(self.folder / f"{name}.json", json.dumps(data, indent=1).encode())

    def prune(self, names: set[str], unused_days: float = 30) -> None:
        """Forget artifacts not in `names` (publications that are gone), and delete kept pieces of
        the download page (fonts, thumbnails) no build has used for `unused_days`."""
        import time

        for entry in self.folder.glob("*.json") if self.folder.is_dir() else ():
            if entry.name.removesuffix(".json") not in names:
                with contextlib.suppress(OSError):
                    entry.unlink()
        oldest = time.time() - unused_days * 86400
        for piece in (*self.root.glob("fonts/*"), *self.root.glob("thumbnails/*")):
            with contextlib.suppress(OSError):
                if piece.stat().st_mtime < oldest:
                    piece.unlink()

    def fresh(self, name: str, key: str, path: Path) -> bool:
        """Whether `path` still holds what the build with `key` wrote."""
        entry = self.get(name)
        if entry is None or entry.key != key:
            return False
        try:
            seen = stat_of(path)
        except OSError:
            return False
        if seen == entry.stat:
            return True
        if seen[0] != entry.size or file_digest(path) != entry.sha256:
            return False
        self.put(name, Entry(entry.key, entry.sha256, entry.size, seen, entry.inputs, entry.warnings))  # same bytes
        return True

    def digest(self, name: str, path: Path) -> str:
        """The SHA-256 of the dist/ file `path`: the recorded one while the file is as last seen."""
        entry = self.get(name)
        if entry is not None and stat_of(path) == entry.stat:
            return entry.sha256
        return file_digest(path)

    def record(
        self, name: str, key: str, path: Path, sha256: str, inputs: tuple[str, ...] = (), warnings: tuple[str, ...] = ()
    ) -> None:
        """Remember that `path`, with contents `sha256`, is what `key` builds."""
        seen = stat_of(path)
        self.put(name, Entry(key, sha256, seen[0], seen, inputs, warnings))


def stat_of(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return (info.st_size, info.st_mtime_ns, info.st_ino)
