"""Build, rebuild and check throughput against Pelican and Hugo, on the same articles.

    bash benchmarks/setup.sh                          # once: Pelican venv, hugo, time
    python benchmarks/bench_build.py                  # N=2,000, 3 interleaved rounds
    python benchmarks/bench_build.py --pages 200 --rounds 1      # quick, while developing
    python benchmarks/bench_build.py --pages 20000 --only ours --rounds 1   # scale

N realistic articles (benchmarks/articles.py: ~1,030 words, headings, a
table, lists, inline markup, an FAQ; fixed seed) are written in each tool's
format to a temporary folder. Every tool runs as a subprocess, the way a user
runs it, one measurement after the other, interleaved over the rounds
(A B C … A B C …) so that a load change on the machine hits every tool alike:

    cold       python -m pipeline build        (fresh output folder: every check, the HTML report)
    rebuild    python -m pipeline build        (again, same output folder, nothing changed)
    check      python -m pipeline check output (the pages just built)
    no-check   python -m pipeline build --no-check  (fresh output folder)
    pelican    pelican content -o out -s pelicanconf.py  (its own venv, minimal theme)
    hugo       hugo -s . -d out                (Debian hugo, minimal layouts)

then the start-up times (best and median of --startup-runs): `python -m
pipeline --version`, the `seo-pipeline` console script, `check` of one built
page, and the peers' `--version`.

For each run it records the wall time, the CPU time (user + system, children
included, from wait4), the peak RSS of the largest process (GNU time's %M)
and the peak memory of the whole process tree (the sum of the proportional set
sizes of the tool and its workers, sampled from /proc every --sample-interval
seconds; the sampler costs a few ms per sample). It prints a table (best and median over the rounds,
pages/s, ratios to Pelican and Hugo, the issue's targets) and with --json FILE
writes every sample and the machine description.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from articles import SEED, generate, write  # noqa: E402

VENV = ROOT / ".cache" / "bench-venv"
PELICAN = VENV / "bin" / "pelican"
GNU_TIME = Path("/usr/bin/time")  # Debian package `time`
MIB = 1024 * 1024
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

OURS = ("cold", "rebuild", "check", "no-check")
PEERS = ("pelican", "hugo")
ALL = (*OURS, *PEERS, "startup")
LABELS = {
    "cold": "ours: build, cold (checks + report)",
    "rebuild": "ours: no-change rebuild",
    "check": "ours: check output/",
    "no-check": "ours: build --no-check",
    "pelican": "Pelican: build",
    "hugo": "Hugo: build",
}
# The targets (2 cores, N = 2,000): pages/s at least, or seconds at most.
TARGETS = {
    "cold": ("pages/s", 600.0),
    "check": ("pages/s", 1000.0),
    "rebuild": ("seconds", 1.0),
    "python -m pipeline --version": ("seconds", 0.15),
    "seo-pipeline --version": ("seconds", 0.15),
    "seo-pipeline check one page": ("seconds", 0.3),
}

PELICAN_CONF = """\
SITENAME = "Bench"
SITEURL = "https://bench.example"
PATH = "content"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""
PELICAN_ARTICLE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ article.title|striptags }}</title>
<meta name="description" content="{{ article.summary|striptags }}"></head>
<body><main><article><h1>{{ article.title }}</h1>
{{ article.content }}
</article></main></body></html>
"""
PELICAN_INDEX = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ SITENAME }}</title></head>
<body><main><h1>{{ SITENAME }}</h1><ul>
{% for article in articles %}<li><a href="{{ SITEURL }}/{{ article.url }}">{{ article.title }}</a></li>
{% endfor %}</ul></main></body></html>
"""
HUGO_CONF = """\
baseURL = "https://bench.example/"
title = "Bench"
languageCode = "en"
disableKinds = ["taxonomy", "term"]
[permalinks]
  page = "/:slug/"
"""
HUGO_SINGLE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="description" content="{{ .Description }}"></head>
<body><main><article><h1>{{ .Title }}</h1>
{{ .Content }}
{{ with .Params.faq }}<section class="faq"><h2>Frequently Asked Questions</h2>
{{ range . }}<h3>{{ .question }}</h3>
{{ .answer | markdownify }}
{{ end }}</section>{{ end }}
</article></main></body></html>
"""
HUGO_LIST = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></main></body></html>
"""
OUR_CONFIG = """\
[tool.seo-pipeline]
site-name = "Bench"
base-url = "https://bench.example"
content-dir = "content"
output-dir = "output"
"""


