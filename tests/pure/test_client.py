"""The SuperOffice client against the demo tenant in-process (httpx's ASGI transport)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from screenpop.demo.server import DemoConfig, create_app
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import ResponseLimits, SuperOfficeClient
from screenpop.superoffice.errors import (
    AuthenticationError,
    BadResponseError,
    NotFoundError,
    ResponseTooLargeError,
    ServerError,
    TenantUnreachableError,
)
from screenpop.superoffice.retry import NO_RETRY, RetryPolicy, parse_retry_after
from screenpop.superoffice.tenant import Tenant
from screenpop.sync.caller_ids import sync_caller_ids

TENANT = Tenant.parse("http://demo.test/Cust12345")


FAST = RetryPolicy(attempts=3, base_delay_s=0.001, max_delay_s=0.002, max_retry_after_s=0.01)


def _client(
    transport: httpx.AsyncBaseTransport, secret: str = "demo", retry: RetryPolicy = FAST
) -> SuperOfficeClient:
    http = httpx.AsyncClient(transport=transport)
    return SuperOfficeClient(http, TENANT, make_auth(AuthKind.BASIC, "demo", secret), retry=retry)


@pytest.fixture
async def client() -> AsyncIterator[SuperOfficeClient]:
    transport = httpx.ASGITransport(app=create_app(DemoConfig(seed=5, persons=120)))
    so = _client(transport)
    yield so
    await so._http.aclose()


async def test_caller_ids_then_unchanged(client: SuperOfficeClient) -> None:
    collection = await client.get_my_caller_ids()
    assert collection is not None and collection.skipped == 0
    assert len(collection.caller_ids) >= 120
    assert await client.get_my_caller_ids(collection.hash) is None


async def test_summary_decodes_with_limit(client: SuperOfficeClient) -> None:
    collection = await client.get_my_caller_ids()
    assert collection is not None
    contact_id = collection.caller_ids[0].contact_id
    summary = await client.get_contact_summary(contact_id, limit=2)
    assert summary.contact is not None and summary.contact.contact_id == contact_id
    for items in (summary.tickets, summary.followups, summary.documents, summary.sales):
        assert len(items) <= 2


async def test_unknown_contact_is_not_found(client: SuperOfficeClient) -> None:
    with pytest.raises(NotFoundError):
        await client.get_contact_summary(987654321)


async def test_wrong_password() -> None:
    transport = httpx.ASGITransport(app=create_app(DemoConfig(persons=10)))
    so = _client(transport, secret="nope")
    with pytest.raises(AuthenticationError, match="refused the sign-in"):
        await so.get_my_caller_ids()
    await so._http.aclose()


def _answer(response: httpx.Response) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: response)


@pytest.mark.parametrize(
    ("transport", "error", "says"),
    [
        (
            _answer(httpx.Response(500, json={"Error": "Database gone"})),
            ServerError,
            "SuperOffice answered 500: Database gone",
        ),
        (
            _answer(httpx.Response(503, text="<html><body>down</body></html>")),
            ServerError,
            "SuperOffice answered 503: Service Unavailable",
        ),
        (_answer(httpx.Response(200, text="{truncated")), BadResponseError, "not JSON"),
        (_answer(httpx.Response(200, json=[1, 2])), BadResponseError, "unknown shape"),
        # Hostile: nested deeper than any decoder recurses, small and (in a thread) big.
        (_answer(httpx.Response(200, content=b"[" * 100_000)), BadResponseError, "not JSON"),
        (
            _answer(httpx.Response(200, content=b" " * 300_000 + b"[" * 100_000)),
            BadResponseError,
            "not JSON",
        ),
    ],
)
async def test_failures_become_one_line_errors(
    transport: httpx.MockTransport, error: type[Exception], says: str
) -> None:
    so = _client(transport)
    with pytest.raises(error, match=says):
        await so.get_my_caller_ids()
    await so._http.aclose()


async def test_unreachable_tenant() -> None:
    http = httpx.AsyncClient()
    tenant = Tenant.parse("http://127.0.0.1:9/Cust1")
    so = SuperOfficeClient(http, tenant, make_auth(AuthKind.BASIC, "demo", "demo"))
    with pytest.raises(TenantUnreachableError, match="nothing answered at that address"):
        await so.get_my_caller_ids()
    await http.aclose()


@pytest.mark.parametrize(
    ("pasted", "base"),
    [
        ("https://online.superoffice.com/Cust12345", "https://online.superoffice.com/Cust12345"),
        ("https://online.superoffice.com/Cust12345/", "https://online.superoffice.com/Cust12345"),
        ("https://sod.superoffice.com/Cust1/api/v1", "https://sod.superoffice.com/Cust1"),
        ("https://crm.example.com/SuperOffice/default.aspx", "https://crm.example.com/SuperOffice"),
    ],
)
def test_tenant_urls_as_users_paste_them(pasted: str, base: str) -> None:
    tenant = Tenant.parse(pasted)
    assert tenant.base == base and tenant.api_base == f"{base}/api/v1"


async def test_sync_fills_the_cache_and_a_second_sync_changes_nothing(
    client: SuperOfficeClient, tmp_path: Path
) -> None:
    path = tmp_path / "cache.sqlite3"
    first = await sync_caller_ids(client, path, "NO")
    assert first.changed and first.added == first.total > 0 and first.skipped == 0
    second = await sync_caller_ids(client, path, "NO")
    assert not second.changed and second.unchanged == first.total
    with CallerIdCache(path) as cache:
        assert cache.count() == first.total


def _sent_headers(seen: list[httpx.Request]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=None)

    return handler


async def test_requests_carry_the_documented_headers() -> None:
    seen: list[httpx.Request] = []
    http = httpx.AsyncClient(transport=httpx.MockTransport(_sent_headers(seen)))
    so = SuperOfficeClient(
        http,
        TENANT,
        make_auth(AuthKind.TICKET, "", "7T:abc"),
        language="nb",
        time_zone="Europe/Oslo",
    )
    assert await so.get_my_caller_ids("h1") is None
    request = seen[0]
    assert request.url.path == "/Cust12345/api/v1/Agents/Pocket/GetMyCallerIDs"
    assert request.headers["Authorization"] == "SOTicket 7T:abc"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["Accept-Language"] == "nb"
    assert request.headers["SO-TimeZone"] == "Europe/Oslo"
    assert b'"LastHash":"h1"' in request.content.replace(b" ", b"")
    await http.aclose()


def _sequence(*responses: httpx.Response) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    """Answers in turn (the last one from then on); records what was asked."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return responses[min(len(seen), len(responses)) - 1]

    return httpx.MockTransport(handler), seen


