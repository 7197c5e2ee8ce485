"""A set written whole is begun on its first pieces while the rest still arrives, and ends as
the whole answer read at once would: after a retry, a cut inside a name, or a failure.

The answers are CallerIDCollections in SuperOffice's shape (SuperOfficeDocs/superoffice-docs,
docs/en/api/reference/restful/agent/Pocket_Agent/v1PocketAgent_GetMyCallerIDs.md), served by
the demo tenant from a file; a transport in front of it hands the body over in small chunks,
as a network does, and can drop the connection part-way through one answer.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.demo.server import DemoConfig, create_app
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.auth import make_auth
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.caller_id_body import (
    PIECE_BYTES,
    Again,
    Ended,
    PiecesAsSent,
    parse_caller_id_answer,
)
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.errors import TenantUnreachableError
from screenpop.superoffice.retry import RetryPolicy
from screenpop.superoffice.tenant import Tenant
from screenpop.sync.caller_ids import sync_caller_ids

TENANT = Tenant.parse("http://demo.test/Cust12345")
CHUNK = 16 * 1024


def _entry(n: int, name: str = "") -> dict[str, Any]:
    return {
        "PhoneNumber": 22000000 + n,
        "DialInPrefix": 47,
        "PersonId": n,
        "PersonName": name or f"Kari Number{n}",
        "Mrmrs": "",
        "ContactId": 1000 + n // 50,
        "ContactName": f"Firma{n // 50} AS",
    }


# Enough entries for several pieces of PIECE_BYTES: the answer is cut as it comes.
ENTRIES = [_entry(n) for n in range(1, 12_001)]


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, body: bytes, drop_at: int | None) -> None:
        self._body, self._drop_at = body, drop_at

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self._body), CHUNK):
            if self._drop_at is not None and start >= self._drop_at:
                raise httpx.RemoteProtocolError("peer closed connection mid-answer")
            yield self._body[start : start + CHUNK]


class _Network(httpx.AsyncBaseTransport):
    """The demo tenant's answers in chunks; the first caller-ID answers dropped part-way."""

    def __init__(self, app: Any, drops: int = 0) -> None:
        self._inner = httpx.ASGITransport(app=app)
        self._drops = drops
        self.caller_id_answers = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        body = await response.aread()
        drop_at = None
        if request.url.path.endswith("GetMyCallerIDs") and response.status_code == 200:
            self.caller_id_answers += 1
            if self._drops:
                self._drops -= 1
                drop_at = int(len(body) * 0.6)
        return httpx.Response(
            response.status_code, headers=response.headers, stream=_Chunks(body, drop_at)
        )


async def _sync(
    tmp_path: Path, entries: list[Any], cache: Path, *, drops: int = 0, attempts: int = 3
) -> tuple[Any, _Network]:
    document = tmp_path / "answer.json"
    document.write_text(json.dumps({"CallerIDHash": "h1", "CallerIDs": entries}))
    network = _Network(create_app(DemoConfig(caller_ids_file=document)), drops)
    retry = RetryPolicy(attempts=attempts, base_delay_s=0.01, max_delay_s=0.01)
    async with httpx.AsyncClient(transport=network) as http:
        auth = make_auth(AuthKind.BASIC, "demo", "demo")
        client = SuperOfficeClient(http, TENANT, auth, retry=retry)
        return await sync_caller_ids(client, cache, "NO"), network


def _stored(cache_path: Path) -> list[tuple[Any, ...]]:
    with CallerIdCache(cache_path) as cache:
        return cache._db.execute(
            "SELECT c.id, c.e164, c.person_id, p.text, k.text FROM caller_id c "
            "JOIN name p ON p.id = c.person_name JOIN name k ON k.id = c.contact_name "
            "ORDER BY c.id"
        ).fetchall()


def _expected(entries: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (i, f"+47{e['PhoneNumber']}", e["PersonId"], e["PersonName"], e["ContactName"])
        for i, e in enumerate(entries, start=1)
    ]


def _no_writer_left() -> bool:
    return not any(t.name == "cache writer" for t in threading.enumerate())


