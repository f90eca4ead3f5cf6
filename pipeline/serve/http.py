"""HTTP: serve the output folder on 127.0.0.1, with live reload for HTML pages.

Only files inside the output folder are served: the URL path is decoded once,
and a path with `..`, a hidden segment (`.seo-pipeline.lock`, temporary
files), a backslash or a NUL byte is refused with 404 before the file system
is asked; what is left is resolved (symbolic links too) and must still be
inside the output folder. Generated files are served from the live site's
memory (the bytes about to be written), anything else from the folder.

HTML responses, and only they, get a small script before `</body>` that
listens to `/__seo-pipeline/events` (server-sent events): it reloads the page
when its file changes and shows the content problems in an overlay. The files
in the output folder never contain it.
"""

from __future__ import annotations

import ipaddress
import mimetypes
import posixpath
import re
import select
import socket
import zlib
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from pipeline.serve.hub import Hub
from pipeline.serve.live import LiveSite

EVENTS = "/__seo-pipeline/events"
PING_S = 10.0
"""Seconds between keep-alive comments on an idle event stream."""
GONE_POLL_S = 0.5
"""How often an idle event stream checks whether its page closed it."""

CLIENT = """<script id="seo-pipeline-live">(function () {
  if (window.__seoPipelineLive || !window.EventSource) return;
  window.__seoPipelineLive = true;
  var here = decodeURIComponent(location.pathname).replace(/index\\.html$/, "");
  var version = "VERSION_TOKEN";
  var source = null;
  var box = null;
  function show(problems) {
    if (box) { box.remove(); box = null; }
    if (!problems.length) return;
    box = document.createElement("div");
    box.id = "seo-pipeline-overlay";
    box.setAttribute("role", "alert");
    box.style.cssText = "all:initial;position:fixed;inset:0;z-index:2147483647;" +
      "background:rgba(20,20,28,.92);color:#fff;font:15px/1.5 monospace;" +
      "padding:24px;overflow:auto;white-space:pre-wrap;box-sizing:border-box";
    var title = document.createElement("div");
    title.style.cssText = "color:#ff8a80;font-weight:bold;margin-bottom:12px";
    title.textContent = "seo-pipeline: the site could not be rebuilt " +
      "(the page below is the last good build)";
    box.appendChild(title);
    problems.forEach(function (line) {
      var item = document.createElement("div");
      item.className = "seo-pipeline-problem";
      item.textContent = line;
      box.appendChild(item);
    });
    document.documentElement.appendChild(box);
  }
  function connect() {
    source = new EventSource("EVENTS_URL");
    source.addEventListener("problems", function (event) {
      show(JSON.parse(event.data).problems);
    });
    source.addEventListener("reload", function (event) {
      var paths = JSON.parse(event.data).paths;
      if (paths.indexOf("*") >= 0 || paths.indexOf(here) >= 0) location.reload();
    });
  }
  // A hidden tab lets go of its stream (browsers allow 6 connections to one
  // server); when shown again it reconnects, and reloads if its page changed.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      if (source) { source.close(); source = null; }
    } else if (!source) {
      connect();
      fetch(location.href, {method: "HEAD", cache: "no-store"}).then(function (r) {
        if (r.headers.get("X-Seo-Pipeline-Version") !== version) location.reload();
      }, function () {});
    }
  });
  if (document.visibilityState !== "hidden") connect();
})();</script>
""".replace("EVENTS_URL", EVENTS)

NOT_FOUND = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><h1>Not found</h1><p>No file in the output folder for this address.
This page reloads when one is built.</p></body></html>
"""

_BODY_END = re.compile(rb"</body\s*>", re.I)
_LOOPBACK_NAMES = {"localhost", "localhost.", "127.0.0.1", "::1"}


def version_of(content: bytes) -> str:
    """A short token that changes when a file's bytes change."""
    return f"{zlib.crc32(content):08x}"


def inject(html: bytes, version: str = "") -> bytes:
    """`html` with the live-reload script before its last `</body>` (or at the
    end); `version` is what the page compares with when its tab is shown again."""
    script = CLIENT.replace("VERSION_TOKEN", version).encode("utf-8")
    ends = list(_BODY_END.finditer(html))
    if not ends:
        return html + script
    at = ends[-1].start()
    return html[:at] + script + html[at:]


def localize(html: bytes, base_url: str | None) -> bytes:
    """Links and images to the site's own `base-url` made root-relative, so the
    preview loads them from this server (`src="https://site.example/a.jpg"` →
    `src="/a.jpg"`); meta tags and JSON-LD keep the absolute URLs."""
    if not base_url:
        return html
    prefix = re.escape(base_url.encode("utf-8"))
    return re.sub(rb'(\s(?:src|href)=["\'])' + prefix + rb"(?=/)", rb"\1", html)


