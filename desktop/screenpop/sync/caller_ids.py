"""One sync of the caller-ID cache: fetch with LastHash, normalise once, swap in atomically."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from screenpop.core.errors import DecodeError
from screenpop.core.models import CallerId
from screenpop.core.normalise import normalise_caller_id
from screenpop.store.cache import (
    META_HOME_REGION,
    CacheDamagedError,
    CallerIdCache,
    Row,
    make_row,
    move_aside,
)
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.tenant import Tenant, parse_tenant_address

log = logging.getLogger(__name__)

META_HASH = "caller_id_hash"
META_SYNCED_AT = "synced_at"
META_SOURCE = "source"
META_COUNT = "count"


def _source(tenant: Tenant, selection_id: int | None, min_days: int | None) -> str:
    """What the cached set answers to: the user's own caller IDs (maybe within a date window)
    or a selection's. A change of any part means a full fetch, not a LastHash check.

    An Online tenant moves between hosts, so it is known by its customer id: a move is no
    reason to fetch everything again (a wrong guess costs one full answer, as LastHash
    only ever matches the set it was computed from)."""
    customer = parse_tenant_address(tenant.base).customer
    return f"{customer or tenant.base}|selection={selection_id}|days={min_days}"


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


def build_rows(entries: list[Any], home_region: str) -> tuple[list[Row], int]:
    """Decode, normalise and key every entry; one that cannot be a number is counted, and
    never fails the sync. The common, well-typed entry skips the tolerant decoder: this loop
    runs a million times for a large tenant."""
    rows: list[Row] = []
    skipped = 0
    # Any: the fields are checked by type() below, which mypy does not narrow through.
    number: Any
    prefix: Any
    person_id: Any
    contact_id: Any
    person_name: Any
    mrmrs: Any
    contact_name: Any
    for entry in entries:
        if type(entry) is dict:
            number = entry.get("PhoneNumber")
            prefix = entry.get("DialInPrefix")
            person_id = entry.get("PersonId")
            contact_id = entry.get("ContactId")
            person_name = entry.get("PersonName")
            mrmrs = entry.get("Mrmrs")
            contact_name = entry.get("ContactName")
            regular = (
                type(number) is int
                and type(prefix) is int
                and type(person_id) is int
                and type(contact_id) is int
                and type(person_name) is str
                and type(mrmrs) is str
                and type(contact_name) is str
            )
        else:
            regular = False
        if not regular:
            try:
                caller = CallerId.from_wire(entry)
            except DecodeError:
                skipped += 1
                continue
            number, prefix, person_id, person_name, mrmrs, contact_id, contact_name = (
                caller.phone_number,
                caller.dial_in_prefix,
                caller.person_id,
                caller.person_name,
                caller.mrmrs,
                caller.contact_id,
                caller.contact_name,
            )
        normalised = normalise_caller_id(number, prefix, home_region)
        if normalised is None:
            skipped += 1
            continue
        e164, country_code = normalised
        rows.append(
            make_row(
                e164,
                country_code,
                number,
                prefix,
                person_id,
                person_name,
                mrmrs,
                contact_id,
                contact_name,
            )
        )
    return rows, skipped


def _cached_hash(cache_path: Path, source: str, home_region: str) -> tuple[str | None, int]:
    try:
        with CallerIdCache(cache_path) as cache:
            count = int(cache.meta(META_COUNT) or 0)
            # The E.164 forms depend on the home region, the set on the source.
            if cache.meta(META_SOURCE) != source or cache.meta(META_HOME_REGION) != home_region:
                return None, count
            return cache.meta(META_HASH), count
    except CacheDamagedError:
        return None, 0  # fetch the whole set; storing it moves the damaged file aside


def _store(
    cache_path: Path, entries: list[Any], hash_: str, source: str, home_region: str
) -> tuple[int, int, int, int, int]:
    rows, skipped = build_rows(entries, home_region)
    meta = {
        META_HASH: hash_,
        META_SYNCED_AT: datetime.now(UTC).isoformat(),
        META_SOURCE: source,
        META_HOME_REGION: home_region,
        META_COUNT: str(len(rows)),
    }
    try:
        with CallerIdCache(cache_path) as cache:
            result = cache.replace_all(rows, meta)
    except CacheDamagedError as err:
        move_aside(cache_path, err.message)
        with CallerIdCache(cache_path) as cache:
            result = cache.replace_all(rows, meta)
    return result.added, result.removed, result.unchanged, skipped, result.total


def _touch(cache_path: Path) -> None:
    with CallerIdCache(cache_path) as cache:
        cache.set_meta(META_SYNCED_AT, datetime.now(UTC).isoformat())


def _min_date(days: int | None) -> str | None:
    if days is None:
        return None
    return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S")


async def sync_caller_ids(
    client: SuperOfficeClient,
    cache_path: Path,
    home_region: str,
    *,
    selection_id: int | None = None,
    min_days: int | None = None,
) -> SyncResult:
    """Fetch the caller IDs and update the cache; SQLite and normalising run off this thread.

    The name search index is brought up to date separately (:func:`update_search_index`),
    so the set is ready for pops first.
    """
    started = time.perf_counter()
    source = _source(client.tenant, selection_id, min_days)
    last_hash, count = await asyncio.to_thread(_cached_hash, cache_path, source, home_region)
    collection = await client.fetch_caller_ids(
        last_hash, selection_id=selection_id, min_date=_min_date(min_days)
    )
    if collection is None:
        await asyncio.to_thread(_touch, cache_path)
        seconds = time.perf_counter() - started
        return SyncResult(0, 0, count, 0, count, seconds, changed=False)
    added, removed, unchanged, skipped, total = await asyncio.to_thread(
        _store, cache_path, collection.entries, collection.hash, source, home_region
    )
    seconds = time.perf_counter() - started
    log.info("caller IDs synced: %d added, %d removed, %d skipped", added, removed, skipped)
    return SyncResult(added, removed, unchanged, skipped, total, seconds, changed=True)


def _update_search(cache_path: Path) -> int:
    with CallerIdCache(cache_path) as cache:
        return cache.update_search_index()


async def update_search_index(cache_path: Path) -> int:
    """Index new entries' names for the Find dialog (off this thread); returns how many."""
    return await asyncio.to_thread(_update_search, cache_path)
