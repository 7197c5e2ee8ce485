"""A fleet sketch: requests and bytes an hour with hash-conditional sync against naive polling.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_fleet.py [--quick]``
(``--agents 500 --interval-minutes 5 --changes-per-hour 2 --persons 6200``,
``--sim-agents 20 --minute-seconds 0.05``).

Measured: the real HTTP sizes of one GetMyCallerIDs exchange from a demo tenant on 127.0.0.1
(6,200 persons ≈ 10,000 caller IDs): request line, headers and body each way, counted as
they cross httpx's transport (the body as raw bytes, the heads rebuilt from the raw header
lines, which is what HTTP/1.1 puts on the wire). Once for a full answer, once for the
unchanged answer (LastHash matches: ``null``). TCP/TLS overhead is not counted, and the demo
tenant does not compress (a real tenant may gzip the full answer; ``null`` stays tiny).

Computed: the fleet's hour from those sizes. Every agent syncs 60/interval times an hour
either way, so both ways make the same number of requests; with LastHash an agent downloads
the full set only after each of the K changes and gets ``null`` otherwise, while naive
polling downloads it every time.

Simulated for real, scaled down: ``--sim-agents`` agents as asyncio tasks, each with its own
HTTP client and temporary cache, over 60 compressed minutes (``--minute-seconds`` each; a
minute whose syncs overrun simply ends late, so the counts do not depend on the machine's
speed). Agents' phases are spread over the interval. One hash-conditional agent sync is
``sync_caller_ids``; one naive poll is ``client.get_my_caller_ids()`` with no LastHash (what
a naive client downloads; storing it would not change the bytes). Every agent syncs once
before the hour starts (a cold cache), reported apart.

How the caller-ID set changes: a demo tenant's set never changes by itself, so K+1 demo
tenants run side by side with seeds 1..K+1, and at each change (minutes 15 and 45 for K=2)
the agents' HTTP transport starts sending to the next one. The agents keep one tenant URL
throughout, so to them (and to their caches) it is one tenant whose set changed: their
LastHash no longer matches and they get the new set, exactly as after a change in the CRM.
Seeds give sets of slightly different sizes, so measured bytes differ a little from the
estimate, which uses the seed-1 sizes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import _support as s
import httpx

from screenpop import __version__
from screenpop.sync.caller_ids import sync_caller_ids

MINUTES = 60
SIM_TOLERANCE = 0.05  # simulated bytes within 5% of the estimate: the model is right


@dataclass
class Meter:
    requests: int = 0
    sent: int = 0
    received: int = 0

    @property
    def bytes(self) -> int:
        return self.sent + self.received


class _CountingStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, meter: Meter) -> None:
        self._inner = inner
        self._meter = meter

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            self._meter.received += len(chunk)
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


class Router:
    """Which tenant the agents' requests go to now (a change of the caller-ID set)."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.current = 0

    @property
    def port(self) -> int:
        return self.ports[self.current]


class CountingTransport(httpx.AsyncBaseTransport):
    """Counts HTTP/1.1 bytes each way and sends each request to the router's tenant."""

    def __init__(self, meter: Meter, router: Router | None = None) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._meter = meter
        self._router = router

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._router is not None:
            request.url = request.url.copy_with(port=self._router.port)
        line = f"{request.method} {request.url.raw_path.decode()} HTTP/1.1\r\n"
        self._meter.requests += 1
        self._meter.sent += len(line) + _head_size(request.headers) + len(request.content)
        response = await self._inner.handle_async_request(request)
        reason = response.extensions.get("reason_phrase", b"")
        self._meter.received += len(f"HTTP/1.1 {response.status_code} ") + len(reason) + 2
        self._meter.received += _head_size(response.headers)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _CountingStream(response.stream, self._meter)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


def _head_size(headers: httpx.Headers) -> int:
    # "Name: value\r\n" per line, then the blank line that ends the head.
    return sum(len(name) + len(value) + 4 for name, value in headers.raw) + 2


def _http(meter: Meter, router: Router | None = None) -> httpx.AsyncClient:
    # As make_http_client, with a counting transport: the same headers go on the wire.
    return httpx.AsyncClient(
        transport=CountingTransport(meter, router),
        timeout=s.LONG_TIMEOUT,
        headers={"User-Agent": f"Screenpop/{__version__}"},
        follow_redirects=False,
    )


# -- one exchange, measured ----------------------------------------------------------------


@dataclass(frozen=True)
class Exchange:
    requests: int
    sent: int
    received: int
    entries: int

    @property
    def total(self) -> int:
        return self.sent + self.received


