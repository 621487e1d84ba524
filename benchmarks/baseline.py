"""The yardstick for PDF builds: the bare `weasyprint` command on the very HTML publish gives WeasyPrint.

The HTML comes from publisher.pdf.render.render_html on a Job made as publisher/builder/ makes it. Its
workspace URLs use the sandbox's virtual root (file:///publish-workspace/...), which only publish's
URL fetcher understands, so they are rewritten to the workspace's real file:// URLs. The command runs
with the same options (PDF variant, tags) and the same empty fontconfig as publish, so both processes
lay out the same pages with the same fonts.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from publisher.builder.publications import check, publication_moment
from publisher.pdf.render import HERMETIC_FONTCONFIG, render_html
from publisher.source.fonts import load_fonts
from publisher.source.sandbox import VIRTUAL_ROOT, Sandbox
from publisher.typeset.job import Job
from publisher.typeset.templates import Templates
from publisher.workspace import Workspace, packaged_dir


@dataclass(frozen=True)
class Baseline:
    """An HTML file ready for the weasyprint command, and how publish would have rendered it."""

    html: Path
    base_url: str
    variant: str
    epoch: int


def write_html(workspace: Path, slug: str, out: Path) -> Baseline:
    """Write the HTML publish renders for `slug` into `out`, with real file:// URLs."""
    space = Workspace(workspace.resolve())
    fonts = load_fonts(space.search_path("fonts"))
    templates = Templates(space.search_path("templates"))
    [publication] = check(space, [slug], lambda: fonts, lambda: templates)
    sandbox = Sandbox.of(space.root, (packaged_dir("templates"), packaged_dir("fonts"), packaged_dir("colour")))
    manifest = publication.manifest
    moment = publication_moment(manifest)
    job = Job(manifest, publication.document, fonts, templates, moment, sandbox)
    virtual = "file://" + quote(str(VIRTUAL_ROOT))
    html = render_html(job).replace(virtual, space.root.as_uri())
    base_url = sandbox.url(manifest.folder).replace(virtual, space.root.as_uri()) + "/"
    if str(VIRTUAL_ROOT) in html:
        raise RuntimeError(f"{slug}: a virtual URL is left in the HTML; the rewrite misses a form")
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{slug}.html"
    path.write_text(html, encoding="utf-8")
    return Baseline(path, base_url, manifest.pdf.standard, int(moment.timestamp()))


def weasyprint(baseline: Baseline, pdf: Path) -> list[str]:
    """The weasyprint command line rendering `baseline` as publish does (variant, tags)."""
    return [
        sys.executable,
        "-m",
        "weasyprint",
        "--pdf-variant",
        baseline.variant,
        "--pdf-tags",
        "--quiet",
        "--base-url",
        baseline.base_url,
        str(baseline.html),
        str(pdf),
    ]


def weasyprint_env(baseline: Baseline) -> dict[str, str]:
    """The environment of the weasyprint command: publish's empty fontconfig and its font timestamps."""
    return {**os.environ, "FONTCONFIG_FILE": str(HERMETIC_FONTCONFIG), "SOURCE_DATE_EPOCH": str(baseline.epoch)}


def render_seconds(stdout: str) -> dict[str, float]:
    """Seconds per format, summed over artifacts, from the output of `publish build --json`."""
    seconds: dict[str, float] = {}
    for artifact in json.loads(stdout)["artifacts"]:
        seconds[artifact["format"]] = seconds.get(artifact["format"], 0.0) + artifact["seconds"]
    return seconds
