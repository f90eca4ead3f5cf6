"""HUB: server-sent events from the rebuilding thread to every open page."""

from __future__ import annotations

import json
import threading
from collections import deque
from typing import Any

KEEP = 64
"""Events kept for a client that is between two reads."""


class Hub:
    """Numbered events; each client waits for the ones after its last."""

    def __init__(self) -> None:
        self._events: deque[tuple[int, str, str]] = deque(maxlen=KEEP)
        self._seq = 0
        self._closed = False
        self._cond = threading.Condition()
        self._state: dict[str, str] = {}
        self._listeners = 0

    @property
    def closed(self) -> bool:
        """True once the server is stopping: clients end their streams."""
        return self._closed

    @property
    def seq(self) -> int:
        """The number of the latest event."""
        with self._cond:
            return self._seq

    def publish(self, kind: str, data: dict[str, Any]) -> None:
        """Send an event to every client; `problems` is also kept as state for
        clients that connect later (a page opened while content is broken)."""
        text = json.dumps(data, ensure_ascii=False)
        with self._cond:
            if kind == "problems":
                if self._state.get(kind) == text:
                    return  # nothing new to show
                self._state[kind] = text
            self._seq += 1
            self._events.append((self._seq, kind, text))
            self._cond.notify_all()

    def state(self) -> list[tuple[str, str]]:
        """What a new client is sent first."""
        with self._cond:
            return list(self._state.items())

    @property
    def listeners(self) -> int:
        """How many event streams are open."""
        with self._cond:
            return self._listeners

    def listen(self, delta: int) -> None:
        """Count an event stream opening (+1) or closing (-1)."""
        with self._cond:
            self._listeners += delta

    def wait(self, after: int, timeout: float) -> tuple[int, list[tuple[str, str]]]:
        """Events after number `after` (waiting up to `timeout` s for one)."""
        with self._cond:
            self._cond.wait_for(
                lambda: self._closed or self._seq > after, timeout=timeout
            )
            events = [(kind, text) for seq, kind, text in self._events if seq > after]
            return self._seq, events

    def close(self) -> None:
        """Wake every client so that it ends its stream."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
