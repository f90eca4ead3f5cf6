"""One build at a time per output folder: an advisory `flock` on a lock file.

`output_lock(folder)` takes an exclusive `fcntl.flock` on
`folder/.seo-pipeline.lock`. A second build into the same folder waits up to
`timeout` seconds for it, then stops with an `OutputError` naming the folder
and the PID that holds the lock (exit 2 on the command line). The kernel
releases the lock when its holder exits, even on SIGKILL, so a crashed build
never leaves the folder locked. The lock file stays (deleting it would let two
builds lock two different files); while nobody holds it, it is empty, and its
holder writes its PID into it.

Without `fcntl` (Windows) the lock does nothing.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import OutputError, Problem

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".seo-pipeline.lock"
DEFAULT_TIMEOUT_S = 60.0
TIMEOUT_ENV = "SEO_PIPELINE_LOCK_TIMEOUT"
"""Environment variable: seconds a build waits for another build's lock."""

_POLL_S = 0.05


def lock_timeout() -> float:
    """The wait from `SEO_PIPELINE_LOCK_TIMEOUT`, else `DEFAULT_TIMEOUT_S`."""
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value >= 0:  # also refuses NaN
        raise OutputError(
            [
                Problem(
                    TIMEOUT_ENV,
                    None,
                    None,
                    f"must be a number of seconds >= 0, not {raw!r}",
                )
            ]
        )
    return value


@contextlib.contextmanager
def output_lock(folder: Path, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the folder's build lock; wait up to `timeout` s (None: the default)."""
    if fcntl is None:  # pragma: no cover - not POSIX
        yield
        return
    wait = lock_timeout() if timeout is None else timeout
    path = folder / LOCK_FILE
    fd = _open_lock_file(path, folder)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _busy(folder, fd, wait) from None
                time.sleep(_POLL_S)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock


def lock_holder(folder: Path) -> int | None:
    """The PID holding `folder`'s build lock, if it is held and can be told."""
    path = folder / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        return _holder(fd)
    finally:
        os.close(fd)


def _open_lock_file(path: Path, folder: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as exc:
        raise OutputError(
            [Problem(path, None, None, f"cannot open the build lock: {exc.strerror}")]
        ) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OutputError(
            [Problem(path, None, None, "the build lock is not a regular file")]
        )
    return fd


def _busy(folder: Path, fd: int, waited: float) -> OutputError:
    pid = _holder(fd)
    who = f"PID {pid}" if pid else "another process"
    return OutputError(
        [
            Problem(
                folder,
                None,
                None,
                f"another seo-pipeline build ({who}) is writing to this folder; "
                f"gave up after waiting {waited:g} s",
            )
        ]
    )


def _holder(fd: int) -> int | None:
    """The lock's holder: from /proc/locks where there is one, else the file."""
    st = os.fstat(fd)
    from_proc = _holder_from_proc_locks(st)
    if from_proc is not None:
        return from_proc
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and int(text) > 0 else None


def _holder_from_proc_locks(st: os.stat_result) -> int | None:
    key = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    try:
        lines = Path("/proc/locks").read_text("ascii", "replace").splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF" ("->" marks waiters)
        if (
            len(fields) >= 6
            and fields[1] == "FLOCK"
            and fields[5] == key
            and fields[4].isdigit()
            and int(fields[4]) > 0
        ):
            return int(fields[4])
    return None
