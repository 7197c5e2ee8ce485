"""From settings to a working client: the SOTicket header, Online set-up, what must be set up."""

from __future__ import annotations

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
