"""How fast the demo tenant builds its GetMyCallerIDs body and answers summaries.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_demo_tenant.py [--quick]``.
Each size is measured in a fresh interpreter, so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from datetime import date
from typing import Any

TODAY = date(2026, 5, 4)
SIZES = ((10_000, 5), (100_000, 3), (1_000_000, 1))


def _peaks_mb() -> tuple[float, float] | None:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 1e6
    return own, child


def measure_build(persons: int, runs: int, parallel: bool | None) -> dict[str, object]:
    from screenpop.demo import bulk
    from screenpop.demo.data import DemoData

    times = []
    size = entries = 0
    for _ in range(runs):
        data = DemoData(1, persons, TODAY)  # fresh: nothing cached between runs
        started = time.perf_counter()
        body = bulk.build_body(data, None, parallel)
        times.append(time.perf_counter() - started)
        size, entries = len(body), body.count(b'{"PhoneNumber":')
        del body
    return {"persons": persons, "runs": runs, "median_s": statistics.median(times),
            "bytes": size, "entries": entries, "peaks_mb": _peaks_mb()}  # fmt: skip


async def measure_summaries(persons: int, requests: int) -> tuple[float, float]:
    import httpx

    from screenpop.demo.server import DemoConfig, create_app

    app = create_app(DemoConfig(persons=persons, today=TODAY))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
        client.auth = ("demo", "demo")
        latencies = []
        for i in range(requests):
            contact_id = 1 + (i * 7919) % max(1, persons // 5)
            started = time.perf_counter()
            response = await client.get(f"/Cust12345/api/v1/Contact/{contact_id}/Summary")
            latencies.append(time.perf_counter() - started)
            assert response.status_code in (200, 404)
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.95)]


def _child(args: argparse.Namespace) -> None:
    parallel = {"auto": None, "on": True, "off": False}[args.parallel]
    print(json.dumps(measure_build(args.persons, args.runs, parallel)))


def _run_child(persons: int, runs: int, parallel: str) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", "--persons", str(persons),
               "--runs", str(runs), "--parallel", parallel]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="skip the million")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--persons", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--parallel", default="auto", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return
    print("GetMyCallerIDs body (seed 1), built from scratch; peak RSS of that build's process")
    for persons, runs in SIZES:
        if args.quick and persons > 100_000:
            continue
        modes = ("auto", "off") if persons >= 1_000_000 else ("auto",)
        for mode in modes:
            r = _run_child(persons, runs, mode)
            label = "two processes" if mode == "auto" and persons >= 200_000 else "one process"
            peaks = r["peaks_mb"]
            peak = "n/a" if peaks is None else f"{peaks[0]:.0f} MB"
            if peaks is not None and peaks[1] > 1:
                peak += f" + helper {peaks[1]:.0f} MB"
            print(f"  {persons:>9,} persons: {r['median_s']:6.2f} s median of {runs} "
                  f"({label}), {r['bytes'] / 1e6:6.1f} MB body, "
                  f"{r['entries'] / persons:.2f} caller IDs/person, peak {peak}")  # fmt: skip
    for persons in (500, 1_000_000):
        if args.quick and persons > 100_000:
            continue
        median, p95 = asyncio.run(measure_summaries(persons, 300))
        print(f"  summary, {persons:>9,} persons: median {median * 1e3:.2f} ms, "
              f"p95 {p95 * 1e3:.2f} ms (in-process ASGI, limit 10)")  # fmt: skip


if __name__ == "__main__":
    main()
