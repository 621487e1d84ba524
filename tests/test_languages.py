"""One table of languages for every stage: script, direction and list comma agree for any tag."""

from __future__ import annotations

import pytest

from publisher.source.languages import list_separator, script_of, text_direction


@pytest.mark.parametrize(
    ("tag", "script", "direction", "separator"),
    [
        ("ar", "arab", "rtl", "، "),
        ("AR-eg", "arab", "rtl", "، "),
        ("ar-Latn", "latn", "ltr", ", "),  # Arabizi: the script subtag wins over the language
        ("ku", None, "ltr", ", "),  # Kurmanji is written in Latin letters
        ("ku-Arab", "arab", "rtl", "، "),  # Sorani in Arabic script: the old "ku-arab" entry never matched
        ("ckb", "arab", "rtl", "، "),
        ("az-Arab-IR", "arab", "rtl", "، "),  # South Azerbaijani: no entry of its own, the script decides
        ("ks-Deva", "deva", "ltr", ", "),
        ("ur", "arab", "rtl", "، "),
        ("he", "hebr", "rtl", ", "),
        ("yi", "hebr", "rtl", ", "),
        ("dv", "thaa", "rtl", ", "),
        ("syr-Syrc", "syrc", "rtl", ", "),
        ("zgh-Tfng", "tfng", "ltr", ", "),
        ("en-US", None, "ltr", ", "),
    ],
)
def test_a_tag_gives_its_script_direction_and_list_comma(tag: str, script: str, direction: str, separator: str) -> None:
    assert script_of(tag) == script
    assert text_direction(tag) == direction
    assert list_separator(tag) == separator


def test_every_language_of_the_packaged_labels_has_every_word() -> None:
    """A word missing from one language failed that language's EPUB (Persian, Urdu, Pashto and Sorani had no
    "page_list": 'dict object' has no attribute 'page_list'); a workspace's own file falls back to English."""
    from publisher.typeset.templates import Templates
    from publisher.workspace import packaged_dir

    table = Templates([packaged_dir("templates")]).env.get_template("partials/labels.j2").module.labels
    english = set(table["en"])
    assert {language: sorted(english ^ set(words)) for language, words in table.items() if set(words) != english} == {}