def safe_rel_path(url_path: str) -> str | None:
    """The output-relative file of a URL path, or None when it may not be served.

    `/a/` → `a/index.html`, `/` → `index.html`; None for `..`, hidden
    segments, backslashes, NUL bytes and undecodable escapes.
    """
    try:
        path = unquote(url_path, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\x00" in path or "\\" in path or not path.startswith("/"):
        return None
    parts = [part for part in path.split("/") if part]
    if any(part.startswith(".") for part in parts):  # also `..`
        return None
    rel = "/".join(parts)
    if path.endswith("/") or not parts:
        rel = posixpath.join(rel, "index.html") if rel else "index.html"
    return rel


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD for the output folder and the event stream."""

    server: LiveServer
    protocol_version = "HTTP/1.1"
    server_version = "seo-pipeline"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: `serve` prints rebuilds, not requests."""

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _respond(self, *, head: bool) -> None:
        if not self._host_allowed():
            self._send(HTTPStatus.FORBIDDEN, b"forbidden host\n", "text/plain", head)
            return
        url_path = urlsplit(self.path).path
        if url_path == EVENTS:
            self._events()
            return
        rel = safe_rel_path(url_path)
        if rel is None:
            self._not_found(head)
            return
        content = self.server.site.file(rel)
        if content is None:
            content = self._from_disk(rel)
        if content is None:
            if self._is_folder(rel):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", "/" + quote(rel) + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self._not_found(head)
            return
        body = content.encode("utf-8") if isinstance(content, str) else content
        kind = mimetypes.guess_type(rel)[0] or "application/octet-stream"
        version = version_of(body)
        if kind == "text/html":
            body = inject(localize(body, self.server.site.base_url), version)
        self._send(HTTPStatus.OK, body, kind, head, version)

    def _host_allowed(self) -> bool:
        """On a loopback address, only loopback host names (no DNS rebinding)."""
        if not self.server.loopback:
            return True
        host = self.headers.get("Host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.strip("[]").lower() in _LOOPBACK_NAMES

    def _from_disk(self, rel: str) -> bytes | None:
        root = self.server.site.output_dir
        if root is None:
            return None
        try:
            base = root.resolve()
            target = (base / rel).resolve()
            if not target.is_relative_to(base) or not target.is_file():
                return None
            return target.read_bytes()
        except (OSError, RuntimeError, ValueError):
            return None

    def _is_folder(self, rel: str) -> bool:
        """`rel` (asked for without its trailing slash) is a folder of the site."""
        if self.server.site.file(f"{rel}/index.html") is not None:
            return True
        root = self.server.site.output_dir
        if root is None:
            return False
        try:
            base = root.resolve()
            target = (base / rel).resolve()
        except (OSError, RuntimeError):
            return False
        return target.is_relative_to(base) and target.is_dir()

    def _not_found(self, head: bool) -> None:
        body = inject(NOT_FOUND.encode("utf-8"), "none")
        self._send(HTTPStatus.NOT_FOUND, body, "text/html", head)

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        kind: str,
        head: bool,
        version: str = "none",
    ) -> None:
        if kind.startswith("text/") or kind in ("application/json", "application/xml"):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Seo-Pipeline-Version", version)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self) -> None:
        hub = self.server.hub
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        seq = hub.seq
        hub.listen(+1)
        try:
            for kind, text in hub.state():
                self._event(kind, text)
            self.wfile.flush()
            quiet = 0.0
            while not hub.closed and not self._gone():
                seq, events = hub.wait(seq, GONE_POLL_S)
                for kind, text in events:
                    self._event(kind, text)
                quiet = 0.0 if events else quiet + GONE_POLL_S
                if quiet >= PING_S:
                    self.wfile.write(b": ping\n\n")
                    quiet = 0.0
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return  # the page went away
        finally:
            hub.listen(-1)

    def _gone(self) -> bool:
        """The page closed its stream (the socket reads as ended)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and not self.connection.recv(1, socket.MSG_PEEK)
        except (OSError, ValueError):
            return True

    def _event(self, kind: str, text: str) -> None:
        self.wfile.write(f"event: {kind}\ndata: {text}\n\n".encode())


class LiveServer(ThreadingHTTPServer):
    """A threading HTTP server bound to one address, serving one `LiveSite`."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, port: int, site: LiveSite, hub: Hub) -> None:
        self.site, self.hub = site, hub
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            self.loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            self.loopback = host.lower() in _LOOPBACK_NAMES
        super().__init__((host, port), Handler)

    @property
    def url(self) -> str:
        """`http://HOST:PORT/` of the bound socket."""
        host, port = str(self.server_address[0]), int(self.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"
