"""`screenpop sync` as whole processes against a process that merely downloads and decodes
the same answer: full, after a 1% change, unchanged, and the million's peak memory.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_sync_processes.py``
(``--rounds N``, ``--persons N``, ``--seed S``, ``--skip-million``, ``--million-persons N``).

Two demo tenants run as child processes on 127.0.0.1, each serving a caller-ID file
(``demo-server --caller-ids``): A is the answer of ``demo-server --persons 100000 --seed 2``
(161,082 caller IDs, as issue 16 measured), B is A with 1% of its entries changed: a third
renamed, a third removed, a third added. Both have the customer id Cust12345, so a profile
moved from A to B sends A's hash and gets B whole: the sync must find the 1% itself.

Each round, every figure a fresh process (``SCREENPOP_SECRET=demo``), in this order:

* baseline: ``python -c`` with httpx: POST GetMyCallerIDs, ``response.json()``; against A;
* full: ``screenpop sync --profile P`` into an empty profile configured for A;
* null baseline: the same POST with A's hash as LastHash (the tenant answers ``null``);
* unchanged: ``screenpop sync`` again;
* baseline B, then ``screenpop sync`` after ``screenpop configure --tenant B`` (untimed).

Also timed: ``python -c "import screenpop.cli.main"`` alone and with everything else a sync
imports (others are making the CLI's imports lighter, so that part is reported apart), and
a bare ``python -c pass``.

The million: a seeded tenant of ``--million-persons`` (620,000 ≈ 1,000,000 caller IDs); the
baseline download and one full ``screenpop sync``, each process's peak RSS (its VmHWM).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import _support as s
import httpx

from screenpop.app.demo_launcher import start_demo_server

FULL_TARGET = 2.5
CHANGED_TARGET = 1.5
UNCHANGED_MARGIN_S = 0.15
MILLION_EXTRA_MB = 150.0
SECRET = "demo"
# Each process reports its own peak: its VmHWM at exit (Linux). wait4's ru_maxrss would
# count the parent's size at fork as well.
_PEAK = (
    "import atexit, sys; atexit.register(lambda: sys.stderr.write(next(line for line in "
    "open('/proc/self/status') if line.startswith('VmHWM'))))"
)
_BASELINE = (
    _PEAK
    + """
