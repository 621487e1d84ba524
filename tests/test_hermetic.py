"""Nothing leaks in or out: no network, no file outside the workspace, clear words when the machine lacks something."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, make_workspace, run_publish

from publisher import build
from publisher.errors import InputError


class Attempts:
    """The connections tried, by this process or its render workers (forks of it): kept in a file."""

    def __init__(self, log: Path) -> None:
        self.log = log

    def record(self, address: object) -> None:
        with self.log.open("a", encoding="utf-8") as out:
            out.write(f"{address!r}\n")

    def __eq__(self, other: object) -> bool:
        tried = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        return tried == other


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Attempts:
    """Every attempt to connect is recorded and fails."""
    attempts = Attempts(tmp_path / "connections.txt")

    def refuse(self: socket.socket, address: object) -> None:
        attempts.record(address)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_a_build_opens_no_socket(tmp_path: Path, no_network: Attempts) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book", FIXTURES / "mixed")
    build(root, jobs=1)  # the worker is a fork of this process: the patch applies there too
    assert no_network == []
    assert (root / "dist" / "book.epub").exists()


@pytest.mark.parametrize(
    "css",
    [
        '@import url("http://127.0.0.1:9/evil.css");',
        '@font-face { font-family: X; src: url("https://127.0.0.1:9/x.woff2"); } p { font-family: X; }',
        'body { background: url("file:///etc/passwd"); }',
        'body { background: url("../../../../../../etc/hostname"); }',
    ],
)
def test_remote_and_outside_resources_in_templates_are_refused(tmp_path: Path, no_network: Attempts, css: str) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    (root / "templates" / "pdf").mkdir(parents=True)
    (root / "templates" / "pdf" / "book.css").write_text(css + "\n" + (REPO / "templates/pdf/book.css").read_text())
    with pytest.raises(InputError, match=r"refused to (fetch|read)"):
        build(root, formats=["pdf"])
    assert no_network == []
    assert not (root / "dist").exists()


def test_two_clean_clones_build_identical_bytes(tmp_path: Path) -> None:
    for name in ("one", "two"):
        subprocess.run(["git", "clone", "-q", str(REPO), str(tmp_path / name)], check=True)
        build(tmp_path / name)
    one = tmp_path / "one" / "dist"
    for artifact in (p for p in one.rglob("*") if p.is_file()):  # the web editions' assets/ too
        name = artifact.relative_to(one)
        assert artifact.read_bytes() == (tmp_path / "two" / "dist" / name).read_bytes(), name


def test_the_bytes_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Python orders sets of strings by a seed drawn at each start: an address found inside a longer one
    ("…/ar/الأسئلة" in "…/ar/الأسئلة#التسجيل") gave the text layer one text or the other, by the seed (4 and 8
    differed). Two processes with two seeds write the same PDF."""
    pdfs = []
    for seed in ("4", "8"):
        root = make_workspace(tmp_path / seed, FIXTURES / "cairo-links")
        (root / "source" / "cairo-links" / "article.md").write_text(
            "- الرابط: https://digital.gov.eg/ar/الأسئلة#التسجيل\n- الرابط: https://digital.gov.eg/ar/الأسئلة\n",
            encoding="utf-8",
        )
        result = run_publish("-C", str(root), "build", "--format", "pdf", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        pdfs.append((root / "dist" / "cairo-links.pdf").read_bytes())
    assert pdfs[0] == pdfs[1]


def test_missing_pango_is_one_line_saying_what_to_install(tmp_path: Path) -> None:
    """A machine without Pango: WeasyPrint's import fails in cffi; publish says what to install."""
    fake = tmp_path / "fake" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "raise OSError(\"cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file\")\n"
    )
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    result = run_publish("-C", str(root), "build", env={"PYTHONPATH": str(tmp_path / "fake")})
    assert result.returncode == 1
    assert result.stderr.startswith("error: WeasyPrint cannot load Pango (cannot load library 'libpango-1.0-0'")
    assert result.stderr.rstrip().endswith("install it: apt-get install libpango-1.0-0 libpangoft2-1.0-0")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_the_hermetic_fontconfig_reaches_no_other_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FONTCONFIG_FILE is set for the time of a render only: left set, it broke Chromium's web fonts."""
    import os

    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = make_workspace(tmp_path / "ws", FIXTURES / "mixed")
    build(root, jobs=1)  # rendered in a worker: this process's environment must stay as it was
    assert "FONTCONFIG_FILE" not in os.environ and "SOURCE_DATE_EPOCH" not in os.environ
