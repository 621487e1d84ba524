"""The size limits (publisher/source/limits.py): just under each one reads, just over it is one error
naming the file and the line (the key, in a manifest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.errors import ManifestError, SourceError
from publisher.source.limits import MAX_FOOTNOTES, MAX_LINE_VALUE, MAX_NESTING, MAX_PARAGRAPH, VALUE_LIMITS
from publisher.source.manifest import load_manifest
from publisher.source.reader import Document, read_document


def publication(tmp_path: Path, texts: dict[str, str], manifest: str = "") -> Path:
    folder = tmp_path / "source" / "pub"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text(manifest or 'title = "عنوان"\nauthors = ["أ"]\n', encoding="utf-8")
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def read(tmp_path: Path, texts: dict[str, str]) -> Document:
    return read_document(load_manifest(publication(tmp_path, texts)))


def refusal(tmp_path: Path, texts: dict[str, str]) -> str:
    with pytest.raises(SourceError) as caught:
        read(tmp_path, texts)
    (message,) = caught.value.messages
    return message


def toml_value(key: str, length: int) -> str:
    value = f'"{"ب" * length}"'
    return f"[{value}]" if key in ("authors", "subjects") else value


@pytest.mark.parametrize("key", sorted(VALUE_LIMITS))
def test_a_manifest_value_may_be_as_long_as_its_limit_and_no_longer(tmp_path: Path, key: str) -> None:
    limit = VALUE_LIMITS[key]
    for length, fine in ((limit, True), (limit + 1, False)):
        values = {"title": '"عنوان"', "authors": '["أ"]', key: toml_value(key, length)}
        folder = publication(
            tmp_path / str(length), {"a.md": "نص.\n"}, "".join(f"{k} = {v}\n" for k, v in values.items())
        )
        if fine:
            load_manifest(folder)
            continue
        with pytest.raises(ManifestError) as caught:
            load_manifest(folder)
        (message,) = caught.value.messages
        assert message.startswith("source/pub/manifest.toml: ") and f"'{key}' must be at most" in message
        assert f"got {limit + 1:,}".replace(",", " ") in message and len(message) < 200  # the value is not repeated


def test_a_paragraph_may_be_as_long_as_the_limit(tmp_path: Path) -> None:
    paragraph = ("word " * (MAX_PARAGRAPH // 5))[: MAX_PARAGRAPH - 1] + "x"
    assert len(paragraph) == MAX_PARAGRAPH
    assert "word" in read(tmp_path / "md", {"a.md": f"نص.\n\n{paragraph}\n"}).chapters[0].html
    message = refusal(tmp_path / "over", {"a.md": f"نص.\n\n\n{paragraph}y\n"})
    assert message == (
        "source/pub/a.md line 4: a paragraph of 200 001 characters is longer than the 200 000 allowed; split it"
    )


@pytest.mark.parametrize("block", ["> ", "- ", "| a |\n|---|\n| "])
def test_a_paragraph_inside_a_quote_a_list_or_a_table_has_the_same_limit(tmp_path: Path, block: str) -> None:
    message = refusal(tmp_path, {"a.md": "نص.\n\n" + block + "x" * (MAX_PARAGRAPH + 10) + "\n"})
    line = 3 + block.count("\n")  # a table cell's own line
    assert message.startswith(f"source/pub/a.md line {line}: a paragraph of 200 010") and "200 000 allowed" in message


def test_a_code_block_has_the_paragraph_limit(tmp_path: Path) -> None:
    message = refusal(tmp_path, {"a.md": "نص.\n\n```\n" + "x" * MAX_PARAGRAPH + "\n```\n"})
    assert message.startswith("source/pub/a.md line 3: a block of 200 001 characters")


def test_a_plain_text_paragraph_has_the_limit_too(tmp_path: Path) -> None:
    long = "كلمة " * (MAX_PARAGRAPH // 5)
    assert read(tmp_path / "fine", {"a.txt": f"نص.\n\n{long.strip()}\n"}).chapters
    message = refusal(tmp_path / "over", {"a.txt": f"نص.\n \n\nسطر\n{long}\nسطر\n\nخاتمة.\n"})
    assert message.startswith("source/pub/a.txt line 4: a paragraph of 200 008 characters")


def test_a_heading_may_be_as_long_as_a_title(tmp_path: Path) -> None:
    document = read(tmp_path / "fine", {"a.md": f"# {'ع' * MAX_LINE_VALUE}\n\nنص.\n"})
    assert document.chapters[0].title == "ع" * MAX_LINE_VALUE
    message = refusal(tmp_path / "over", {"a.md": f"نص.\n\n### {'ع' * (MAX_LINE_VALUE + 1)}\n"})
    assert (
        message == "source/pub/a.md line 3: a heading of 1 001 characters is longer than the 1 000 allowed; shorten it"
    )


def test_footnotes_are_counted_over_the_whole_publication(tmp_path: Path) -> None:
    half = MAX_FOOTNOTES // 2
    first = "نص" + "[^1]" * half + "\n\n[^1]: حاشية.\n"
    assert read(tmp_path / "fine", {"a.md": first, "b.md": first})
    second = "نص.\n\nنص" + "^[حاشية]" * (half + 1) + "\n"
    message = refusal(tmp_path / "over", {"a.md": first, "b.md": second})
    assert message == "source/pub/b.md line 3: footnote 10 001 of the publication; at most 10 000 are allowed"


@pytest.mark.parametrize(
    ("fits", "over"),
    [
        ("> " * (MAX_NESTING - 1) + "نص", "> " * MAX_NESTING + "نص"),  # each quote, and the paragraph
        (
            "*ب " * (MAX_NESTING - 1) + "نص" + " ب*" * (MAX_NESTING - 1),
            "*ب " * MAX_NESTING + "نص" + " ب*" * MAX_NESTING,
        ),
        (
            "<span>" * (MAX_NESTING - 1) + "نص" + "</span>" * (MAX_NESTING - 1),
            "<em>" * MAX_NESTING + "نص" + "</em>" * MAX_NESTING,
        ),
        ("- " * (MAX_NESTING // 2 - 1) + "نص", "- " * (MAX_NESTING // 2) + "نص"),  # each list and its item
    ],
)
def test_elements_may_nest_as_deep_as_the_limit(tmp_path: Path, fits: str, over: str) -> None:
    assert "نص" in read(tmp_path / "fine", {"a.md": f"مقدمة.\n\n{fits}\n"}).chapters[0].html
    message = refusal(tmp_path / "over", {"a.md": f"مقدمة.\n\n{over}\n"})
    assert message.startswith(f"source/pub/a.md line 3: elements nested more than {MAX_NESTING} deep")


def test_text_nested_past_markdown_its_own_limit_is_kept(tmp_path: Path) -> None:
    """markdown-it stops at 20 levels and drops the rest of the file without a word; not any more."""
    html = read(tmp_path, {"a.md": "مقدمة.\n\n" + "> " * 25 + "نص عميق\n\nخاتمة.\n"}).chapters[0].html
    assert html.count("<blockquote>") == 25 and "نص عميق" in html and "خاتمة" in html
