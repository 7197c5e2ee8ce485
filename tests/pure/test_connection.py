"""From settings to a working client: the SOTicket header, Online set-up, what must be set up."""

from __future__ import annotations

import base64

import httpx
import pytest

from screenpop.config.credentials import SecretStoreError, store_app_secret
from screenpop.config.settings import Settings
from screenpop.core.errors import ConfigError
from screenpop.services.connection import OnlineOptions, make_connection
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.bearer import OnlineAuth
from screenpop.superoffice.discovery import TenantLocator
from tests.conftest import MemoryKeyring


async def test_the_ticket_header(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=None)

    monkeypatch.setenv("SCREENPOP_SECRET", "7T:ticket")
    settings = Settings(tenant_url="https://crm.example.com/SuperOffice", auth=AuthKind.TICKET)
    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as http:
        connection = make_connection(settings, http)
        assert connection.session is None
        assert await connection.client.fetch_caller_ids("h") is None
    assert seen[0].headers["Authorization"] == "SOTicket 7T:ticket"
    assert str(seen[0].url).startswith("https://crm.example.com/SuperOffice/api/v1/")


async def test_online_connection_parts(memory_keyring: MemoryKeyring) -> None:
    store_app_secret("app-1", "app_token", "tok-9")
    settings = Settings(
        tenant_url="https://online3.superoffice.com/Cust77/api/", auth=AuthKind.ONLINE
    )
    async with httpx.AsyncClient() as http:
        connection = make_connection(settings, http, online=OnlineOptions(client_id="app-1"))
        session = connection.session
        assert session is not None and isinstance(connection.client._auth, OnlineAuth)
        assert session.oidc.settings.authority == "https://online.superoffice.com/login"
        assert session.oidc.settings.customer == "Cust77"
        locator = connection.client._source
        assert isinstance(locator, TenantLocator)
        assert locator.state_url == "https://online.superoffice.com/api/state/Cust77"
        assert connection.client._headers["SO-AppToken"] == "tok-9"
        # A bare customer id in another environment.
        sod = Settings(tenant_url="Cust5", auth=AuthKind.ONLINE)
        options = OnlineOptions(client_id="app-1", environment="sod")
        other = make_connection(sod, http, online=options)
        assert other.session is not None
        assert other.session.oidc.settings.authority == "https://sod.superoffice.com/login"


@pytest.mark.parametrize(
    ("settings", "options", "says"),
    [
        (Settings(), OnlineOptions(), "No SuperOffice tenant is set up"),
        (Settings(tenant_url="https://crm.example.com/SuperOffice", auth=AuthKind.ONLINE),
         OnlineOptions(client_id="a"), "needs the customer id"),
        (Settings(tenant_url="Cust1", auth=AuthKind.ONLINE), OnlineOptions(), "No client id"),
        (Settings(tenant_url="https://crm.example.com/x", user="jo"), OnlineOptions(),
         "No password is stored for jo"),
    ],
)  # fmt: skip
async def test_what_must_be_set_up_first(
    memory_keyring: MemoryKeyring, settings: Settings, options: OnlineOptions, says: str
) -> None:
    async with httpx.AsyncClient() as http:
        with pytest.raises(ConfigError, match=says):
            make_connection(settings, http, online=options)


async def test_no_keyring_is_a_clear_message() -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        settings = Settings(tenant_url="Cust1", auth=AuthKind.ONLINE)
        async with httpx.AsyncClient() as http:
            with pytest.raises(SecretStoreError, match="system keyring is not available"):
                make_connection(settings, http, online=OnlineOptions(client_id="a"))
    finally:
        keyring.set_keyring(previous)


