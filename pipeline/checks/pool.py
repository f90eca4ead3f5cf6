"""Worker processes that never outlive the run that started them.

`map_in_workers` is `ProcessPoolExecutor.map` with three guarantees the plain
pool lacks:

- when the caller unwinds for any reason (a signal turned into
  `pipeline.interrupt.Interrupted`, KeyboardInterrupt, an error), the workers
  are terminated at once instead of finishing the queued pages;
- when the parent dies without unwinding (SIGKILL), each worker dies too: on
  Linux the kernel sends it SIGKILL (`prctl(PR_SET_PDEATHSIG)`), elsewhere a
  watcher thread notices the new parent PID within half a second;
- workers do not hold the parent's stdin, stdout or stderr (they are pointed
  at the null device), so a caller reading the parent's output sees EOF as
  soon as the parent is gone. Workers ignore SIGINT: Ctrl-C reaches the whole
  process group, and the parent alone decides what happens.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1
_JOIN_TIMEOUT_S = 5.0


def map_in_workers(
    fn: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
    chunksize: int = 1,
) -> list[R]:
    """`[fn(item) for item in items]` in `jobs` worker processes, in order.

    Raises what the pool raises (OSError, BrokenProcessPool, PicklingError)
    so that the caller may fall back to running in-process.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(
        jobs,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(), initializer, initargs),
    )
    try:
        # Futures rather than pool.map: map's generator cancels pending futures
        # when it is abandoned, and on Python 3.11 the pool's manager thread then
        # dies on them (InvalidStateError) and leaves its queue thread blocked,
        # which hangs the interpreter at exit.
        step = max(1, chunksize)
        with _signals_blocked():  # the first submit forks the workers
            futures = [
                pool.submit(_run_chunk, fn, items[i : i + step])
                for i in range(0, len(items), step)
            ]
        results: list[R] = []
        for future in futures:
            results.extend(future.result())
    except BaseException:
        terminate(pool)
        raise
    pool.shutdown(wait=True)
    return results


def _run_chunk(fn: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [fn(item) for item in chunk]


def terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers now (SIGTERM, then SIGKILL) and drop queued work.

    With its workers gone, the pool's manager thread finds the pool broken,
    fails the pending futures and closes its queues; this waits (boundedly)
    for that, so nothing is left to block the interpreter's exit.
    """
    processes: list[BaseProcess] = list(
        (getattr(pool, "_processes", None) or {}).values()
    )
    manager: threading.Thread | None = getattr(pool, "_executor_manager_thread", None)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    deadline = time.monotonic() + _JOIN_TIMEOUT_S
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1.0)
    if manager is not None:
        manager.join(max(0.0, deadline - time.monotonic()))
    with contextlib.suppress(Exception):
        pool.shutdown(wait=False, cancel_futures=True)


_BLOCKED = frozenset(
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGHUP")
    if hasattr(signal, name)
)


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while the workers are forked.

    A signal handled in the middle of a fork runs its Python handler inside
    the interpreter's at-fork hooks, which swallow the exception it raises;
    held, it is handled right after, where it unwinds as it should. The
    workers inherit the mask and unblock in `_start_worker`.
    """
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = mask(signal.SIG_BLOCK, _BLOCKED)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, previous)


def _start_worker(
    parent: int, initializer: Callable[..., object] | None, initargs: tuple[Any, ...]
) -> None:
    """Run first in every worker: die with the parent, let go of its terminal."""
    # A forked worker inherits the parent's Python signal handlers (which may
    # raise Interrupted) and, from `_signals_blocked`, a mask holding them; the
    # parent alone handles interruptions, and it stops workers with SIGTERM.
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if hasattr(signal, "SIGHUP"):
            signal.signal(signal.SIGHUP, signal.SIG_DFL)
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _BLOCKED)
    _die_with_parent(parent)
    _detach_stdio()
    if initializer is not None:
        initializer(*initargs)


def _die_with_parent(parent: int) -> None:
    if not _set_parent_death_signal():
        watcher = threading.Thread(
            target=_watch_parent, args=(parent,), name="parent-watch", daemon=True
        )
        watcher.start()
    if os.getppid() != parent:  # the parent died before we could ask
        os._exit(1)


def _set_parent_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        result = libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return False
    return bool(result == 0)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _detach_stdio() -> None:
    """Point fds 0, 1 and 2 at the null device (results travel by the pool's pipes).

    Output the parent had buffered before the fork is flushed there too,
    instead of being printed a second time when the worker exits.
    """
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        try:
            for fd in (0, 1, 2):
                os.dup2(null, fd)
        finally:
            if null > 2:
                os.close(null)
