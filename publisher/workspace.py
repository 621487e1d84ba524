"""Where things are: the workspace folders, the packaged defaults, and the publications in source/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

PACKAGE_DIR = Path(__file__).resolve().parent


def packaged_dir(name: str) -> Path:
    """The packaged default `templates` or `fonts` folder: inside the wheel, or the source checkout's."""
    for candidate in (PACKAGE_DIR / "_defaults" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise InputError(f"the packaged {name}/ folder is missing from this installation; reinstall publish")


@dataclass(frozen=True)
class Workspace:
    """A folder with source/ and optionally templates/, fonts/ and dist/."""

    root: Path
    output: Path | None = None  # where artifacts go, when not the workspace's own dist/

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def dist(self) -> Path:
        return self.output or self.root / "dist"

    def search_path(self, name: str) -> tuple[Path, ...]:
        """Folders to look up templates or fonts in, the workspace's own first (override by file name)."""
        own = self.root / name
        packaged = packaged_dir(name)
        if own.is_dir() and own.resolve() != packaged.resolve():
            return (own.resolve(), packaged)
        return (packaged,)

    def slugs(self) -> list[str]:
        """Every publication: the folders of source/, sorted."""
        if not self.source.is_dir():
            raise InputError(f"{self.root}: no source/ folder; run publish in a workspace or pass -C DIR")
        slugs = sorted(p.name for p in self.source.iterdir() if p.is_dir() and not p.name.startswith("."))
        folded: dict[str, str] = {}
        for slug in slugs:
            other = folded.setdefault(slug.casefold(), slug)
            if other != slug:
                raise InputError(
                    f"source/{other} and source/{slug}: slugs differ only in case, so their files in dist/ "
                    "would collide on macOS and Windows; rename one"
                )
            if not (self.source / slug).resolve().is_relative_to(self.root.resolve()):
                raise InputError(f"source/{slug}: is a link to a folder outside the workspace")
        return slugs

    def select(self, wanted: tuple[str, ...] | list[str]) -> list[str]:
        """The publications to build: all, or the named ones (each must exist)."""
        slugs = self.slugs()
        unknown = [s for s in wanted if s not in slugs]
        if unknown:
            known = ", ".join(slugs) or "none"
            raise InputError(f"source/{unknown[0]}: no such publication (there are: {known})")
        return list(dict.fromkeys(wanted)) if wanted else slugs


def display_path(path: Path) -> str:
    """A path as the user knows it, from `source/` on when it lies in a publication."""
    parts = path.parts
    if "source" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("source") :])
    return str(path)
