"""The preview server of `publish serve`: dist/ over HTTP, and the events that make open pages reload.

The standard library's ThreadingHTTPServer is enough for one editor's browser on their own machine,
and adds no dependency. It serves regular files under dist/ and nothing else: no path with a `..`,
a dotfile or a link on its way, whatever its encoding. HTML responses carry a small script
(live.js) that listens to /__publish/events (Server-Sent Events) and reloads the page when its file
changes, or shows the errors of a failed build over it; the files in dist/ are never touched.
"""

from __future__ import annotations

import contextlib
import errno
import json
import mimetypes
import os
import socket
import stat
import sys
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import InputError

EVENTS, SCRIPT = "/__publish/events", "/__publish/live.js"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
RETRY_MS = 1000  # how long a page waits before it reconnects: never a poll faster than a second
KEEPALIVE = 15.0  # seconds between comments on a quiet stream, so that a closed page frees its thread
LIVE_JS = (Path(__file__).resolve().parent / "live.js").read_bytes()
TYPES = {".html": "text/html; charset=utf-8", ".epub": "application/epub+zip", ".woff2": "font/woff2"}


class Events:
    """What the builds did, numbered: each event names the files of dist/ that changed, or holds
    the error lines of a failed build. Pages wait here for what comes after the one they were served at."""

    def __init__(self, keep: int = 100, start: int | None = None) -> None:
        self._changed = threading.Condition()
        self._history: deque[tuple[int, dict[str, list[str]]]] = deque(maxlen=keep)
        # Numbered from the clock: a page an earlier server sent is from before this one's first event,
        # and reloads when it reconnects here.
        self.generation = time.time_ns() // 1_000_000 if start is None else start
        self.errors: list[str] = []
        self.closed = False

    def publish(self, changed: list[str], errors: list[str]) -> None:
        """Tell every page: these dist/ paths changed (a build that succeeded), or these errors."""
        with self._changed:
            self.generation += 1
            self.errors = list(errors)
            self._history.append((self.generation, {"changed": changed, "errors": self.errors}))
            self._changed.notify_all()

    def after(self, generation: int, timeout: float) -> list[tuple[int, dict[str, list[str]]]] | None:
        """The events after `generation`, waiting up to `timeout` seconds for one; None once closed.
        A page from before what is kept (or from an earlier server) gets one event reloading it."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.generation > generation, timeout)
            if self.closed:
                return None
            kept = [(number, event) for number, event in self._history if number > generation]
            oldest = self._history[0][0] if self._history else self.generation + 1
            if generation > self.generation or (generation < oldest - 1 and self.generation):
                kept = [(self.generation, {"changed": ["*"], "errors": self.errors})]
            return kept

    def close(self) -> None:
        """End every page's stream (the server is stopping)."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()


