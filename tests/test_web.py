"""The web edition (dist/<slug>.html) and every HTML page of dist/ in Debian's chromium: axe-core finds
no violation at a phone's and a desktop's width, the metadata is the manifest's, links and notes resolve,
fonts are the subset WOFF2 files beside the page, focus is visible, nothing needs JavaScript.

The pages are those of the session's workspace (tests/conftest.py: the repository's publications and
the book, mixed, poetry and figures fixtures), read in one browser launch for the whole module.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from browser import WIDTHS, axe_violations, launch, load_fonts
from conftest import FIXTURES, PUBLICATIONS, SEED, Built, make_workspace

from publisher.source.manifest import load_manifest

UNSEEN = ("book", "mixed", "poetry", "figures")  # texts written before the web edition existed

PAGE_FACTS = """() => {
  const ld = [...document.querySelectorAll('script')].map(s => [s.type, s.textContent]);
  const ids = new Set([...document.querySelectorAll('[id]')].map(e => e.id));
  const targets = sel => [...document.querySelectorAll(sel)].map(a => [a.getAttribute('href'),
      ids.has(decodeURIComponent(a.hash.slice(1)))]);
  return {
    lang: document.documentElement.lang, dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction,
    scripts: ld,
    links: [...document.querySelectorAll('a[href], link[href]')].map(a => a.href),
    images: [...document.images].map(i => [i.src, i.alt, i.complete && i.naturalWidth > 0]),
    noterefs: targets('a[role="doc-noteref"]'), backlinks: targets('a[role="doc-backlink"]'),
    fonts: [...document.fonts].map(f => [f.family, f.status]),
    fontUrls: [...document.styleSheets].flatMap(s => [...s.cssRules]).filter(r => r instanceof CSSFontFaceRule)
        .map(r => r.style.getPropertyValue('src')),
  };
}"""

FOCUS = """() => { const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName, href: e.getAttribute('href'), style: s.outlineStyle, width: parseFloat(s.outlineWidth),
          visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight}; }"""


@pytest.fixture(scope="module")
def seen(built: Built) -> dict[str, Any]:
    """Every HTML page of dist/ at both widths: axe's violations, and (at 1280 px) what the page holds,
    where Tab puts the focus, and what it shows with JavaScript off."""
    from playwright.sync_api import sync_playwright

    dist = built.root / "dist"
    pages = sorted(dist.glob("*.html"))
    result: dict[str, Any] = {"violations": {}, "facts": {}, "focus": {}, "no_js": {}}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for path in pages:
                for width in WIDTHS:
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    page.goto(path.as_uri())
                    load_fonts(page)
                    if width == 1280 and path.name != "index.html":  # before axe adds its script
                        result["facts"][path.name] = page.evaluate(PAGE_FACTS)
                        page.keyboard.press("Tab")
                        first = page.evaluate(FOCUS)
                        page.keyboard.press("Tab")
                        result["focus"][path.name] = (first, page.evaluate(FOCUS))
                        page.keyboard.press("Shift+Tab")
                        page.keyboard.press("Shift+Tab")
                    result["violations"][(path.name, width)] = axe_violations(page)
                    page.close()
            context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 900})
            for path in pages:
                page = context.new_page()
                page.goto(path.as_uri())
                result["no_js"][path.name] = page.locator("main").inner_text()
                page.close()
            context.close()
        finally:
            browser.close()
    return result


def _slugs() -> list[str]:
    return [p.name for p in PUBLICATIONS] + list(UNSEEN)


def test_every_html_page_of_dist_has_no_axe_violation_at_375_and_1280_px(built: Built, seen: dict[str, Any]) -> None:
    names = {name for name, _ in seen["violations"]}
    assert names == {"index.html", *(f"{slug}.html" for slug in _slugs())}
    found = {key: v for key, v in seen["violations"].items() if v}
    assert found == {}, json.dumps({f"{n} @{w}px": v for (n, w), v in found.items()}, ensure_ascii=False, indent=1)


def test_the_harness_finds_what_it_must(built: Built, tmp_path: Path) -> None:
    """axe really runs: a page with text too faint and an image without alt has violations."""
    from playwright.sync_api import sync_playwright

    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>x</title></head><body><main>'
        '<p style="color:#aaa" lang="en">faint text</p><img src="x.png"></main></body></html>',
        encoding="utf-8",
    )
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.goto(bad.as_uri())
            ids = {v["id"] for v in axe_violations(page)}
        finally:
            browser.close()
    assert {"color-contrast", "image-alt"} <= ids


@pytest.mark.parametrize("slug", _slugs())
def test_the_page_carries_the_manifest_language_direction_and_news_article(
    built: Built, seen: dict[str, Any], slug: str
) -> None:
    manifest = load_manifest(built.root / "source" / slug)
    facts = seen["facts"][f"{slug}.html"]
    assert (facts["lang"], facts["dir"]) == (manifest.language, manifest.direction)
    assert facts["direction"] == manifest.direction
    assert [kind for kind, _ in facts["scripts"]] == ["application/ld+json"]  # data only: no script runs
    data = json.loads(facts["scripts"][0][1])
    assert (data["@context"], data["@type"]) == ("https://schema.org", "NewsArticle")
    assert data["headline"] == manifest.title and data["inLanguage"] == manifest.language
    if manifest.date:
        assert dt.date.fromisoformat(data["datePublished"]) == manifest.date
    assert [a["name"] for a in data["author"]] == manifest.authors
    if manifest.description:
        assert data["description"] == manifest.description
    html = (built.root / "dist" / f"{slug}.html").read_text(encoding="utf-8")
    assert f'<meta property="og:title" content="{manifest.title}" />' in html or "&" in manifest.title


def test_footnote_links_and_back_links_resolve(seen: dict[str, Any]) -> None:
    facts = seen["facts"]["book.html"]
    assert facts["noterefs"] and facts["backlinks"]
    assert len(facts["noterefs"]) == len(facts["backlinks"])
    assert all(ok for _, ok in facts["noterefs"] + facts["backlinks"]), facts


def test_every_link_image_and_font_reaches_a_file_of_dist(built: Built, seen: dict[str, Any]) -> None:
    dist = built.root / "dist"
    for name, facts in seen["facts"].items():
        for url in facts["links"]:
            if url.startswith("file://"):
                path = Path(url.removeprefix("file://").split("#")[0])
                assert path.is_file() and path.parent == dist, (name, url)
        for src, alt, loaded in facts["images"]:
            assert loaded and alt.strip(), (name, src)
        assert facts["fontUrls"] and all(
            re.fullmatch(r'url\("assets/[0-9a-f]{32}\.woff2"\)', u) for u in facts["fontUrls"]
        )
        assert facts["fonts"] and all(status == "loaded" for _, status in facts["fonts"]), (name, facts["fonts"])
    assert seen["facts"]["figures.html"]["images"] and seen["facts"]["book.html"]["images"]
    page = (dist / f"{SEED}.html").read_text(encoding="utf-8")
    assert "data:" not in page
    for font in re.findall(r"assets/[0-9a-f]{32}\.woff2", page):
        assert (dist / font).read_bytes()[:4] == b"wOF2"


def test_the_pages_link_the_pdf_and_epub_and_the_download_page_links_each_page(built: Built) -> None:
    dist = built.root / "dist"
    index = (dist / "index.html").read_text(encoding="utf-8")
    for slug in _slugs():
        page = (dist / f"{slug}.html").read_text(encoding="utf-8")
        assert f'href="{slug}.pdf"' in page and f'href="{slug}.epub"' in page and 'href="index.html"' in page
        assert f'href="{slug}.html"' in index


def test_keyboard_focus_is_visible(seen: dict[str, Any]) -> None:
    for name, (skip, nav) in seen["focus"].items():
        assert (skip["tag"], skip["href"]) == ("A", "#text"), name
        for focused in (skip, nav):
            assert focused["visible"] and focused["style"] != "none" and focused["width"] >= 2, (name, focused)


def test_the_pages_work_without_javascript(built: Built, seen: dict[str, Any]) -> None:
    for name, text in seen["no_js"].items():
        if name == "index.html":
            assert text.strip()
            continue
        manifest = load_manifest(built.root / "source" / name.removesuffix(".html"))
        assert manifest.title.split()[0] in text, name
        assert len(text) > 200, name


def test_web_false_builds_no_page_and_removes_the_one_built_before(tmp_path: Path) -> None:
    from publisher import build

    root = make_workspace(tmp_path, FIXTURES / "figures")
    build(root, formats=["web"])
    dist = root / "dist"
    assert (dist / "figures.html").is_file() and list((dist / "assets").iterdir())
    manifest = root / "source" / "figures" / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n[formats]\nweb = false\n", encoding="utf-8")
    assert [a.format for a in build(root, formats=["web"])] == []
    assert not (dist / "figures.html").exists() and not list((dist / "assets").iterdir())
    assert (
        "figures.html" not in (dist / "SHA256SUMS").read_text() and "assets/" not in (dist / "SHA256SUMS").read_text()
    )


def test_a_hostile_title_stays_text_in_the_page_and_its_json_ld(tmp_path: Path) -> None:
    from publisher import build

    root = make_workspace(tmp_path, FIXTURES / "mixed")
    manifest = root / "source" / "mixed" / "manifest.toml"
    hostile = '</script><script>alert(1)</script> & "quotes" <b>'
    text = manifest.read_text(encoding="utf-8").replace('title = "نص مختلط الاتجاه"', f"title = {json.dumps(hostile)}")
    manifest.write_text(text, encoding="utf-8")
    build(root, formats=["web"])
    page = (root / "dist" / "mixed.html").read_text(encoding="utf-8")
    assert page.count("<script") == 1 and "<b>" not in page
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert block and json.loads(block[1])["headline"] == hostile
