"""The README's pictures are of the current output (docs/pictures.py makes them and says what they show)."""

from __future__ import annotations

import hashlib
import json
import re

from conftest import REPO

AGAIN = "python docs/pictures.py, then commit docs/"


def recorded() -> dict[str, dict[str, object]]:
    return json.loads((REPO / "docs" / "pictures.json").read_text(encoding="utf-8"))


def test_the_download_page_picture_shows_the_sums_of_dist() -> None:
    """The names and SHA-256 sums that the page showed when its picture was taken (read from the page in
    the browser that took it) are those of dist/SHA256SUMS now, for every PDF and EPUB."""
    about = recorded()["download-page.png"]
    picture = (REPO / "docs" / "download-page.png").read_bytes()
    assert hashlib.sha256(picture).hexdigest() == about["png_sha256"], f"the picture was not made by: {AGAIN}"
    sums = dict(
        reversed(line.split("  ", 1))
        for line in (REPO / "dist" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    )
    shown = about["shows"]
    assert isinstance(shown, dict) and shown, about
    assert {n: d for n, d in sums.items() if n.endswith((".pdf", ".epub"))}.items() <= shown.items(), AGAIN
    assert shown.items() <= sums.items(), AGAIN


def test_the_readme_shows_the_pictures_the_script_makes() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\]\(docs/([\w.-]+\.png)\)", readme))
    made = recorded()
    assert set(made) <= shown
    for name, about in made.items():
        picture = (REPO / "docs" / name).read_bytes()
        assert hashlib.sha256(picture).hexdigest() == about["png_sha256"], f"docs/{name}: {AGAIN}"
