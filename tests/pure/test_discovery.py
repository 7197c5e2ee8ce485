"""Tenant discovery: what users paste, and where an Online tenant lives (the demo's state API
over httpx's ASGI transport)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from screenpop.core.errors import ConfigError
from screenpop.demo.server import DemoApp, DemoConfig, create_app
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.discovery import TenantLocator, TenantState
from screenpop.superoffice.errors import NotFoundError, TenantStateError
from screenpop.superoffice.tenant import ENVIRONMENTS, Tenant, parse_tenant_address

ONLINE = "https://online.superoffice.com"


@pytest.mark.parametrize(
    ("pasted", "base", "customer", "environment"),
    [
        ("https://online.superoffice.com/Cust12345", f"{ONLINE}/Cust12345", "Cust12345", "online"),
        ("https://online3.superoffice.com/Cust12345/api/",
         "https://online3.superoffice.com/Cust12345", "Cust12345", "online"),
        ("https://sod2.superoffice.com/Cust1/api/v1", "https://sod2.superoffice.com/Cust1",
         "Cust1", "sod"),
        ("https://qaonline.superoffice.com/cust77/default.aspx",
         "https://qaonline.superoffice.com/Cust77", "Cust77", "qaonline"),
        ("  https://ONLINE.superoffice.com/Cust12345/api/v1/  ", f"{ONLINE}/Cust12345",
         "Cust12345", "online"),
        ("http://online.superoffice.com/Cust5", f"{ONLINE}/Cust5", "Cust5", "online"),
        ("Cust12345", f"{ONLINE}/Cust12345", "Cust12345", "online"),
        ("cust9", f"{ONLINE}/Cust9", "Cust9", "online"),
        ("https://crm.example.com/SuperOffice", "https://crm.example.com/SuperOffice", "", ""),
        ("https://crm.example.com/SuperOffice/default.aspx",
         "https://crm.example.com/SuperOffice", "", ""),
        ("https://crm.example.com:8443/SuperOffice/api/v1",
         "https://crm.example.com:8443/SuperOffice", "", ""),
        ("http://127.0.0.1:8000/Cust12345", "http://127.0.0.1:8000/Cust12345", "Cust12345", ""),
        # Endpoints a tenant may move to that name no environment
        # (developer-portal/best-practices/tenant-status/check-status.md): production's.
        ("https://app.superoffice.com/Cust12345/api/v1", "https://app.superoffice.com/Cust12345",
         "Cust12345", "online"),
        ("https://disasterrecovery.superoffice.com/cust3",
         "https://disasterrecovery.superoffice.com/Cust3", "Cust3", "online"),
        # The older pages' "stage" is today's qaonline (authentication/online/api.md).
        ("https://stage.superoffice.com/Cust4", "https://stage.superoffice.com/Cust4", "Cust4",
         "qaonline"),
    ],
)  # fmt: skip
def test_addresses_as_users_paste_them(
    pasted: str, base: str, customer: str, environment: str
) -> None:
    address = parse_tenant_address(pasted)
    assert address.tenant.base == base
    assert address.customer == customer and address.environment == environment
    assert address.tenant.api_base == f"{base}/api/v1"


def test_environment_bases() -> None:
    """authentication/online/api.md: Development sod, Stage qaonline, Production online."""
    assert ENVIRONMENTS == ("online", "sod", "qaonline")
    assert parse_tenant_address("Cust1", "sod").environment_base == "https://sod.superoffice.com"
    assert parse_tenant_address("Cust1", "stage").environment == "qaonline"
    app_host = parse_tenant_address("https://app.superoffice.com/Cust1", "sod")
    assert app_host.is_online and app_host.environment_base == "https://sod.superoffice.com"
    assert parse_tenant_address("https://online4.superoffice.com/Cust1").environment_base == ONLINE
    # Any other host plays its own environment (the demo tenant does).
    demo = parse_tenant_address("http://127.0.0.1:8000/Cust12345")
    assert demo.environment_base == "http://127.0.0.1:8000" and not demo.is_online


@pytest.mark.parametrize(
    ("pasted", "says"),
    [
        ("not a url", "not a tenant address"),
        ("ftp://online.superoffice.com/Cust1", "not a tenant address"),
        ("https://online.superoffice.com/", "names no tenant"),
        ("https://online.superoffice.com/SuperOffice", "names no tenant"),
        ("https://crm.example.com:port/x", "not a tenant address"),
        ("", "not a tenant address"),
    ],
)
def test_junk_addresses_get_one_line(pasted: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says) as caught:
        parse_tenant_address(pasted)
    assert "\n" not in caught.value.message


def test_a_bare_customer_id_needs_a_known_environment() -> None:
    with pytest.raises(ConfigError, match="not a SuperOffice Online environment"):
        parse_tenant_address("Cust1", "moon")


# -- the state API --------------------------------------------------------------------------


class Recording(httpx.AsyncBaseTransport):
    """The demo app in-process, remembering each request (a transport, not a mock)."""

    def __init__(self, app: DemoApp) -> None:
        self._inner = httpx.ASGITransport(app=app)
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self._inner.handle_async_request(request)


HOSTS = ("http://online2.test", "http://online3.test")


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def app() -> DemoApp:
    return create_app(DemoConfig(persons=20, online_hosts=HOSTS))


@pytest.fixture
async def http(app: DemoApp) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=Recording(app)) as client:
        yield client


def _state_requests(http: httpx.AsyncClient) -> list[httpx.Request]:
    transport = http._transport
    assert isinstance(transport, Recording)
    return [r for r in transport.requests if "/api/state/" in r.url.path]


async def test_the_current_endpoint_is_looked_up_and_cached(
    app: DemoApp, http: httpx.AsyncClient
) -> None:
    import time

    clock = Clock()
    clock.now = time.time()
    locator = TenantLocator(http, "Cust12345", "http://online.test", app_token="tok", clock=clock)
    assert (await locator.current()).base == "http://online2.test/Cust12345"
    app.hosts.current = 1  # it moves; the cached answer holds until ValidUntil (an hour)
    assert (await locator.current()).base == "http://online2.test/Cust12345"
    assert len(_state_requests(http)) == 1
    assert _state_requests(http)[0].headers["SO-AppToken"] == "tok"
    clock.now += 3601
    assert (await locator.current()).base == "http://online3.test/Cust12345"
    assert len(_state_requests(http)) == 2


async def test_a_421_makes_the_client_look_again_and_go_there(
    app: DemoApp, http: httpx.AsyncClient
) -> None:
    # A ticket on Online goes with the application's token (auth-header-types.md).
    locator = TenantLocator(http, "Cust12345", "http://online.test", app_token="app-1")
    auth = make_auth(AuthKind.TICKET, "", "demo")
    client = SuperOfficeClient(http, locator, auth, app_token="app-1")
    first = await client.get_contact_summary(1)
    app.hosts.current = 1
    second = await client.get_contact_summary(1)
    assert first == second and client.tenant.base == "http://online3.test/Cust12345"
    statuses = [r.url.host for r in http._transport.requests  # type: ignore[attr-defined]
                if "/Summary" in r.url.path]  # fmt: skip
    assert statuses == ["online2.test", "online2.test", "online3.test"]
    assert len(_state_requests(http)) == 2


@pytest.mark.parametrize("state", ["Running", "OnlineMaintenance"])
async def test_usable_states(app: DemoApp, http: httpx.AsyncClient, state: str) -> None:
    app.hosts.state = state
    locator = TenantLocator(http, "Cust12345", "http://online.test")
    assert (await locator.current()).host == "online2.test"


@pytest.mark.parametrize(
    ("state", "says"),
    [
        ("OfflineMaintenance", "is down for maintenance \\(usually back within minutes\\)"),
        ("Suspended", "is suspended"),
        ("Deleted", "has been deleted"),
        ("MigrationPending", "is still being migrated to Online"),
        ("Provisioning", "is still being set up"),
        ("SomethingNew", "is not available"),
    ],
)
async def test_states_that_are_not_usable_name_the_state(
    app: DemoApp, http: httpx.AsyncClient, state: str, says: str
) -> None:
    app.hosts.state = state
    locator = TenantLocator(http, "Cust12345", "http://online.test")
    with pytest.raises(TenantStateError, match=f"Cust12345 {says} \\(state {state}\\)") as caught:
        await locator.current()
    assert caught.value.state == state


async def test_an_unknown_customer(http: httpx.AsyncClient) -> None:
    locator = TenantLocator(http, "Cust999", "http://online.test")
    with pytest.raises(TenantStateError, match="Cust999 is not known to SuperOffice Online"):
        await locator.current()


async def test_a_state_api_that_is_not_there() -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(404, text="nope"))
    async with httpx.AsyncClient(transport=transport) as http:
        locator = TenantLocator(http, "Cust1", "http://online.test")
        with pytest.raises(NotFoundError, match="does not know Cust1"):
            await locator.current()


def test_state_answers_decode_tolerantly() -> None:
    state = TenantState.from_wire({"ContextIdentifier": "Cust1", "Endpoint": "https://x/Cust1",
                                   "State": "Running", "IsRunning": True,
                                   "ValidUntil": "2020-10-05T09:52:01.9342965Z"})  # fmt: skip
    assert state.valid_until == pytest.approx(1601891521.934296)
    odd = TenantState.from_wire({"Endpoint": "https://x/Cust1", "State": 2, "ValidUntil": "?"})
    assert odd.state == "2" and odd.valid_until is None


async def test_an_unnumbered_webapi_url_never_replaces_the_numbered_endpoint(
    http: httpx.AsyncClient,
) -> None:
    """The documented webapi_url sample is on the unnumbered host
    (authentication/online/validate-security-tokens.md), which answers API calls with 421
    (tenant-status/check-status.md): such a hint is ignored; a numbered one is taken."""
    known = Tenant("https://online3.superoffice.com/Cust7")
    locator = TenantLocator(http, "Cust7", ONLINE, initial=known)
    for ignored in ("https://online.superoffice.com/Cust7/api/",
                    "https://sod.superoffice.com/Cust7/api/",
                    "https://online4.superoffice.com/Cust8/api/", "not a url"):  # fmt: skip
        locator.use_endpoint(ignored)
        assert locator.tenant == known
    locator.use_endpoint("https://online4.superoffice.com/Cust7/api/")
    assert locator.tenant.host == "online4.superoffice.com"
    assert locator.web_client.base == f"{ONLINE}/Cust7"  # SoProtocol links: ui/soprotocol/index.md
