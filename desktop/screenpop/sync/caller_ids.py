"""One sync of the caller-ID cache: fetch with LastHash, normalise once, swap in atomically."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from screenpop.core.matching import CacheEntry
from screenpop.core.models import CallerIdCollection
from screenpop.core.phone import caller_id_e164
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.client import SuperOfficeClient

log = logging.getLogger(__name__)

META_HASH = "caller_id_hash"
META_SYNCED_AT = "synced_at"
META_TENANT = "tenant"
META_COUNT = "count"


@dataclass(frozen=True, slots=True)
class SyncResult:
    added: int
    removed: int
    unchanged: int
    skipped: int
    total: int
    seconds: float
    changed: bool

    def summary_line(self) -> str:
        state = "changed" if self.changed else "no change"
        return (
            f"{state}: {self.added} added, {self.removed} removed, {self.unchanged} unchanged, "
            f"{self.skipped} skipped ({self.total} caller IDs) in {self.seconds:.2f} s"
        )


def normalise(collection: CallerIdCollection, home_region: str) -> tuple[list[CacheEntry], int]:
    """E.164 for every entry; entries that cannot be a phone number are counted, not fatal."""
    entries: list[CacheEntry] = []
    skipped = collection.skipped
    for caller in collection.caller_ids:
        e164 = caller_id_e164(caller.phone_number, caller.dial_in_prefix, home_region)
        if e164 is None:
            skipped += 1
        else:
            entries.append(CacheEntry(caller, e164))
    return entries, skipped


def _store(
    cache_path: Path, collection: CallerIdCollection, home_region: str, tenant: str
) -> tuple[int, int, int, int, int]:
    entries, skipped = normalise(collection, home_region)
    with CallerIdCache(cache_path) as cache:
        result = cache.replace_all(
            entries,
            {
                META_COUNT: str(len(entries)),
                META_HASH: collection.hash,
                META_SYNCED_AT: datetime.now(UTC).isoformat(),
                META_TENANT: tenant,
                "home_region": home_region,
            },
        )
    return result.added, result.removed, result.unchanged, skipped, result.total


def _cached_hash(cache_path: Path, home_region: str, tenant: str) -> tuple[str | None, int]:
    with CallerIdCache(cache_path) as cache:
        # A new tenant or home region invalidates the cache: the E.164 forms depend on both.
        if cache.meta(META_TENANT) != tenant or cache.meta("home_region") != home_region:
            return None, cache.count()
        return cache.meta(META_HASH), cache.count()


def _touch(cache_path: Path) -> None:
    with CallerIdCache(cache_path) as cache:
        cache.set_meta(META_SYNCED_AT, datetime.now(UTC).isoformat())


async def sync_caller_ids(
    client: SuperOfficeClient, cache_path: Path, home_region: str
) -> SyncResult:
    """Fetch the caller IDs and update the cache; SQLite and normalising run off this thread."""
    started = time.perf_counter()
    tenant = client.tenant.base
    last_hash, count = await asyncio.to_thread(_cached_hash, cache_path, home_region, tenant)
    collection = await client.get_my_caller_ids(last_hash)
    if collection is None:
        await asyncio.to_thread(_touch, cache_path)
        seconds = time.perf_counter() - started
        return SyncResult(0, 0, count, 0, count, seconds, changed=False)
    added, removed, unchanged, skipped, total = await asyncio.to_thread(
        _store, cache_path, collection, home_region, tenant
    )
    seconds = time.perf_counter() - started
    log.info("caller IDs synced: %d added, %d removed, %d skipped", added, removed, skipped)
    return SyncResult(added, removed, unchanged, skipped, total, seconds, changed=True)
