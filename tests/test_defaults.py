"""Workspace defaults: publish.toml's keys reach every publication's PDF and EPUB unless its manifest
sets them; publish.toml is checked like a manifest, reported once, and part of every cache key."""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pikepdf
import pytest
from conftest import run_publish

from publisher import build, load_manifest
from publisher.builder.publications import gather_manifests
from publisher.builder.watch import affected, watch, watched_changes
from publisher.errors import InputError, ManifestError, Problem
from publisher.source.defaults import workspace_defaults
from publisher.source.schema import merged
from publisher.source.tomlplaces import key_lines
from publisher.workspace import Workspace

DC = {"dc": "http://purl.org/dc/elements/1.1/", "opf": "http://www.idpf.org/2007/opf"}
MM = 72 / 25.4

DEFAULTS = """\
# The house's defaults: every publication of source/ inherits them.
publisher = "دار المدينة للنشر"
rights = "حقوق النشر محفوظة للدار"
authors = ["مكتب الأخبار"]
subjects = ["أخبار"]

[pdf]
page-size = "A4"
profile = "screen"
"""
ARTICLE = "# خبر\n\nافتتحت المدينة اليوم مكتبة جديدة في الحي القديم.\n"


def publication(root: Path, slug: str, manifest: str, text: str = ARTICLE) -> Path:
    folder = root / "source" / slug
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    (folder / "article.md").write_text(text, encoding="utf-8")
    return folder


def house(root: Path, defaults: str = DEFAULTS) -> Path:
    """A workspace of two articles under `defaults`: one inherits everything, one overrides some keys."""
    (root / "publish.toml").parent.mkdir(parents=True, exist_ok=True)
    (root / "publish.toml").write_text(defaults, encoding="utf-8")
    publication(root, "inherits", 'title = "مكتبة جديدة"\n')
    publication(
        root,
        "overrides",
        'title = "سوق الأحد"\nauthors = ["سلمى"]\npublisher = "دار أخرى"\nsubjects = ["اقتصاد"]\n'
        '\n[pdf]\nprofile = "print"\n',
    )
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = house(tmp_path_factory.mktemp("house"))
    build(root, jobs=2)
    return root


def opf_metadata(epub: Path) -> dict[str, list[str]]:
    with zipfile.ZipFile(epub) as archive:
        package = ElementTree.fromstring(archive.read("EPUB/content.opf"))
    meta = package.find("opf:metadata", DC)
    assert meta is not None
    return {
        key: [e.text or "" for e in meta.findall(f"dc:{key}", DC)]
        for key in ("creator", "publisher", "rights", "subject")
    }


def test_the_pdf_and_epub_of_every_publication_carry_the_defaults_their_manifest_does_not_set(built: Path) -> None:
    inherits, overrides = (
        opf_metadata(built / "dist" / "inherits.epub"),
        opf_metadata(built / "dist" / "overrides.epub"),
    )
    assert inherits == {
        "creator": ["مكتب الأخبار"],
        "publisher": ["دار المدينة للنشر"],
        "rights": ["حقوق النشر محفوظة للدار"],
        "subject": ["أخبار"],
    }
    # the manifest's values win, a list replaces the default's list (not added to it), and the rest is inherited
    assert overrides == {
        "creator": ["سلمى"],
        "publisher": ["دار أخرى"],
        "rights": ["حقوق النشر محفوظة للدار"],
        "subject": ["اقتصاد"],
    }
    rights = "حقوق النشر محفوظة للدار"
    for slug, author, keywords, publisher in (
        ("inherits", "مكتب الأخبار", "أخبار", "دار المدينة للنشر"),
        ("overrides", "سلمى", "اقتصاد", "دار أخرى"),
    ):
        with pikepdf.open(built / "dist" / f"{slug}.pdf") as pdf:
            assert (str(pdf.docinfo["/Author"]), str(pdf.docinfo["/Keywords"])) == (author, keywords)
            xmp = pdf.open_metadata()
            assert (xmp["dc:creator"], xmp["pdf:Keywords"]) == ([author], keywords)
            assert (xmp["dc:publisher"], xmp["dc:rights"]) == ({publisher}, rights)
            assert str(pdf.Root.Lang) == "ar"


