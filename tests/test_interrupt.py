"""Interrupted and concurrent builds, on a copy of the bundled example plus ~100 notes.

- SIGKILL at random points over 20 builds while articles are added, edited and
  deleted; then a normal build repairs everything: the output equals a clean
  build byte for byte (and mode for mode), with no temp file, no journal, no
  page of a deleted article, and the clean build's exit code.
- SIGTERM and SIGINT during `check` and `build`, while the check workers run:
  exit 128 + signal (130, 143), no temp file, and no worker left behind (the
  caller's pipes reach EOF as soon as the parent is gone).
- Two builds into one output folder: the second waits for the first's lock,
  and the result is one build's output, never a mix; with the lock held and
  `SEO_PIPELINE_LOCK_TIMEOUT=0`, a build refuses with one line naming the
  folder and the PID.

The killed builds are forked from this process (pipeline already imported),
so twenty of them fit the time budget; the final, signal and lock runs are
real `python -m pipeline` processes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.lock import LOCK_FILE
from pipeline.write import JOURNAL

REPO = Path(__file__).resolve().parent.parent
CLI = (sys.executable, "-m", "pipeline")
NOTES = 97
SEED = 20261201
BOUND_S = 60.0
"""Generous bound on any wait (a hang fails the test instead of blocking it)."""


# --- a project --------------------------------------------------------------


def note(i: int, edit: int = 0) -> str:
    extra = f" Revised in round {edit}." if edit else ""
    return f"""---
title: Field note {i} on running in the cold
description: Short field note number {i} about running in cold weather, what to wear and how to warm up first.
date: 2026-10-{1 + i % 28:02d}
---
Cold air makes the first minutes hard. Warm up indoors for five minutes before you go out. Note {i} explains why.{extra}

## What to wear

Wear layers that you can open. A hat keeps the heat in. Gloves matter more than you think.

## How to start

Start slowly and keep the first kilometre easy. Speed up when your hands are warm.
"""


def make_project(root: Path, notes: range = range(NOTES)) -> Path:
    """The bundled example (`content/`, `pyproject.toml`) plus small notes."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(REPO / "content", root / "content")
    for i in notes:
        (root / "content" / f"note-{i:03d}.md").write_text(note(i), "utf-8")
    return root


