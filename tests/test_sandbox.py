"""The sandbox: renderers see machine-independent URLs and can read nothing outside the workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from publisher.errors import ResourceError
from publisher.source.sandbox import Sandbox


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    (tmp_path / "ws" / "source" / "a").mkdir(parents=True)
    (tmp_path / "ws" / "source" / "a" / "photo.png").write_bytes(b"png")
    (tmp_path / "secret.txt").write_text("secret")
    return Sandbox.of(tmp_path / "ws", (REPO / "templates",))


def test_workspace_urls_do_not_contain_the_machine_path(sandbox: Sandbox) -> None:
    url = sandbox.url(sandbox.workspace / "source" / "a" / "photo.png")
    assert url == "file:///publish-workspace/source/a/photo.png"
    assert sandbox.path(url) == sandbox.workspace / "source" / "a" / "photo.png"


def test_packaged_files_are_readable(sandbox: Sandbox) -> None:
    css = REPO / "templates" / "pdf" / "book.css"
    assert sandbox.path(sandbox.url(css)) == css.resolve()


@pytest.mark.parametrize(
    "url",
    [
        "file:///publish-workspace/../secret.txt",
        "file:///publish-workspace/source/../../secret.txt",
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.org/font.ttf",
        "ftp://example.org/x",
    ],
)
def test_everything_else_is_refused(sandbox: Sandbox, url: str) -> None:
    with pytest.raises(ResourceError, match="refused"):
        sandbox.path(url)


def test_a_symlink_out_of_the_workspace_is_refused(sandbox: Sandbox, tmp_path: Path) -> None:
    link = sandbox.workspace / "source" / "a" / "leak.png"
    link.symlink_to(tmp_path / "secret.txt")
    with pytest.raises(ResourceError, match=r"refused to read source/a/leak\.png"):
        sandbox.path(sandbox.url(sandbox.workspace / "source" / "a") + "/leak.png")