async def _measure_exchanges(url: str) -> tuple[Exchange, Exchange]:
    """One full and one unchanged sync, each metered on its own."""
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache.sqlite3"
        sizes = []
        for _ in range(2):
            meter = Meter()
            async with _http(meter) as http:
                result = await sync_caller_ids(s.make_client(http, url), cache, s.REGION)
            sizes.append(Exchange(meter.requests, meter.sent, meter.received, result.total))
    full, unchanged = sizes
    return full, unchanged


# -- the fleet's hour, computed ------------------------------------------------------------


@dataclass(frozen=True)
class Hour:
    requests: float
    full_answers: float
    bytes: float


def compute_hour(
    agents: int, interval: int, changes: int, full: Exchange, unchanged: Exchange
) -> tuple[Hour, Hour]:
    """(hash-conditional, naive) for one steady-state hour of the fleet."""
    syncs = MINUTES / interval
    downloads = min(changes, syncs)  # more changes than syncs: every sync downloads
    conditional = Hour(
        agents * (downloads * full.requests + (syncs - downloads) * unchanged.requests),
        agents * downloads,
        agents * (downloads * full.total + (syncs - downloads) * unchanged.total),
    )
    naive = Hour(agents * syncs * full.requests, agents * syncs, agents * syncs * full.total)
    return conditional, naive


# -- the fleet's hour, simulated -----------------------------------------------------------


def change_minutes(changes: int) -> list[int]:
    """Evenly spread in the hour, mid-slot: 15 and 45 for two changes."""
    return [int((i + 0.5) * MINUTES / changes) for i in range(changes)]


@dataclass
class SimResult:
    meter: Meter
    full_answers: int
    seconds: float
    late_minutes: int
    cold: Meter


async def simulate(
    ports: list[int],
    url: str,
    agents: int,
    interval: int,
    changes: int,
    minute_s: float,
    *,
    naive: bool,
    folder: Path,
) -> SimResult:
    router = Router(ports)
    cold, meter = Meter(), Meter()
    full_answers = 0

    async def sync(index: int, http: httpx.AsyncClient) -> bool:
        client = s.make_client(http, url)
        if naive:
            return await client.get_my_caller_ids() is not None
        result = await sync_caller_ids(client, folder / f"agent-{index}.sqlite3", s.REGION)
        return result.changed

    async with contextlib.AsyncExitStack() as stack:
        cold_clients = [await stack.enter_async_context(_http(cold, router)) for _ in range(agents)]
        await asyncio.gather(*(sync(i, cold_clients[i]) for i in range(agents)))
        clients = [await stack.enter_async_context(_http(meter, router)) for _ in range(agents)]
        phases = [i * interval // agents for i in range(agents)]  # spread over the interval
        switch_at = set(change_minutes(changes))
        late = 0
        started = time.perf_counter()
        for minute in range(MINUTES):
            slot_end = started + (minute + 1) * minute_s
            if minute in switch_at:
                router.current = (router.current + 1) % len(ports)
            due = [i for i in range(agents) if (minute - phases[i]) % interval == 0]
            changed = await asyncio.gather(*(sync(i, clients[i]) for i in due))
            full_answers += sum(changed)
            rest = slot_end - time.perf_counter()
            if rest > 0:
                await asyncio.sleep(rest)
            else:
                late += 1
        seconds = time.perf_counter() - started
        # The cold clients already did their one request each; their pools close with the stack.
    return SimResult(meter, full_answers, seconds, late, cold)


@contextlib.contextmanager
def _tenants(persons: int, count: int) -> Iterator[list[str]]:
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(s.demo_tenant(persons, seed)) for seed in range(1, count + 1)]
        yield urls


def _port(url: str) -> int:
    port = httpx.URL(url).port
    assert port is not None, url
    return port


