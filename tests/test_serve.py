"""`publish serve`: dist/ over HTTP on this machine only, pages that reload by themselves, errors over the page.

One server process (a copy of a small workspace) and one browser for the module; the tests run in order.
"""

from __future__ import annotations

import http.client
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, every_core, interruptible, make_workspace, run_publish

from publisher.errors import InputError
from publisher.web.server import Events, inject, resolve, start_server

CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright must never download one
SLUG = "mixed"
TITLE = "نص مختلط الاتجاه"


@dataclass
class Served:
    """The `publish serve` process, its port, and what it printed so far."""

    root: Path
    process: subprocess.Popen[str]
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def manifest(self) -> Path:
        return self.root / "source" / SLUG / "manifest.toml"

    def get(self, path: str, host: str | None = None) -> tuple[int, bytes]:
        """A request as sent, the path not normalised by any client."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.putrequest("GET", path, skip_host=host is not None)
            if host is not None:
                connection.putheader("Host", host)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()


def _collect(stream: Any, lines: list[str]) -> None:
    for line in stream:
        lines.append(line.rstrip("\n"))


@pytest.fixture(scope="module", autouse=True)
def on_every_core() -> Iterator[None]:
    """The server and the browser on every core, as on a user's machine: a test times save → page."""
    with every_core():
        yield


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = make_workspace(tmp_path_factory.mktemp("serve"), FIXTURES / SLUG)
    (root / "secret.txt").write_text("not for the web\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "publisher", "-C", str(root), "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=interruptible,
    )
    served = Served(root, process)
    threading.Thread(target=_collect, args=(process.stdout, served.out), daemon=True).start()
    threading.Thread(target=_collect, args=(process.stderr, served.err), daemon=True).start()
    deadline = time.monotonic() + 300
    while not (
        found := [m for line in served.out if (m := re.fullmatch(r"serving (http://\S+) \(Ctrl-C to stop\)", line))]
    ):
        assert process.poll() is None and time.monotonic() < deadline, (served.out, served.err)
        time.sleep(0.1)
    served.port = int(found[0][1].rsplit(":", 1)[1].strip("/"))
    assert found[0][1] == served.url  # loopback, unless --host says otherwise
    try:
        yield served
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def page(served: Served) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_resolve_gives_regular_files_of_dist_only(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    for name in ("index.html", "a.pdf", "assets/font.woff2", ".a.pdf.123.partial"):
        (dist / name).write_bytes(b"x")
    (tmp_path / "pyproject.toml").write_text("secret")
    (dist / "out.txt").symlink_to(tmp_path / "pyproject.toml")
    (dist / "up").symlink_to(tmp_path)
    (dist / "in.pdf").symlink_to(dist / "a.pdf")  # even a link inside: dist/ holds no links of publish's
    assert resolve(dist, "/") == dist / "index.html"
    assert resolve(dist, "/a.pdf") == dist / "a.pdf"
    assert resolve(dist, "/assets/font.woff2") == dist / "assets" / "font.woff2"
    assert resolve(dist, "/%61.pdf") == dist / "a.pdf"
    refused = [
        "/../pyproject.toml",
        "/%2e%2e/pyproject.toml",
        "/%2E%2E/pyproject.toml",
        "/%2e%2e%2fpyproject.toml",
        "/..%2fpyproject.toml",
        "/assets/../../pyproject.toml",
        "/..\\pyproject.toml",
        "/%2e%2e%5cpyproject.toml",
        "/.a.pdf.123.partial",
        "/out.txt",
        "/up/pyproject.toml",
        "/in.pdf",
        "/assets",
        "/assets/",
        "/nothing.html",
        "/a.pdf%00.html",
        "/%ff.pdf",
        "a.pdf",
    ]
    assert {path: resolve(dist, path) for path in refused} == dict.fromkeys(refused)


def test_the_script_goes_into_the_response_before_the_end_of_the_body() -> None:
    page = b"<html><body><p>x</p></BODY></html>"
    assert inject(page, 7) == (
        b'<html><body><p>x</p><script src="/__publish/live.js" data-generation="7"></script></BODY></html>'
    )
    assert inject(b"<p>no body", 0).endswith(b'data-generation="0"></script>')


def test_events_replay_what_a_page_missed_and_end_when_closed() -> None:
    events = Events(keep=2, start=0)
    assert events.after(0, 0) == []
    events.publish(["/index.html"], [])
    events.publish([], ["source/x/manifest.toml: bad"])
    assert events.after(0, 0) == [
        (1, {"changed": ["/index.html"], "errors": []}),
        (2, {"changed": [], "errors": ["source/x/manifest.toml: bad"]}),
    ]
    events.publish(["/a.pdf"], [])
    assert events.after(2, 0) == [(3, {"changed": ["/a.pdf"], "errors": []})]
    # from before what is kept, or from an earlier server: reload
    assert events.after(0, 0) == [(3, {"changed": ["*"], "errors": []})]
    assert events.after(99, 0) == [(3, {"changed": ["*"], "errors": []})]
    waiter: list[Any] = []
    thread = threading.Thread(target=lambda: waiter.append(events.after(3, 60)))
    thread.start()
    events.close()
    thread.join(10)
    assert waiter == [None]


def test_a_port_in_use_is_one_line_of_bad_input(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(InputError) as caught:
            start_server(tmp_path, "127.0.0.1", port, Events())
    assert caught.value.messages == [
        f"port {port} is in use on 127.0.0.1; choose another with --port (0 picks a free one)"
    ]


def test_a_page_that_goes_away_mid_answer_leaves_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "book.pdf").write_bytes(b"%PDF" * 4_000_000)  # larger than the socket buffers
    server = start_server(tmp_path, "127.0.0.1", 0, Events())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for _ in range(3):  # a reload or a closed tab: the connection is reset while the file is sent
            client = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            client.sendall(b"GET /book.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert client.recv(4096).startswith(b"HTTP/1.0 200")
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")
            client.close()
        monkeypatch.setattr("publisher.web.server.resolve", lambda *_: 1 / 0)
        broken = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
            broken.request("GET", "/book.pdf")
            broken.getresponse()
        time.sleep(0.5)
        monkeypatch.undo()
        after = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        after.request("HEAD", "/book.pdf")
        assert after.getresponse().status == 200  # the server goes on after all of it
    finally:
        server.shutdown()
        server.server_close()
    err = capsys.readouterr().err
    assert "Traceback" not in err and "----" not in err, err
    assert err.splitlines() == ["serve: a request from 127.0.0.1 failed: ZeroDivisionError('division by zero')"]


def test_serving_a_publication_that_does_not_exist_exits_2_at_once(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", FIXTURES / SLUG)
    result = run_publish("-C", str(root), "serve", "--port", "0", "nosuch")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"error: source/nosuch: no such publication (there are: {SLUG})\n"


def test_only_files_of_dist_are_served(served: Served) -> None:
    (served.root / "dist" / "outside.txt").symlink_to(served.root / "secret.txt")
    (served.root / "dist" / "up").symlink_to(served.root)
    try:
        for path in (
            "/../pyproject.toml",
            "/%2e%2e/pyproject.toml",
            "/%2e%2e%2fpyproject.toml",
            "/..%2f..%2f..%2fetc%2fpasswd",
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/outside.txt",
            "/up/secret.txt",
            "/up/source/mixed/manifest.toml",
            "/.publish-cache/",
            "/../.publish-cache/artifacts/mixed.pdf.json",
        ):
            status, body = served.get(path)
            assert status == 404, path
            leaked = [
                text for text in (b"not for the web", b"[project]", b"title =", b"root:", b'"key"') if text in body
            ]
            assert b"Not in dist/" in body and not leaked, (path, body)
    finally:
        (served.root / "dist" / "outside.txt").unlink()
        (served.root / "dist" / "up").unlink()
    status, body = served.get(f"/{SLUG}.pdf")
    assert status == 200 and body == (served.root / "dist" / f"{SLUG}.pdf").read_bytes()
    status, body = served.get("/")
    assert status == 200 and b"/__publish/live.js" in body
    assert served.get("/", host="attacker.example")[0] == 403  # a rebinding site's page reads nothing


def test_pages_listen_to_an_event_stream_that_reconnects_after_a_second(served: Served) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    try:
        connection.request("GET", "/__publish/events?since=0")  # a page from another server: reload
        response = connection.getresponse()
        assert response.status == 200 and response.headers["Content-Type"].startswith("text/event-stream")
        lines = [response.readline() for _ in range(6)]
    finally:
        connection.close()
    assert lines[:3] == [b"retry: 1000\n", b"\n", b"event: build\n"]
    assert lines[3].startswith(b"id: ") and lines[4] == b'data: {"changed": ["*"], "errors": []}\n'
    status, script = served.get("/__publish/live.js")
    assert status == 200 and b"new EventSource(" in script and b"textContent = error" in script


def test_nothing_but_loopback_answers_without_host(served: Served, tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the machine's own address
            address = probe.getsockname()[0]
        except OSError:
            address = "127.0.0.1"
    if address.startswith("127."):
        pytest.skip("this machine has no address but loopback")
    with pytest.raises(OSError):
        socket.create_connection((address, served.port), timeout=5).close()
    server = start_server(tmp_path, "0.0.0.0", 0, Events())  # what --host 0.0.0.0 asks for
    try:
        socket.create_connection((address, server.port), timeout=5).close()
    finally:
        server.server_close()


def test_the_open_page_shows_a_saved_title_by_itself(served: Served, page: Any) -> None:
    open_at(page, served.url)
    titles = page.locator(".publication h2")
    titles.filter(has_text=TITLE).wait_for(timeout=10_000)
    page.wait_for_timeout(500)  # the page's event stream is open (a save before it is replayed anyway)
    # The same letters in another order: the download page's fonts, subset to its characters, stay as
    # they are. New letters cost the page a new WOFF2 subset (web/site.py), which is the page's, not serve's.
    new = "مختلط نص الاتجاه"
    served.manifest.write_text(served.manifest.read_text(encoding="utf-8").replace(TITLE, new), encoding="utf-8")
    saved = time.monotonic()
    titles.filter(has_text=new).wait_for(state="attached", timeout=2_000)
    assert time.monotonic() - saved <= 2
    assert "/__publish/" not in (served.root / "dist" / "index.html").read_text(encoding="utf-8")


def open_at(page: Any, url: str) -> None:
    """`page.goto(url)`, again if the live reload of a page left open by an earlier test navigated meanwhile
    ("interrupted by another navigation": the reload event of the last rebuild may reach it late)."""
    for attempt in range(3):
        try:
            page.goto(url)
            return
        except Exception as exc:
            if "interrupted by another navigation" not in str(exc) or attempt == 2:
                raise
            page.wait_for_load_state()


def settled(served: Served) -> None:
    """Wait until the rebuild after the last save is over: a page opened meanwhile would be reloaded
    under the test's feet as each format of that rebuild arrives."""
    deadline = time.monotonic() + 120
    while True:
        changes = [i for i, line in enumerate(served.out) if line.startswith("changed: ")]
        last = served.out[changes[-1] :] if changes else ["up to date"]  # before any save: built when serving
        if last[-1] == "up to date" or last[-1].startswith("rebuilt in "):
            return
        assert time.monotonic() < deadline, "\n".join(served.out)
        time.sleep(0.2)


def test_a_bad_save_shows_its_errors_over_the_page_until_the_next_good_one(served: Served, page: Any) -> None:
    good = served.manifest.read_text(encoding="utf-8")
    settled(served)
    open_at(page, served.url)
    served.manifest.write_text(good + '"<img src=x onerror=alert(1)>" = 1\n', encoding="utf-8")
    errors = page.locator("#publish-overlay .publish-error")
    errors.first.wait_for(timeout=30_000)
    expected = f"source/{SLUG}/manifest.toml: unknown key '<img src=x onerror=alert(1)>'"
    assert any(line.startswith(expected) for line in errors.all_text_contents()), errors.all_text_contents()
    assert page.locator("#publish-overlay img").count() == 0  # shown as text, never as markup
    assert any(line.startswith(f"error: {expected}") for line in served.err)
    assert served.get("/")[0] == 200  # the server goes on
    page.reload()  # a page opened while the build fails shows the errors too
    errors.first.wait_for(timeout=10_000)
    served.manifest.write_text(good, encoding="utf-8")
    page.locator("#publish-overlay").wait_for(state="detached", timeout=30_000)


def test_what_serve_wrote_is_what_a_build_writes(served: Served) -> None:
    settled(served)
    result = run_publish("-C", str(served.root), "build", "--check")
    assert result.returncode == 0, result.stderr
    for path in (served.root / "dist").rglob("*"):
        assert not path.is_file() or b"/__publish/" not in path.read_bytes(), path


def test_ctrl_c_stops_the_server(served: Served) -> None:
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=60) == 0
    time.sleep(0.2)
    assert served.out[-1] == "stopped" and not any("Traceback" in line for line in served.err), served.err
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", served.port), timeout=5).close()