async def test_a_ticket_on_online_is_looked_up_and_goes_with_the_app_token(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """api/authentication/online/auth-header-types.md: SOTICKET plus the SO-AppToken header
    (the application secret); tenant-status/check-status.md: the tenant is looked up, and a
    421 means looking again."""
    seen: list[httpx.Request] = []
    hosts = iter(["online3", "online4"])

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/api/state/Cust77":
            endpoint = f"https://{next(hosts)}.superoffice.com/Cust77"
            return httpx.Response(200, json={"ContextIdentifier": "Cust77", "Endpoint": endpoint,
                                             "State": "Running", "IsRunning": True})  # fmt: skip
        if request.url.host == "online3.superoffice.com":
            return httpx.Response(421, text="Wrong subdomain used to access tenant")
        return httpx.Response(200, json=None)

    monkeypatch.setenv("SCREENPOP_SECRET", "7T:ticket")
    store_app_secret("app-1", "client_secret", "app-secret")
    settings = Settings(tenant_url="https://online.superoffice.com/Cust77", auth=AuthKind.TICKET,
                        client_id="app-1")  # fmt: skip
    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as http:
        connection = make_connection(settings, http)
        assert await connection.client.fetch_caller_ids("h") is None
    assert [(r.url.host, r.url.path.rsplit("/", 1)[-1]) for r in seen] == [
        ("online.superoffice.com", "Cust77"), ("online3.superoffice.com", "GetMyCallerIDs"),
        ("online.superoffice.com", "Cust77"), ("online4.superoffice.com", "GetMyCallerIDs"),
    ]  # fmt: skip
    assert all(r.headers["SO-AppToken"] == "app-secret" for r in seen)
    assert seen[-1].headers["Authorization"] == "SOTicket 7T:ticket"
    # The web client's links stay on the environment's host (ui/soprotocol/index.md).
    assert connection.client.links.base == "https://online.superoffice.com/Cust77"


@pytest.mark.parametrize(
    ("auth", "client_id", "says"),
    [(AuthKind.TICKET, "", "goes with the app's SO-AppToken"),
     (AuthKind.TICKET, "app-2", "goes with the app's SO-AppToken"),
     (AuthKind.BASIC, "", "does not accept a user name and password")],
)  # fmt: skip
async def test_online_needs_what_online_needs(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, auth: AuthKind,
    client_id: str, says: str,
) -> None:  # fmt: skip
    """A ticket on Online without its SO-AppToken, or Basic ("not allowed in Online":
    api/authentication/onsite/webapi/index.md), is a set-up error, not a request storm."""
    monkeypatch.setenv("SCREENPOP_SECRET", "x")
    settings = Settings(tenant_url="https://online2.superoffice.com/Cust7", auth=auth,
                        client_id=client_id)  # fmt: skip
    async with httpx.AsyncClient() as http:
        with pytest.raises(ConfigError, match=says):
            make_connection(settings, http)


async def test_a_sync_process_sends_what_the_app_handed_it(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's credential instead of the keyring's: Online the access token as Bearer
    (api/authentication/online/auth-header-types.md), looked up and followed as the app's own
    requests are, with no session (nothing to refresh or sign in with); Onsite the password."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/api/state/Cust77":
            return httpx.Response(200, json={"ContextIdentifier": "Cust77", "State": "Running",
                                             "Endpoint": "https://online3.superoffice.com/Cust77",
                                             "IsRunning": True})  # fmt: skip
        return httpx.Response(200, json=None)

    monkeypatch.setenv("SCREENPOP_SECRET", "the keyring's, not used")
    online = Settings(tenant_url="https://online.superoffice.com/Cust77", auth=AuthKind.ONLINE,
                      client_id="app-1")  # fmt: skip
    onsite = Settings(tenant_url="https://crm.example.com/SuperOffice", user="jane")
    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as http:
        connection = make_connection(online, http, credential="access-token")
        assert connection.session is None
        assert await connection.client.fetch_caller_ids("h") is None
        password = make_connection(onsite, http, credential="pw")
        assert await password.client.fetch_caller_ids() is None
    assert [r.url.host for r in seen] == [
        "online.superoffice.com", "online3.superoffice.com", "crm.example.com"
    ]
    assert seen[1].headers["Authorization"] == "Bearer access-token"
    assert seen[2].headers["Authorization"] == "Basic " + base64.b64encode(b"jane:pw").decode()
