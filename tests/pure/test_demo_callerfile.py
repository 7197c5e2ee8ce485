"""`--caller-ids FILE`: the demo tenant serving a hand-written caller-ID list verbatim."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from screenpop.core.errors import ConfigError
from screenpop.core.models import CallerIdCollection, ContactSummary
from screenpop.demo.server import DemoConfig, create_app

CALLER_IDS = "/Cust12345/api/v1/Agents/Pocket/GetMyCallerIDs"
ENTRIES: list[Any] = [
    {"PhoneNumber": 4722334455, "DialInPrefix": 0, "PersonId": 0, "PersonName": "",
     "Mrmrs": "", "ContactId": 7, "ContactName": "Fjordvik Sjømat AS"},
    {"PhoneNumber": "22334455", "DialInPrefix": "47", "PersonId": 70, "PersonName": "Åse Ødegård",
     "Mrmrs": "Fru", "ContactId": 7, "ContactName": "Fjordvik Sjømat AS"},
    {"PhoneNumber": 3020123456.0, "DialInPrefix": 49, "PersonId": 80, "PersonName": "Jörg Müller",
     "Mrmrs": "Herr", "ContactId": "8", "ContactName": "Elbtal Bau GmbH"},
    {"PhoneNumber": 99.99, "DialInPrefix": 164, "PersonId": 935, "ContactId": 628},
    {"PhoneNumber": None, "ContactId": 9, "ContactName": "No number"},
    {"PhoneNumber": "call me", "DialInPrefix": 0, "ContactId": 10},
    "not an object",
    42,
    None,
]  # fmt: skip


def _client(path: Path) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(DemoConfig(caller_ids_file=path)))
    return httpx.AsyncClient(transport=transport, base_url="http://demo", auth=("demo", "demo"))


@pytest.fixture
async def tenant(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    path = tmp_path / "callers.json"
    path.write_text(json.dumps({"CallerIDHash": "file-hash-1", "CallerIDs": ENTRIES}), "utf-8")
    async with _client(path) as client:
        yield client


async def test_entries_are_served_as_the_file_has_them(tenant: httpx.AsyncClient) -> None:
    raw = (await tenant.post(CALLER_IDS, json={})).json()
    assert raw == {"CallerIDHash": "file-hash-1", "CallerIDs": ENTRIES}
    collection = CallerIdCollection.from_wire(raw)
    assert collection is not None and collection.hash == "file-hash-1"
    assert [c.person_id for c in collection.caller_ids] == [0, 70, 80]
    assert collection.skipped == len(ENTRIES) - 3
    unchanged = await tenant.post(CALLER_IDS, json={"LastHash": "file-hash-1"})
    assert unchanged.content == b"null"


async def test_select_thins_objects_and_leaves_junk_alone(tenant: httpx.AsyncClient) -> None:
    raw = (await tenant.post(f"{CALLER_IDS}?$select=PhoneNumber,ContactId", json={})).json()
    thinned = raw["CallerIDs"]
    kept = {"PhoneNumber": "22334455", "ContactId": 7}
    assert thinned[1] == {key: kept.get(key) for key in ENTRIES[1]}
    assert thinned[6:] == ["not an object", 42, None]


async def test_summaries_for_the_files_contacts_only(tenant: httpx.AsyncClient) -> None:
    response = await tenant.get("/Cust12345/api/v1/Contact/7/Summary")
    assert response.status_code == 200
    summary = ContactSummary.from_wire(response.json())
    assert summary.contact is not None and summary.contact.name == "Fjordvik Sjømat AS"
    assert summary.contact.phone == "+47 22 33 44 55" and summary.contact.country == "Norway"
    german = ContactSummary.from_wire(
        (await tenant.get("/Cust12345/api/v1/Contact/8/Summary")).json()
    )
    assert german.contact is not None and german.contact.name == "Elbtal Bau GmbH"
    assert german.contact.country == "Germany"
    assert all(chat.name == "Jörg Müller" for chat in german.chats)
    for contact_id in (9, 10, 628):  # mentioned, even without a usable number
        assert (await tenant.get(f"/Cust12345/api/v1/Contact/{contact_id}/Summary")).is_success
    missing = await tenant.get("/Cust12345/api/v1/Contact/1/Summary")
    assert missing.status_code == 404 and missing.json()["Error"] == "Contact 1 not found"


async def test_a_bare_list_gets_a_digest_of_the_file_as_hash(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps(ENTRIES[:3]), "utf-8")
    async with _client(path) as first, _client(path) as second:
        one = (await first.post(CALLER_IDS, json={})).json()
        two = (await second.post(CALLER_IDS, json={})).json()
    assert one == two and one["CallerIDs"] == ENTRIES[:3]
    assert re.fullmatch(r"[0-9a-f]{40}", one["CallerIDHash"])
    path.write_text(json.dumps(ENTRIES[:2]), "utf-8")
    async with _client(path) as changed:
        assert (await changed.post(CALLER_IDS, json={})).json()["CallerIDHash"] != one[
            "CallerIDHash"
        ]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "Cannot read the caller-ID file"),
        ("{not json", "is not JSON"),
        ('{"Callers": []}', "neither a CallerIDCollection"),
        ('"just text"', "neither a CallerIDCollection"),
    ],
)
def test_unusable_files_are_one_line_config_errors(
    tmp_path: Path, content: str | None, says: str
) -> None:
    path = tmp_path / "callers.json"
    if content is not None:
        path.write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=says) as raised:
        create_app(DemoConfig(caller_ids_file=path))
    assert "\n" not in str(raised.value)
