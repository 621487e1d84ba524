"""Reading text files: Markdown structure, plain paragraphs, safe HTML, and text that is not text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from publisher.errors import ResourceError, SourceError
from publisher.source.manifest import load_manifest
from publisher.source.reader import read_text
from publisher.typeset.bidi import isolate_ltr
from publisher.typeset.document import typeset_document


def document_of(tmp_path: Path, **files: str | bytes):
    folder = tmp_path / "source" / "pub"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.toml").write_text('title = "العنوان"\nauthors = ["أ"]\n', encoding="utf-8")
    for name, content in files.items():
        path = folder / name.replace("_", ".")
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return typeset_document(load_manifest(folder))


def unisolated(text: str) -> str:
    return text.replace("\u2066", "").replace("\u2069", "")


def test_markdown_structure(tmp_path: Path) -> None:
    doc = document_of(tmp_path, a_md="# فصل\n\nنص *مائل* و**غليظ**.[^1]\n\n## قسم\n\n- بند\n\n> قول\n\n[^1]: حاشية.\n")
    chapter = doc.chapters[0]
    assert (chapter.title, chapter.own_heading) == ("فصل", True)
    assert [(h.level, h.text, h.id) for h in chapter.headings] == [(1, "فصل", "ch01-h1"), (2, "قسم", "ch01-h2")]
    for fragment in (
        '<h1 id="ch01-h1">فصل</h1>',
        "<em>مائل</em>",
        "<strong>غليظ</strong>",
        "<li>بند</li>",
        "<blockquote>",
        'href="#fn-ch01-1"',
        'role="doc-noteref"',
        '<a href="#fnref-ch01-1" class="footnote-backref" role="doc-backlink">1</a> حاشية.',
    ):
        assert fragment in chapter.html
    assert "↩" not in chapter.html  # no glyph for it in the Arabic fonts


def test_plain_text_paragraphs_are_separated_by_blank_lines(tmp_path: Path) -> None:
    doc = document_of(tmp_path, a_txt="سطر أول\nيكمل الفقرة\n\n\nفقرة <ثانية> & أخيرة\n")
    chapter = doc.chapters[0]
    assert chapter.html == "<p>سطر أول يكمل الفقرة</p>\n<p>فقرة &lt;ثانية&gt; &amp; أخيرة</p>"
    assert (chapter.title, chapter.own_heading) == ("العنوان", False)  # the only chapter takes the book's title


def test_chapters_without_heading_in_a_book_take_their_file_name(tmp_path: Path) -> None:
    doc = document_of(tmp_path, one_txt="أ", two_md="## فرعي\n\nب")
    assert [unisolated(c.title) for c in doc.chapters] == ["one", "two"]
    assert [e.title for e in doc.toc()[1].children] == ["فرعي"]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    doc = document_of(tmp_path, a_txt="\ufeffفقرة\r\nتكمل\r\n\r\nثانية\r\n".encode())
    assert doc.chapters[0].html == "<p>فقرة تكمل</p>\n<p>ثانية</p>"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b" \n\t\n", "is empty"),
        (b"abc\x00def", "is a binary file, not text (NUL byte at offset 3)"),
        ("صح".encode() + b"\xc3\x28", "not valid UTF-8 at byte offset 4"),
    ],
)
def test_text_that_is_not_text_is_refused(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "source" / "p" / "a.txt"
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    with pytest.raises(SourceError, match="^source/p/a.txt: " + message.replace("(", r"\(").replace(")", r"\)")):
        read_text(path)


def test_images_are_checked_and_collected(tmp_path: Path) -> None:
    folder = tmp_path / "source" / "pub" / "img"
    folder.mkdir(parents=True)
    Image.new("RGB", (4, 3)).save(folder / "port.png")  # a whole PNG: its pixels are read too
    doc = document_of(tmp_path, a_md="![صورة الميناء](img/port.png)\n")
    assert [i.href for i in doc.images] == ["img/port.png"]
    assert 'src="img/port.png" alt="صورة الميناء"' in doc.chapters[0].html


@pytest.mark.parametrize("src", ["file:///etc/passwd", "/etc/passwd", "../../outside.png", "https://x.org/a.png"])
def test_images_outside_the_publication_are_refused(tmp_path: Path, src: str) -> None:
    with pytest.raises(ResourceError, match="line 1: image"):
        document_of(tmp_path, a_md=f"![صورة]({src})\n")


@pytest.mark.parametrize("href", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"])
def test_links_that_run_code_or_read_files_are_refused(tmp_path: Path, href: str) -> None:
    with pytest.raises(SourceError, match=re.escape(f'line 3: link "{href}" is not allowed')):
        document_of(tmp_path, a_md=f"فقرة\n\n[رابط]({href})\n")


def test_web_links_are_kept(tmp_path: Path) -> None:
    doc = document_of(tmp_path, a_md="[الموقع](https://example.org/a?b=1&c=2)\n")
    assert '<a href="https://example.org/a?b=1&amp;c=2">الموقع</a>' in doc.chapters[0].html


@pytest.mark.parametrize(
    ("text", "isolated"),
    [
        ("القطب 2021-2026، التي", "القطب \u20662021-2026\u2069، التي"),
        ("برنامج Maroc Digital 2030 يوم 15", "برنامج \u2066Maroc Digital 2030\u2069 يوم 15"),
        ("راسلوا a.b@x.ma أو https://x.ma/a?b=1", "راسلوا \u2066a.b@x.ma\u2069 أو \u2066https://x.ma/a?b=1\u2069"),
        ("نسبة 50% و 10:30", "نسبة \u206650%\u2069 و \u206610:30\u2069"),
        ("عام 2021 فقط", "عام 2021 فقط"),
        # intervals as French and the Maghreb write them, bounds apart by " ; " (the hundred-and-twenty-fifth batch's
        # lesson: "x ∈ [0 ; 3/4[" had been cut at its first bracket and drawn right to left), and a signed root
        ("يكافئ x ∈ [0 ; 3/4[", "يكافئ \u2066x ∈ [0 ; 3/4[\u2069"),
        ("يكافئ x ∈ [0 ; 1[.", "يكافئ \u2066x ∈ [0 ; 1[\u2069."),
        ("المجال [0 ; 1] هنا", "المجال \u2066[0 ; 1]\u2069 هنا"),
        ("اكتب x ∈ ]−∞ ; 3] ثمّ x ∈ [−1 ; 4[.", "اكتب \u2066x ∈ ]−∞ ; 3]\u2069 ثمّ \u2066x ∈ [−1 ; 4[\u2069."),
        ("يكافئ x ∈ [0,5 ; 1[", "يكافئ \u2066x ∈ [0,5 ; 1[\u2069"),
        ("ومنه x = −√4 فقط.", "ومنه \u2066x = −√4\u2069 فقط."),
        ("نجد ±√2 هنا", "نجد \u2066±√2\u2069 هنا"),
        # a bound form's hyphen (the hundred-and-twenty-sixth batch: "γραφ-" was drawn "-γραφ")
        ("والأصل γραφ- لا تتخلله", "والأصل \u2066γραφ-\u2069 لا تتخلله"),
        ("البادئة anti- تعني ضد", "البادئة \u2066anti-\u2069 تعني ضد"),
    ],
)
def test_left_to_right_runs_are_isolated_in_right_to_left_text(text: str, isolated: str) -> None:
    assert isolate_ltr(text) == isolated
    assert isolate_ltr(isolated) == isolated  # applying it twice changes nothing


def test_left_to_right_books_are_not_touched(tmp_path: Path) -> None:
    folder = tmp_path / "source" / "fr"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "Le 2021-2026"\nauthors = ["a"]\nlanguage = "fr"\n')
    (folder / "a.txt").write_text("Plan 2021-2026.")
    assert typeset_document(load_manifest(folder)).chapters[0].html == "<p>Plan 2021-2026.</p>"


def test_allowed_raw_html_is_kept_and_normalised(tmp_path: Path) -> None:
    doc = document_of(tmp_path, a_md='نص <B>غليظ</B> و<span dir="rtl" lang="ar">ب</span> و<br> و<sup>٢</sup>\n')
    assert doc.chapters[0].html == ('<p>نص <b>غليظ</b> و<span dir="rtl" lang="ar">ب</span> و<br /> و<sup>٢</sup></p>\n')


@pytest.mark.parametrize(
    "markup",
    [
        '<span onclick="x()">نقر</span>',
        "<b>غير مغلق",
        '<a href="javascript:x()">هنا</a>',
        "<!-- تعليق -->",
        "<div>\nكتلة\n</div>",
    ],
)
def test_other_raw_html_is_shown_as_typed(tmp_path: Path, markup: str) -> None:
    html = unisolated(document_of(tmp_path, a_md=f"نص {markup}\n").chapters[0].html)
    assert "<span onclick" not in html and "<a " not in html and "<div" not in html and "<!--" not in html
    assert "&lt;" in html


@pytest.mark.parametrize("tag", ["script", "style", "iframe", "object", "embed", "form", "svg", "img", "link"])
def test_dangerous_raw_html_is_an_error_naming_the_line(tmp_path: Path, tag: str) -> None:
    with pytest.raises(SourceError, match=rf"^source/pub/a.md line 3: raw HTML <{tag}> is not allowed"):
        document_of(tmp_path, a_md=f"فقرة\n\nنص <{tag} src='x'></{tag}>\n")


def test_a_heading_may_not_skip_a_level(tmp_path: Path) -> None:
    """Screen readers list and jump by heading level, and PDF/UA (7.4.2) refuses a skipped one: a text's
    headings go down one level at a time under the chapter's title (its own # or the one the layout prints),
    and back up as far as they like."""
    fine = "## قسم\n\n### فرع\n\n#### تفصيل\n\n## قسم آخر\n\n# فصل\n\n## قسم\n"
    assert [h.level for h in document_of(tmp_path / "fine", a_md=fine).chapters[0].headings] == [2, 3, 4, 2, 1, 2]
    with pytest.raises(SourceError) as caught:
        document_of(tmp_path / "skips", a_md="### ملاحظة\n\nنص.\n\n#### تفصيل\n\n###### أدق\n")
    assert caught.value.messages == [
        "source/pub/a.md line 1: a ### heading after the chapter's title (#) skips a level; make it ## "
        "(screen readers list headings by level)",
        "source/pub/a.md line 7: a ###### heading after a #### heading skips a level; make it ##### "
        "(screen readers list headings by level)",
    ]


def test_a_list_numbered_in_arabic_indic_digits_is_a_list(tmp_path: Path) -> None:
    """ "١." and "۲)" open list items as "1." does (CommonMark knows only 0-9); the markers print in the text's digits,
    digits in the text stay as typed, and a fenced code block is left alone."""
    text = "نص\n\n١. أولا ٣٠٪\n٢. ثانيا\n   ۱) فرعي\n\n```\n١. كود\n```\n"
    html = document_of(tmp_path, a_md=text).chapters[0].html
    assert html.count("<li>") == 3 and html.count("<ol") == 2
    assert "أولا ٣٠٪" in html and "١. كود" in html and "١. أولا" not in html
