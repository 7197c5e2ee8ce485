"""A sync writes what changed: renamed, removed and added entries, nothing else.

The answers are CallerIDCollections served by the demo tenant from files (``--caller-ids``),
in SuperOffice's shape (SuperOfficeDocs/superoffice-docs, docs/en/api/reference/restful/agent/
Pocket_Agent/v1PocketAgent_GetMyCallerIDs.md: "Array of caller ids, sorted numerically on the
phone number"); the hash tells the sets apart, the entries are read as sent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from screenpop.demo.server import DemoConfig, create_app
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.auth import make_auth
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.tenant import Tenant
from screenpop.sync.caller_ids import sync_caller_ids

TENANT = Tenant.parse("http://demo.test/Cust12345")


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


async def _sync(tmp_path: Path, name: str, entries: list[Any], cache: Path) -> Any:
    document = tmp_path / f"{name}.json"
    document.write_text(json.dumps({"CallerIDHash": name, "CallerIDs": entries}))
    app = create_app(DemoConfig(caller_ids_file=document))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport) as http:
        client = SuperOfficeClient(http, TENANT, make_auth(AuthKind.BASIC, "demo", "demo"))
        return await sync_caller_ids(client, cache, "NO")


def _rows(cache_path: Path) -> dict[str, int]:
    with CallerIdCache(cache_path) as cache:
        return dict(cache._db.execute("SELECT e164, id FROM caller_id"))


async def test_only_the_changed_entries_are_written(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    first = [_entry(n) for n in range(1, 3001)]
    result = await _sync(tmp_path, "a", first, cache)
    assert (result.added, result.removed, result.total) == (3000, 0, 3000)
    before = _rows(cache)

    second = [e for e in first if e["PersonId"] not in (10, 11)]  # two gone
    second[0] = _entry(1, "Kari Renamed")  # one renamed
    second += [_entry(5000), _entry(5001, "Ola Newcomer")]  # two new
    second += [{"PhoneNumber": "not a number"}]  # junk is counted, never fatal
    result = await _sync(tmp_path, "b", second, cache)
    assert (result.added, result.removed, result.skipped) == (3, 3, 1)
    assert (result.unchanged, result.total) == (2997, 3000)

    after = _rows(cache)
    renamed = "+4722000001"
    same = (set(before) & set(after)) - {renamed}
    assert len(same) == 2997  # and the renamed number, in a row of its own now
    assert all(after[e164] == before[e164] for e164 in same)  # untouched rows
    assert after[renamed] != before[renamed]
    with CallerIdCache(cache) as reader:
        assert [e.caller.person_name for e in reader.search("renamed")] == ["Kari Renamed"]
        found = {e.caller.person_id for e in reader.search("number10", limit=500)}
        assert 100 in found and not found & {10, 11}
        assert [e.caller.person_id for e in reader.find_e164("+4722005001")] == [5001]
        assert reader.find_e164("+4722000010") == []
        assert [e.caller.person_name for e in reader.find_e164("+4722000001")] == ["Kari Renamed"]


async def test_a_mostly_new_set_is_rebuilt_whole(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    await _sync(tmp_path, "a", [_entry(n) for n in range(1, 101)], cache)
    result = await _sync(tmp_path, "b", [_entry(n) for n in range(51, 251)], cache)
    assert (result.added, result.removed, result.unchanged) == (150, 50, 50)
    with CallerIdCache(cache) as reader:
        assert reader.count() == 200
        assert reader.find_e164("+4722000050") == []
        assert [e.caller.person_id for e in reader.find_e164("+4722000250")] == [250]
        names = reader._db.execute("SELECT count(*) FROM name").fetchone()[0]
        assert names == 200 + len({n // 50 for n in range(51, 251)})
