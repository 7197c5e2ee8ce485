"""How soon a hang-up is in SuperOffice: the running app, whole, against the demo tenant.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_call_log.py [--quick] [--rounds N]``

Set-up, per tenant latency (0 and 100 ms a request): a demo tenant served by uvicorn in a
child process (``--persons 200 --seed 3``), a profile set up by the real ``screenpop configure
--log-calls answered`` and ``screenpop sync``, and ``screenpop`` itself running in a child
process (offscreen). Each round is one call from a caller the cache knows: ring, answer and
hang-up handed to the app over its single-instance socket, as ``screenpop call`` (or a
softphone hook) hands them; the hang-up's moment is taken just before it is handed over.

Figures (median, p95; the target is p95 ≤ 1 s when the tenant answers):

* hang-up → logged: until the tenant made the appointment (its own registered date, so the
  benchmark's polling adds nothing), over distinct calls one after another;
* the floor: the same two requests (``GET Appointment/default``, ``POST Appointment``) sent
  straight from this process with httpx, and the ratio of the app's figure to it;
* through ``screenpop call --state ended`` as a softphone hook runs it (a process started per
  event; its start-up is the softphone's, shown for what an agent with such a hook sees).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import _app_process as ap
import _support as s
import httpx

from screenpop.app.demo_launcher import start_demo_server
from screenpop.core.calls import CallState
from screenpop.demo.data import DemoData

PERSONS = 200
SEED = 3
LATENCIES = (0, 100)
TARGET_P95_S = 1.0
WAIT_S = 30.0


@contextlib.contextmanager
def tenant(latency_ms: int) -> Iterator[str]:
    child, url = start_demo_server(
        ["--persons", str(PERSONS), "--seed", str(SEED), "--latency", str(latency_ms)]
    )
    try:
        yield url
    finally:
        s.stop_process(child)


def callers(count: int) -> list[str]:
    return [
        number for _label, number in DemoData(SEED, PERSONS, date.today()).sample_numbers(count)
    ]


def wait_for_count(url: str, count: int) -> list[dict[str, object]]:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        rows = ap.appointments(url)
        if len(rows) >= count:
            return rows
        time.sleep(0.02)
    raise TimeoutError(f"appointment {count} never came")


def app_rounds(app: ap.App, url: str, numbers: list[str], rounds: int, first: int) -> list[float]:
    figures = []
    for i in range(rounds):
        number, call_id = numbers[i % len(numbers)], f"bench-{first + i}"
        assert app.hand(number, CallState.RINGING, call_id)
        assert app.hand(number, CallState.ANSWERED, call_id)
        time.sleep(0.02)  # a talk of a moment, so start and end differ
        hung_up = time.time()
        assert app.hand(number, CallState.ENDED, call_id)
        rows = wait_for_count(url, first + i + 1)
        figures.append(ap.created_at(rows[-1]) - hung_up)
    return figures


def cli_rounds(app: ap.App, url: str, numbers: list[str], rounds: int, first: int) -> list[float]:
    figures = []
    for i in range(rounds):
        number, call_id = numbers[i % len(numbers)], f"bench-cli-{first + i}"
        assert app.hand(number, CallState.RINGING, call_id)
        assert app.hand(number, CallState.ANSWERED, call_id)
        hung_up = time.time()
        done = ap.cli(app.profile, "call", number, "--state", "ended", "--call-id", call_id)
        assert done.returncode == 0, done.stderr
        rows = wait_for_count(url, first + i + 1)
        figures.append(ap.created_at(rows[-1]) - hung_up)
    return figures


def floor_rounds(url: str, rounds: int) -> list[float]:
    """The two requests a log costs, straight from here (no app, no outbox)."""
    figures = []
    with httpx.Client(auth=(ap.USER, ap.PASSWORD), timeout=10) as http:
        for _ in range(rounds):
            started = time.perf_counter()
            default = http.get(f"{url}/api/v1/Appointment/default").json()
            default.update(Contact={"ContactId": 1}, Task={"TaskListItemId": 2},
                           Description="floor", Completed="Completed")  # fmt: skip
            http.post(f"{url}/api/v1/Appointment", json=default).raise_for_status()
            figures.append(time.perf_counter() - started)
    return figures


def line(label: str, figures: list[float]) -> str:
    return (f"  {label:<34} median {s.median(figures) * 1000:7.1f} ms   "
            f"p95 {s.percentile(figures, 95) * 1000:7.1f} ms   (n={len(figures)})")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--rounds", type=int, default=0)
    args = parser.parse_args()
    rounds = args.rounds or (15 if args.quick else 60)
    cli_count = max(3, rounds // 6)
    numbers = callers(20)
    print(f"bench_call_log: {rounds} calls a tenant latency, {cli_count} through `screenpop call`;"
          f" python {sys.version.split()[0]}", flush=True)  # fmt: skip
    met = True
    for latency in LATENCIES:
        with tenant(latency) as url, tempfile.TemporaryDirectory() as folder:
            profile = Path(folder) / "profile"
            ap.set_up(profile, url, "--log-calls", "answered")
            app = ap.App(profile)
            start_s = app.start()
            try:
                app_rounds(app, url, numbers, 2, 0)  # warm: the task list, the connection
                made = 2
                figures = app_rounds(app, url, numbers, rounds, made)
                made += rounds
                by_cli = cli_rounds(app, url, numbers, cli_count, made)
                made += cli_count
                floor = floor_rounds(url, rounds)
            finally:
                app.stop()
        p95 = s.percentile(figures, 95)
        met = met and p95 <= TARGET_P95_S
        print(f"tenant latency {latency} ms (app started in {start_s:.1f} s):")
        print(line("hang-up → logged (the app)", figures))
        print(line("the two requests alone (floor)", floor))
        print(line("via `screenpop call` (a hook)", by_cli))
        print(f"  ratio app / floor: median {s.median(figures) / s.median(floor):.2f}, "
              f"p95 {p95 / s.percentile(floor, 95):.2f}", flush=True)  # fmt: skip
    print(s.verdict(f"hang-up → logged p95 ≤ {TARGET_P95_S:.0f} s", met))
    try:
        load = Path("/proc/loadavg").read_text().split()[:3]
        print(f"machine load (1, 5, 15 min): {' '.join(load)}")
    except OSError:
        pass
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
