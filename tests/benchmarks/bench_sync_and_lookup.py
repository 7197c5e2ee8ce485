"""How long a sync takes, and how fast an incoming number is matched against the cache.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_sync_and_lookup.py [--persons N ...]``.
The demo tenant runs in-process (httpx's ASGI transport), so the figures are the client's,
normaliser's and SQLite's, not the network's. The lookup is shown beside a baseline run
side by side: the bare indexed SQLite query for the same E.164 numbers, with no parsing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

from screenpop.core.matching import match
from screenpop.core.phone import parse_incoming
from screenpop.demo.server import DemoConfig, create_app
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.tenant import Tenant
from screenpop.sync.caller_ids import sync_caller_ids

LOOKUPS = 2000


async def _sync(persons: int, cache_path: Path) -> tuple[float, float, int]:
    app = create_app(DemoConfig(seed=1, persons=persons, today=date(2026, 5, 4)))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), timeout=600) as http:
        client = SuperOfficeClient(
            http,
            Tenant.parse("http://demo.test/Cust12345"),
            make_auth(AuthKind.BASIC, "demo", "demo"),
        )
        await client.get_my_caller_ids()  # the tenant builds and caches its answer: not ours
        first = await sync_caller_ids(client, cache_path, "NO")
        again = await sync_caller_ids(client, cache_path, "NO")
    return first.seconds, again.seconds, first.total


def _median_us(samples: list[float]) -> float:
    return statistics.median(samples) * 1e6


def _lookups(cache_path: Path) -> tuple[float, float, float, float]:
    with CallerIdCache(cache_path) as cache:
        rng = random.Random(7)
        numbers = [e.e164 for e in cache.sample(50_000)]
        chosen = [rng.choice(numbers) for _ in range(LOOKUPS)]
        national = [n[3:] if n.startswith("+47") else n for n in chosen]
        matched, bare, shaped = [], [], []
        for e164, as_dialled in zip(chosen, national, strict=True):
            start = time.perf_counter()
            cache.find_e164(e164)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            found = match(cache, parse_incoming(e164, "NO"))
            matched.append(time.perf_counter() - start)
            start = time.perf_counter()
            match(cache, parse_incoming(f"tel:{as_dialled};phone-context=+47", "NO"))
            shaped.append(time.perf_counter() - start)
            assert found, e164
        start = time.perf_counter()
        for _ in range(LOOKUPS):
            match(cache, parse_incoming("+4721000000", "NO"))
        miss = (time.perf_counter() - start) / LOOKUPS
    return _median_us(bare), _median_us(matched), _median_us(shaped), miss * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    print(
        f"{'persons':>9} {'entries':>9} {'first sync':>11} {'unchanged':>10} "
        f"{'bare SQL':>9} {'match':>8} {'ratio':>6} {'tel: URI':>9} {'no match':>9}"
    )
    for persons in args.persons:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "cache.sqlite3"
            first, again, entries = asyncio.run(_sync(persons, path))
            bare, matched, shaped, miss = _lookups(path)
        print(
            f"{persons:>9,} {entries:>9,} {first:>10.2f}s {again:>9.3f}s "
            f"{bare:>7.1f}µs {matched:>6.1f}µs {matched / bare:>5.1f}x "
            f"{shaped:>7.1f}µs {miss:>7.1f}µs"
        )
    print(f"(lookups: medians of {LOOKUPS}; the whole match includes parsing the number)")


if __name__ == "__main__":
    main()