async def test_busy_answers_are_retried_until_one_works() -> None:
    ok = httpx.Response(200, json={"CallerIDHash": "h", "CallerIDs": []})
    busy = httpx.Response(503, headers={"Retry-After": "0"}, json={"Error": "busy"})
    transport, seen = _sequence(busy, httpx.Response(429), ok)
    so = _client(transport)
    collection = await so.get_my_caller_ids()
    assert collection is not None and collection.hash == "h" and len(seen) == 3
    # The retried POST carries the same body: it is safe to repeat.
    assert seen[0].content == seen[2].content
    await so._http.aclose()


async def test_retries_are_bounded_and_end_in_one_line() -> None:
    transport, seen = _sequence(httpx.Response(503, json={"Error": "Down for a moment"}))
    so = _client(transport)
    with pytest.raises(ServerError, match=r"^SuperOffice answered 503: Down for a moment$"):
        await so.get_contact_summary(5)
    assert len(seen) == FAST.attempts
    await so._http.aclose()


@pytest.mark.parametrize("status", [400, 401, 403, 404, 501])
async def test_answers_that_will_not_change_are_not_retried(status: int) -> None:
    transport, seen = _sequence(httpx.Response(status, json={"Error": "no"}))
    so = _client(transport)
    with pytest.raises((ServerError, AuthenticationError, NotFoundError)):
        await so.get_contact_summary(5)
    assert len(seen) == 1
    await so._http.aclose()