def _mb(value: float) -> str:
    if value >= 1e9:
        return f"{value / 1e9:,.2f} GB"
    return f"{value / 1e6:,.2f} MB" if value >= 1e6 else f"{value / 1e3:,.1f} kB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small tenant and 8 agents")
    parser.add_argument("--agents", type=int, default=500, help="fleet size (computed)")
    parser.add_argument("--interval-minutes", type=int, default=5)
    parser.add_argument("--changes-per-hour", type=int, default=2)
    parser.add_argument("--persons", type=int, default=None, help="demo tenant size")
    parser.add_argument("--sim-agents", type=int, default=None, help="agents simulated for real")
    parser.add_argument("--minute-seconds", type=float, default=0.05)
    args = parser.parse_args()
    interval, changes = args.interval_minutes, args.changes_per_hour
    if not 1 <= interval <= MINUTES:
        parser.error("--interval-minutes is between 1 and 60")
    if not 1 <= changes <= 12:
        parser.error("--changes-per-hour is between 1 and 12 (one demo tenant runs per set)")
    persons = args.persons or (1_000 if args.quick else 6_200)
    sim_agents = args.sim_agents or (8 if args.quick else 20)

    print(f"starting {changes + 1} demo tenants of {persons:,} persons …", flush=True)
    with _tenants(persons, changes + 1) as urls, tempfile.TemporaryDirectory() as tmp:
        for url in urls:
            asyncio.run(s.warm(url))
        full, unchanged = asyncio.run(_measure_exchanges(urls[0]))
        ports = [_port(url) for url in urls]
        print(f"simulating {sim_agents} agents, hash-conditional then naive …", flush=True)
        sims = {}
        for naive in (False, True):
            folder = Path(tmp) / ("naive" if naive else "conditional")
            folder.mkdir()
            sims[naive] = asyncio.run(
                simulate(
                    ports,
                    urls[0],
                    sim_agents,
                    interval,
                    changes,
                    args.minute_seconds,
                    naive=naive,
                    folder=folder,
                )
            )

    print()
    print(f"Measured: one GetMyCallerIDs exchange over loopback ({full.entries:,} caller IDs)")
    print(f"{'sync':>18} {'requests':>9} {'sent':>10} {'received':>12} {'total':>12}")
    for label, ex in (("full", full), ("unchanged (null)", unchanged)):
        print(
            f"{label:>18} {ex.requests:>9} {ex.sent:>8,} B {ex.received:>10,} B {ex.total:>10,} B"
        )

    syncs = MINUTES / interval
    conditional, naive_hour = compute_hour(args.agents, interval, changes, full, unchanged)
    print()
    print(
        f"Computed: {args.agents:,} agents, a sync every {interval} min ({syncs:g}/h each), "
        f"the set changing {changes}×/h"
    )
    print(f"{'':>18} {'requests/h':>11} {'full answers/h':>15} {'bytes/h':>12} {'per agent':>11}")
    for label, hour in (("naive polling", naive_hour), ("hash-conditional", conditional)):
        print(
            f"{label:>18} {hour.requests:>11,.0f} {hour.full_answers:>15,.0f} "
            f"{_mb(hour.bytes):>12} {_mb(hour.bytes / args.agents):>11}"
        )
    print(
        f"{'conditional/naive':>18} {conditional.requests / naive_hour.requests:>10.2f}x "
        f"{conditional.full_answers / naive_hour.full_answers:>14.3f}x "
        f"{conditional.bytes / naive_hour.bytes:>11.3f}x"
    )

    print()
    print(
        f"Simulated for real: {sim_agents} agents, {MINUTES} minutes of {args.minute_seconds:g} s "
        f"(set changes at minutes {', '.join(map(str, change_minutes(changes)))})"
    )
    print(
        f"{'':>18} {'requests':>9} {'full answers':>13} {'measured':>12} {'computed':>12} "
        f"{'diff':>7} {'took':>7}"
    )
    sim_conditional, sim_naive = compute_hour(sim_agents, interval, changes, full, unchanged)
    worst = 0.0
    for label, naive, estimate in (
        ("naive polling", True, sim_naive),
        ("hash-conditional", False, sim_conditional),
    ):
        r = sims[naive]
        diff = r.meter.bytes / estimate.bytes - 1
        worst = max(worst, abs(diff))
        minutes = "minute" if r.late_minutes == 1 else "minutes"
        late = f" ({r.late_minutes} {minutes} overran)" if r.late_minutes else ""
        print(
            f"{label:>18} {r.meter.requests:>9,} {r.full_answers:>13,} {_mb(r.meter.bytes):>12} "
            f"{_mb(estimate.bytes):>12} {diff:>+6.1%} {r.seconds:>6.1f}s{late}"
        )
    cold = sims[False].cold
    print(
        f"(before the hour, cold caches: {cold.requests} full syncs, {_mb(cold.bytes)}; "
        f"computed requests: {sim_conditional.requests:,.0f} each way, full answers "
        f"{sim_conditional.full_answers:,.0f} vs {sim_naive.full_answers:,.0f})"
    )

    print()
    saving = naive_hour.bytes / conditional.bytes
    print(
        s.verdict(
            f"hash-conditional sync moves fewer bytes than naive polling "
            f"({saving:.1f}× less for the fleet)",
            conditional.bytes < naive_hour.bytes,
        )
    )
    print(
        s.verdict(
            f"simulated bytes within {SIM_TOLERANCE:.0%} of the computed estimate "
            f"(worst {worst:.1%})",
            worst <= SIM_TOLERANCE,
        )
    )


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
