"""dist/ as a download site: SHA256SUMS that sha256sum accepts, and index.html read by a real browser."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import SEED, Built

CHROMIUM = "/usr/bin/chromium"  # Debian's; installed by .ci/run. Playwright must never download one.


def test_checksums_pass_sha256sum(built: Built) -> None:
    dist = built.root / "dist"
    sums = (dist / "SHA256SUMS").read_text()
    listed = {line.split("  ")[1] for line in sums.splitlines()}
    artifacts = {p.name for p in dist.iterdir() if p.suffix in (".pdf", ".epub", ".html") and p.name != "index.html"}
    assert listed == artifacts | {f"assets/{p.name}" for p in (dist / "assets").iterdir()}
    result = subprocess.run(
        ["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=dist, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_index_is_self_contained(built: Built) -> None:
    html = (built.root / "dist" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["'](https?:)?//|url\(["']?(https?:)?//""", html)
    assert html.count("data:font/woff2;base64,") >= 1


def test_index_in_chromium_lists_every_publication_with_working_links(built: Built, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    dist = built.root / "dist"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        try:
            page = browser.new_page(viewport={"width": 900, "height": 900})
            page.goto((dist / "index.html").as_uri())
            # Text set in a web font is invisible (and has no innerText) until the font is decoded;
            # document.fonts.ready may resolve before layout has even asked for the fonts, so load them all.
            fonts = page.evaluate(
                "Promise.all([...document.fonts].map(face => face.load())).then(loaded => loaded.length)"
            )
            direction = page.evaluate("getComputedStyle(document.documentElement).direction")
            titles = page.locator(".publication h2").all_inner_texts()
            files = page.evaluate(
                """[...document.querySelectorAll('.files li')].map(li => [
                    li.querySelector('a').href, li.querySelector('.sha').textContent.trim()])"""
            )
            images_loaded = page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
            page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
        finally:
            browser.close()
    assert direction == "rtl"
    assert "دفتر الورشة" in titles and any("استراتيجية القطب الاجتماعي" in t for t in titles)
    assert len(files) == 2 * len(titles)
    for href, sha in files:
        path = Path(href.removeprefix("file://"))
        assert path.parent == dist and path.is_file(), href
        assert subprocess.run(["sha256sum", path], capture_output=True, text=True).stdout.startswith(sha)
    assert images_loaded and fonts >= 1
    assert (tmp_path / "index.png").stat().st_size > 10_000


@pytest.mark.parametrize("slug", [SEED])
def test_index_links_use_relative_names(built: Built, slug: str) -> None:
    html = (built.root / "dist" / "index.html").read_text(encoding="utf-8")
    assert f'href="{slug}.pdf"' in html and f'href="{slug}.epub"' in html


@pytest.mark.parametrize("source", [False, True])
def test_no_publication_is_an_error_for_every_command_and_creates_nothing(tmp_path: Path, source: bool) -> None:
    from conftest import run_publish

    if source:
        (tmp_path / "source").mkdir()
    before = sorted(tmp_path.rglob("*"))
    for command in ("site", "build", "check", "watch"):
        result = run_publish("-C", str(tmp_path), command)
        assert result.returncode == 2, (command, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: "), result.stderr
        assert sorted(tmp_path.rglob("*")) == before