def test_backoff_grows_with_jitter_and_honours_retry_after_up_to_a_cap() -> None:
    import random

    policy = RetryPolicy(base_delay_s=1.0, max_delay_s=4.0, max_retry_after_s=10.0,
                         rng=random.Random(3))  # fmt: skip
    waits = [policy.delay(n) for n in (1, 2, 3, 4, 5)]
    assert 0.5 <= waits[0] <= 1.0 and 1.0 <= waits[1] <= 2.0 and 2.0 <= waits[2] <= 4.0
    assert all(2.0 <= w <= 4.0 for w in waits[3:])  # capped
    assert policy.delay(1, "7") == 7.0
    assert policy.delay(1, "3600") == 10.0  # a server asking for an hour gets the cap
    assert policy.delay(1, "soon") <= 1.0  # unreadable: the client's own backoff
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past


async def test_an_oversized_declared_answer_is_refused_before_reading() -> None:
    huge = httpx.Response(200, headers={"Content-Length": str(100 * 1024 * 1024)}, content=b"{}")
    transport, seen = _sequence(huge)
    so = _client(transport)
    with pytest.raises(
        ResponseTooLargeError, match="sent 100 MB, over the 16 MB this answer may take"
    ):
        await so.get_contact_summary(5)
    assert len(seen) == 1  # not retried: it would be as big next time
    await so._http.aclose()


async def test_an_oversized_streamed_answer_is_cut_off_while_counting() -> None:
    produced: list[int] = []

    async def hundred_megabytes() -> AsyncIterator[bytes]:
        for _ in range(100):
            produced.append(1)
            yield b" " * (1024 * 1024)

    transport = httpx.MockTransport(lambda r: httpx.Response(200, content=hundred_megabytes()))
    so = _client(transport)
    with pytest.raises(
        ResponseTooLargeError, match="sent more than the 16 MB this answer may take"
    ):
        await so.get_contact_summary(5)
    assert len(produced) <= 18  # stopped reading just past the cap, not at 100 MB
    await so._http.aclose()


async def test_caps_are_per_call() -> None:
    body = b'{"CallerIDHash": "h", "CallerIDs": []}' + b" " * 2048
    transport = httpx.MockTransport(lambda r: httpx.Response(200, content=body))
    http = httpx.AsyncClient(transport=transport)
    so = SuperOfficeClient(http, TENANT, make_auth(AuthKind.BASIC, "demo", "demo"), retry=NO_RETRY,
                           limits=ResponseLimits(caller_ids=4096, summary=1024))  # fmt: skip
    assert await so.get_my_caller_ids() is not None
    with pytest.raises(ResponseTooLargeError):
        await so.get_contact_summary(5)
    await http.aclose()


async def test_misdirected_without_discovery_is_one_retry_then_a_clear_error() -> None:
    transport, seen = _sequence(httpx.Response(421, json={"Error": "Wrong subdomain"}))
    so = _client(transport)
    with pytest.raises(ServerError, match="tenant is at another address") as caught:
        await so.get_contact_summary(5)
    assert caught.value.status == 421 and len(seen) == 2
    await so._http.aclose()


async def test_app_token_header_is_sent_when_configured() -> None:
    transport, seen = _sequence(httpx.Response(200, json=None))
    http = httpx.AsyncClient(transport=transport)
    so = SuperOfficeClient(http, TENANT, make_auth(AuthKind.TICKET, "", "7T:abc"),
                           app_token="app-123")  # fmt: skip
    await so.get_my_caller_ids("h")
    assert seen[0].headers["SO-AppToken"] == "app-123"
    await http.aclose()
