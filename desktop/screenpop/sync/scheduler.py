"""Keeps the cache fresh: a sync at start, then periodically with jitter; errors back off."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from screenpop.core.errors import ConfigError, ScreenpopError
from screenpop.superoffice.errors import AuthenticationError
from screenpop.sync.result import SyncResult

log = logging.getLogger(__name__)

# However the interval was set, syncs are never closer than this (backoff after errors aside,
# which starts at seconds and doubles): a tenant serves every agent of a company.
MIN_INTERVAL_S = 60.0


class SyncHealth(StrEnum):
    NEVER = "never"
    SYNCING = "syncing"
    SYNCED = "synced"
    OFFLINE = "offline"
    SIGN_IN_NEEDED = "sign-in-needed"


@dataclass(frozen=True, slots=True)
class SyncStatus:
    health: SyncHealth
    last_result: SyncResult | None = None
    last_success: datetime | None = None
    error: str = ""


class SyncScheduler:
    def __init__(
        self,
        sync: Callable[[], Awaitable[SyncResult]],
        on_status: Callable[[SyncStatus], None],
        *,
        interval_s: float = 15 * 60,
        max_backoff_s: float = 15 * 60,
        min_interval_s: float = MIN_INTERVAL_S,
        rng: random.Random | None = None,
    ) -> None:
        self._sync = sync
        self._on_status = on_status
        self._min_interval = min_interval_s
        self._interval = max(min_interval_s, interval_s)
        self._max_backoff = max_backoff_s
        self._rng = rng or random.Random()
        self._wake = asyncio.Event()
        self._sync_requested = False
        self._failures = 0
        self._jitter = 1.0
        self._task: asyncio.Task[None] | None = None
        self.status = SyncStatus(SyncHealth.NEVER)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="caller-id sync")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def sync_now(self) -> None:
        """Sync as soon as possible (after the one under way, which may use old settings)."""
        self._sync_requested = True
        self._wake.set()

    def set_interval(self, interval_s: float) -> None:
        """A new interval (Settings) applies to the wait under way: counted from the last
        sync, so a shorter one may sync at once and a longer one waits longer."""
        interval_s = max(self._min_interval, interval_s)
        if interval_s != self._interval:
            self._interval = interval_s
            self._wake.set()

    @property
    def interval_s(self) -> float:
        return self._interval

    def _publish(self, status: SyncStatus) -> None:
        self.status = status
        self._on_status(status)

    async def _run(self) -> None:
        failures = 0
        while True:
            self._publish(
                SyncStatus(SyncHealth.SYNCING, self.status.last_result, self.status.last_success)
            )
            try:
                result = await self._sync()
            except (AuthenticationError, ConfigError) as err:
                failures += 1
                self._publish(self._failed(SyncHealth.SIGN_IN_NEEDED, err.message))
            except ScreenpopError as err:
                failures += 1
                log.warning("sync failed: %s", err.message)
                self._publish(self._failed(SyncHealth.OFFLINE, err.message))
            except Exception as err:  # a bug must not stop syncing for the rest of the day
                failures += 1
                log.exception("sync crashed")
                self._publish(self._failed(SyncHealth.OFFLINE, f"Unexpected error: {err}"))
            else:
                failures = 0
                log.info("sync done: %s", result.summary_line())
                self._publish(SyncStatus(SyncHealth.SYNCED, result, datetime.now(UTC)))
            await self._sleep(failures)

    def _failed(self, health: SyncHealth, message: str) -> SyncStatus:
        return SyncStatus(health, self.status.last_result, self.status.last_success, message)

    def _delay(self) -> float:
        if self._failures == 0:
            base = self._interval
        else:
            base = min(self._max_backoff, 5.0 * 2 ** (self._failures - 1))
        # Jitter keeps five hundred agents who booted at 08:00 from syncing in lockstep.
        return base * self._jitter

    async def _sleep(self, failures: int) -> None:
        loop = asyncio.get_running_loop()
        self._failures = failures
        self._jitter = self._rng.uniform(0.8, 1.2)
        started = loop.time()
        while not self._sync_requested:
            remaining = started + self._delay() - loop.time()
            if remaining <= 0:
                break
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=remaining)
        self._sync_requested = False
