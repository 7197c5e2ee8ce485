"""How long the tray app's UI thread stalls while it syncs a million caller IDs.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_sync_stall.py``
(``--persons N``: 620,000 ≈ 1,000,000 caller IDs; ``--quick``: 62,000 ≈ 100,000;
``--runs N``).

The app runs as it ships, in a child process of its own (``run_app`` with a fresh profile,
``QT_QPA_PLATFORM=offscreen``), with one addition made before it starts: a ``QTimer``
heartbeat every millisecond on the UI thread (a precise timer, as a frame timer runs).

Its profile names a tenant on a free loopback port where nothing listens yet, so the sync at
start fails at once: what the app does once when it starts (building windows ahead, loading
the HTTP stack) is over before the measured sync. Then a demo tenant is started on that
port, its answer built, and the app is told "Sync now" over its single-instance socket, as
the tray menu does (its own retry may come first: then that one is measured). The sync that
fills the empty cache with the whole set runs in the process the app starts for it (``screenpop
sync-process``). Every gap between two beats from the moment the app has started that process
(it logs its pid; the request, the answer and all the work follow) until the app logs "sync
done" with what changed is an event-loop
stall of that length less the 1 ms interval; the benchmark prints the longest, the p99 and the
median, and how long the sync took. A frame is 16 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _support as s
from PySide6.QtCore import QCoreApplication

from screenpop.app.demo_launcher import start_demo_server
from screenpop.config.profile import Profile
from screenpop.triggers.messages import SyncNow
from screenpop.triggers.single_instance import send, server_name

TARGET_MS = 16.0
_APP = r"""
import json, logging, os, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication
from screenpop.app.startup import run_app
from screenpop.config.profile import Profile

out, root, go = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
app = QApplication(sys.argv[:1])
beats, state = [], {"start": None, "end": None, "line": ""}

def beat():
    beats.append(time.perf_counter())

timer = QTimer()
timer.setTimerType(Qt.TimerType.PreciseTimer)
timer.setInterval(1)
timer.timeout.connect(beat)
timer.start()

class Watch(logging.Handler):
    def emit(self, record):
        text = record.getMessage()
        if text.startswith("sync failed") and not go.exists():
            out.with_suffix(".ready").write_text(text)
        if text.startswith("sync started in process"):
            state["start"] = time.perf_counter()  # the request, the answer and the work follow
        if text.startswith("sync done: changed") and state["start"] is not None:
            state["end"], state["line"] = time.perf_counter(), text
            inside = [b for b in beats if state["start"] <= b <= state["end"]]
            gaps = [(b - a) * 1000 for a, b in zip(inside, inside[1:])]
            out.write_text(json.dumps({"gaps": gaps, "line": text,
                                       "seconds": state["end"] - state["start"]}))
            os.kill(os.getpid(), 15)

watch = Watch(level=logging.INFO)
for name in ("screenpop", "httpx"):
    logging.getLogger(name).addHandler(watch)
    logging.getLogger(name).setLevel(logging.INFO)
sys.exit(run_app(Profile(root)))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for(path: Path, child: subprocess.Popen[str], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if child.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"no {path.name} from the app ({child.poll()})")
        time.sleep(0.05)


def _one(persons: int, tmp: Path, index: int) -> dict[str, object]:
    env = {**os.environ, "SCREENPOP_SECRET": s.PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    port = _free_port()
    profile = tmp / f"profile-{index}"
    s.configure_profile(profile, f"http://127.0.0.1:{port}/Cust12345", env)
    out, go = tmp / f"beats-{index}.json", tmp / f"go-{index}"
    command = [sys.executable, "-c", _APP, str(out), str(profile), str(go)]
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(out.with_suffix(".ready"), app, 60)
        server, url = start_demo_server(
            ["--port", str(port), "--persons", str(persons), "--seed", str(s.SEED)]
        )
        try:
            asyncio.run(s.warm(url))
            go.write_text(repr(time.perf_counter()))
            if not send(server_name(Profile(profile).instance_key), SyncNow()):
                raise RuntimeError("the app did not take Sync now")
            _wait_for(out, app, 1800)
        finally:
            s.stop_process(server)
        app.wait(60)
    finally:
        s.stop_process(app)
    result: dict[str, object] = json.loads(out.read_text())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=s.PERSONS_1M)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    persons = s.PERSONS_100K if args.quick else args.persons
    print(f"load average before: {os.getloadavg()}", flush=True)
    print(f"each run: a demo tenant with {persons:,} persons …", flush=True)
    results = []
    QCoreApplication.instance() or QCoreApplication([])  # for the local socket
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(args.runs):
            result = _one(persons, Path(tmp), index)
            gaps = [float(g) - 1.0 for g in result["gaps"]]  # type: ignore[attr-defined]
            results.append(gaps)
            print(
                f"  run {index + 1}: {result['line']} — UI thread in sync "
                f"{result['seconds']:.1f} s: {len(gaps):,} beats, stall max {max(gaps):.1f} ms, "
                f"p99 {s.percentile(gaps, 99):.1f} ms, median {s.median(gaps):.2f} ms",
                flush=True,
            )
    worst = max(max(gaps) for gaps in results)
    p99 = max(s.percentile(gaps, 99) for gaps in results)
    print()
    print(f"event-loop stall during the sync: max {worst:.1f} ms, p99 {p99:.1f} ms (worst run)")
    print(s.verdict(f"UI thread never stalls more than {TARGET_MS:g} ms", worst <= TARGET_MS))
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
