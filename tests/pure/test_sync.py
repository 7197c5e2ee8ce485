"""A sync against the demo tenant in-process: sources, the date window, junk, atomicity."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from screenpop.demo.server import DemoConfig, create_app
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.auth import make_auth
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.tenant import Tenant
from screenpop.sync.caller_ids import build_rows, sync_caller_ids

TENANT = Tenant.parse("http://demo.test/Cust12345")


def _client(
    app: object, seen: list[httpx.Request] | None = None, tenant: Tenant = TENANT
) -> SuperOfficeClient:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]

    async def record(request: httpx.Request) -> None:
        if seen is not None:
            seen.append(request)

    http = httpx.AsyncClient(transport=transport, event_hooks={"request": [record]})
    return SuperOfficeClient(http, tenant, make_auth(AuthKind.BASIC, "demo", "demo"))


@pytest.fixture
async def client() -> AsyncIterator[SuperOfficeClient]:
    so = _client(create_app(DemoConfig(seed=4, persons=150)))
    yield so
    await so._http.aclose()


async def test_a_selection_is_cached_instead_and_its_hash_kept_apart(
    client: SuperOfficeClient, tmp_path: Path
) -> None:
    path = tmp_path / "cache.sqlite3"
    mine = await sync_caller_ids(client, path, "NO")
    chosen = await sync_caller_ids(client, path, "NO", selection_id=3)
    assert chosen.changed and 0 < chosen.total < mine.total
    with CallerIdCache(path) as cache:
        assert all(e.caller.contact_id % 3 == 0 for e in cache.sample(10_000))
    again = await sync_caller_ids(client, path, "NO", selection_id=3)
    assert not again.changed
    # Back to the user's own set: a different source, so a full fetch, not "unchanged".
    back = await sync_caller_ids(client, path, "NO")
    assert back.changed and back.total == mine.total


async def test_the_date_window_is_sent_as_min_date(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []
    so = _client(create_app(DemoConfig(persons=20)), seen)
    await sync_caller_ids(so, tmp_path / "c.db", "NO", min_days=30)
    body = json.loads(seen[0].content)
    sent = datetime.fromisoformat(body["MinDate"]).replace(tzinfo=UTC)
    assert abs(sent - (datetime.now(UTC) - timedelta(days=30))) < timedelta(minutes=5)
    await so._http.aclose()


async def test_a_new_home_region_renormalises_everything(
    client: SuperOfficeClient, tmp_path: Path
) -> None:
    path = tmp_path / "cache.sqlite3"
    await sync_caller_ids(client, path, "NO")
    other = await sync_caller_ids(client, path, "SE")
    assert other.changed


def test_junk_entries_are_skipped_and_counted() -> None:
    entries = [
        {
            "PhoneNumber": 4722334455,
            "DialInPrefix": 0,
            "PersonId": 1,
            "PersonName": "Kari",
            "Mrmrs": "",
            "ContactId": 2,
            "ContactName": "Nordmann AS",
        },
        {"PhoneNumber": "22334455", "DialInPrefix": "47", "PersonId": "3", "ContactId": 2},
        {"PhoneNumber": 22334455.0, "DialInPrefix": 47.0, "PersonId": 0, "ContactId": 2},
        {"PhoneNumber": "call me", "ContactId": 2},
        {"PhoneNumber": 12, "DialInPrefix": 0},
        {"PhoneNumber": 99.99},
        None,
        ["not", "an", "object"],
        {"PhoneNumber": 10**30, "DialInPrefix": 0},
    ]
    rows, skipped = build_rows(entries, "NO")
    assert [row[1] for row in rows] == ["+4722334455"] * 3
    assert skipped == 6


async def test_the_search_index_comes_with_the_set(
    client: SuperOfficeClient, tmp_path: Path
) -> None:
    path = tmp_path / "cache.sqlite3"
    await sync_caller_ids(client, path, "NO")
    with CallerIdCache(path) as cache:
        someone = next(e for e in cache.sample(50) if not e.caller.is_company)
        first_name = someone.caller.person_name.split()[0]
        assert someone.caller.person_name in [
            e.caller.person_name for e in cache.search(someone.caller.person_name)
        ]
        assert cache.search(first_name)


async def test_a_tenant_that_moved_host_is_still_unchanged(tmp_path: Path) -> None:
    app = create_app(DemoConfig(seed=4, persons=150))
    seen: list[httpx.Request] = []
    before = _client(app)
    path = tmp_path / "cache.sqlite3"
    assert (await sync_caller_ids(before, path, "NO")).changed
    moved = _client(app, seen, Tenant.parse("https://online3.superoffice.com/Cust12345"))
    again = await sync_caller_ids(moved, path, "NO")
    assert not again.changed, "a host move made the whole set come again"
    assert json.loads(seen[0].content)["LastHash"]
    for so in (before, moved):
        await so._http.aclose()