import sys, httpx
url, last = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
# The members as the reference types them (the app sends the same: superoffice/client.py).
body = {"LastHash": last, "MinDate": "1900-01-01T00:00:00", "MaxDate": "2200-01-01T00:00:00"}
response = httpx.post(url, json=body, auth=("demo", "demo"), timeout=900)
response.raise_for_status()
decoded = response.json()
print(len((decoded or {}).get("CallerIDs") or []))
"""
)


# What `screenpop sync` imports before it sends a byte: the CLI, then the sync's own.
_SYNC_IMPORTS = (
    "import screenpop.cli.main, screenpop.services.connection, screenpop.superoffice.client, "
    "screenpop.sync.caller_ids"
)


def _env() -> dict[str, str]:
    return {**os.environ, "SCREENPOP_SECRET": SECRET}


def _run(command: Sequence[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB, that process alone; 0 if it does not say) and stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, env=_env())
        _, status = os.waitpid(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        errors = err.read().decode(errors="replace")
        if child.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({child.returncode}):\n{errors}")
        peak = re.search(r"VmHWM:\s+(\d+) kB", errors)
        return seconds, int(peak.group(1)) / 1024 if peak else 0.0, out.read().decode().strip()


def _screenpop(*args: str) -> list[str]:
    run = f"{_PEAK}; import runpy; sys.argv = ['screenpop', *{list(args)!r}]; "
    return [sys.executable, "-c", run + "runpy.run_module('screenpop', run_name='__main__')"]


def _baseline(url: str, last_hash: str | None = None) -> list[str]:
    command = [sys.executable, "-c", _BASELINE, s.caller_ids_endpoint(url)]
    return command + ([last_hash] if last_hash else [])


def _configure(profile: Path, url: str) -> None:
    s.configure_profile(profile, url, _env())


@contextmanager
def _file_tenant(path: Path) -> Iterator[str]:
    child, url = start_demo_server(["--caller-ids", str(path), "--seed", "2"])
    try:
        asyncio.run(s.warm(url))
        yield url
    finally:
        s.stop_process(child)


def _answer(persons: int, seed: int) -> dict[str, Any]:
    with s.demo_tenant(persons, seed) as url:
        response = httpx.post(
            s.caller_ids_endpoint(url),
            json={"LastHash": "", "MinDate": "1900-01-01T00:00:00",
                  "MaxDate": "2200-01-01T00:00:00"},
            auth=(s.USER, s.PASSWORD),
            timeout=s.LONG_TIMEOUT,
        )
        response.raise_for_status()
        answer: dict[str, Any] = response.json()
        return answer


def one_percent_changed(answer: dict[str, Any], seed: int = 7) -> dict[str, Any]:
    """A with 1% of its entries changed: a third renamed, a third removed, a third added."""
    entries = list(answer["CallerIDs"])
    rng = random.Random(seed)
    count = max(3, len(entries) // 100)
    chosen = rng.sample(range(len(entries)), count)
    renamed, removed = chosen[: count // 3], set(chosen[count // 3 : 2 * count // 3])
    for index in renamed:
        entries[index] = {**entries[index], "PersonName": entries[index]["PersonName"] + " Jr."}
    added = []
    for n, index in enumerate(chosen[2 * count // 3 :]):
        template = entries[index]
        added.append({**template, "PersonId": 10_000_000 + n, "PersonName": f"New Person {n}"})
    kept = [e for i, e in enumerate(entries) if i not in removed]
    return {"CallerIDHash": f"{answer['CallerIDHash']}-changed", "CallerIDs": kept + added}


def _round(profile: Path, a: str, b: str, hash_a: str) -> dict[str, float]:
    figures: dict[str, float] = {}
    figures["pass"] = _run([sys.executable, "-c", "pass"])[0]
    figures["imports"] = _run([sys.executable, "-c", "import screenpop.cli.main"])[0]
    figures["imports_sync"] = _run([sys.executable, "-c", _SYNC_IMPORTS])[0]
    figures["baseline"] = _run(_baseline(a))[0]
    _configure(profile, a)
    seconds, _, out = _run(_screenpop("sync", "--profile", str(profile)))
    assert out.startswith("changed:") and " 0 unchanged" in out, out
    figures["full"] = seconds
    figures["null"] = _run(_baseline(a, hash_a))[0]
    seconds, _, out = _run(_screenpop("sync", "--profile", str(profile)))
    assert out.startswith("no change"), out
    figures["unchanged"] = seconds
    figures["baseline_b"] = _run(_baseline(b))[0]
    _configure(profile, b)
    seconds, _, out = _run(_screenpop("sync", "--profile", str(profile)))
    assert out.startswith("changed:") and " 0 added" not in out, out
    figures["changed"] = seconds
    print(f"  round: {json.dumps({k: round(v, 3) for k, v in figures.items()})}", flush=True)
    print(f"    after the change: {out}", flush=True)
    return figures


def _million(persons: int) -> tuple[tuple[float, float], tuple[float, float], str]:
    print(f"starting a demo tenant with {persons:,} persons for the million …", flush=True)
    with s.demo_tenant(persons) as url, tempfile.TemporaryDirectory() as tmp:
        asyncio.run(s.warm(url))
        profile = Path(tmp) / "profile"
        _configure(profile, url)
        base_s, base_mb, _ = _run(_baseline(url))
        sync_s, sync_mb, out = _run(_screenpop("sync", "--profile", str(profile)))
    return (base_s, base_mb), (sync_s, sync_mb), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--skip-million", action="store_true")
    parser.add_argument("--million-persons", type=int, default=s.PERSONS_1M)
    args = parser.parse_args()

    print(f"load average before: {os.getloadavg()}", flush=True)
    print(f"building answer A from a demo tenant of {args.persons:,} persons …", flush=True)
    answer = _answer(args.persons, args.seed)
    rounds: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        file_a, file_b = Path(tmp) / "a.json", Path(tmp) / "b.json"
        file_a.write_text(json.dumps(answer))
        file_b.write_text(json.dumps(one_percent_changed(answer)))
        entries = len(answer["CallerIDs"])
        size = file_a.stat().st_size
        hash_a = str(answer["CallerIDHash"])
        del answer
        with _file_tenant(file_a) as a, _file_tenant(file_b) as b:
            for index in range(max(1, args.rounds)):
                profile = Path(tmp) / f"profile-{index}"
                rounds.append(_round(profile, a, b, hash_a))

    def med(key: str) -> float:
        return s.median([r[key] for r in rounds])

    def p95(key: str) -> float:
        return s.percentile([r[key] for r in rounds], 95)

    print()
    print(f"{entries:,} caller IDs ({size / 1e6:.1f} MB), {len(rounds)} rounds, whole processes")
    print(f"{'':>22} {'median':>9} {'p95':>9}")
    for key, label in (
        ("pass", "python -c pass"),
        ("imports", "import screenpop.cli"),
        ("imports_sync", "all a sync imports"),
        ("baseline", "download+decode A"),
        ("full", "sync, full"),
        ("null", "null answer"),
        ("unchanged", "sync, unchanged"),
        ("baseline_b", "download+decode B"),
        ("changed", "sync, 1% changed"),
    ):
        print(f"{label:>22} {med(key):>8.3f}s {p95(key):>8.3f}s")
    full = med("full") / med("baseline")
    changed = med("changed") / med("baseline_b")
    unchanged = med("unchanged") - med("null")
    imports = med("imports") - med("pass")
    sync_imports = med("imports_sync") - med("pass")
    print()
    print(f"full / download     {full:6.2f}x  (p95 {p95('full') / med('baseline'):.2f}x)")
    print(f"1% / download       {changed:6.2f}x  (p95 {p95('changed') / med('baseline_b'):.2f}x)")
    print(f"unchanged - null    {unchanged:+6.3f} s")
    print(
        f"(of each sync, importing costs {sync_imports:.3f} s beyond python, "
        f"{imports:.3f} s of it screenpop.cli.main: the settings' QtCore, the connection's "
        "Authlib, and more, which others are making lighter)"
    )
    print(f"unchanged - null, less the imports: {unchanged - sync_imports:+.3f} s")
    print(s.verdict(f"full sync ≤ {FULL_TARGET:g}× download ({full:.2f}×)", full <= FULL_TARGET))
    print(
        s.verdict(
            f"1% changed ≤ {CHANGED_TARGET:g}× download ({changed:.2f}×)",
            changed <= CHANGED_TARGET,
        )
    )
    print(
        s.verdict(
            f"unchanged ≤ null + {UNCHANGED_MARGIN_S:g} s ({unchanged:+.3f} s)",
            unchanged <= UNCHANGED_MARGIN_S,
        )
    )
    if not args.skip_million:
        (base_s, base_mb), (sync_s, sync_mb), out = _million(args.million_persons)
        print()
        print(f"the million: {out}")
        print(f"  download+decode {base_s:7.2f} s, peak {base_mb:6.0f} MB")
        print(f"  screenpop sync  {sync_s:7.2f} s, peak {sync_mb:6.0f} MB ({sync_s / base_s:.2f}×)")
        extra = sync_mb - base_mb
        print(
            s.verdict(
                f"1M sync peak ≤ download + {MILLION_EXTRA_MB:g} MB ({extra:+.0f} MB)",
                extra <= MILLION_EXTRA_MB,
            )
        )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
