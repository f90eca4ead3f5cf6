"""`seo-pipeline serve`: a live preview of the site and its report.

    Server(load_config).start()  → builds, serves http://127.0.0.1:8000/, watches

See `server.py` (threads, watching), `live.py` (incremental rebuilds, the
checks in the background), `http.py` (safe file serving, the injected
live-reload script) and `hub.py` (server-sent events).
"""

from __future__ import annotations

from pipeline.serve.hub import Hub
from pipeline.serve.live import LiveSite, Update
from pipeline.serve.server import Server, project_server

__all__ = ["Hub", "LiveSite", "Server", "Update", "project_server"]
