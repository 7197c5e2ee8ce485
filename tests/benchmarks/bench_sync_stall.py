"""How long the tray app's UI thread stalls while it syncs a million caller IDs.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_sync_stall.py``
(``--persons N``: 620,000 ≈ 1,000,000 caller IDs; ``--quick``: 62,000 ≈ 100,000;
``--runs N``).

A demo tenant runs as a child process on 127.0.0.1. The app runs as it ships, in a child
process of its own (``run_app`` with a fresh profile, ``QT_QPA_PLATFORM=offscreen``), with
one addition made before it starts: a ``QTimer`` heartbeat every millisecond on the UI
thread (a precise timer, the way a frame timer would run). Its first sync, at start, fills
the empty cache with the whole set. Every gap between two beats while the sync runs is an
event-loop stall of that length less the 1 ms interval; the benchmark prints the longest, the
p99 and the median, and how long the sync took. A frame is 16 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import _support as s

TARGET_MS = 16.0
_APP = r"""
import json, logging, os, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication
from screenpop.app.tray_app import run_app
from screenpop.config.profile import Profile

out, root = Path(sys.argv[1]), Path(sys.argv[2])
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
        if state["start"] is None and "started with profile" in text:
            state["start"] = time.perf_counter()
        if text.startswith("sync done") or text.startswith("sync failed"):
            state["end"], state["line"] = time.perf_counter(), text
            inside = [b for b in beats if state["start"] <= b <= state["end"]]
            gaps = [(b - a) * 1000 for a, b in zip(inside, inside[1:])]
            out.write_text(json.dumps({"gaps": gaps, "line": text,
                                       "seconds": state["end"] - state["start"]}))
            os.kill(os.getpid(), 15)

watch = Watch(level=logging.INFO)
logging.getLogger("screenpop").addHandler(watch)
logging.getLogger("screenpop").setLevel(logging.INFO)
sys.exit(run_app(Profile(root)))
"""


def _configure(profile: Path, url: str, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "screenpop", "configure", "--profile", str(profile)]
    command += ["--tenant", url, "--auth", "basic", "--user", s.USER, "--region", s.REGION]
    subprocess.run(command, check=True, env=env, capture_output=True)


def _one(url: str, tmp: Path, index: int) -> dict[str, object]:
    env = {**os.environ, "SCREENPOP_SECRET": s.PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    profile = tmp / f"profile-{index}"
    _configure(profile, url, env)
    out = tmp / f"beats-{index}.json"
    command = [sys.executable, "-c", _APP, str(out), str(profile)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)
    if not out.exists():
        raise RuntimeError(f"the app ended without a sync ({done.returncode}):\n{done.stderr}")
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
    print(f"starting a demo tenant with {persons:,} persons …", flush=True)
    results = []
    with s.demo_tenant(persons) as url, tempfile.TemporaryDirectory() as tmp:
        asyncio.run(s.warm(url))
        for index in range(args.runs):
            result = _one(url, Path(tmp), index)
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
