"""The demo tenant over HTTP (in-process, httpx's ASGI transport): routes, auth and data."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import date, datetime
from typing import Any

import httpx
import phonenumbers
import pytest

from screenpop.core.models import CallerIdCollection, ContactSummary
from screenpop.core.phone import caller_id_e164
from screenpop.demo.locales import RATES_TO_NOK
from screenpop.demo.server import DemoConfig, create_app

TODAY = date(2026, 5, 4)
CALLER_IDS = "/Cust12345/api/v1/Agents/Pocket/GetMyCallerIDs"
STATUS_LIST = "/Cust12345/api/v1/List/TicketStatus/Items"
# SuperOffice.WebApi.Data.ActivityStatus.yml, …SaleStatus.yml, …TicketBaseStatus.yml
ACTIVITY_STATUSES = ("Unknown", "NotStarted", "Started", "Completed")
SALE_STATUSES = ("Unknown", "Open", "Sold", "Lost", "Stalled")
BASE_WORDS = {"unknown", "active", "closed", "postponed", "deleted", "merged", "spam"}
SALE_COMPLETED = {"Open": "NotStarted", "Stalled": "Started", "Sold": "Completed",
                  "Lost": "Completed", "Unknown": "Unknown"}  # fmt: skip
AUTH = ("demo", "demo")
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$")


def _client(config: DemoConfig, auth: Any = AUTH) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(config))
    return httpx.AsyncClient(transport=transport, base_url="http://demo", auth=auth)


def _summary_url(contact_id: object, query: str = "") -> str:
    return f"/Cust12345/api/v1/Contact/{contact_id}/Summary{query}"


@pytest.fixture
async def demo() -> AsyncIterator[httpx.AsyncClient]:
    async with _client(DemoConfig(seed=1, persons=500, today=TODAY)) as client:
        yield client


async def _caller_ids(client: httpx.AsyncClient, **body: Any) -> httpx.Response:
    response = await client.post(CALLER_IDS, json=body)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    return response


async def test_caller_ids_decode_sorted_with_a_stable_hash(demo: httpx.AsyncClient) -> None:
    """agent/Pocket_Agent/v1PocketAgent_GetMyCallerIDs.md: CallerIDHash, CallerIDs "sorted
    numerically on the phone number"; PhoneNumber a long (SuperOffice.WebApi.Data.CallerID.yml)."""
    raw = (await _caller_ids(demo)).json()
    collection = CallerIdCollection.from_wire(raw)
    assert collection is not None and collection.skipped == 0
    assert len(collection.caller_ids) > 500
    phones = [entry["PhoneNumber"] for entry in raw["CallerIDs"]]
    assert all(type(phone) is int for phone in phones)
    assert phones == sorted(phones)
    assert re.fullmatch(r"[0-9a-f]{40}", collection.hash)


async def test_same_seed_same_bytes_other_seed_other_hash() -> None:
    bodies = []
    for seed in (1, 1, 2):
        async with _client(DemoConfig(seed=seed, persons=300, today=TODAY)) as client:
            bodies.append((await _caller_ids(client)).content)
    assert bodies[0] == bodies[1]
    hashes = [json.loads(body)["CallerIDHash"] for body in bodies]
    assert hashes[0] == hashes[1] != hashes[2]


async def test_unchanged_since_last_hash_is_null(demo: httpx.AsyncClient) -> None:
    """SuperOffice.WebApi.Agents.IPocketAgent.yml: the same set since lastHash returns null."""
    current = (await _caller_ids(demo)).json()["CallerIDHash"]
    window = {"MinDate": "1900-01-01T00:00:00", "MaxDate": "2200-01-01T00:00:00"}
    unchanged = await _caller_ids(demo, LastHash=current, **window)
    assert unchanged.content == b"null"
    assert CallerIdCollection.from_wire(unchanged.json()) is None
    stale = await _caller_ids(demo, LastHash="an older hash")
    assert stale.json()["CallerIDHash"] == current


async def test_empty_body_and_so_headers_are_accepted(demo: httpx.AsyncClient) -> None:
    headers = {
        "Accept": "application/json", "Accept-Language": "nb", "SO-Language": "nb",
        "SO-Culture": "nb-NO", "SO-TimeZone": "Europe/Oslo", "SO-AppToken": "t0k3n",
    }  # fmt: skip
    response = await demo.post(CALLER_IDS, content=b"", headers=headers)
    assert response.status_code == 200 and response.json()["CallerIDs"]
    for junk in (b"{not json", b"[]", b"\xff"):
        bad = await demo.post(CALLER_IDS, content=junk)
        assert bad.status_code == 400 and bad.json()["ErrorType"] == "BadRequest"
    wrong_method = await demo.get(CALLER_IDS)
    assert wrong_method.status_code == 405


