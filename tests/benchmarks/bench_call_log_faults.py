"""Never lost, never twice: 200 answered calls logged against a failing tenant, the app killed
with ``kill -9`` three times in between.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_call_log_faults.py [--calls N]
[--kills N] [--seed S]``

Set-up: a demo tenant in a child process (``--persons 200 --seed 3``) whose API answers fail
as ``503:0.3`` (service unavailable), ``reset:0.1`` (the connection dropped before the request
is handled) and ``lost-answer:0.1`` (the request handled in full, the connection dropped
before its answer: the appointment is made and the app never hears of it), switched on after
the profile's first sync; ``screenpop`` running in a child process (offscreen) with
``--log-calls answered``. Each call's ring, answer and hang-up are handed to the app over its
single-instance socket, as ``screenpop call`` hands them. At ``--kills`` moments chosen at
random (any step of any call, seeded) the app is killed with SIGKILL and started again: the
call in progress then ends in the next run of the app.

Counted at the end, once the outbox is empty and the faults are off: for every call whose
hang-up the app acknowledged, the appointments made for it (by the reference each log
carries): lost = none, duplicated = more than one. Also shown: how long the run took and how
many logs needed the lost-answer check.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import _app_process as ap
import _support as s

from screenpop.app.demo_launcher import start_demo_server
from screenpop.core.call_log import marker
from screenpop.core.calls import CallState
from screenpop.demo.data import DemoData

PERSONS = 200
SEED = 3
FAULTS = ["503:0.3", "reset:0.1", "lost-answer:0.1"]
DRAIN_S = 1800.0
_MARKER = re.compile(r"spcall-[0-9a-f]{20}")
STEPS = (CallState.RINGING, CallState.ANSWERED, CallState.ENDED)


@contextlib.contextmanager
def tenant() -> Iterator[str]:
    child, url = start_demo_server(["--persons", str(PERSONS), "--seed", str(SEED)])
    try:
        yield url
    finally:
        s.stop_process(child)


def outbox_rows(profile: Path) -> list[tuple[str, str, str, int]]:
    """(call id, log id, state, attempts) of every log, read beside the running app."""
    with contextlib.closing(sqlite3.connect(profile / "outbox.sqlite3", timeout=10)) as db:
        return list(db.execute("SELECT call_id, log_id, state, attempts FROM logs"))


def hand(app: ap.App, number: str, state: CallState, call_id: str) -> bool:
    """Hand one event; a dead app is started again first (as `screenpop call` would)."""
    for _ in range(3):
        if app.process is None or app.process.poll() is not None:
            app.start()
        if app.hand(number, state, call_id):
            return True
        time.sleep(0.2)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    numbers = [n for _l, n in DemoData(SEED, PERSONS, date.today()).sample_numbers(20)]
    moments = sorted(rng.sample(range(args.calls * len(STEPS)), args.kills))
    print(f"bench_call_log_faults: {args.calls} calls, faults {', '.join(FAULTS)}, kill -9 "
          f"before steps {moments} (step = call × 3 + ring/answer/end)", flush=True)  # fmt: skip
    started = time.monotonic()
    acknowledged: set[str] = set()
    kills: list[str] = []
    with tenant() as url, tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        ap.set_up(profile, url, "--log-calls", "answered")
        ap.set_faults(url, FAULTS, seed=args.seed)
        app = ap.App(profile)
        app.start()
        try:
            step = 0
            for i in range(args.calls):
                number, call_id = numbers[i % len(numbers)], f"fault-{i}"
                for state in STEPS:
                    if moments and step == moments[0]:
                        moments.pop(0)
                        app.kill()
                        kills.append(f"call {i} before its {state.value}")
                        print(f"  kill -9 at call {i}, before its {state.value}", flush=True)
                    step += 1
                    if hand(app, number, state, call_id) and state is CallState.ENDED:
                        acknowledged.add(call_id)
            handed_s = time.monotonic() - started
            print(f"  all calls handed over in {handed_s:.0f} s; waiting for the outbox…",
                  flush=True)  # fmt: skip
            deadline = time.monotonic() + DRAIN_S
            while time.monotonic() < deadline:
                pending = [r for r in outbox_rows(profile) if r[2] not in ("sent", "discarded")]
                if not pending:
                    break
                time.sleep(1.0)
            drained_s = time.monotonic() - started
            rows = outbox_rows(profile)
            app_log = (profile / "logs" / "screenpop.log").read_text(errors="replace")
        finally:
            app.stop()
        ap.set_faults(url, [])
        made = ap.appointments(url, timeout_s=60)
    per_marker = Counter(m for row in made for m in _MARKER.findall(str(row["text"])))
    by_call = {call_id: log for call_id, log, _state, _attempts in rows}
    lost = sorted(c for c in acknowledged if per_marker[marker(by_call.get(c, "-"))] == 0)
    twice = sorted(c for c in acknowledged if per_marker[marker(by_call.get(c, "-"))] > 1)
    strays = [m for m in per_marker if m not in {marker(log) for log in by_call.values()}]
    retried = sum(1 for _c, _l, _st, attempts in rows if attempts > 1)
    states = Counter(state for _c, _l, state, _a in rows)
    print(f"  drained after {drained_s:.0f} s; app started {app.starts} times")
    print(f"  hang-ups acknowledged: {len(acknowledged)} of {args.calls}; logs: {dict(states)}")
    print(f"  appointments: {len(made)}; logs that took more than one POST: {retried}; "
          f"found made by a POST whose answer was lost: "
          f"{app_log.count('was already in SuperOffice')}")  # fmt: skip
    print(f"  lost: {len(lost)} {lost[:10]}   duplicated: {len(twice)} {twice[:10]}   "
          f"appointments of no log: {len(strays)}")  # fmt: skip
    ok = not lost and not twice and not strays and len(acknowledged) == args.calls
    print(s.verdict("0 lost, 0 duplicated", ok))
    with contextlib.suppress(OSError):
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
        print(f"machine load (1, 5, 15 min): {load}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
