"""Signals: SIGINT, SIGTERM and SIGHUP end a run cleanly, with the shell's exit code.

`graceful_signals()` turns those signals into an `Interrupted` exception raised
in the main thread, so the stack unwinds as for any error: `atomic_write`
deletes its temporary file, the check runner terminates its worker processes,
the output lock is released. The command line then exits with
`Interrupted.exit_code`, the shell convention 128 + signal number: 130 for
SIGINT (Ctrl-C), 143 for SIGTERM, 129 for SIGHUP.

`Interrupted` derives from `BaseException` (like `KeyboardInterrupt`), so no
`except Exception` swallows it, and it is not a `KeyboardInterrupt`, so click
does not turn it into "Aborted!" with exit 1 or 2.

Inside `deferred_signals()` (the write stage's commit) a signal is held until
the block ends, so a graceful stop never leaves the output folder half
updated. A second signal while the first one unwinds (or is held) is not
deferred: the default action runs and the process ends at once, as a user who
presses Ctrl-C twice expects. SIGKILL cannot be caught; the write stage's
journal repairs what it leaves (see `pipeline.write`).

A signal the parent process set to be ignored (`nohup`, `cmd &` in a script)
stays ignored. Outside the main thread both context managers do nothing.

Wiring into a command line::

    def main(argv=None) -> int:
        try:
            with graceful_signals():
                return run(argv)
        except Interrupted as exc:
            print(f"interrupted by {exc.signal_name}", file=sys.stderr)
            return exc.exit_code
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator, Sequence
from types import FrameType

HANDLED: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGHUP")
    if hasattr(signal, name)
)


class Interrupted(BaseException):
    """The run was stopped by a signal; `exit_code` is 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"interrupted by {self.signal_name}")

    @property
    def signal_name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class _State:
    """What the installed handler does; one per process (signals are global)."""

    def __init__(self) -> None:
        self.active = 0
        self.raised = False
        self.defer_depth = 0
        self.pending: int | None = None


_STATE = _State()


def _handler(signum: int, frame: FrameType | None) -> None:
    if _STATE.raised or _STATE.pending is not None:
        # Second signal: stop now, with the signal's own default action.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    if _STATE.defer_depth:
        _STATE.pending = signum
        return
    _STATE.raised = True
    raise Interrupted(signum)


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def graceful_signals(
    signals: Sequence[signal.Signals] = HANDLED,
) -> Iterator[None]:
    """Raise `Interrupted` in the main thread on SIGINT, SIGTERM or SIGHUP."""
    if not _in_main_thread():
        yield
        return
    previous: dict[signal.Signals, object] = {}
    for signum in signals:
        current = signal.getsignal(signum)
        if current == signal.SIG_IGN:
            continue  # ignored by whoever started us: keep it ignored
        previous[signum] = current
        signal.signal(signum, _handler)
    if _STATE.active == 0:
        _STATE.raised = False
        _STATE.pending = None
    _STATE.active += 1
    try:
        yield
    finally:
        _STATE.active -= 1
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold a graceful signal until the block ends, then raise `Interrupted`.

    For short critical sections (committing the output folder). Does nothing
    unless `graceful_signals` is active.
    """
    if not _STATE.active or not _in_main_thread():
        yield
        return
    _STATE.defer_depth += 1
    try:
        yield
    finally:
        _STATE.defer_depth -= 1
        pending = _STATE.pending
        if not _STATE.defer_depth and pending is not None and not _STATE.raised:
            _STATE.pending = None
            _STATE.raised = True
            raise Interrupted(pending)
