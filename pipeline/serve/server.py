"""SERVER: build, serve, watch, rebuild, reload — the loop behind `seo-pipeline serve`.

Three threads besides the caller's: the HTTP server, the watcher (which also
rebuilds), and the checks (which drive one worker process). `Server.stop()`
ends them all; the CLI calls it on Ctrl-C and SIGTERM, tests in their
fixture finalizers.

Watched (with `watchfiles`): the content folder (changed files are rebuilt),
the theme folder and the config file (everything is rebuilt), the static
folder (static files are copied again). The config file is polled by its
size and modification time, so editors that save by renaming are seen too.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pipeline.config import Config
from pipeline.errors import PipelineError, Problem
from pipeline.serve.http import LiveServer
from pipeline.serve.hub import Hub
from pipeline.serve.live import LiveSite, Log, Update, shown

WATCH_STEP_MS = 30
"""A burst of file events is taken as one change once this many ms pass quietly."""
WATCH_DEBOUNCE_MS = 400
"""At most this long is spent grouping one burst of events."""
WATCH_TIMEOUT_MS = 250
"""How often the watcher wakes up to poll the config file and the stop flag."""


class Server:
    """`seo-pipeline serve` as an object: `start()`, `url`, `stop()`."""

    def __init__(
        self,
        load: Callable[[], Config],
        *,
        config_file: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 8000,
        check: bool = True,
        force: bool = False,
        drafts: bool = False,
        log: Log = print,
    ) -> None:
        self.hub = Hub()
        self.site = LiveSite(
            load, self.hub, check=check, force=force, drafts=drafts, log=log
        )
        self.log = log
        self._config_file = config_file
        self._host, self._port = host, port
        self._stop = threading.Event()
        self._watching = threading.Event()
        self._threads: list[threading.Thread] = []
        self._http: LiveServer | None = None
        self._had_problems = False

    @property
    def url(self) -> str:
        """The address the site is served at."""
        assert self._http is not None, "start() first"
        return self._http.url

    def start(self) -> Update:
        """Build the whole site, bind the address, start serving and watching."""
        first = self.site.update(full=True)
        self.report(first, initial=True)
        try:
            self._http = LiveServer(self._host, self._port, self.site, self.hub)
        except OSError as exc:
            raise PipelineError(
                [
                    Problem(
                        f"{self._host}:{self._port}",
                        None,
                        None,
                        f"cannot listen: {exc.strerror or exc}"
                        + (" (try --port 0 for any free port)" if self._port else ""),
                    )
                ]
            ) from None
        self.site.start_checks()
        self._spawn(self._http.serve_forever, "seo-pipeline-http")
        self._spawn(self._watch_loop, "seo-pipeline-watch")
        # Saves from here on are seen: the watcher rescans once it is set up.
        self._watching.wait(timeout=10)
        return first

    def wait(self) -> None:
        """Block until `stop()` (signals still reach the main thread)."""
        while not self._stop.wait(0.5):
            pass

    def stop(self) -> None:
        """Stop serving, watching and checking; close every event stream."""
        self._stop.set()
        self.hub.close()
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
        self.site.stop()
        for thread in self._threads:
            thread.join(timeout=10)

    def report(self, update: Update, *, initial: bool = False) -> None:
        """Print what a rebuild did, and its problems."""
        written = update.written
        changed = len(written.written) if written else 0
        removed = len(written.removed) if written else 0
        if initial:
            what = f"Built {update.pages} page{'' if update.pages == 1 else 's'}"
        else:
            what = f"Rebuilt {update.rebuilt} file{'' if update.rebuilt == 1 else 's'}"
        fixed = self._had_problems and not update.problems
        self._had_problems = bool(update.problems)
        if initial or update.rebuilt or changed or update.problems or fixed:
            self.log(
                f"{what} in {update.elapsed_s:.2f} s, {changed} written"
                + (f", {removed} removed" if removed else "")
                + (", no problems left" if fixed else "")
            )
        for line in shown(update.problems):
            self.log(f"error: {line}")

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    # -- watching ---------------------------------------------------------------

    def _config_signature(self) -> tuple[int, int] | None:
        path = self._config_file
        if path is None:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return (0, -1)
        return (info.st_mtime_ns, info.st_size)

    def _roots(self) -> dict[str, Path]:
        config = self.site.config
        if config is None:
            return {}
        site = config.site
        roots = {"content": site.content_dir, "static": site.static_dir}
        if site.theme_dir is not None:
            roots["theme"] = site.theme_dir
        return {kind: path for kind, path in roots.items() if path.is_dir()}

    def _watch_loop(self) -> None:
        from watchfiles import watch

        signature = self._config_signature()
        while not self._stop.is_set():
            roots = self._roots()
            if not roots:  # nothing to watch yet: poll the config
                self._watching.set()
                if self._stop.wait(WATCH_TIMEOUT_MS / 1000):
                    return
                if self._config_signature() != signature:
                    signature = self._config_signature()
                    self._rebuild({"full"})
                continue
            started = False
            for changes in watch(
                *roots.values(),
                stop_event=self._stop,
                step=WATCH_STEP_MS,
                debounce=WATCH_DEBOUNCE_MS,
                rust_timeout=WATCH_TIMEOUT_MS,
                yield_on_timeout=True,
                raise_interrupt=False,
            ):
                kinds = _kinds((path for _, path in changes), roots)
                if not started:  # what changed while the watch was being set up
                    started = True
                    kinds |= {"content", "static"}
                if self._config_signature() != signature:
                    signature = self._config_signature()
                    kinds.add("full")
                if kinds:
                    self._rebuild(kinds)
                self._watching.set()
                if "full" in kinds or self._roots() != roots:
                    break  # the folders to watch may have changed

    def _rebuild(self, kinds: set[str]) -> None:
        full = "full" in kinds or "theme" in kinds
        try:
            update = self.site.update(full=full, static="static" in kinds)
        except Exception as exc:  # a bug: say so, keep serving
            self.log(f"internal error while rebuilding: {type(exc).__name__}: {exc}")
            return
        self.report(update)


def _kinds(paths: Iterable[str], roots: dict[str, Path]) -> set[str]:
    """Which watched folders the changed paths are in."""
    kinds: set[str] = set()
    resolved = {kind: root.resolve() for kind, root in roots.items()}
    for raw in paths:
        path = Path(raw)
        for kind, root in resolved.items():
            if path.is_relative_to(root) or path.resolve().is_relative_to(root):
                kinds.add(kind)
    return kinds


def project_server(config_path: Path | None = None, **options: Any) -> Server:
    """A `Server` for the project of `config_path` (default: the config found
    from the working folder), reloading that config when it changes."""
    from pipeline.config import find_config, load_config

    source = config_path.resolve() if config_path else find_config(Path.cwd())
    return Server(lambda: load_config(config_path), config_file=source, **options)
