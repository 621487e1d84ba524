"""The public Python API: the README's example runs, and render() gives the bytes a build gives."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import pikepdf
import pytest
from conftest import FIXTURES, REPO

import publisher
from publisher.errors import InputError, ManifestError

ARTICLE = "# أخبار المدينة\n\nافتتح المجلس الجماعي يوم 12 مارس 2026 مكتبة جديدة، وقال الرئيس: «Open Data للجميع».\n"
METADATA = {"title": "أخبار المدينة", "authors": ["هيئة التحرير"], "language": "ar-MA", "date": dt.date(2026, 3, 12)}


def test_the_public_names() -> None:
    assert set(publisher.__all__) == {"build", "render", "load_manifest", "PublishError", "__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", publisher.__version__)


def test_the_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    (example,) = re.findall(r"```python\n(.+?)\n```", (REPO / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    shutil.copytree(FIXTURES / "mixed", tmp_path / "press" / "source" / "city-news")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "city-news.pdf" in out and "city-news.epub" in out and "rendered" in out
    assert "metadata: 'authors' is required" in out
    with pikepdf.open(tmp_path / "city.pdf") as pdf:
        assert len(pdf.pages) >= 1
        assert str(pdf.open_metadata()["dc:title"]) == "أخبار المدينة"
    with zipfile.ZipFile(tmp_path / "city.epub") as epub:
        assert epub.read("mimetype") == b"application/epub+zip"


@pytest.mark.parametrize("fmt", ["pdf", "epub"])
def test_render_gives_the_bytes_a_build_gives(tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "source" / "city"
    folder.mkdir(parents=True)
    (folder / "article.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.toml").write_text(
        'title = "أخبار المدينة"\nauthors = ["هيئة التحرير"]\nlanguage = "ar-MA"\ndate = 2026-03-12\n', encoding="utf-8"
    )
    (artifact,) = publisher.build(tmp_path, formats=[fmt], jobs=1, cache=False)
    assert publisher.render(ARTICLE, METADATA, fmt, slug="city") == artifact.path.read_bytes()


def test_render_reads_plain_text_as_paragraphs() -> None:
    pdf = publisher.render("الفقرة الأولى.\n\nالفقرة الثانية عن 2026.", METADATA, markdown=False)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) >= 1


def test_render_checks_the_metadata_as_a_manifest() -> None:
    with pytest.raises(ManifestError) as caught:
        publisher.render("نص", {"title": "عنوان", "autors": ["x"]})
    assert caught.value.messages == [
        "metadata: unknown key 'autors' (did you mean 'authors'?)",
        "metadata: 'authors' is required",
    ]


def test_render_refuses_what_no_font_draws() -> None:
    with pytest.raises(InputError, match=re.escape("U+0F40 TIBETAN LETTER KA in source/article/article.md line 1")):
        publisher.render("ཀ", METADATA)


def test_render_refuses_an_unknown_format_and_a_text_list() -> None:
    with pytest.raises(InputError, match='format must be "pdf" or "epub", got "docx"'):
        publisher.render("نص", METADATA, "docx")
    with pytest.raises(InputError, match="'text' names files of a workspace"):
        publisher.render("نص", {**METADATA, "text": ["a.md"]})


def test_render_uses_the_templates_of_a_workspace(tmp_path: Path) -> None:
    own = tmp_path / "templates" / "partials"
    own.mkdir(parents=True)
    body = (REPO / "templates" / "partials" / "body.html.j2").read_text(encoding="utf-8")
    (own / "body.html.j2").write_text("<p>Workspace template</p>\n" + body, encoding="utf-8")
    assert any(
        "Workspace template" in c for c in _chapters(publisher.render("نص.", METADATA, "epub", workspace=tmp_path))
    )
    assert not any("Workspace template" in c for c in _chapters(publisher.render("نص.", METADATA, "epub")))


def _chapters(epub: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        return [archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml")]
