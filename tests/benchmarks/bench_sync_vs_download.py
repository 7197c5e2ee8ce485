"""A full caller-ID sync against merely downloading the same answer, over real HTTP.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_sync_vs_download.py [--quick]``
(``--runs N``, ``--skip-million``).

The demo tenant runs as a child process on 127.0.0.1, so the figures include loopback HTTP.
Side by side in one run, against one tenant (its answer built once beforehand, so its
one-time build is not measured):

* baseline: a raw httpx POST of GetMyCallerIDs plus ``response.json()``, what any client pays;
* full sync: ``sync_caller_ids`` into an empty cache (a fresh temporary file each run);
* unchanged sync: ``sync_caller_ids`` again, LastHash matches and the tenant answers ``null``.

Medians of ``--runs`` rounds; each round runs the three in turn so drift hits all alike.
Then one full sync of ~1,000,000 caller IDs, in a fresh interpreter so that its peak memory
(``ru_maxrss``, this side only: the tenant is another process) is its own; the baseline
download of that answer is measured the same way beside it. ``--quick``: ~10,000 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import _support as s

from screenpop.superoffice.client import NO_MAX_DATE, NO_MIN_DATE, make_http_client
from screenpop.sync.caller_ids import sync_caller_ids

FULL_TARGET = 2.0  # a full sync may cost at most twice the bare download


async def _download(url: str) -> tuple[float, int, int]:
    """The baseline: seconds, body bytes and entries of one raw download and decode."""
    # The members as the client types them (v1PocketAgent_GetMyCallerIDs.md: no nulls).
    body = {"LastHash": "", "MinDate": NO_MIN_DATE, "MaxDate": NO_MAX_DATE}
    async with make_http_client(s.LONG_TIMEOUT) as http:
        started = time.perf_counter()
        response = await http.post(s.caller_ids_endpoint(url), json=body, auth=(s.USER, s.PASSWORD))
        response.raise_for_status()
        decoded = response.json()
        seconds = time.perf_counter() - started
    return seconds, len(response.content), len(decoded["CallerIDs"])


@dataclass(frozen=True)
class Round:
    baseline: float
    full: float
    search_index: float | None
    unchanged: float
    entries: int
    size: int


async def _round(url: str, cache_path: Path) -> Round:
    baseline, size, _ = await _download(url)
    async with make_http_client(s.LONG_TIMEOUT) as http:
        client = s.make_client(http, url)
        full = await sync_caller_ids(client, cache_path, s.REGION)
        # Not part of the sync: the app runs it after, once pops can already be matched.
        search_index = await s.index_search(cache_path)
        again = await sync_caller_ids(client, cache_path, s.REGION)
    assert full.changed and not again.changed, (full, again)
    return Round(baseline, full.seconds, search_index, again.seconds, full.total, size)


def _measure(persons: int, runs: int) -> dict[str, float]:
    rounds: list[Round] = []
    with s.demo_tenant(persons) as url, tempfile.TemporaryDirectory() as tmp:
        asyncio.run(s.warm(url))
        for index in range(runs):
            rounds.append(asyncio.run(_round(url, Path(tmp) / f"cache-{index}.sqlite3")))
            # Each round syncs into a new file; the last one's only use now is disk space.
            for leftover in Path(tmp).glob(f"cache-{index}.sqlite3*"):
                leftover.unlink()
    indexing = [r.search_index for r in rounds if r.search_index is not None]
    return {
        "persons": persons,
        "entries": rounds[-1].entries,
        "bytes": rounds[-1].size,
        "baseline": s.median([r.baseline for r in rounds]),
        "full": s.median([r.full for r in rounds]),
        "search_index": s.median(indexing) if indexing else -1.0,
        "unchanged": s.median([r.unchanged for r in rounds]),
    }


# -- the million, one fresh interpreter per measurement ------------------------------------


def _child(kind: str, url: str) -> None:
    result: dict[str, float]
    if kind == "download":
        seconds, size, entries = asyncio.run(_download(url))
        result = {"seconds": seconds, "bytes": size, "entries": entries}
        result["peak_mb"] = s.peak_rss_mb() or 0.0
    else:
        with tempfile.TemporaryDirectory() as tmp:
            synced = asyncio.run(s.sync_once(url, Path(tmp) / "cache.sqlite3"))
            # The peak of the sync alone; the search index comes after it in the app too.
            peak = s.peak_rss_mb() or 0.0
            indexing = asyncio.run(s.index_search(Path(tmp) / "cache.sqlite3"))
        result = {"seconds": synced.seconds, "entries": synced.total, "peak_mb": peak}
        result["search_index"] = -1.0 if indexing is None else indexing
    print(json.dumps(result))


def _million(persons: int) -> tuple[dict[str, float], dict[str, float]]:
    print(f"starting a demo tenant with {persons:,} persons for the million …", flush=True)
    with s.demo_tenant(persons) as url:
        asyncio.run(s.warm(url))
        download = s.run_child_json(__file__, ["--child", "download", url])
        full = s.run_child_json(__file__, ["--child", "sync", url])
    return download, full


def _ratio(a: float, b: float) -> str:
    return f"{a / b:6.2f}x" if b > 0 else "   n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="~10,000 caller IDs only")
    parser.add_argument("--runs", type=int, default=3, help="rounds per size (median)")
    parser.add_argument("--skip-million", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    sizes = [s.persons_for(10_000)] if args.quick else [s.PERSONS_100K]
    rows = [_measure(persons, max(1, args.runs)) for persons in sizes]

    print()
    print(f"GetMyCallerIDs over loopback HTTP, medians of {args.runs} rounds")
    print(
        f"{'entries':>9} {'body':>8} {'download':>9} {'full sync':>10} {'unchanged':>10} "
        f"{'full/base':>10} {'unch/base':>10} {'+search index':>14}"
    )
    for r in rows:
        indexing = "n/a" if r["search_index"] < 0 else f"{r['search_index']:.3f}s"
        print(
            f"{int(r['entries']):>9,} {r['bytes'] / 1e6:>6.1f}MB {r['baseline']:>8.3f}s "
            f"{r['full']:>9.3f}s {r['unchanged']:>9.4f}s "
            f"{_ratio(r['full'], r['baseline']):>10} {_ratio(r['unchanged'], r['baseline']):>10} "
            f"{indexing:>14}"
        )
    print("(download = raw POST + response.json(); full sync = into an empty cache;")
    print(" +search index = the Find dialog's index, updated after the sync, not in the ratios)")

    million: tuple[dict[str, float], dict[str, float]] | None = None
    if not args.quick and not args.skip_million:
        million = _million(s.PERSONS_1M)
        download, full = million
        d_s, f_s = download["seconds"], full["seconds"]
        print()
        print("One run each, each in a fresh interpreter (peak RSS = that process only)")
        print(f"{'':>14} {'entries':>9} {'seconds':>9} {'peak RSS':>9}")
        for label, r, secs in (("download", download, d_s), ("full sync", full, f_s)):
            print(f"{label:>14} {int(r['entries']):>9,} {secs:>8.2f}s {r['peak_mb']:>7.0f}MB")
        print(f"{'ratio':>14} {'':>9} {_ratio(f_s, d_s):>9}")
        if full["search_index"] >= 0:
            print(f"(then the search index: {full['search_index']:.2f} s, not in the ratio)")

    print()
    for r in rows:
        label = f"{int(r['entries']):,} caller IDs"
        full_ratio = r["full"] / r["baseline"]
        print(
            s.verdict(
                f"full sync ≤ {FULL_TARGET:g}× download ({label}: {full_ratio:.2f}×)",
                full_ratio <= FULL_TARGET,
            )
        )
        unch_ratio = r["unchanged"] / r["baseline"]
        print(
            s.verdict(f"unchanged sync < 1× download ({label}: {unch_ratio:.3f}×)", unch_ratio < 1)
        )
    if million is not None:
        download, full = million
        m_ratio = full["seconds"] / download["seconds"]
        entries = int(full["entries"])
        print(
            s.verdict(
                f"full sync ≤ {FULL_TARGET:g}× download ({entries:,} caller IDs: {m_ratio:.2f}×)",
                m_ratio <= FULL_TARGET,
            )
        )


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
