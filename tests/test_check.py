"""`publish check`: inputs and existing artifacts checked, nothing written, clear lines and exit codes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED, Built, make_workspace, run_publish

from publisher.errors import InputError
from publisher.web.site import checksums
from publisher.workspace import file_digest


@pytest.fixture
def checked(built: Built, tmp_path: Path) -> Path:
    """A workspace with the book and its artifacts from the session build."""
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    (root / "dist").mkdir()
    for fmt in ("pdf", "epub"):
        shutil.copy(built.artifact("book", fmt), root / "dist")
    sums = {p.name: file_digest(p) for p in (root / "dist").iterdir()}
    (root / "dist" / "SHA256SUMS").write_bytes(checksums(sums))
    return root


def listing(root: Path) -> dict[str, float]:
    return {str(p.relative_to(root)): p.stat().st_mtime for p in root.rglob("*")}


def test_check_passes_and_writes_nothing(checked: Path) -> None:
    before = listing(checked)
    result = run_publish("-C", str(checked), "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ok: source/book: manifest, text and font coverage",
        "ok: dist/book.epub: EPUBCheck",
        "ok: dist/book.pdf: opens, title, fonts",
        "ok: dist/SHA256SUMS: lists every artifact, with its SHA-256",
    ]
    assert listing(checked) == before


def test_check_reports_broken_and_stale_artifacts(checked: Path, built: Built) -> None:
    (checked / "dist" / "book.epub").write_bytes(b"PK\x03\x04 not really a zip")
    shutil.copy(built.artifact(SEED, "pdf"), checked / "dist" / "book.pdf")
    result = run_publish("-C", str(checked), "check")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert any(line.startswith("error: dist/book.epub: EPUBCheck FATAL") for line in lines), lines
    assert "error: dist/book.epub: its SHA-256 is not the one SHA256SUMS lists" in result.stderr
    assert 'error: dist/book.pdf: its title is "استراتيجية القطب الاجتماعي 2021-2026", the manifest says' in (
        result.stderr
    )


def test_check_refuses_bad_input_like_build(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    manifest = root / "source" / "book" / "manifest.toml"
    manifest.write_text(manifest.read_text().replace("authors =", "auteurs ="))
    result = run_publish("-C", str(root), "check")
    assert result.returncode == 2
    assert "error: source/book/manifest.toml: unknown key 'auteurs'" in result.stderr


def test_missing_java_is_one_line_saying_what_to_install(checked: Path, tmp_path: Path) -> None:
    no_java = tmp_path / "bin"
    no_java.mkdir()
    result = run_publish("-C", str(checked), "check", env={"PATH": str(no_java)})
    assert result.returncode == 1
    assert result.stderr == (
        "error: book.epub: cannot run EPUBCheck, Java is missing. "
        "EPUBCheck runs on Java 11 or newer: apt-get install default-jre-headless\n"
    )
    assert os.environ["PATH"]  # the test process itself kept its PATH


def test_a_workspace_never_built_is_one_line(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / "book")
    result = run_publish("-C", str(root), "check")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "error: dist/: missing; this workspace was never built, run publish build\n"
    assert not (root / "dist").exists()


def test_every_epub_is_checked_in_one_java_process(built: Built, tmp_path: Path, monkeypatch) -> None:
    """EPUBCheck starts once for all EPUBs (its start costs seconds); progress names each artifact."""
    from publisher.builder.verify import check_workspace

    root = make_workspace(tmp_path / "ws", FIXTURES / "book", FIXTURES / "mixed")
    (root / "dist").mkdir()
    for slug in ("book", "mixed"):
        for fmt in ("pdf", "epub"):
            shutil.copy(built.artifact(slug, fmt), root / "dist")
    (root / "dist" / "SHA256SUMS").write_bytes(checksums({p.name: file_digest(p) for p in (root / "dist").iterdir()}))
    log = tmp_path / "java.log"
    wrapper = tmp_path / "bin" / "java"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec {shutil.which("java")} "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    steps: list[tuple[str | None, int, int]] = []

    checked = check_workspace(root, progress=lambda *step: steps.append(step))
    assert len(log.read_text().splitlines()) == 1
    assert "dist/book.epub: EPUBCheck" in checked and "dist/mixed.epub: EPUBCheck" in checked
    assert steps[0] == (None, 0, 4)
    assert sorted(name for name, _, _ in steps[1:]) == [
        f"dist/{s}.{f}" for s in ("book", "mixed") for f in ("epub", "pdf")
    ]
    assert [done for _, done, _ in steps[1:]] == [1, 2, 3, 4]

    (root / "dist" / "mixed.epub").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError) as raised:
        check_workspace(root)
    assert any(m.startswith("dist/mixed.epub: EPUBCheck FATAL") for m in raised.value.messages)
    assert not any(m.startswith("dist/book.epub") for m in raised.value.messages)
    assert len(log.read_text().splitlines()) == 2
