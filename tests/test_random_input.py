"""Property: whatever the manifest and the text hold, publish answers with exit 0 or 2, never a traceback."""

from __future__ import annotations

import datetime as dt

import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from publisher.cli import main
from publisher.source.manifest import schema_keys

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآة،؛؟ 0123456789\n"
ARABIC = st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=200)
ANY_VALUE = st.one_of(
    st.text(max_size=30),
    ARABIC,
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.lists(st.one_of(st.text(max_size=12), st.integers()), max_size=3),
)
TOP_KEYS = [k for k in schema_keys() if "." not in k] + ["titel", "pages"]
PDF_KEYS = [k.split(".", 1)[1] for k in schema_keys() if k.startswith("pdf.")] + ["colour"]
PDF_VALUES = st.one_of(
    ANY_VALUE,
    st.sampled_from(
        [
            "A4",
            "A5",
            "B5",
            "140mm 210mm",
            "print",
            "screen",
            "3mm",
            "-1mm",
            "pdf/ua-1",
            "pdf/a-3b",
            "latin",
            "arabic-indic",
        ]
    ),
)

MANIFESTS = st.fixed_dictionaries(
    {"title": st.one_of(ARABIC, ANY_VALUE), "authors": st.one_of(st.lists(ARABIC, min_size=1, max_size=2), ANY_VALUE)},
    optional={
        **{key: ANY_VALUE for key in TOP_KEYS if key not in ("title", "authors", "pdf")},
        "pdf": st.dictionaries(st.sampled_from(PDF_KEYS), PDF_VALUES, max_size=3),
    },
)


def run_build(manifest: dict, text: str, suffix: str) -> None:
    """Build one publication in a fresh workspace and check the answer."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as workspace:
        folder = Path(workspace) / "source" / "random"
        folder.mkdir(parents=True)
        (folder / "manifest.toml").write_text(tomli_w.dumps(manifest), encoding="utf-8")
        (folder / f"article{suffix}").write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["-C", workspace, "build"])
    event(f"exit code {result.exit_code}")
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert all(line.startswith("error: ") for line in result.output.splitlines()), result.output


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(manifest=MANIFESTS, text=st.one_of(ARABIC, st.text(max_size=300)), suffix=st.sampled_from([".md", ".txt"]))
def test_random_manifests_and_texts_never_crash(manifest: dict, text: str, suffix: str) -> None:
    run_build(manifest, text, suffix)


MARKDOWN = st.text(alphabet=st.sampled_from(LETTERS + "*_#>-+[]()!`|:^<>/&;\\ \n\n\nabcXYZ"), min_size=1, max_size=400)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=MARKDOWN, suffix=st.sampled_from([".md", ".txt"]))
def test_random_markdown_in_a_valid_publication_never_crashes(text: str, suffix: str) -> None:
    """Random Markdown syntax in Arabic text: these mostly build, through both renderers."""
    run_build({"title": "عنوان", "authors": ["هيئة التحرير"]}, text, suffix)
