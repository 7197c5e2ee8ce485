"""The SuperOffice client against the demo tenant in-process (httpx's ASGI transport)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from screenpop.demo.server import DemoConfig, create_app
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.errors import (
    AuthenticationError,
    BadResponseError,
    NotFoundError,
    ServerError,
    TenantUnreachableError,
)
from screenpop.superoffice.tenant import Tenant
from screenpop.sync.caller_ids import sync_caller_ids

TENANT = Tenant.parse("http://demo.test/Cust12345")


def _client(transport: httpx.AsyncBaseTransport, secret: str = "demo") -> SuperOfficeClient:
    http = httpx.AsyncClient(transport=transport)
    return SuperOfficeClient(http, TENANT, make_auth(AuthKind.BASIC, "demo", secret))


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
        (_answer(httpx.Response(500, json={"Error": "Database gone"})), ServerError,
         "SuperOffice answered 500: Database gone"),
        (_answer(httpx.Response(503, text="<html><body>down</body></html>")), ServerError,
         "SuperOffice answered 503: Service Unavailable"),
        (_answer(httpx.Response(200, text="{truncated")), BadResponseError, "not JSON"),
        (_answer(httpx.Response(200, json=[1, 2])), BadResponseError, "unknown shape"),
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
    so = SuperOfficeClient(http, TENANT, make_auth(AuthKind.TICKET, "", "7T:abc"),
                           language="nb", time_zone="Europe/Oslo")
    assert await so.get_my_caller_ids("h1") is None
    request = seen[0]
    assert request.url.path == "/Cust12345/api/v1/Agents/Pocket/GetMyCallerIDs"
    assert request.headers["Authorization"] == "SOTicket 7T:abc"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["Accept-Language"] == "nb"
    assert request.headers["SO-TimeZone"] == "Europe/Oslo"
    assert b'"LastHash":"h1"' in request.content.replace(b" ", b"")
    await http.aclose()
