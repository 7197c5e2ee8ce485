"""Matching an incoming number, and the Find dialog's search, against a million cached caller IDs.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_lookup_1m.py [--quick]``
(``--lookups N``, ``--cache-file PATH`` to keep the built cache and reuse it next time).

The cache is built once per run by a real sync from a demo tenant (620,000 persons ≈ 1,000,000
caller IDs; ``--quick``: 62,000 ≈ 100,000) into a temporary folder, then everything runs in
this process against that file, as the app's matcher does.

Lookups: random cached numbers (spread over the whole set) in the shapes phone systems send
(E.164, national, ``00``-prefixed, a ``tel:`` URI), plus numbers that are not cached. Each is
``match(cache, parse_incoming(number, "NO"))``, parsing included. Side by side, the baseline
is the bare indexed SQLite query for the same number, ``cache.find_e164(e164)``. The first
1,000 lookups warm SQLite's page cache and are not counted.

Search: ``cache.search(text, limit=50)`` as the Find dialog calls it, by name fragments and
partial numbers; the baseline is ``cache.sample(50)``, a first page with no filter at all
(what fetching and building 50 entries costs anyway).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import _support as s

from screenpop.core.matching import match
from screenpop.core.phone import parse_incoming
from screenpop.store.cache import CallerIdCache

LOOKUP_P99_TARGET_MS = 1.0
SEARCH_TARGET_MS = 20.0
# "tromso" is a city, so in no name; "odegard" must find "Ødegård"; two words narrow down.
SEARCHES = ("tromso", "ols", "ab", "hansen", "odegard", "bjorn ha", "2233", "4567", "+47 22")
WARM_UP = 1000


def _shapes(e164: str) -> dict[str, str]:
    shapes = {"E.164": e164, "00-prefixed": "00" + e164[1:], "tel: URI": f"tel:{e164}"}
    # Only Norwegian numbers can be dialled nationally from a Norwegian PBX; a foreign one
    # arrives with its country code, so it has no national shape here.
    if e164.startswith("+47"):
        shapes["national"] = e164[3:]
    return shapes


def _misses(cache: CallerIdCache, rng: random.Random, count: int) -> list[str]:
    misses: list[str] = []
    for _ in range(count * 20):  # bounded: a dense set could make a miss hard to find
        if len(misses) == count:
            break
        number = "+47" + rng.choice("2345679") + "".join(rng.choices("0123456789", k=7))
        if not cache.find_e164(number):
            misses.append(number)
    return misses


def _time_match(cache: CallerIdCache, number: str) -> tuple[float, bool]:
    started = time.perf_counter()
    found = match(cache, parse_incoming(number, s.REGION))
    return time.perf_counter() - started, bool(found)


def _time_bare(cache: CallerIdCache, e164: str) -> tuple[float, bool]:
    started = time.perf_counter()
    found = cache.find_e164(e164)
    return time.perf_counter() - started, bool(found)


class _Figures:
    """Seconds and a count (hits, or rows of the last page) per label, in insertion order."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.counts: dict[str, int] = {}

    def add(self, label: str, seconds: float, count: int) -> None:
        self.times.setdefault(label, []).append(seconds)
        self.counts[label] = count


