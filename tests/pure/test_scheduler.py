"""The sync scheduler: intervals that change while it waits, a floor no setting gets under, and
"sync now" during a sync is kept rather than lost."""

from __future__ import annotations

import asyncio
import random

from screenpop.sync.result import SyncResult
from screenpop.sync.scheduler import MIN_INTERVAL_S, SyncHealth, SyncScheduler, SyncStatus


class Syncs:
    def __init__(self, hold: asyncio.Event | None = None) -> None:
        self.count = 0
        self.hold = hold
        self.statuses: list[SyncStatus] = []

    async def __call__(self) -> SyncResult:
        self.count += 1
        if self.hold is not None:
            await self.hold.wait()
        return SyncResult(0, 0, 0, 0, 0, 0.0, changed=False)


async def _until(condition: object, within_s: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + within_s
    while not condition():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.005)


async def test_a_shorter_interval_applies_to_the_wait_under_way() -> None:
    syncs = Syncs()
    scheduler = SyncScheduler(syncs, syncs.statuses.append, interval_s=3600,
                              min_interval_s=0.05, rng=random.Random(1))  # fmt: skip
    scheduler.start()
    try:
        await _until(lambda: syncs.count == 1 and scheduler.status.health is SyncHealth.SYNCED)
        scheduler.set_interval(0.05)
        await _until(lambda: syncs.count >= 3, within_s=2.0)
    finally:
        await scheduler.stop()


async def test_no_interval_gets_under_the_floor() -> None:
    syncs = Syncs()
    scheduler = SyncScheduler(syncs, syncs.statuses.append, interval_s=0)
    assert scheduler.interval_s == MIN_INTERVAL_S == 60
    scheduler.set_interval(-5)
    assert scheduler.interval_s == MIN_INTERVAL_S
    scheduler.start()
    try:
        await _until(lambda: syncs.count == 1 and scheduler.status.health is SyncHealth.SYNCED)
        await asyncio.sleep(0.2)
        assert syncs.count == 1
    finally:
        await scheduler.stop()


async def test_sync_now_during_a_sync_syncs_once_more_after_it() -> None:
    hold = asyncio.Event()
    syncs = Syncs(hold)
    scheduler = SyncScheduler(syncs, syncs.statuses.append, interval_s=3600)
    scheduler.start()
    try:
        await _until(lambda: syncs.count == 1)
        for _ in range(50):  # a flood of requests (new settings, `SyncNow` messages)
            scheduler.sync_now()
        hold.set()
        await _until(lambda: syncs.count == 2)
        await asyncio.sleep(0.2)
        assert syncs.count == 2
    finally:
        await scheduler.stop()
