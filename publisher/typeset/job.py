"""What a renderer needs to make one publication's artifacts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..source.fonts import FontSet
from ..source.manifest import Manifest
from ..source.reader import Document
from ..source.sandbox import Sandbox
from .templates import Templates


@dataclass(frozen=True)
class Job:
    """One publication, checked, with the fonts, templates, timestamp and files its renderers use."""

    manifest: Manifest
    document: Document
    fonts: FontSet
    templates: Templates
    modified: dt.datetime
    sandbox: Sandbox