def _lookups(cache_path: Path, lookups: int) -> _Figures:
    rng = random.Random(7)
    figures = _Figures()
    with CallerIdCache(cache_path) as cache:
        started = time.perf_counter()
        # The whole set, so the chosen numbers are spread over the table, not its first rows.
        everything = [entry.e164 for entry in cache.sample(cache.count())]
        print(f"  read {len(everything):,} cached numbers in {time.perf_counter() - started:.1f} s")
        chosen = [rng.choice(everything) for _ in range(lookups + WARM_UP)]
        del everything
        misses = _misses(cache, rng, max(1, lookups // 4))
        for index, e164 in enumerate(chosen):
            timings = [("bare SQL (baseline)", _time_bare(cache, e164))]
            timings += [(label, _time_match(cache, n)) for label, n in _shapes(e164).items()]
            if index >= WARM_UP:
                for label, (seconds, found) in timings:
                    figures.add(label, seconds, figures.counts.get(label, 0) + found)
        for number in misses:
            seconds, found = _time_match(cache, number)
            figures.add("not cached", seconds, figures.counts.get("not cached", 0) + found)
    return figures


def _searches(cache_path: Path, repeats: int) -> _Figures:
    figures = _Figures()
    with CallerIdCache(cache_path) as cache:
        cache.sample(50)  # the first query of a connection pays for reading the schema
        for _ in range(repeats):
            started = time.perf_counter()
            page = cache.sample(50)
            figures.add("sample(50) (baseline)", time.perf_counter() - started, len(page))
            for text in SEARCHES:
                started = time.perf_counter()
                page = cache.search(text, limit=50)
                figures.add(repr(text), time.perf_counter() - started, len(page))
    return figures


def _header(first: str, count: str) -> str:
    return f"{first:>22} {'n':>7} {count:>7} {'median':>10} {'p99':>10} {'max':>10} {'ratio':>7}"


def _row(label: str, times: list[float], found: int | None, baseline: float, unit: float) -> str:
    med, p99, worst = s.median(times), s.percentile(times, 99), max(times)
    scale, digits = ("µs", 1) if unit == 1e6 else ("ms", 2)
    count = "" if found is None else f"{found:,}"
    return (
        f"{label:>22} {len(times):>7,} {count:>7} {med * unit:>8.{digits}f}{scale} "
        f"{p99 * unit:>8.{digits}f}{scale} {worst * unit:>8.{digits}f}{scale} "
        f"{med / baseline:>6.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="~100,000 caller IDs")
    parser.add_argument("--lookups", type=int, default=None, help="numbers looked up")
    parser.add_argument("--searches", type=int, default=None, help="repeats of each search")
    parser.add_argument("--cache-file", type=Path, help="build the cache here and keep it")
    args = parser.parse_args()
    persons = s.PERSONS_100K if args.quick else s.PERSONS_1M
    lookups = args.lookups or (5_000 if args.quick else 20_000)
    repeats = args.searches or (20 if args.quick else 50)

    with tempfile.TemporaryDirectory() as tmp:
        if args.cache_file:
            cache_path = args.cache_file.resolve()
            _, entries = s.reuse_or_build(persons, cache_path)
        else:
            cache_path = Path(tmp) / "cache.sqlite3"
            entries = s.build_cache(persons, cache_path)[1].total
        size_mb = cache_path.stat().st_size / 1e6
        print(f"looking up {lookups:,} cached numbers in each shape …", flush=True)
        lookup_results = _lookups(cache_path, lookups)
        print(f"searching, {repeats} times each …", flush=True)
        search_results = _searches(cache_path, repeats)

    print()
    print(f"Lookups in a cache of {entries:,} caller IDs ({size_mb:.0f} MB file)")
    print(_header("shape", "found"))
    bare = s.median(lookup_results.times["bare SQL (baseline)"])
    everything: list[float] = []
    for label, times in lookup_results.times.items():
        print(_row(label, times, lookup_results.counts[label], bare, 1e6))
        if not label.endswith("(baseline)"):
            everything += times
    print(_row("all matches", everything, None, bare, 1e6))
    print("(ratio: median against the bare SQL median; match() includes parse_incoming)")

    print()
    print(f"Find dialog: cache.search(text, limit=50), {repeats} runs each")
    print(_header("text", "rows"))
    page = s.median(search_results.times["sample(50) (baseline)"])
    slowest_p99 = 0.0
    for label, times in search_results.times.items():
        print(_row(label, times, search_results.counts[label], page, 1e3))
        if not label.endswith("(baseline)"):
            slowest_p99 = max(slowest_p99, s.percentile(times, 99))
    print("(ratio: median against sample(50), an unfiltered first page)")

    print()
    p99 = s.percentile(everything, 99)
    print(
        s.verdict(
            f"lookup p99 ≤ {LOOKUP_P99_TARGET_MS:g} ms at {entries:,} "
            f"(p99 of all shapes and misses: {p99 * 1e3:.3f} ms)",
            p99 * 1e3 <= LOOKUP_P99_TARGET_MS,
        )
    )
    print(
        s.verdict(
            f"search first page < {SEARCH_TARGET_MS:g} ms "
            f"(slowest search's p99: {slowest_p99 * 1e3:.1f} ms)",
            slowest_p99 * 1e3 < SEARCH_TARGET_MS,
        )
    )


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