# --- running one command ----------------------------------------------------


@dataclass
class Sample:
    name: str
    round: int
    seconds: float
    cpu_seconds: float
    max_rss_mib: float  # the largest single process (GNU time %M, else ru_maxrss)
    tree_rss_mib: float  # the process tree: sum of PSS, sampled from /proc
    returncode: int
    pages: int = 0  # pages found in the output afterwards (build runs)


def _memory(pid: int) -> int:
    """Proportional set size of `pid` in bytes (its RSS, shared pages divided
    among the processes sharing them), or its RSS where smaps_rollup is missing.
    Summing RSS over forked workers would count their copy-on-write pages once
    per worker: 6.5 GB instead of 3.0 GB for a main process and two workers."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE_SIZE
    except OSError:
        return 0


def _tree_rss(root: int) -> int:
    """Memory of `root` and all its descendants, now (see `_memory`)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split(None, 2)[1])
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _memory(pid)
        stack.extend(children.get(pid, ()))
    return total


def run(
    name: str,
    cmd: Sequence[str | Path],
    cwd: Path,
    log: Path,
    round_: int = 0,
    env: dict[str, str] | None = None,
    interval: float = 0.1,
) -> Sample:
    """Run `cmd` to completion; time it and measure its memory.

    The largest process's peak RSS comes from GNU time's %M when
    /usr/bin/time exists: `ru_maxrss` of a child forked from this process
    would count this process's RSS at the fork (up to 300 MiB with 20,000
    articles in memory) as the child's, before its exec.
    """
    argv = [str(c) for c in cmd]
    rss_file = log.with_suffix(".maxrss")
    if GNU_TIME.exists():
        argv = [str(GNU_TIME), "-f", "%M", "-o", str(rss_file), *argv]
    with log.open("wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so an interrupt can stop the whole tree
        )
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(interval):
                peak = max(peak, _tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        if interval > 0:
            sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException as exc:  # interrupted: stop the tool too, then report
            done.set()
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            if isinstance(exc, KeyboardInterrupt):
                # What was seen so far: the time, and a lower bound of the peak.
                raise Interrupted(
                    Sample(
                        name=name,
                        round=round_,
                        seconds=time.perf_counter() - started,
                        cpu_seconds=0.0,
                        max_rss_mib=0.0,
                        tree_rss_mib=peak / MIB,
                        returncode=INTERRUPTED,
                    )
                ) from exc
            raise
        seconds = time.perf_counter() - started
        done.set()
        if interval > 0:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    max_rss = usage.ru_maxrss * 1024  # KiB on Linux
    if GNU_TIME.exists():
        with contextlib.suppress(OSError, ValueError, IndexError):
            max_rss = int(rss_file.read_text().split()[-1]) * 1024
    return Sample(
        name=name,
        round=round_,
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        max_rss_mib=max_rss / MIB,
        tree_rss_mib=max(peak, max_rss) / MIB,
        returncode=proc.returncode,
    )


INTERRUPTED = -999  # the returncode of a run stopped by Ctrl-C or SIGTERM


class Interrupted(KeyboardInterrupt):
    """A run was interrupted; `sample` holds what was measured until then."""

    def __init__(self, sample: Sample):
        super().__init__(sample.name)
        self.sample = sample


def count_pages(folder: Path) -> int:
    """Article pages in a built site: `<slug>/index.html`, one level down."""
    return sum(
        1 for p in folder.glob("*/index.html") if not p.parent.name.startswith("_")
    )


# --- the projects -----------------------------------------------------------


@dataclass
class Projects:
    ours: Path
    pelican: Path
    hugo: Path


def prepare(work: Path, pages: int, seed: int, peers: bool) -> Projects:
    """Generate the articles and lay out one project per tool."""
    started = time.perf_counter()
    articles = list(generate(pages, seed))
    words = [a.words for a in articles]
    projects = Projects(work / "ours", work / "pelican", work / "hugo")
    projects.ours.mkdir(parents=True)
    (projects.ours / "pyproject.toml").write_text(OUR_CONFIG)
    write(articles, projects.ours / "content", "ours")
    if peers:
        theme = projects.pelican / "theme" / "templates"
        theme.mkdir(parents=True)
        (projects.pelican / "pelicanconf.py").write_text(PELICAN_CONF)
        (theme / "article.html").write_text(PELICAN_ARTICLE)
        (theme / "index.html").write_text(PELICAN_INDEX)
        write(articles, projects.pelican / "content", "pelican")
        layouts = projects.hugo / "layouts" / "_default"
        layouts.mkdir(parents=True)
        (projects.hugo / "hugo.toml").write_text(HUGO_CONF)
        (layouts / "single.html").write_text(HUGO_SINGLE)
        (layouts / "list.html").write_text(HUGO_LIST)
        write(articles, projects.hugo / "content", "hugo")
    print(
        f"generated {pages} articles (seed {seed}): {min(words)}–{max(words)} words, "
        f"mean {sum(words) / len(words):.0f}, in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return projects


# --- the machine ------------------------------------------------------------


def _out(cmd: Sequence[str | Path]) -> str:
    try:
        return subprocess.run(
            [str(c) for c in cmd],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    lscpu = {
        k.strip(): v.strip()
        for k, _, v in (line.partition(":") for line in _out(["lscpu"]).splitlines())
    }
    meminfo = {}
    with open("/proc/meminfo") as f:
        for line in f:
            key, _, value = line.partition(":")
            meminfo[key] = int(value.split()[0]) // 1024  # MiB
    pelican = _out([PELICAN, "--version"]) if PELICAN.exists() else ""
    return {
        "nproc": os.cpu_count(),
        "cpu": lscpu.get("Model name", platform.processor()),
        "hypervisor": lscpu.get("Hypervisor vendor", ""),
        "mem_total_mib": meminfo.get("MemTotal"),
        "mem_available_mib": meminfo.get("MemAvailable"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "pelican": pelican,
        "hugo": _out(["hugo", "version"]) if shutil.which("hugo") else "",
        "git": _out(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]),
        "git_dirty": bool(
            _out(["git", "-C", ROOT, "status", "--porcelain", "pipeline"])
        ),
        "loadavg_start": os.getloadavg(),
    }


# --- the report -------------------------------------------------------------


@dataclass
class Summary:
    name: str
    best: float
    median: float
    cpu_median: float
    max_rss_mib: float
    tree_rss_mib: float
    runs: int
    failed: int
    pages: list[int] = field(default_factory=list)


def summarise(samples: list[Sample]) -> dict[str, Summary]:
    out: dict[str, Summary] = {}
    for name in dict.fromkeys(s.name for s in samples):
        mine = [s for s in samples if s.name == name and s.returncode != INTERRUPTED]
        if not mine:
            continue
        good = [s for s in mine if s.returncode == 0] or mine
        out[name] = Summary(
            name=name,
            best=min(s.seconds for s in good),
            median=statistics.median(s.seconds for s in good),
            cpu_median=statistics.median(s.cpu_seconds for s in good),
            max_rss_mib=max(s.max_rss_mib for s in good),
            tree_rss_mib=max(s.tree_rss_mib for s in good),
            runs=len(mine),
            failed=sum(1 for s in mine if s.returncode != 0),
            pages=sorted({s.pages for s in mine if s.pages}),
        )
    return out


def _ratio(a: float, b: float | None) -> str:
    return f"{a / b:5.2f}x" if b else "    -"


def _verdict(name: str, value: float) -> str:
    if name not in TARGETS:
        return ""
    unit, target = TARGETS[name]
    ok = value >= target if unit == "pages/s" else value <= target
    sign = ">=" if unit == "pages/s" else "<="
    return f"{'met' if ok else 'MISSED'} ({sign} {target:g} {'s' if unit == 'seconds' else unit})"


def report(pages: int, builds: dict[str, Summary], startup: dict[str, Summary]) -> str:
    lines = []
    pel, hug = builds.get("pelican"), builds.get("hugo")
    header = (
        f"{'N = ' + format(pages, ','):<38}{'best s':>8}{'median s':>9}"
        f"{'pages/s':>9}{'(median)':>9}{'CPU s':>8}{'p/CPU-s':>8}{'max proc':>9}{'tree':>7}"
        f"{'xPelican':>9}{'xHugo':>7}  target (best)"
    )
    lines += [header, "-" * len(header)]
    for name, s in builds.items():
        speed, speed_median = pages / s.best, pages / s.median
        # Ratios are of speed (pages/s), best against best: > 1 is faster than the peer.
        vs_pel = _ratio(pel.best, s.best) if pel and name != "pelican" else "    -"
        vs_hug = _ratio(hug.best, s.best) if hug and name != "hugo" else "    -"
        target = _verdict(name, s.best if name == "rebuild" else speed)
        flag = f"  [{s.failed}/{s.runs} runs FAILED]" if s.failed else ""
        if s.pages and s.pages != [pages] and name != "check":
            flag += f"  [pages found: {s.pages}]"
        lines.append(
            f"{LABELS.get(name, name):<38}{s.best:8.2f}{s.median:9.2f}{speed:9.0f}"
            f"{speed_median:9.0f}{s.cpu_median:8.1f}{pages / s.cpu_median:8.0f}"
            f"{s.max_rss_mib:7.0f}Mi"
            f"{s.tree_rss_mib:5.0f}Mi{vs_pel:>9}{vs_hug:>7}  {target}{flag}"
        )
    if pel or hug:
        lines.append("")
        for peer in (pel, hug):
            if peer is None:
                continue
            mem = [
                f"{n} {builds[n].max_rss_mib / peer.max_rss_mib:.1f}x"
                for n in OURS
                if n in builds
            ]
            lines.append(
                f"peak memory (max proc) vs {peer.name.capitalize()} "
                f"({peer.max_rss_mib:.0f} MiB): " + ", ".join(mem)
            )
    if startup:
        lines += [
            "",
            f"{'start-up':<38}{'best s':>8}{'median s':>9}{'max proc':>9}  target",
        ]
        for name, s in startup.items():
            lines.append(
                f"{name:<38}{s.best:8.3f}{s.median:9.3f}{s.max_rss_mib:7.0f}Mi"
                f"  {_verdict(name, s.best)}"
            )
    return "\n".join(lines)


# --- main -------------------------------------------------------------------


def _selection(only: str | None, skip_peers: bool) -> list[str]:
    if not only:
        chosen = list(ALL)
    else:
        chosen = []
        for token in only.split(","):
            token = token.strip()
            expanded = {"ours": OURS, "peers": PEERS}.get(token, (token,))
            for name in expanded:
                if name not in ALL:
                    raise SystemExit(
                        f"--only: unknown measurement {name!r} (one of {ALL})"
                    )
                chosen.append(name)
    if skip_peers:
        chosen = [c for c in chosen if c not in PEERS]
    if "rebuild" in chosen and "cold" not in chosen:
        chosen.insert(chosen.index("rebuild"), "cold")  # a rebuild needs a cold build
    if "check" in chosen and "cold" not in chosen:
        chosen.insert(chosen.index("check"), "cold")  # check reads the cold build
    return [c for c in ALL if c in chosen]  # the fixed order


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[2:7]),
    )
    parser.add_argument(
        "--pages", type=int, default=2000, help="articles (default 2,000)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="interleaved rounds (default 3)"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--skip-peers", action="store_true", help="no Pelican, no Hugo")
    parser.add_argument(
        "--only",
        help="comma-separated: cold, rebuild, check, no-check, pelican, hugo, startup, "
        "or the groups ours and peers (default: all)",
    )
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument(
        "--sample-interval", type=float, default=0.25, help="seconds; 0: off"
    )
    parser.add_argument("--json", type=Path, help="write every sample to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--workdir", type=Path, help="parent of the work folder (default: /tmp)"
    )
    parser.add_argument(
        "--source",
        type=Path,
        default=ROOT,
        help="the seo-pipeline source to measure: a folder holding pipeline/ (and "
        "templates/), put first on PYTHONPATH (default: this working tree; see "
        "benchmarks/README.md for measuring a commit with git archive)",
    )
    args = parser.parse_args(argv)

    chosen = _selection(args.only, args.skip_peers)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    peers = [p for p in PEERS if p in chosen]
    if "pelican" in peers and not PELICAN.exists():
        raise SystemExit(
            f"{PELICAN} not found: run `bash benchmarks/setup.sh` or --skip-peers"
        )
    if "hugo" in peers and not shutil.which("hugo"):
        raise SystemExit(
            "hugo not found: run `bash benchmarks/setup.sh` or --skip-peers"
        )

    info = machine()
    info["source"] = str(args.source.resolve())
    print(
        f"machine: {info['nproc']} CPUs ({info['cpu']}, {info['hypervisor'] or 'bare'}), "
        f"{info['mem_total_mib']} MiB RAM ({info['mem_available_mib']} available), "
        f"Python {info['python']}, load {info['loadavg_start'][0]:.2f}",
        flush=True,
    )
    if args.source.resolve() == ROOT:
        dirty = " + uncommitted changes in pipeline/" if info["git_dirty"] else ""
        print(f"seo-pipeline: this working tree, at {info['git']}{dirty}")
    else:
        print(f"seo-pipeline: {info['source']}")
    for peer in peers:
        print(f"{peer}: {info[peer]}")

    python = sys.executable
    source = args.source.resolve()
    if not (source / "pipeline" / "__main__.py").exists():
        raise SystemExit(f"--source {source}: no pipeline/__main__.py there")
    env = {**os.environ, "PYTHONPATH": str(source)}
    env.pop("GITHUB_STEP_SUMMARY", None)
    work = Path(tempfile.mkdtemp(prefix="bench-build-", dir=args.workdir))
    logs = work / "logs"
    logs.mkdir()
    samples: list[Sample] = []
    startup_samples: list[Sample] = []
    interrupted = False
    try:
        projects = prepare(work, args.pages, args.seed, bool(peers))
        ours, pel, hug = projects.ours, projects.pelican, projects.hugo
        module = [python, "-m", "pipeline"]
        quiet_build = [*module, "build", "-q", "--fail-on", "never"]
        steps: dict[str, tuple[Path, list[str | Path], Path | None, Path | None]] = {
            # name: (cwd, command, folder emptied first, folder counted after)
            "cold": (ours, quiet_build, ours / "output", ours / "output"),
            "rebuild": (ours, quiet_build, None, ours / "output"),
            "check": (
                ours,
                [*module, "check", "output", "--fail-on", "never"],
                None,
                None,
            ),
            "no-check": (
                ours,
                [*quiet_build, "--no-check", "--output-dir", "output-no-check"],
                ours / "output-no-check",
                ours / "output-no-check",
            ),
            "pelican": (
                pel,
                [PELICAN, "content", "-o", "out", "-s", "pelicanconf.py", "-q"],
                pel / "out",
                pel / "out",
            ),
            "hugo": (
                hug,
                ["hugo", "--quiet", "-s", ".", "-d", "out"],
                hug / "out",
                hug / "out",
            ),
        }

        def save() -> None:
            if args.json:
                write_json(args, info, samples, startup_samples, interrupted)

        try:
            for round_ in range(1, args.rounds + 1):
                for name in [c for c in chosen if c in steps]:
                    cwd, cmd, fresh, built = steps[name]
                    if fresh is not None:
                        shutil.rmtree(fresh, ignore_errors=True)
                    log = logs / f"{name}-{round_}.log"
                    sample = run(name, cmd, cwd, log, round_, env, args.sample_interval)
                    if built is not None:
                        sample.pages = count_pages(built)
                    samples.append(sample)
                    print_sample(sample, args.pages, log)
                    save()
                if round_ == 1 and "startup" in chosen:
                    # After round 1 (it needs a built page), so an interrupted
                    # run still has it.
                    startup_samples = measure_startup(
                        work, ours, python, env, args.startup_runs, peers, logs
                    )
                    save()
        except KeyboardInterrupt as exc:
            interrupted = True
            if isinstance(exc, Interrupted):
                part = exc.sample
                print(
                    f"\ninterrupted: {part.name} (round {part.round}) stopped after "
                    f"{part.seconds:.1f} s; its memory so far (a lower bound of its "
                    f"peak): tree {part.tree_rss_mib:.0f} MiB"
                )
                (startup_samples if part.name not in steps else samples).append(part)
                save()
            print("the figures below are the runs completed")
    finally:
        info["loadavg_end"] = os.getloadavg()
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    builds = summarise(samples)
    startup = summarise(startup_samples)
    print()
    print(report(args.pages, builds, startup))
    print(
        f"\nload average: {info['loadavg_start'][0]:.2f} at the start, "
        f"{info['loadavg_end'][0]:.2f} at the end (1 min; {info['nproc']} CPUs)"
    )
    if args.json:
        write_json(args, info, samples, startup_samples, interrupted)
        print(f"wrote {args.json}")
    return 1 if any(s.returncode != 0 for s in samples + startup_samples) else 0


def print_sample(sample: Sample, pages: int, log: Path) -> None:
    """One progress line; the log's tail if the run failed."""
    status = "" if sample.returncode == 0 else f"  EXIT {sample.returncode}"
    print(
        f"round {sample.round} {sample.name:<9} {sample.seconds:8.2f} s  "
        f"{pages / sample.seconds:7.0f} pages/s  CPU {sample.cpu_seconds:7.1f} s  "
        f"max {sample.max_rss_mib:6.0f} MiB  tree {sample.tree_rss_mib:6.0f} MiB{status}",
        flush=True,
    )
    if sample.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-15:]
        print("    " + "\n    ".join(tail), flush=True)