def resolve(dist: Path, url_path: str) -> Path | None:
    """The regular file of `dist` a URL path names, or None: never a file outside it, a dotfile, or
    a file reached through a link. A path ending in / names its index.html."""
    try:
        decoded = unquote(url_path, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\\" in decoded or "\0" in decoded or not decoded.startswith("/"):
        return None
    parts = [part for part in decoded.split("/") if part]
    if any(part.startswith(".") for part in parts):  # `..`, `.`, and every dotfile (a build's temporary files)
        return None
    if decoded.endswith("/"):
        parts.append("index.html")
    path = dist
    for part in parts:
        path = path / part
        try:
            mode = path.lstat().st_mode
        except (OSError, ValueError):
            return None
        if stat.S_ISLNK(mode):
            return None
    return path if parts and stat.S_ISREG(mode) else None


def inject(page: bytes, generation: int) -> bytes:
    """`page` with the live-reload script before its last </body> (at its end when it has none)."""
    tag = f'<script src="{SCRIPT}" data-generation="{generation}"></script>'.encode()
    at = page.lower().rfind(b"</body>")
    return page[:at] + tag + page[at:] if at >= 0 else page + tag


class PreviewServer(ThreadingHTTPServer):
    """Serves one dist/ folder and its events; stream threads end with the server."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], dist: Path, events: Events, family: int) -> None:
        self.address_family = family
        self.dist, self.events = dist, events
        self.loopback = address[0] in LOOPBACK
        super().__init__(address, PreviewHandler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A page that went away mid-answer (a reload, a closed tab) is no error; anything else is one
        line on stderr, never the standard library's traceback over the build's messages."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            print(f"serve: a request from {client_address[0]} failed: {error!r}", file=sys.stderr, flush=True)


class PreviewHandler(BaseHTTPRequestHandler):
    """GET and HEAD of dist/'s files and of the two /__publish/ addresses; nothing else."""

    server: PreviewServer
    server_version = "publish-serve"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        if self.server.loopback and not _loopback_host(self.headers.get("Host", "")):
            # a page of another site that had its name point here (DNS rebinding) reads nothing
            self._send(403, b"forbidden: unexpected Host header\n", "text/plain; charset=utf-8", body)
            return
        address = urlsplit(self.path)
        if address.path == EVENTS and body:
            self._stream(address.query)
        elif address.path == SCRIPT:
            self._send(200, LIVE_JS, "text/javascript; charset=utf-8", body)
        elif (path := resolve(self.server.dist, address.path)) is not None and (data := _read(path)) is not None:
            kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if path.suffix == ".html":
                data = inject(data, self.server.events.generation)
            self._send(200, data, kind, body)
        else:
            page = b"<!DOCTYPE html><title>404</title><p>Not in dist/ (yet).</p>"
            self._send(404, inject(page, self.server.events.generation), TYPES[".html"], body)

    def _send(self, status: int, data: bytes, kind: str, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # a preview: always what dist/ holds now
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _stream(self, query: str) -> None:
        """Server-Sent Events: those after the page's generation, the build's state, then each new one."""
        seen = _number(parse_qs(query).get("since", ["0"])[0])
        seen = max(seen, _number(self.headers.get("Last-Event-ID", "0")))  # a reconnection resumes there
        events = self.server.events
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        with contextlib.suppress(OSError):  # the page went away
            self._write(f"retry: {RETRY_MS}\n\n")
            missed = events.after(seen, 0) or []
            for seen, event in missed:
                self._event(event, seen)
            if not missed:  # a page served while the last build fails shows its errors at once
                self._event({"changed": [], "errors": events.errors}, None)
            while (batch := events.after(seen, KEEPALIVE)) is not None:
                for seen, event in batch:
                    self._event(event, seen)
                if not batch:
                    self._write(": still here\n\n")

    def _event(self, event: dict[str, Any], number: int | None) -> None:
        ident = f"id: {number}\n" if number is not None else ""
        self._write(f"event: build\n{ident}data: {json.dumps(event, ensure_ascii=False)}\n\n")

    def _write(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal is for builds and their errors; a request log would bury them


def start_server(dist: Path, host: str, port: int, events: Events) -> PreviewServer:
    """Listen on `host`:`port` (0: any free port); a port in use or an address not this machine's is an InputError."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return PreviewServer((host, port), dist, events, family)
    except socket.gaierror as exc:
        raise InputError(f"--host {host}: not an address of this machine ({exc.strerror})") from None
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise InputError(
                f"port {port} is in use on {host}; choose another with --port (0 picks a free one)"
            ) from None
        raise InputError(f"cannot listen on {host} port {port}: {exc.strerror or exc}") from None


def url_of(server: PreviewServer) -> str:
    """The address to open in a browser."""
    host = str(server.server_address[0])
    return f"http://{f'[{host}]' if ':' in host else host}:{server.port}/"


def _loopback_host(header: str) -> bool:
    try:
        return (urlsplit(f"//{header}").hostname or "") in LOOPBACK
    except ValueError:
        return False


def _number(text: str) -> int:
    return int(text) if text.isascii() and text.isdigit() and len(text) < 18 else 0


def _read(path: Path) -> bytes | None:
    """The bytes of a regular file, opened without following a link (one made since it was resolved)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        return file.read() if stat.S_ISREG(os.fstat(fd).st_mode) else None
