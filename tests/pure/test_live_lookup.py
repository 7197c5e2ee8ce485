"""Live lookups on a cache miss: against the demo tenant in-process (its whole CRM, people who
are not among the caller IDs), and against a tenant that fails, dawdles, answers junk or
thousands of hits. Each answer is calm, each failure one log line, and no flood of unknown
numbers becomes a flood of requests."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from datetime import date

import httpx
import pytest

from screenpop.core.matching import MatchedBy
from screenpop.core.phone import IncomingNumber, parse_incoming
from screenpop.demo.data import DemoData
from screenpop.demo.persons import outside_callers
from screenpop.demo.server import DemoConfig, create_app
from screenpop.services.live_lookup import BURST, MAX_PERSONS, LiveLookup, Outcome
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.retry import RetryPolicy
from screenpop.superoffice.tenant import Tenant

TENANT = Tenant.parse("http://demo.test/Cust12345")
FAST = RetryPolicy(attempts=2, base_delay_s=0.001, max_delay_s=0.002, max_retry_after_s=0.01)
TODAY = date(2026, 5, 4)
PERSONS = 200


class Counting(httpx.AsyncBaseTransport):
    """Another transport, with the requests that went through it counted by path."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path.split("/api/v1/")[-1])
        return await self.inner.handle_async_request(request)

    def count(self, prefix: str) -> int:
        return sum(path.startswith(prefix) for path in self.paths)


def _lookup(transport: httpx.AsyncBaseTransport, **options: float) -> LiveLookup:
    http = httpx.AsyncClient(transport=transport)
    client = SuperOfficeClient(http, TENANT, make_auth(AuthKind.BASIC, "demo", "demo"), retry=FAST)
    return LiveLookup(lambda: client, lambda: "NO", **options)  # type: ignore[arg-type]


def _demo(**config: object) -> Counting:
    app = create_app(DemoConfig(seed=3, persons=PERSONS, today=TODAY, **config))  # type: ignore[arg-type]
    return Counting(httpx.ASGITransport(app=app))


def _tenant(handler: Callable[[httpx.Request], httpx.Response]) -> Counting:
    return Counting(httpx.MockTransport(handler))


def _number(text: str) -> IncomingNumber:
    return parse_incoming(text, "NO")


async def test_someone_outside_the_caller_ids_is_found_with_their_company() -> None:
    data = DemoData(3, PERSONS, TODAY, PERSONS)
    [(label, e164)] = outside_callers(data, 1)
    transport = _demo()
    live = _lookup(transport)
    answer = await live.lookup(_number(e164))
    assert answer.outcome is Outcome.FOUND
    [found] = answer.candidates
    owners = [p for p in range(PERSONS + 1, 2 * PERSONS + 1)
              if e164 in (data.person_phones(p).direct, data.person_phones(p).mobile)]  # fmt: skip
    person_id = owners[0]
    assert (found.person_id, found.contact_id) == (person_id, data.company_of(person_id))
    assert found.contact_name == data.company(found.contact_id).name
    assert label == f"{found.person_name} ({found.contact_name})"
    assert (found.number, found.matched_by) == (e164, MatchedBy.LIVE)
    assert transport.paths == ["MDOList/phonesearch", f"Person/{person_id}"]
    # Remembered for the session: the next call from the number asks nobody.
    assert live.remembered(_number(e164)) == answer
    assert await live.lookup(_number(e164)) == answer
    assert len(transport.paths) == 2


async def test_a_switchboard_found_live_is_its_company_and_people() -> None:
    data = DemoData(3, PERSONS, TODAY, PERSONS)
    contact_id = data.crm_company_count  # outside the caller IDs
    transport = _demo()
    answer = await _lookup(transport).lookup(_number(data.switchboard_e164(contact_id)))
    assert answer.outcome is Outcome.FOUND
    assert {c.contact_id for c in answer.candidates} == {contact_id}
    assert answer.candidates[-1].is_company  # persons first, the company's own entry last


async def test_not_found_is_remembered_too() -> None:
    transport = _demo()
    live = _lookup(transport)
    for _ in range(3):
        answer = await live.lookup(_number("+47 21 00 00 00"))
        assert answer.outcome is Outcome.NOT_FOUND and answer.candidates == ()
    assert transport.paths == ["MDOList/phonesearch"]


async def test_what_cannot_be_a_caller_is_never_asked_for() -> None:
    transport = _demo()
    live = _lookup(transport)
    for text in ("anonymous", "2345", "+47 99"):
        assert (await live.lookup(_number(text))).outcome is Outcome.NOT_FOUND
    assert transport.paths == []


async def test_one_number_ringing_twice_at_once_is_one_lookup() -> None:
    transport = _demo(latency_ms=50)
    live = _lookup(transport)
    number = _number("+47 21 00 00 00")
    answers = await asyncio.gather(*(live.lookup(number) for _ in range(10)))
    assert {a.outcome for a in answers} == {Outcome.NOT_FOUND}
    assert transport.count("MDOList/phonesearch") == 1