def write_json(
    args: argparse.Namespace,
    info: dict[str, object],
    samples: list[Sample],
    startup_samples: list[Sample],
    interrupted: bool,
) -> None:
    """Every sample, the summaries and the machine, as JSON (rewritten as runs end)."""
    summary = {**summarise(samples), **summarise(startup_samples)}
    data = {
        "pages": args.pages,
        "rounds": args.rounds,
        "seed": args.seed,
        "interrupted": interrupted,
        "machine": {**info, "loadavg_now": os.getloadavg()},
        "samples": [asdict(s) for s in samples],
        "startup_samples": [asdict(s) for s in startup_samples],
        "summary": {k: asdict(v) for k, v in summary.items()},
        "targets": TARGETS,
    }
    args.json.write_text(json.dumps(data, indent=2) + "\n")


def measure_startup(
    work: Path,
    ours: Path,
    python: str,
    env: dict[str, str],
    runs: int,
    peers: list[str],
    logs: Path,
) -> list[Sample]:
    """Start-up commands, interleaved, `runs` times each."""
    script = Path(python).parent / "seo-pipeline"
    if not script.exists():
        script = Path(shutil.which("seo-pipeline") or "seo-pipeline")
    pages = sorted((ours / "output").glob("*/index.html")) or sorted(
        (ours / "output-no-check").glob("*/index.html")
    )
    one = work / "one"
    one.mkdir()
    commands: dict[str, list[str | Path]] = {
        "python -c pass (floor)": [python, "-c", "pass"],
        "python -m pipeline --version": [python, "-m", "pipeline", "--version"],
        "seo-pipeline --version": [script, "--version"],
    }
    if pages:
        shutil.copy(pages[0], one / "page.html")
        commands["seo-pipeline check one page"] = [
            script,
            "check",
            one / "page.html",
            "--fail-on",
            "never",
        ]
    if "pelican" in peers:
        commands["pelican --version"] = [PELICAN, "--version"]
    if "hugo" in peers:
        commands["hugo version"] = ["hugo", "version"]
    out: list[Sample] = []
    for round_ in range(1, runs + 1):
        for name, cmd in commands.items():
            log = logs / f"startup-{round_}.log"
            # cwd `one`: no config file there, so nothing but the command is timed.
            out.append(run(name, cmd, one, log, round_, env, interval=0))
    return out


if __name__ == "__main__":
    sys.exit(main())