async def test_both_dial_in_prefix_forms_and_valid_numbers(demo: httpx.AsyncClient) -> None:
    """SuperOffice.WebApi.Data.CallerID.yml: DialInPrefix is "empty if PhoneNumber already
    contains the country code"."""
    collection = CallerIdCollection.from_wire((await _caller_ids(demo)).json())
    assert collection is not None
    with_code = [c for c in collection.caller_ids if c.dial_in_prefix == 0]
    assert 0.2 < len(with_code) / len(collection.caller_ids) < 0.45
    for entry in collection.caller_ids:
        e164 = caller_id_e164(entry.phone_number, entry.dial_in_prefix, "NO")
        assert e164 is not None, entry
        assert phonenumbers.is_valid_number(phonenumbers.parse(e164))


async def test_switchboards_are_shared_and_titles_are_local(demo: httpx.AsyncClient) -> None:
    collection = CallerIdCollection.from_wire((await _caller_ids(demo)).json())
    assert collection is not None
    by_number: dict[int, list[Any]] = defaultdict(list)
    for entry in collection.caller_ids:
        by_number[entry.phone_number].append(entry)
    companies = [c for c in collection.caller_ids if c.is_company]
    assert all(c.person_name == "" and c.mrmrs == "" for c in companies)
    shared = [entries for entries in by_number.values() if len(entries) > 1]
    assert any(len(entries) >= 3 for entries in shared)  # a switchboard and several persons
    for entries in shared:
        assert sum(e.is_company for e in entries) == 1
        assert len({e.contact_id for e in entries}) == 1
    assert any(len(by_number[c.phone_number]) == 1 for c in companies)  # company-only numbers
    titles = {c.mrmrs for c in collection.caller_ids}
    assert {"", "Herr", "Frau"} <= titles and titles & {"Mr", "Mrs", "Ms", "Mr.", "Ms."}


async def test_select_nulls_the_other_properties(demo: httpx.AsyncClient) -> None:
    """agent/Pocket_Agent/v1PocketAgent_GetMyCallerIDs.md: "$select … Other fields are then
    nulled out"."""
    full = (await _caller_ids(demo)).json()["CallerIDs"]
    response = await demo.post(f"{CALLER_IDS}?$select=phonenumber,DialInPrefix,PersonId", json={})
    thinned = response.json()["CallerIDs"]
    assert len(thinned) == len(full)
    assert thinned[0] == {**full[0], "PersonName": None, "Mrmrs": None, "ContactId": None,
                          "ContactName": None}  # fmt: skip
    assert [e["PhoneNumber"] for e in thinned] == [e["PhoneNumber"] for e in full]


async def _summary(client: httpx.AsyncClient, contact_id: int, query: str = "") -> dict[str, Any]:
    response = await client.get(_summary_url(contact_id, query))
    assert response.status_code == 200, response.text
    raw: dict[str, Any] = response.json()
    return raw


async def test_summary_has_six_members_and_limit_cuts_each(demo: httpx.AsyncClient) -> None:
    """rest/Contact/v1ContactEntity_GetContactSummary.md: Contact and five lists; limit is
    "Max number of items to include in summary lists"."""
    lists = ("Tickets", "Followups", "Documents", "Sales", "Chats")
    full = await _summary(demo, 1, "?limit=1000")
    assert set(full) == {"Contact", *lists}
    assert len(full["Tickets"]) >= 40  # contact 1 is a long-standing key account
    assert all(len(full[name]) > 3 for name in lists)
    default = await _summary(demo, 1)
    assert [len(default[name]) for name in lists] == [min(10, len(full[name])) for name in lists]
    three = await _summary(demo, 1, "?limit=3")
    assert [three[name] for name in lists] == [full[name][:3] for name in lists]
    none = await _summary(demo, 1, "?Limit=0")
    assert all(none[name] == [] for name in lists) and none["Contact"] == full["Contact"]
    summary = ContactSummary.from_wire(full)
    assert summary.contact is not None and summary.skipped == 0
    assert summary.contact.phone == "+47 22 33 44 55" and summary.contact.country == "Norway"


@pytest.mark.parametrize("limit", ["abc", "-1", "2.5", ""])
async def test_bad_limit_is_400(demo: httpx.AsyncClient, limit: str) -> None:
    response = await demo.get(_summary_url(1, f"?limit={limit}"))
    assert response.status_code == 400 and response.json()["ErrorType"] == "BadRequest"


def _stamps(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for key, v in value.items() for s in _stamps(v) if key != "Contact"]
    if isinstance(value, list):
        return [s for v in value for s in _stamps(v)]
    return [value] if isinstance(value, str) and value[:2] in ("19", "20") else []


