"""One sync of the caller-ID cache: fetch with LastHash, write only what changed, atomically."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screenpop.core.errors import DecodeError
from screenpop.core.models import CallerId
from screenpop.core.normalise import NORMALISER, normalise_caller_id, normaliser
from screenpop.store.cache import (
    META_HOME_REGION,
    CacheDamagedError,
    CallerIdCache,
    ReplaceResult,
    Row,
    make_row,
    move_aside,
)
from screenpop.store.cache_update import CacheUpdate, entry_key, unique_positions
from screenpop.superoffice.caller_id_body import (
    Again,
    Batch,
    CallerIdAnswer,
    Ended,
    PiecesAsSent,
    WireCallerId,
    decode_entries,
    yielding_to_the_ui,
)
from screenpop.superoffice.tenant import Tenant, parse_tenant_address
from screenpop.sync.result import (
    META_COUNT,
    META_HASH,
    META_LAYOUT,
    META_SOURCE,
    META_SYNCED_AT,
    SyncResult,
)

if TYPE_CHECKING:
    from screenpop.superoffice.client import SuperOfficeClient

log = logging.getLogger(__name__)


def _source(tenant: Tenant, selection_id: int | None, min_days: int | None) -> str:
    """What the cached set answers to: the user's own caller IDs (maybe within a date window)
    or a selection's. A change of any part means a full fetch, not a LastHash check.

    An Online tenant moves between hosts, so it is known by its customer id: a move is no
    reason to fetch everything again (a wrong guess costs one full answer, as LastHash
    only ever matches the set it was computed from)."""
    customer = parse_tenant_address(tenant.base).customer
    return f"{customer or tenant.base}|selection={selection_id}|days={min_days}"


def build_rows(
    entries: list[Any], home_region: str, keys: Sequence[int] | None = None
) -> tuple[list[Row], int]:
    """Decode, normalise and key entries that are plain JSON values, tolerantly: one that
    cannot be a number is counted, and never fails the sync. ``keys``: the entries' keys
    (from the bytes they were sent as), else made from their values."""
    rows: list[Row] = []
    skipped = 0
    for index, entry in enumerate(entries):
        try:
            caller = CallerId.from_wire(entry)
        except DecodeError:
            skipped += 1
            continue
        normalised = normalise_caller_id(caller.phone_number, caller.dial_in_prefix, home_region)
        if normalised is None:
            skipped += 1
            continue
        rows.append(
            make_row(
                normalised.e164,
                normalised.country_code,
                caller.phone_number,
                caller.dial_in_prefix,
                caller.person_id,
                caller.person_name,
                caller.mrmrs,
                caller.contact_id,
                caller.contact_name,
                key=None if keys is None else keys[index],
            )
        )
    return rows, skipped


def _write_regular(
    update: CacheUpdate, entries: list[WireCallerId], keys: Sequence[int], home_region: str
) -> int:
    """Normalise typed entries and write them; returns how many were skipped. This loop runs
    a million times for a large tenant, so it builds each row as stored, in one go."""
    values: list[object] = []
    kept: list[int] = []
    # Names seen before by dict lookup alone (ids start at 1), new ones through name_id.
    known, name_id = update.known_names.get, update.name_id
    normalise = normaliser(home_region)
    for e, key in zip(entries, keys, strict=True):
        normalised = normalise(e.PhoneNumber, e.DialInPrefix)
        if normalised is None:
            continue
        e164, country_code = normalised
        kept.append(key)
        values += (
            e164,
            e164[:0:-1],
            len(str(country_code)),
            e.PhoneNumber,
            e.DialInPrefix,
            e.PersonId,
            known(e.PersonName) or name_id(e.PersonName),
            e.Mrmrs,
            e.ContactId,
            known(e.ContactName) or name_id(e.ContactName),
        )
    update.add_stored(kept, values)
    return len(entries) - len(kept)


def _write_batch(update: CacheUpdate, batch: Batch, keys: list[int], home_region: str) -> int:
    """Decode, normalise and write a batch of new entries; returns how many were skipped."""
    regular, plain = decode_entries(batch.array())
    if regular is not None:
        return _write_regular(update, regular, keys, home_region)
    rows, skipped = build_rows(plain or [], home_region, keys)
    update.add(rows)
    return skipped


def _layout(home_region: str) -> str:
    """What the stored normal forms depend on: the home region and the normaliser."""
    return f"{home_region}|{NORMALISER}"


def _cached_hash(cache_path: Path, source: str, home_region: str) -> tuple[str | None, int, bool]:
    """The cached set's hash (None: fetch it whole), its size, and whether the next set is
    written whole: nothing cached to keep, or normalised another way."""
    try:
        with CallerIdCache(cache_path) as cache:
            count = int(cache.meta(META_COUNT) or 0)
            other_layout = cache.meta(META_LAYOUT) != _layout(home_region)
            if cache.meta(META_SOURCE) != source or other_layout:
                return None, count, other_layout or count == 0
            return cache.meta(META_HASH), count, count == 0
    except CacheDamagedError:
        return None, 0, True  # fetch the whole set; storing it moves the damaged file aside


def _write(
    cache: CallerIdCache, answer: CallerIdAnswer, meta: dict[str, str], home_region: str
) -> tuple[ReplaceResult, int]:
    """Key every entry, keep what is stored already, and decode, normalise and write only
    the rest (or everything, when most of it is new)."""
    start_over = cache.meta(META_LAYOUT) != meta[META_LAYOUT]
    with cache.update(start_over=start_over) as update:
        skipped = _write_batches(update, answer.batches, home_region)
        meta[META_COUNT] = str(update.count)
        finished = update.finish(meta)
    _let_go(answer)
    return finished, skipped


def _write_batches(update: CacheUpdate, batches: list[Batch], home_region: str) -> int:
    """:func:`_write` for the next batches of the new set; returns how many were skipped."""
    keyed = [list(map(entry_key, batch.raws)) for batch in batches]
    fresh = [update.keep(keys) for keys in keyed]
    if update.worth_rebuilding():
        update.rebuild()
        fresh = [unique_positions(keys) for keys in keyed]
    skipped = 0
    for i, batch in enumerate(batches):
        skipped += _write_new(update, batch, keyed[i], fresh[i], home_region)
        keyed[i] = fresh[i] = []  # freed a batch at a time (see _let_go)
    return skipped


def _let_go(answer: CallerIdAnswer) -> None:
    """Free the answer's entries a batch at a time. A million objects freed in one go, as
    the last reference to them goes, hold Python's lock for tens of milliseconds: frames
    the UI thread would miss."""
    while answer.batches:
        answer.batches.pop()


def _write_new(
    update: CacheUpdate, batch: Batch, keys: list[int], new: list[int], home_region: str
) -> int:
    """Write the entries of ``batch`` at the positions ``new``."""
    if len(new) < len(keys):
        if not new:
            return 0
        batch = Batch([batch.raws[i] for i in new])
        keys = [keys[i] for i in new]
    return _write_batch(update, batch, keys, home_region)


class _NoAnswer(Exception):
    """The answer was "unchanged", or none came: nothing to write."""


def _write_as_it_comes(
    cache: CallerIdCache, pieces: PiecesAsSent, meta: dict[str, str], home_region: str
) -> tuple[ReplaceResult, int]:
    """:func:`_write` for a set written whole, begun on its first pieces while the rest
    still arrives. They count where they are the answer's own first batches, byte for byte;
    anything else (a retry, a piece cut inside a name) starts the set over."""
    start_over = cache.meta(META_LAYOUT) != meta[META_LAYOUT]
    with cache.update(start_over=start_over) as update:
        done: list[bytes] = []
        skipped = 0
        taking = update.rebuilding  # else the whole answer decides what is kept
        while not isinstance(item := pieces.take(), Ended):
            if isinstance(item, Again):
                if done:
                    update.rebuild()
                done, skipped, taking = [], 0, update.rebuilding
            elif taking and (batch := pieces.batch(item, len(done))) is not None:
                keys = list(map(entry_key, batch.raws))
                skipped += _write_new(update, batch, keys, update.keep(keys), home_region)
                done.append(item)
            else:
                taking = False
        answer = item.answer
        if answer is None:
            raise _NoAnswer
        if [batch.text for batch in answer.batches[: len(done)]] != done:
            if done:
                log.debug("the pieces taken as they came are not the answer's: starting over")
                update.rebuild()
            done, skipped = [], 0
        log.debug("%d of %d batches written as they came", len(done), len(answer.batches))
        meta[META_HASH] = answer.hash
        skipped += _write_batches(update, answer.batches[len(done) :], home_region)
        meta[META_COUNT] = str(update.count)
        finished = update.finish(meta)
    _let_go(answer)
    return finished, skipped


def _store(
    cache_path: Path, handed: list[CallerIdAnswer], source: str, home_region: str
) -> tuple[int, int, int, int, int]:
    """Store the answer ``handed`` over: this thread holds its only reference, so its million
    objects are freed here, not on the UI thread once the sync returns."""
    answer = handed.pop()
    with yielding_to_the_ui():
        meta = _meta(answer.hash, source, home_region)
        try:
            with CallerIdCache(cache_path) as cache:
                result, skipped = _write(cache, answer, meta, home_region)
        except CacheDamagedError as err:
            move_aside(cache_path, err.message)
            with CallerIdCache(cache_path) as cache:
                result, skipped = _write(cache, answer, meta, home_region)
    return result.added, result.removed, result.unchanged, skipped, result.total


def _store_as_it_comes(
    cache_path: Path, pieces: PiecesAsSent, source: str, home_region: str
) -> tuple[int, int, int, int, int] | None:
    """Store a set written whole from its pieces as they arrive (see
    :func:`_write_as_it_comes`); None when the answer was "unchanged" or none came."""
    with yielding_to_the_ui():
        meta = _meta("", source, home_region)
        try:
            with CallerIdCache(cache_path) as cache:
                result, skipped = _write_as_it_comes(cache, pieces, meta, home_region)
        except _NoAnswer:
            return None
        except CacheDamagedError as err:
            move_aside(cache_path, err.message)
            while not isinstance(item := pieces.take(), Ended):
                pass  # what was taken is gone with the damaged file: the whole answer, then
            if item.answer is None:
                return None
            meta[META_HASH] = item.answer.hash
            with CallerIdCache(cache_path) as cache:
                result, skipped = _write(cache, item.answer, meta, home_region)
    return result.added, result.removed, result.unchanged, skipped, result.total


def _meta(hash_: str, source: str, home_region: str) -> dict[str, str]:
    return {
        META_HASH: hash_,
        META_SYNCED_AT: datetime.now(UTC).isoformat(),
        META_SOURCE: source,
        META_HOME_REGION: home_region,
        META_LAYOUT: _layout(home_region),
    }


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
    """Fetch the caller IDs and update the cache with what changed; decoding, normalising
    and SQLite run off this thread, a little at a time (the UI keeps its frames). A set
    written whole is begun while it still arrives."""
    started = time.perf_counter()
    source = _source(client.tenant, selection_id, min_days)
    last_hash, count, whole = await asyncio.to_thread(_cached_hash, cache_path, source, home_region)
    fetch = partial(
        client.fetch_caller_ids, last_hash, selection_id=selection_id, min_date=_min_date(min_days)
    )
    stored = await (_fetch_as_it_comes if whole else _fetch_then_store)(
        fetch, cache_path, source, home_region
    )
    if stored is None:
        await asyncio.to_thread(_touch, cache_path)
        return SyncResult(0, 0, count, 0, count, time.perf_counter() - started, changed=False)
    seconds = time.perf_counter() - started
    added, removed, unchanged, skipped, total = stored
    log.info("caller IDs synced: %d added, %d removed, %d skipped", added, removed, skipped)
    return SyncResult(added, removed, unchanged, skipped, total, seconds, changed=True)


_Fetch = Callable[..., Awaitable[CallerIdAnswer | None]]
_Stored = tuple[int, int, int, int, int]


async def _fetch_then_store(
    fetch: _Fetch, cache_path: Path, source: str, home_region: str
) -> _Stored | None:
    collection = await fetch()
    if collection is None:
        return None
    handed = [collection]
    del collection
    return await asyncio.to_thread(_store, cache_path, handed, source, home_region)


async def _fetch_as_it_comes(
    fetch: _Fetch, cache_path: Path, source: str, home_region: str
) -> _Stored | None:
    pieces = PiecesAsSent()
    store = asyncio.ensure_future(
        asyncio.to_thread(_store_as_it_comes, cache_path, pieces, source, home_region)
    )
    try:
        await fetch(pieces=pieces)  # the answer goes to the store's thread, and is freed there
    except BaseException:
        pieces.end(failed=True)  # (the fetch says so too) the store rolls back
        with contextlib.suppress(Exception):
            await store
        raise  # the fetch's failure is the one to tell
    return await store