def _written_as_they_came(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    found = [r.args for r in caplog.records if "written as they came" in r.getMessage()]
    assert len(found) == 1
    taken, batches = found[0]  # type: ignore[misc]
    return int(taken), int(batches)


async def test_a_first_sync_in_chunks_stores_every_entry_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, "screenpop.sync")
    cache = tmp_path / "cache.sqlite3"
    result, network = await _sync(tmp_path, ENTRIES, cache)
    taken, batches = _written_as_they_came(caplog)
    assert 0 < taken < batches  # begun before the last byte, the last batch after it
    assert (result.added, result.total, result.skipped) == (12_000, 12_000, 0)
    assert network.caller_id_answers == 1
    assert _stored(cache) == _expected(ENTRIES)
    with CallerIdCache(cache) as reader:
        assert [e.caller.person_id for e in reader.search("number11999")] == [11999]
    assert _no_writer_left()


async def test_a_dropped_answer_is_asked_again_and_stored_as_the_whole(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, "screenpop.sync")
    cache = tmp_path / "cache.sqlite3"
    result, network = await _sync(tmp_path, ENTRIES, cache, drops=1)
    assert network.caller_id_answers == 2
    assert _written_as_they_came(caplog)[0] > 0  # of the second attempt
    assert (result.added, result.total) == (12_000, 12_000)
    # The first attempt's pieces were written and then emptied with the set: once each.
    assert _stored(cache) == _expected(ENTRIES)


async def test_a_cut_inside_a_name_starts_the_set_over(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, "screenpop.sync")
    # "}," inside every name of the second half: the first cut there lands in one, after
    # pieces of the first half were written; the whole answer is then read in one call.
    tricky = [_entry(n, 'Ann "},{" Lee' if n > 6000 else "") for n in range(1, 12_001)]
    cache = tmp_path / "cache.sqlite3"
    result, _ = await _sync(tmp_path, tricky, cache)
    assert (result.added, result.total) == (12_000, 12_000)
    assert _stored(cache) == _expected(tricky)
    assert any("starting over" in r.getMessage() for r in caplog.records)


async def test_an_answer_that_never_comes_leaves_the_set_as_it_was(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    with pytest.raises(TenantUnreachableError, match="dropped mid-answer"):
        await _sync(tmp_path, ENTRIES, cache, drops=2, attempts=2)
    with CallerIdCache(cache) as reader:
        assert reader.count() == 0 and reader.meta("caller_id_hash") is None
    assert _no_writer_left()


def _as_sent(entries: list[Any], hash_first: bool) -> bytes:
    items = [("CallerIDHash", "h"), ("CallerIDs", entries)]
    return json.dumps(dict(items if hash_first else items[::-1]), indent=1).encode()


@settings(max_examples=60, deadline=None, database=None)
@given(
    st.lists(st.text(alphabet='ab},{"\\ ]', max_size=12), min_size=150, max_size=400),
    st.integers(1, 5000),
    st.booleans(),
)
def test_the_pieces_as_they_come_are_the_whole_answers_first_batches(
    names: list[str], chunk: int, hash_first: bool
) -> None:
    body = _as_sent([_entry(n, name) for n, name in enumerate(names)], hash_first)
    piece_bytes = 2000
    pieces = PiecesAsSent(piece_bytes)
    so_far = bytearray()
    for start in range(0, len(body), chunk):
        so_far += body[start : start + chunk]
        pieces.feed(so_far)
    whole = parse_caller_id_answer(body, piece_bytes)
    pieces.end(whole)
    taken: list[bytes] = []
    while not isinstance(item := pieces.take(), Ended):
        assert not isinstance(item, Again)
        taken.append(item)
    assert whole is not None and item.answer is whole
    texts = [batch.text for batch in whole.batches]
    if all(text is not None for text in texts):
        # Cut where the whole answer is cut; its last batch waits for the end.
        assert taken == texts[: len(taken)] and len(taken) < len(texts)
    # Otherwise a cut fell inside a name: the sync notices the pieces differ.


def test_a_small_answer_is_not_cut_as_it_comes() -> None:
    body = _as_sent([_entry(n) for n in range(20)], True)
    pieces = PiecesAsSent()
    pieces.feed(bytearray(body))
    pieces.end(None)
    assert len(body) < 2 * PIECE_BYTES and pieces.take() == Ended(None)
