"""What the bench_*.py scripts share: the demo tenant over loopback, clients, figures.

Not a benchmark itself (the leading underscore keeps it out of pytest and out of sight);
the scripts import it as ``_support`` because Python puts their own folder on ``sys.path``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx

from screenpop.app.demo_launcher import start_demo_server
from screenpop.superoffice.auth import make_auth
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.client import SuperOfficeClient, make_http_client
from screenpop.superoffice.tenant import Tenant
from screenpop.sync import caller_ids as sync_module
from screenpop.sync.caller_ids import sync_caller_ids
from screenpop.sync.result import SyncResult

USER = "demo"
PASSWORD = "demo"
REGION = "NO"
SEED = 1
# The demo tenant gives about 1.61 caller IDs per person (persons, companies, switchboards).
PERSONS_100K = 62_000
PERSONS_1M = 620_000
# A million-row sync or a first build of a big answer takes minutes, not the default 30 s.
LONG_TIMEOUT = httpx.Timeout(900.0, connect=10.0)


def persons_for(caller_ids: int) -> int:
    return max(1, round(caller_ids * PERSONS_100K / 100_000))


# -- the demo tenant -----------------------------------------------------------------------


def stop_process(child: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """Terminate and reap a child we started; kill it if it ignores SIGTERM."""
    if child.poll() is None:
        child.terminate()
    try:
        child.wait(15)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


@contextlib.contextmanager
def demo_tenant(persons: int, seed: int = SEED) -> Iterator[str]:
    """A demo tenant in a child process on 127.0.0.1; yields its tenant URL."""
    child, url = start_demo_server(["--persons", str(persons), "--seed", str(seed)])
    try:
        yield url
    finally:
        stop_process(child)


def make_client(http: httpx.AsyncClient, url: str) -> SuperOfficeClient:
    return SuperOfficeClient(http, Tenant.parse(url), make_auth(AuthKind.BASIC, USER, PASSWORD))


def configure_profile(
    profile: Path, url: str, env: dict[str, str], program: Sequence[str] | None = None
) -> None:
    """``screenpop configure`` a profile for the demo tenant at ``url`` (Basic, region NO)."""
    command = [*(program or [sys.executable, "-m", "screenpop"]), "configure"]
    command += ["--profile", str(profile), "--tenant", url, "--auth", "basic"]
    command += ["--user", USER, "--region", REGION]
    subprocess.run(command, check=True, env=env, capture_output=True)


def caller_ids_endpoint(url: str) -> str:
    return f"{Tenant.parse(url).api_base}/Agents/Pocket/GetMyCallerIDs"


async def warm(url: str) -> None:
    """Have the tenant build its answer once: its one-time build is the server's, not ours."""
    async with make_http_client(LONG_TIMEOUT) as http:
        await make_client(http, url).get_my_caller_ids()


# -- a desktop --------------------------------------------------------------------------------


@contextlib.contextmanager
def x_server(*, tray: bool = False) -> Iterator[str]:
    """A private Xvfb (1280x800), with trayer as a real XEmbed tray when ``tray``; yields its
    display name and sets it (with the xcb platform) for this process and its children."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        stop_process(server)
        raise RuntimeError("Xvfb did not start")
    display = f":{number}"
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.pop("WAYLAND_DISPLAY", None)
    panel = None
    if tray:
        if shutil.which("trayer") is None:
            stop_process(server)
            raise RuntimeError("trayer is not installed (packaging/linux/bootstrap.sh --tests)")
        panel = subprocess.Popen(
            ["trayer", "--edge", "bottom", "--align", "right", "--widthtype", "request",
             "--height", "28", "--SetDockType", "true"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    try:
        yield display
    finally:
        if panel is not None:
            stop_process(panel)
        stop_process(server)


def installed_env(**extra: str) -> dict[str, str]:
    """This environment as an installed app's processes see it: bytecode written and used
    (a venv install and the frozen build both ship it compiled), no keyring prompts."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_package() -> None:
    """The package's bytecode, as `pip install` leaves it (an editable checkout run with
    PYTHONDONTWRITEBYTECODE would compile every module on every start)."""
    import compileall

    import screenpop

    compileall.compile_dir(Path(screenpop.__file__).parent, quiet=1)


# -- building caches -----------------------------------------------------------------------


async def sync_once(url: str, cache_path: Path) -> SyncResult:
    async with make_http_client(LONG_TIMEOUT) as http:
        return await sync_caller_ids(make_client(http, url), cache_path, REGION)


async def index_search(cache_path: Path) -> float | None:
    """Seconds to bring the Find dialog's index up to date after a sync, as the app does;
    None while the sync has no such separate step."""
    update = getattr(sync_module, "update_search_index", None)
    if update is None:
        return None
    started = time.perf_counter()
    await update(cache_path)
    return time.perf_counter() - started


def build_cache(persons: int, cache_path: Path, *, quiet: bool = False) -> tuple[str, SyncResult]:
    """A cache filled by a real sync from a demo tenant that is stopped afterwards.

    Returns the tenant URL it was built with (dead once this returns) and the sync's result.
    """
    if not quiet:
        print(f"building a cache from a demo tenant with {persons:,} persons …", flush=True)
    started = time.perf_counter()
    with demo_tenant(persons) as url:
        asyncio.run(warm(url))
        result = asyncio.run(sync_once(url, cache_path))
    indexing = asyncio.run(index_search(cache_path))
    if not quiet:
        index = "" if indexing is None else f", then the search index {indexing:.1f} s"
        print(
            f"  {result.total:,} caller IDs in {time.perf_counter() - started:.1f} s "
            f"(the sync itself {result.seconds:.1f} s{index})",
            flush=True,
        )
    return url, result


def _sidecar(cache_path: Path) -> Path:
    return cache_path.with_name(cache_path.name + ".bench.json")


def reuse_or_build(persons: int, cache_path: Path) -> tuple[str, int]:
    """``--cache-file``: use the cache built there before, else build it there and keep it.

    A JSON file beside the cache remembers its tenant URL and size, so this does not depend
    on the cache's own meta keys (the schema is still moving).
    """
    sidecar = _sidecar(cache_path)
    if cache_path.exists() and sidecar.exists():
        known = json.loads(sidecar.read_text())
        if known.get("persons") == persons:
            print(f"reusing {cache_path} ({known['entries']:,} caller IDs)", flush=True)
            return str(known["url"]), int(known["entries"])
    url, result = build_cache(persons, cache_path)
    sidecar.write_text(json.dumps({"url": url, "entries": result.total, "persons": persons}))
    return url, result.total


# -- figures -------------------------------------------------------------------------------


def percentile(samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile, q in 0..100."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def peak_rss_mb() -> float | None:
    """This process's peak resident memory so far, in MB (None on Windows)."""
    try:
        import resource
    except ImportError:
        return None
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def print_figures(label: str, samples_s: Sequence[float], width: int = 44) -> tuple[float, float]:
    """One line of figures for ``samples_s`` (seconds): median and p95 in ms; returns them."""
    ms = [x * 1e3 for x in samples_s]
    mid, p95 = median(ms), percentile(ms, 95)
    print(f"  {label:<{width}} median {mid:7.1f} ms   p95 {p95:7.1f} ms   (n={len(ms)})")
    return mid, p95


def verdict(target: str, met: bool) -> str:
    return f"target: {target} — {'met' if met else 'NOT met'}"


def run_child_json(script: str, args: Sequence[str]) -> dict[str, float]:
    """Run ``script`` in a fresh interpreter (its peak memory is its own); it prints one
    JSON object of figures as its last line."""
    command = [sys.executable, script, *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-4000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