async def test_summary_values_are_consistent(demo: httpx.AsyncClient) -> None:
    """soap/Services88/Contact/GetContactSummary.md for the members' types; timestamps with 7
    fractional digits and an offset as in every REST sample; TicketStatus one of the tenant's
    ids (List/TicketStatus/Items); IconHint opaque (TicketSummaryItem.yml); Completed and
    Status the enums' names (ActivityStatus.yml, SaleStatus.yml)."""
    summaries = [await _summary(demo, cid, "?limit=100") for cid in range(1, 41)]
    stamps = [s for summary in summaries for s in _stamps(summary)]
    assert stamps and all(STAMP.match(s) for s in stamps)
    oslo = {s[-6:] for s in _stamps(summaries[0])}
    assert oslo == {"+01:00", "+02:00"}  # Europe/Oslo, winter and summer
    assert any(not any(s[k] for k in ("Tickets", "Followups", "Sales")) for s in summaries)
    status_ids = {item["TicketStatusId"] for item in (await demo.get(STATUS_LIST)).json()}
    for summary in summaries:
        for ticket in summary["Tickets"]:
            assert ticket["TicketStatus"] in status_ids
            assert ticket["IconHint"] and ticket["IconHint"].casefold() not in BASE_WORDS
        for item in summary["Followups"]:
            assert item["AppointmentId"] > 0 and item["DocumentId"] == 0
            assert item["Completed"] in ACTIVITY_STATUSES
        for item in summary["Documents"]:
            assert item["DocumentId"] > 0 and item["AppointmentId"] > 0
            assert item["Completed"] in ACTIVITY_STATUSES
        for sale in summary["Sales"]:
            status, probability = sale["Status"], sale["Probability"]
            assert status in SALE_STATUSES and 0 <= probability <= 100
            assert {"Sold": 100, "Lost": 0, "Unknown": 0}.get(status, probability) == probability
            assert sale["Completed"] == SALE_COMPLETED[status]
            rate = RATES_TO_NOK[sale["Currency"]]
            assert sale["AmountInBaseCurrency"] == pytest.approx(sale["Amount"] * rate)
            assert sale["Amount"] >= 100
        for chat in summary["Chats"]:
            assert chat["Name"] and chat["CompanyName"] == summary["Contact"]["Name"]
    followups = [f for s in summaries for f in s["Followups"]]
    upcoming = [f for f in followups if datetime.fromisoformat(f["Date"]).date() > TODAY]
    assert upcoming and all(f["Completed"] == "NotStarted" for f in upcoming)
    currencies = {sale["Currency"] for s in summaries for sale in s["Sales"]}
    assert {"NOK", "EUR"} <= currencies


@pytest.mark.parametrize("contact", ["999999", "abc", "0", "-3"])
async def test_unknown_contact_is_404(demo: httpx.AsyncClient, contact: str) -> None:
    response = await demo.get(_summary_url(contact))
    assert response.status_code == 404
    assert response.json() == {"Error": f"Contact {contact} not found", "ErrorType": "NotFound"}


@pytest.mark.parametrize(
    "path",
    ["/Cust99999/api/v1/Contact/1/Summary", "/Cust99999/default.aspx", "/Cust12345/api/v1/Nope",
     "/"],
)  # fmt: skip
async def test_wrong_customer_or_path_is_404(demo: httpx.AsyncClient, path: str) -> None:
    response = await demo.get(path)
    assert response.status_code == 404 and response.json()["ErrorType"] == "NotFound"


@pytest.mark.parametrize(
    "authorization",
    [None, "Basic ZGVtbzpub3BlCg==", "Basic bm9ib2R5OmRlbW8=", "Basic !!!", "SOTicket nope",
     "Bearer demo"],
)  # fmt: skip
async def test_api_needs_the_credentials(authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    async with _client(DemoConfig(persons=20), auth=None) as client:
        for response in (await client.post(CALLER_IDS, headers=headers),
                         await client.get(_summary_url(1), headers=headers)):  # fmt: skip
            assert response.status_code == 401
            assert response.headers["WWW-Authenticate"] == 'Basic realm="SuperOffice demo"'
            assert response.json()["ErrorType"] == "Unauthorized"


async def test_ticket_and_other_credentials() -> None:
    config = DemoConfig(persons=20, user="jane", password="s3cret")
    async with _client(config, auth=None) as client:
        ticket = await client.get(_summary_url(1), headers={"Authorization": "SOTicket s3cret"})
        assert ticket.status_code == 200
        basic = await client.get(_summary_url(1), auth=("jane", "s3cret"))
        assert basic.status_code == 200
        assert (await client.get(_summary_url(1), auth=("demo", "demo"))).status_code == 401


async def test_web_client_stand_in_escapes_the_link(demo: httpx.AsyncClient) -> None:
    response = await demo.get("/Cust12345/default.aspx?contact.main?contact_id=5", auth=None)
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    assert "Demo web client — would open: contact.main?contact_id=5" in response.text
    hostile = await demo.get("/Cust12345/default.aspx?<script>alert(1)</script>", auth=None)
    assert "<script>" not in hostile.text and "&lt;script&gt;" in hostile.text


async def test_latency_delays_without_blocking() -> None:
    async with _client(DemoConfig(persons=20, latency_ms=150)) as client:
        started = time.perf_counter()
        responses = await asyncio.gather(*(client.get(_summary_url(1)) for _ in range(4)))
        elapsed = time.perf_counter() - started
    assert all(r.status_code == 200 for r in responses)
    assert 0.15 <= elapsed < 0.5  # four waits side by side, not one after another
    async with _client(DemoConfig(persons=20)) as fast:
        started = time.perf_counter()
        assert (await fast.get(_summary_url(1))).status_code == 200
        assert time.perf_counter() - started < 0.15