def run_cli(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args],
        cwd=project,
        env=cli_env(env),
        capture_output=True,
        text=True,
        timeout=BOUND_S * 2,
    )


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO), env.get("PYTHONPATH", "")) if p
    )
    env.update(extra or {})
    return env


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` (but the lock file): bytes and permission bits."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mode & 0o777)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != LOCK_FILE
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.name.endswith(".tmp") or p.name == JOURNAL
    )


# --- processes ----------------------------------------------------------------


def proc_stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent PID, start time) of a process, None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[19])


def children(pid: int) -> dict[int, int]:
    """Live children of `pid`: PID → start time."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = proc_stat(int(entry.name))
            if info and info[1] == pid and info[0] != "Z":
                found[int(entry.name)] = info[2]
    return found


def wait_gone(workers: dict[int, int]) -> list[int]:
    """Wait (boundedly) for processes to end; return those still running."""
    deadline = time.monotonic() + BOUND_S
    while True:
        alive = [
            pid
            for pid, started in workers.items()
            if (info := proc_stat(pid)) and info[2] == started and info[0] != "Z"
        ]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


@pytest.fixture
def strays() -> Iterator[dict[int, int]]:
    """Processes a test started (PID → start time); teardown kills any left."""
    started: dict[int, int] = {}
    yield started
    for pid, when in started.items():
        info = proc_stat(pid)
        if info and info[2] == when and info[0] != "Z":
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def track(strays: dict[int, int], *pids: int) -> None:
    for pid in pids:
        if info := proc_stat(pid):
            strays[pid] = info[2]


def fork_build(project: Path, log: Path, *args: str) -> int:
    """`seo-pipeline build ARGS` in a forked child (no interpreter start-up)."""
    from pipeline.cli import main

    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        try:
            os.chdir(project)
            out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            for fd in (1, 2):
                os.dup2(out, fd)
            sys.stdout = sys.stderr = open(out, "w", closefd=False)  # noqa: SIM115
            result = main(["build", *args])
            code = result if isinstance(result, int) else 98
            sys.stdout.flush()
        finally:
            os._exit(code)
    return pid


def journal_id(output: Path) -> tuple[int, int] | None:
    """Which journal is there (a new write is a new inode), None if none is."""
    try:
        st = (output / JOURNAL).stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns


def reap(pid: int, block: bool) -> int | None:
    """The exit code (negative: killed by that signal), None if still running."""
    done, status = os.waitpid(pid, 0 if block else os.WNOHANG)
    if done == 0:
        return None
    return os.waitstatus_to_exitcode(status)


# --- SIGKILL at random points -------------------------------------------------


def test_builds_killed_at_random_points_are_repaired(
    tmp_path: Path, strays: dict[int, int]
) -> None:
    rng = random.Random(SEED)
    project = make_project(tmp_path / "project")
    output = project / "output"
    present = set(range(NOTES))
    next_note = NOTES
    killed_mid_write = 0
    completed: list[int] = []
    workers: dict[int, int] = {}
    started = time.monotonic()  # a first, whole build: how long one takes here
    assert reap(fork_build(project, tmp_path / "build-0.log", "-q"), True) == 1
    duration = time.monotonic() - started
    for round_ in range(1, 21):
        # Delete two articles, one of them added last round: its page, if a
        # killed build wrote it, is in no manifest.
        newest = [i for i in present if i >= next_note - 2]
        for i in {rng.choice(newest), rng.choice(sorted(present))}:
            present.discard(i)
            (project / "content" / f"note-{i:03d}.md").unlink()
        # Edit every article in odd rounds (every page changes, so a page an
        # earlier killed build wrote must be recognised as ours), two in even.
        edited = sorted(present) if round_ % 2 else rng.sample(sorted(present), 2)
        for i in edited:
            (project / "content" / f"note-{i:03d}.md").write_text(note(i, round_))
        for _ in range(2):  # add two
            present.add(next_note)
            (project / "content" / f"note-{next_note:03d}.md").write_text(
                note(next_note)
            )
            next_note += 1
        args = ["-q"] if rng.random() < 0.4 else ["-q", "--no-check"]
        old_journal = journal_id(output)
        pid = fork_build(project, tmp_path / f"build-{round_}.log", *args)
        track(strays, pid)
        at_journal = rng.random() < 0.5
        delay = rng.uniform(0.0, 0.02) if at_journal else rng.uniform(0, duration)
        start = time.monotonic()
        code = None
        scanned = 0.0
        while code is None:
            if "--no-check" not in args and time.monotonic() - scanned > 0.02:
                workers.update(children(pid))  # to check they die with it
                strays.update(workers)
                scanned = time.monotonic()
            if at_journal and journal_id(output) not in (None, old_journal):
                at_journal = False
                start = time.monotonic()  # now wait `delay` more, then kill
            if not at_journal and time.monotonic() - start >= delay:
                break
            assert time.monotonic() - start < BOUND_S
            code = reap(pid, block=False)
            time.sleep(0.001)
        if code is None:
            os.kill(pid, signal.SIGKILL)
            code = reap(pid, block=True)
            killed_mid_write += (output / JOURNAL).exists()
        else:
            completed.append(code)
            log = (tmp_path / f"build-{round_}.log").read_text()
            assert code in (0, 1), log  # never "not generated by seo-pipeline"
    print(
        f"20 builds: {20 - len(completed)} killed ({killed_mid_write} while "
        f"writing), {len(completed)} finished; {len(workers)} check workers seen"
    )
    assert wait_gone(workers) == [], "check workers outlived their killed build"
    assert killed_mid_write >= 1, "no kill landed while pages were being written"

    repair = run_cli(project, "build", "-q")
    clean_project = make_project(tmp_path / "clean", range(0))
    shutil.rmtree(clean_project / "content")
    shutil.copytree(project / "content", clean_project / "content")
    clean = run_cli(clean_project, "build", "-q")
    assert clean.returncode in (0, 1), clean.stderr
    assert repair.returncode == clean.returncode, repair.stderr
    assert leftovers(output) == []
    repaired, expected = snapshot(output), snapshot(clean_project / "output")
    assert sorted(repaired) == sorted(expected)  # no stray page, none missing
    assert repaired == expected
    for i in set(range(next_note)) - present:
        assert not (output / f"field-note-{i}-on-running-in-the-cold").exists()


# --- SIGTERM and SIGINT -------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built once (100 pages: enough for the parallel check)."""
    project = make_project(tmp_path_factory.mktemp("signals") / "project")
    assert run_cli(project, "build", "-q").returncode in (0, 1)
    return project


@contextlib.contextmanager
def copy_of(project: Path, tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "copy"
    shutil.copytree(project, target)
    yield target


@pytest.mark.parametrize(
    ("command", "signum", "group"),
    [
        ("check", signal.SIGTERM, False),
        ("check", signal.SIGINT, True),  # Ctrl-C: the whole process group
        ("build", signal.SIGINT, False),
        ("build", signal.SIGTERM, True),
    ],
    ids=["check-TERM", "check-INT-group", "build-INT", "build-TERM-group"],
)
def test_signal_while_workers_run(
    built: Path,
    tmp_path: Path,
    strays: dict[int, int],
    command: str,
    signum: int,
    group: bool,
) -> None:
    with copy_of(built, tmp_path) as project:
        before = snapshot(project / "output")
        args = ["check", "output", "-o", "report.json"] if command == "check" else []
        args = args or ["build", "-q"]
        proc = subprocess.Popen(
            [*CLI, *args],
            cwd=project,
            env=cli_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=group,
        )
        track(strays, proc.pid)
        workers: dict[int, int] = {}
        deadline = time.monotonic() + BOUND_S
        while not workers and proc.poll() is None:
            workers = children(proc.pid)
            strays.update(workers)
            assert time.monotonic() < deadline
            time.sleep(0.002)
        assert workers, f"{command} ended before its workers were seen"
        if group:
            os.killpg(proc.pid, signum)
        else:
            os.kill(proc.pid, signum)
        # Workers holding our pipes would keep this waiting: bounded, it fails.
        _, stderr = proc.communicate(timeout=BOUND_S)
        assert proc.returncode == 128 + signum, stderr
        assert "Traceback" not in stderr
        assert wait_gone(workers) == []
        assert children(proc.pid) == {}
        assert leftovers(project) == []
        assert not (project / "report.json").exists()
        assert snapshot(project / "output") == before  # stopped before writing


# --- the worker pool on its own ---------------------------------------------------

POOL_DRIVER = """
import sys, time
from pipeline.checks.pool import map_in_workers
from pipeline.interrupt import Interrupted, graceful_signals

def nap(x):
    time.sleep(3600)  # a page that never finishes
    return x

try:
    with graceful_signals():
        map_in_workers(nap, list(range(8)), jobs=2)
except Interrupted as exc:
    sys.exit(exc.exit_code)
"""


@pytest.mark.parametrize(
    "signum", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"]
)
def test_stuck_workers_end_with_their_parent(
    strays: dict[int, int], signum: int
) -> None:
    """SIGTERM: the pool is terminated, not waited for; SIGKILL: the workers
    die with the parent and never held its pipes."""
    proc = subprocess.Popen(
        [*CLI[:1], "-c", POOL_DRIVER],
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    track(strays, proc.pid)
    workers: dict[int, int] = {}
    deadline = time.monotonic() + BOUND_S
    while len(workers) < 2 and proc.poll() is None:
        workers = children(proc.pid)
        strays.update(workers)
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(proc.pid, signum)
    _, stderr = proc.communicate(timeout=BOUND_S)  # EOF: nobody holds the pipes
    assert proc.returncode == (143 if signum == signal.SIGTERM else -9), stderr
    assert "Traceback" not in stderr
    assert wait_gone(workers) == []


# --- two builds at once ---------------------------------------------------------


def test_concurrent_builds_never_mix(tmp_path: Path, strays: dict[int, int]) -> None:
    site = tmp_path / "site"
    first = make_project(tmp_path / "a")
    second = make_project(tmp_path / "b", range(40, 110))
    (second / "content" / "herpes-back-pain.md").unlink()
    expected, codes = [], []
    for project in (first, second):  # each alone: its output and exit code
        log = project / "build.log"
        code = reap(fork_build(project, log, "-q", "--output-dir", str(site)), True)
        assert code in (0, 1), log.read_text()
        expected.append(snapshot(site))
        codes.append(code)
        shutil.rmtree(site)
    assert expected[0] != expected[1]
    procs = [
        subprocess.Popen(
            [*CLI, "build", "-q", "--output-dir", str(site)],
            cwd=project,
            env=cli_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for project in (first, second)
    ]
    track(strays, *(proc.pid for proc in procs))
    for proc, code in zip(procs, codes, strict=True):
        _, stderr = proc.communicate(timeout=BOUND_S * 2)
        assert proc.returncode == code, stderr  # the second waited, then built
    assert snapshot(site) in expected
    assert leftovers(site) == []


def test_build_refuses_a_held_lock(built: Path, tmp_path: Path) -> None:
    with copy_of(built, tmp_path) as project:
        (project / "content" / "note-000.md").write_text(note(0, 1))
        output = project / "output"
        before = snapshot(output)
        fd = os.open(output / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            done = run_cli(
                project, "build", "-q", env={"SEO_PIPELINE_LOCK_TIMEOUT": "0"}
            )
        finally:
            os.close(fd)
        assert done.returncode == 2
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr
        assert str(output) in lines[0] and f"PID {os.getpid()}" in lines[0]
        assert snapshot(output) == before
        assert reap(fork_build(project, tmp_path / "log", "-q"), True) == 1
        assert "Revised in round 1" in (
            output / "field-note-0-on-running-in-the-cold" / "index.html"
        ).read_text("utf-8")
