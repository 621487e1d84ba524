"""The files a render may read, and the URLs the renderer sees for them.

Workspace files get URLs under a fixed virtual root instead of their machine path: WeasyPrint
names images after their URL, so two clones of a workspace must give the same URLs to give the
same bytes. Anything outside the workspace and the packaged defaults is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlparse

from ..errors import ResourceError

VIRTUAL_ROOT = PurePosixPath("/publish-workspace")


@dataclass(frozen=True)
class Sandbox:
    """The workspace and the packaged default folders, resolved (symlinks followed)."""

    workspace: Path
    packaged: tuple[Path, ...]

    @classmethod
    def of(cls, workspace: Path, packaged: tuple[Path, ...]) -> Sandbox:
        return cls(workspace.resolve(), tuple(p.resolve() for p in packaged))

    def url(self, path: Path) -> str:
        """The URL a renderer is given for a file or folder of the sandbox."""
        path = path.resolve()
        if path.is_relative_to(self.workspace):
            return "file://" + quote(str(VIRTUAL_ROOT / path.relative_to(self.workspace).as_posix()))
        return path.as_uri()

    def path(self, url: str) -> Path:
        """The file behind a URL from `url()`, or relative to one; ResourceError for anything else."""
        parsed = urlparse(url)
        if parsed.scheme != "file":
            raise ResourceError(f"refused to fetch {url}: only files inside the workspace are used")
        asked = PurePosixPath(unquote(parsed.path))
        if asked.is_relative_to(VIRTUAL_ROOT):
            shown = asked.relative_to(VIRTUAL_ROOT).as_posix()
            path = (self.workspace / shown).resolve()
        else:
            shown, path = str(asked), Path(asked).resolve()
        if not (path.is_relative_to(self.workspace) or any(path.is_relative_to(p) for p in self.packaged)):
            raise ResourceError(f"refused to read {shown}: it lies outside the workspace")
        if not path.is_file():
            raise ResourceError(f"{shown} does not exist")
        return path