@pytest.mark.log_warnings
async def test_a_flood_of_unknown_numbers_makes_a_bounded_number_of_requests(
    caplog: pytest.LogCaptureFixture,
) -> None:
    transport = _demo(latency_ms=20)
    live = _lookup(transport)
    numbers = [_number(f"+4721{n:06d}") for n in range(200)]  # 200 calls in the same second
    started = time.monotonic()
    answers = await asyncio.gather(*(live.lookup(number) for number in numbers))
    assert time.monotonic() - started < 2.0
    assert transport.count("MDOList/phonesearch") <= BURST
    assert live.requests <= BURST
    refused = [a for a in answers if a.outcome is Outcome.FAILED]
    assert len(refused) >= 200 - BURST
    assert {a.reason for a in refused} == {"Too many unknown numbers at once."}
    # One line in the log for the flood, not two hundred.
    assert sum("live lookups refused" in m for m in caplog.messages) == 1


@pytest.mark.log_warnings
@pytest.mark.parametrize(
    ("status", "body", "reason"),
    [
        (500, b'{"Error": "Database timeout"}', "SuperOffice answered 500: Database timeout"),
        (200, b'{"not": "a list"}', "SuperOffice sent a phone search of an unknown shape."),
        (200, b"<html>", "SuperOffice sent an answer that is not JSON (HTTP 200)."),
        (401, b"", "SuperOffice refused the sign-in: check the user name and password."),
    ],
)
async def test_a_failing_tenant_is_a_calm_answer_and_one_log_line(
    caplog: pytest.LogCaptureFixture, status: int, body: bytes, reason: str
) -> None:
    transport = _tenant(lambda _request: httpx.Response(status, content=body))
    live = _lookup(transport)
    answer = await live.lookup(_number("+4722334455"))
    assert (answer.outcome, answer.reason) == (Outcome.FAILED, reason)
    failures = [r for r in caplog.records if r.levelname == "WARNING"]
    assert [r.getMessage().split(": ", 1)[-1] for r in failures] == [reason]
    # Remembered a little while: the same call's next events do not ask again.
    assert (await live.lookup(_number("+4722334455"))).outcome is Outcome.FAILED
    assert transport.count("MDOList") <= FAST.attempts


@pytest.mark.log_warnings
async def test_a_slow_tenant_meets_the_deadline(caplog: pytest.LogCaptureFixture) -> None:
    transport = _demo(latency_ms=3000)
    live = _lookup(transport, deadline_s=0.3)
    started = time.monotonic()
    answer = await live.lookup(_number("+4722334455"))
    assert time.monotonic() - started < 1.0
    assert (answer.outcome, answer.reason) == (
        Outcome.FAILED,
        "SuperOffice did not answer in time.",
    )
    assert any("did not answer in time" in m for m in caplog.messages)


async def test_thousands_of_hits_pop_only_the_number_itself() -> None:
    def phonesearch(request: httpx.Request) -> httpx.Response:
        if "/Person/" in request.url.path:
            person_id = int(request.url.path.rsplit("/", 1)[1])
            body = {"PersonId": person_id, "FullName": f"P{person_id}",
                    "Contact": {"ContactId": 7, "Name": "Acme AS"}}  # fmt: skip
            return httpx.Response(200, json=body)
        # Stripped-digit matches from everywhere: Denmark's same digits, and the number itself.
        items = [{"Id": i, "Type": "Person", "ExtraInfo": "+4522334455", "FullName": f"D{i}"}
                 for i in range(1, 3000)]  # fmt: skip
        items += [{"Id": 5000 + i, "Type": "Person", "ExtraInfo": "+4722334455"}
                  for i in range(20)]  # fmt: skip
        return httpx.Response(200, content=json.dumps(items[::-1]).encode())

    transport = _tenant(phonesearch)
    answer = await _lookup(transport).lookup(_number("+4722334455"))
    assert answer.outcome is Outcome.FOUND
    assert {c.contact_id for c in answer.candidates} == {7}
    assert all(c.person_id >= 5000 for c in answer.candidates)
    assert len(answer.candidates) == MAX_PERSONS
    assert transport.count("Person/") == MAX_PERSONS


async def test_a_person_deleted_since_the_search_is_left_out() -> None:
    def tenant(request: httpx.Request) -> httpx.Response:
        if "/Person/" in request.url.path:
            return httpx.Response(404, json={"Error": "Person 5 not found"})
        items = [
            {"Id": 5, "Type": "Person", "ExtraInfo": "+4722334455"},
            {"Id": 8, "Type": "Contact", "ExtraInfo": "+4722334455", "FullName": "Acme"},
        ]
        return httpx.Response(200, json=items)

    answer = await _lookup(_tenant(tenant)).lookup(_number("+4722334455"))
    assert [(c.person_id, c.contact_id, c.contact_name) for c in answer.candidates] == [
        (0, 8, "Acme")
    ]


@pytest.mark.log_warnings
async def test_a_lookup_waiting_for_its_turn_keeps_the_deadline() -> None:
    # Two at a time: the others wait, and their deadline runs while they do.
    live = _lookup(_demo(latency_ms=3000), deadline_s=0.3)
    started = time.monotonic()
    answers = await asyncio.gather(*(live.lookup(_number(f"+4721{n:06d}")) for n in range(BURST)))
    assert time.monotonic() - started < 0.6  # not three turns of 0.3 s one after another
    assert {a.reason for a in answers} == {"SuperOffice did not answer in time."}