def test_a_table_merges_key_by_key(built: Path) -> None:
    """[pdf] page-size comes from publish.toml in both, profile from the manifest where it sets one."""
    boxes = {}
    for slug in ("inherits", "overrides"):
        with pikepdf.open(built / "dist" / f"{slug}.pdf") as pdf:
            page = pdf.pages[0].obj
            boxes[slug] = [float(v) for v in page.TrimBox], [float(v) for v in page.MediaBox]
    for trim, _ in boxes.values():  # A4 in both
        assert (trim[2] - trim[0], trim[3] - trim[1]) == pytest.approx((210 * MM, 297 * MM), abs=0.5)
    screen_trim, screen_media = boxes["inherits"]
    print_trim, print_media = boxes["overrides"]
    assert screen_media == pytest.approx(screen_trim)  # screen: no bleed, no marks
    assert print_media[2] - print_media[0] > print_trim[2] - print_trim[0] + 20 * MM  # print: bleed and slug


def test_editing_publish_toml_rebuilds_every_publication_and_watch_notices(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "house"
    shutil.copytree(built, root)
    toml = root / "publish.toml"

    def saves():
        toml.write_text(DEFAULTS.replace("حقوق النشر محفوظة للدار", "رخصة المشاع الإبداعي"), encoding="utf-8")
        yield {("modified", str(toml))}

    lines: list[str] = []
    watch(root, [], lines.append, saves())
    assert lines[0] == "up to date"  # the copy is as its build left it
    assert lines[1:3] == ["watching source/ (Ctrl-C to stop)", "changed: publish.toml"]
    assert sorted(re.sub(r" \(\d+ KB\)$", "", line) for line in lines[3:]) == sorted(
        f"wrote dist/{s}.{f}" for s in ("inherits", "overrides") for f in ("pdf", "epub", "html")
    )
    for slug in ("inherits", "overrides"):
        assert opf_metadata(root / "dist" / f"{slug}.epub")["rights"] == ["رخصة المشاع الإبداعي"]
    assert not any(a.rendered for a in build(root, jobs=1))  # and then it is up to date again


def test_the_watcher_sees_publish_toml_created_in_the_workspace_folder(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    publication(root, "a", 'title = "أ"\nauthors = ["ب"]\n')
    changes = watched_changes(Workspace(root))
    seen: list[set] = []
    waiting = threading.Thread(target=lambda: seen.append(next(changes)), daemon=True)
    waiting.start()
    time.sleep(1)  # the watchers start
    (root / "publish.toml").write_text('rights = "ح"\n', encoding="utf-8")
    waiting.join(timeout=20)
    changes.close()
    assert seen and {Path(path).name for _, path in seen[0]} == {"publish.toml"}
    assert affected(Workspace(root), [root / "publish.toml"], ["a", "b"]) == ["a", "b"]


def test_merge_rule() -> None:
    defaults = {"rights": "r", "subjects": ["a", "b"], "pdf": {"page-size": "A4", "profile": "screen"}}
    own = {"subjects": ["c"], "pdf": {"profile": "print"}, "title": "t"}
    assert merged(defaults, own) == {
        "rights": "r",
        "subjects": ["c"],
        "pdf": {"page-size": "A4", "profile": "print"},
        "title": "t",
    }
    assert merged({"pdf": {"page-size": "A4"}}, {"pdf": "x"}) == {"pdf": "x"}  # then the manifest's error


def test_load_manifest_inherits_the_workspace_defaults_and_an_override_wins(tmp_path: Path) -> None:
    root = house(tmp_path)
    inherits, overrides = load_manifest(root / "source" / "inherits"), load_manifest(root / "source" / "overrides")
    assert (inherits.publisher, inherits.authors, inherits.pdf.page_size, inherits.pdf.profile) == (
        "دار المدينة للنشر",
        ["مكتب الأخبار"],
        "A4",
        "screen",
    )
    assert (overrides.publisher, overrides.authors, overrides.pdf.page_size, overrides.pdf.profile) == (
        "دار أخرى",
        ["سلمى"],
        "A4",
        "print",
    )
    assert overrides.rights == inherits.rights == "حقوق النشر محفوظة للدار"


def problems(root: Path) -> list[str]:
    """What a build of the workspace reports, before rendering anything."""
    with pytest.raises(InputError) as caught:
        build(root, jobs=1)
    assert not (root / "dist").exists()
    return caught.value.messages


def test_a_bad_key_is_named_with_its_line_and_a_suggestion_once_for_all_publications(tmp_path: Path) -> None:
    root = house(tmp_path, DEFAULTS.replace('page-size = "A4"', 'page-szie = "A4"'))
    assert problems(root) == ["publish.toml line 8: unknown key 'pdf.page-szie' (did you mean 'pdf.page-size'?)"]


def test_a_value_of_the_wrong_type_is_named_with_its_line(tmp_path: Path) -> None:
    root = house(tmp_path, DEFAULTS.replace('rights = "حقوق النشر محفوظة للدار"', "rights = 2026"))
    assert problems(root) == ["publish.toml line 3: 'rights' must be a string, got 2026"]


def test_a_default_with_a_problem_hides_no_manifest_problem_and_adds_none(tmp_path: Path) -> None:
    """A bad `authors` in publish.toml is told once: the manifests relying on it are not told they lack
    authors; a manifest's own problem is still told, and each line finds its place for --json."""
    root = house(tmp_path, DEFAULTS.replace('authors = ["مكتب الأخبار"]', 'authors = "مكتب الأخبار"'))
    publication(root, "third", 'title = "ج"\nlanguage = "عربي"\n')
    found = problems(root)
    assert found == [
        "publish.toml line 4: 'authors' must be a list of non-empty strings, got \"مكتب الأخبار\"",
        'source/third/manifest.toml: \'language\' must be a BCP 47 tag such as "ar" or "ar-MA", got "عربي"',
    ]
    assert [(p.file, p.line, p.key) for p in map(Problem.of, found)] == [
        ("publish.toml", 4, "authors"),
        ("source/third/manifest.toml", None, "language"),
    ]


def test_keys_of_one_publication_are_refused_with_why(tmp_path: Path) -> None:
    root = house(tmp_path, 'title = "عنوان"\ndate = 2026-01-01\n' + DEFAULTS)
    assert problems(root) == [
        "publish.toml line 1: 'title' cannot be a workspace default: it names one publication; set it in each "
        "publication's manifest.toml",
        "publish.toml line 2: 'date' cannot be a workspace default: it dates one publication (one without a date "
        "is dated by its last commit); set it in each publication's manifest.toml",
    ]


def test_values_are_checked_as_a_manifest_checks_them(tmp_path: Path) -> None:
    toml = (
        'language = "ar"\nsubjects = [\n  "x = 1",\n  "",\n]\npdf.bleed = "-3mm"\n'
        'pdf.output-profile = "../printer.icc"\n\n[build]\ntimeout = 0\n'
    )
    root = house(tmp_path, toml)
    assert problems(root) == [
        "publish.toml line 2: 'subjects' must be a list of non-empty strings, got a list ['x = 1', '']",
        "publish.toml line 10: 'build.timeout' must be from 1 to 3600 seconds, got 0",
        "publish.toml line 6: 'pdf.bleed' must not be negative, got \"-3mm\"",
        "publish.toml line 7: 'pdf.output-profile' \"../printer.icc\" must be a path inside the workspace",
    ]


def test_a_path_in_publish_toml_is_relative_to_the_workspace(tmp_path: Path) -> None:
    root = house(tmp_path, 'authors = ["أ"]\n[pdf]\nstandard = "pdf/x-4"\noutput-profile = "colour/press.icc"\n')
    profile = Path(__file__).resolve().parent.parent / "colour" / "Artifex-CMYK-SWOP.icc"
    (root / "colour").mkdir()
    shutil.copyfile(profile, root / "colour" / "press.icc")
    manifest = load_manifest(root / "source" / "inherits")
    assert manifest.output_profile_path == root / "colour" / "press.icc"


def test_publish_toml_is_untrusted_input(tmp_path: Path) -> None:
    root = house(tmp_path / "big", 'rights = "' + "ح" * 600_000 + '"\n')
    assert problems(root) == ["publish.toml: unreadable, or larger than 1 MiB"]
    root = house(tmp_path / "link")
    (tmp_path / "elsewhere.toml").write_text(DEFAULTS, encoding="utf-8")
    (root / "publish.toml").unlink()
    os.symlink(tmp_path / "elsewhere.toml", root / "publish.toml")
    assert problems(root) == ["publish.toml: is a link to a file outside the workspace; publish reads nothing there"]
    (root / "publish.toml").unlink()
    (root / "publish.toml").mkdir()
    assert problems(root) == ["publish.toml: is not a regular file"]
    (root / "publish.toml").rmdir()
    (root / "publish.toml").write_text("[pdf\n", encoding="utf-8")
    assert problems(root) == [
        "publish.toml: invalid TOML: Expected ']' at the end of a table declaration (at line 1, column 5)"
    ]


def test_load_manifest_raises_the_problems_of_publish_toml(tmp_path: Path) -> None:
    root = house(tmp_path, 'rights = ""\n')
    with pytest.raises(ManifestError) as caught:
        load_manifest(root / "source" / "inherits")
    assert caught.value.messages == ["publish.toml line 1: 'rights' must be a non-empty string, got \"\""]
    loaded = gather_manifests(Workspace(root), ["inherits", "overrides"])
    assert loaded.problems == caught.value.messages  # once, for both


def test_a_workspace_without_publish_toml_inherits_nothing(tmp_path: Path) -> None:
    folder = publication(tmp_path, "a", 'title = "أ"\nauthors = ["ب"]\n')
    assert workspace_defaults(tmp_path).sha256 == "" and load_manifest(folder).publisher is None


def test_key_lines_reads_tables_dotted_and_quoted_keys_and_skips_values_over_lines() -> None:
    text = (
        'a = 1\nlist = [\n  "b = 2",\n]\ntext = """\nc = 3\n"""\n"quoted key" = 4\n'
        "[pdf]  # the PDF\npage-size = 'A4'\n[ build ]\ntimeout = { x = 1 }\npdf.bleed = 3\n"
    )
    assert key_lines(text) == {
        "a": 1,
        "list": 2,
        "text": 5,
        "quoted key": 8,
        "pdf": 9,
        "pdf.page-size": 10,
        "build": 11,
        "build.timeout": 12,
        "build.pdf": 13,
        "build.pdf.bleed": 13,
    }


def test_publish_new_leaves_what_publish_toml_gives_to_it(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    (root / "source").mkdir(parents=True)
    (root / "publish.toml").write_text(DEFAULTS, encoding="utf-8")
    result = run_publish("-C", str(root), "new", "city")
    assert result.returncode == 0, result.stderr
    assert "(keys it leaves out come from publish.toml)" in result.stdout
    text = (root / "source" / "city" / "manifest.toml").read_text(encoding="utf-8")
    assert '\n# authors = ["هيئة التحرير"]' in text and '\n# page-size = "A5"' in text
    assert '\nlanguage = "ar"' in text  # publish.toml does not set it
    manifest = load_manifest(root / "source" / "city")
    assert (manifest.authors, manifest.pdf.page_size) == (["مكتب الأخبار"], "A4")
