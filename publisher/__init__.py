"""publish: Markdown and plain text to a print-ready right-to-left PDF and an EPUB 3.

The public surface is small: `build` (a workspace into dist/), `render` (one article from a
string to bytes), `load_manifest`, `PublishError` and `__version__`.
"""

from __future__ import annotations

from .builder.plan import build
from .builder.single import render
from .errors import PublishError
from .source.manifest import load_manifest
from .version import __version__

__all__ = ["PublishError", "__version__", "build", "load_manifest", "render"]
