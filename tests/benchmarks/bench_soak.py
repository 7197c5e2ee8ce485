"""The app running for a long time under load, and a burst of calls: does it leak, stall or fail?

Run by hand: ``.venv/bin/python tests/benchmarks/bench_soak.py [--quick] [--minutes N]``
(needs ``Xvfb`` and ``xdotool``).

Set-up: an Xvfb server of its own, a demo tenant (``--persons 2000``) that fails a fifth of its
API answers with 503 (``--fault 503:0.2``, Retry-After), a profile synced from it, and the real
app (``python -m screenpop``) on that X server. This process talks to the app as softphones
and scripts do, over its single-instance socket.

* Soak (``--minutes``, default 30; ``--quick``: 2): a call per second (ringing, then hung up
  half a second later; a different caller each time, from the cache) and a sync every 5 s.
  Every 10 s the app's resident memory and open file descriptors are read from ``/proc``.
  Figures: growth of both from the end of the first minute (warm-up) to the end; pops that
  failed (a ringing call the app did not match and pop, from its log); syncs done and failed.
* Burst: 200 ringing calls with distinct ids in one second. Figures: the toasts on screen
  after it (``xdotool``), the event-loop stall (the longest round trip of a cheap probe
  message sent every 20 ms during and after the burst), and the memory before and after.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import _support as s

from screenpop.core.calls import CallEvent, CallState
from screenpop.store.cache import CallerIdCache
from screenpop.triggers.messages import Message, SyncNow
from screenpop.triggers.single_instance import send, server_name

PERSONS = 2000
GROWTH_TARGET_MB = 10.0
BURST = 200
_CALL_LOGGED = re.compile(r"call ringing from .*: \d+ candidate")


@dataclass
class Samples:
    rss_mb: list[tuple[float, float]] = field(default_factory=list)
    fds: list[tuple[float, int]] = field(default_factory=list)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _fds(pid: int) -> int:
    return sum(1 for _ in Path(f"/proc/{pid}/fd").iterdir())


def _toasts(display: str) -> int:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^Call from "],
        env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return len(found.stdout.split())


class App:
    """The real app in a child process, and a way to hand it messages."""

    def __init__(self, profile: Path) -> None:
        from screenpop.config.profile import Profile

        self.profile = profile
        self.name = server_name(Profile(profile).instance_key)
        env = {**os.environ, "SCREENPOP_SECRET": s.PASSWORD}
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "screenpop", "--profile", str(profile)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not send(self.name, CallEvent("+0", CallState.ENDED, call_id="probe"), 500):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("the app did not start")
            time.sleep(0.1)

    def send(self, message: Message) -> float:
        """Hand over one message; the round trip in seconds (the app reads the next message
        only once it has handled the one before)."""
        started = time.perf_counter()
        if not send(self.name, message, 10_000):
            raise RuntimeError("the app did not answer")
        return time.perf_counter() - started

    def log(self) -> str:
        return (self.profile / "logs" / "screenpop.log").read_text(errors="replace")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _configure_and_sync(profile: Path, url: str) -> None:
    env = {**os.environ, "SCREENPOP_SECRET": s.PASSWORD}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    screenpop = [sys.executable, "-m", "screenpop", "--profile", str(profile)]
    subprocess.run([*screenpop, "configure", "--tenant", url, "--user", s.USER, "--region",
                    s.REGION], check=True, env=env, capture_output=True)  # fmt: skip
    # The tenant fails a fifth of its answers; the client retries, so this sync gets through.
    subprocess.run([*screenpop, "sync"], check=True, env=env, capture_output=True, timeout=120)


def _numbers(profile: Path) -> list[str]:
    with CallerIdCache(profile / "cache.sqlite3") as cache:
        return sorted({e.e164 for e in cache.sample(PERSONS)})


def soak(app: App, numbers: list[str], minutes: float) -> dict[str, float]:
    samples = Samples()
    started = time.monotonic()
    end = started + minutes * 60
    calls = 0
    next_sample = started
    while time.monotonic() < end:
        tick = time.monotonic()
        number = numbers[calls % len(numbers)]
        call_id = f"soak-{calls}"
        app.send(CallEvent(number, CallState.RINGING, call_id=call_id, source="soak"))
        calls += 1
        time.sleep(0.5)
        app.send(CallEvent(number, CallState.ENDED, call_id=call_id, source="soak"))
        if calls % 5 == 0:
            app.send(SyncNow())
        if tick >= next_sample:
            at = tick - started
            samples.rss_mb.append((at, _rss_mb(app.process.pid)))
            samples.fds.append((at, _fds(app.process.pid)))
            next_sample += 10
        time.sleep(max(0.0, tick + 1.0 - time.monotonic()))
    warm = [value for at, value in samples.rss_mb if at >= 60] or [samples.rss_mb[-1][1]]
    warm_fds = [value for at, value in samples.fds if at >= 60] or [samples.fds[-1][1]]
    log = app.log()
    popped = len(_CALL_LOGGED.findall(log))
    return {
        "calls": calls,
        "failed_pops": calls - popped,
        "errors": log.count(" ERROR ") + log.count(" CRITICAL "),
        "syncs": log.count("sync done: "),
        "syncs_failed": log.count("sync failed: "),
        "sync_retries": log.count("retry "),
        "rss_start": warm[0],
        "rss_end": samples.rss_mb[-1][1],
        "rss_max": max(v for _, v in samples.rss_mb),
        "fds_start": warm_fds[0],
        "fds_end": samples.fds[-1][1],
    }


def burst(app: App, numbers: list[str], display: str) -> dict[str, float]:
    rss_before = _rss_mb(app.process.pid)
    stalls: list[float] = []
    done = threading.Event()

    def probe() -> None:
        # Its own connection per message, as a second process would; a call never seen ending
        # is ignored by the app, so the probe costs it nothing but the read.
        while not done.is_set():
            stalls.append(app.send(CallEvent("+0", CallState.ENDED, call_id="probe")))
            time.sleep(0.02)

    prober = threading.Thread(target=probe)
    prober.start()
    started = time.perf_counter()
    for n in range(BURST):
        number = numbers[n % len(numbers)]
        app.send(CallEvent(number, CallState.RINGING, call_id=f"burst-{n}", source="burst"))
        time.sleep(max(0.0, started + (n + 1) / BURST - time.perf_counter()))
    sent_in = time.perf_counter() - started
    time.sleep(1.0)
    done.set()
    prober.join()
    return {
        "sent_in_s": sent_in,
        "toasts": _toasts(display),
        "stall_max_ms": max(stalls) * 1000,
        "stall_p95_ms": s.percentile(stalls, 95) * 1000,
        "rss_before": rss_before,
        "rss_after": _rss_mb(app.process.pid),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 2-minute soak")
    parser.add_argument("--minutes", type=float, default=None)
    args = parser.parse_args()
    minutes = args.minutes if args.minutes is not None else (2.0 if args.quick else 30.0)

    from PySide6.QtCore import QCoreApplication

    QCoreApplication.instance() or QCoreApplication([])  # for the local socket
    with s.x_server() as display, tempfile.TemporaryDirectory() as tmp:
        from screenpop.app.demo_launcher import start_demo_server

        child, url = start_demo_server(["--persons", str(PERSONS), "--fault", "503:0.2"])
        try:
            profile = Path(tmp) / "profile"
            _configure_and_sync(profile, url)
            numbers = _numbers(profile)
            app = App(profile)
            try:
                print(f"soak: {minutes:g} min, a call per second, a sync every 5 s, 503 on 20%",
                      flush=True)  # fmt: skip
                soaked = soak(app, numbers, minutes)
                print("burst: 200 calls in one second", flush=True)
                burst_figures = burst(app, numbers, display)
            finally:
                app.stop()
        finally:
            s.stop_process(child)

    growth = soaked["rss_end"] - soaked["rss_start"]
    fd_growth = soaked["fds_end"] - soaked["fds_start"]
    print()
    print(f"Soak, {minutes:g} min against --fault 503:0.2")
    print(f"  calls {soaked['calls']:.0f}, failed pops {soaked['failed_pops']:.0f}, "
          f"errors logged {soaked['errors']:.0f}")  # fmt: skip
    print(f"  syncs {soaked['syncs']:.0f}, answers retried {soaked['sync_retries']:.0f}")
    print(f"  resident memory {soaked['rss_start']:.1f} MB after the first minute → "
          f"{soaked['rss_end']:.1f} MB at the end (growth {growth:+.1f} MB, max "
          f"{soaked['rss_max']:.1f} MB)")  # fmt: skip
    print(f"  open files {soaked['fds_start']:.0f} → {soaked['fds_end']:.0f}")
    print()
    print(f"Burst of {BURST} calls sent in {burst_figures['sent_in_s']:.2f} s")
    print(f"  toasts on screen after it {burst_figures['toasts']:.0f}")
    print(f"  event-loop stall: max {burst_figures['stall_max_ms']:.0f} ms, "
          f"p95 {burst_figures['stall_p95_ms']:.0f} ms (probe round trips)")  # fmt: skip
    print(f"  resident memory {burst_figures['rss_before']:.1f} → "
          f"{burst_figures['rss_after']:.1f} MB")  # fmt: skip
    print()
    print(s.verdict(f"memory growth < {GROWTH_TARGET_MB:g} MB ({growth:+.1f} MB)",
                    growth < GROWTH_TARGET_MB))  # fmt: skip
    print(s.verdict(f"no fd growth ({fd_growth:+.0f})", fd_growth <= 0))
    print(s.verdict(f"0 failed pops ({soaked['failed_pops']:.0f})", soaked["failed_pops"] == 0))


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
