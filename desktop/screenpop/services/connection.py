"""Builds the SuperOffice client the settings describe.

Onsite (``auth`` basic or ticket): the password or ticket from the keyring (or
``SCREENPOP_SECRET``). Online (``auth`` online): the tenant is looked up through the state API
and requests carry the Bearer token of an :class:`OnlineSession`, which the app signs in with
the system browser (``connection.session.sign_in(open_browser)``). A ticket on an Online
address is Online too: looked up and followed like Bearer, and sent with the ``SO-AppToken``
SuperOffice requires beside it (``api/authentication/online/auth-header-types.md``: the
application's client secret). Basic is not allowed in Online (``onsite/webapi/index.md``).

A sync process the app starts is handed the app's credential and builds its client with it
(``make_connection(…, credential=…)``): the password or ticket instead of the keyring's, the
access token instead of a session of its own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from screenpop.config.credentials import SECRET_ENV, load_app_secret, load_secret
from screenpop.config.settings import Settings
from screenpop.core.errors import ConfigError
from screenpop.services.http import time_zone_header
from screenpop.superoffice.auth import make_auth
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.discovery import TenantLocator
from screenpop.superoffice.retry import RetryPolicy
from screenpop.superoffice.tenant import TenantAddress, parse_tenant_address

if TYPE_CHECKING:  # Online only: Authlib and joserfc are loaded for the sign-in that needs them
    from screenpop.superoffice.bearer import OnlineSession


@dataclass(frozen=True, slots=True)
class OnlineOptions:
    """The Settings keys Online needs: ``client_id`` (the app registration; an administrator
    ships it), ``environment`` (``online``/``sod``/``qaonline``, for a bare ``Cust12345``).
    The client secret and SO-AppToken, where an administrator supplies them, are secrets:
    they live in the keyring (:func:`screenpop.config.credentials.store_app_secret`)."""

    client_id: str = ""
    environment: str = "online"

    @classmethod
    def from_settings(cls, settings: Settings) -> OnlineOptions:
        return cls(client_id=settings.client_id, environment=settings.environment or "online")


@dataclass(frozen=True, slots=True)
class Connection:
    client: SuperOfficeClient
    session: OnlineSession | None = None
    """Online only: sign in with it when requests fail with SignInNeededError."""


def make_client(
    settings: Settings,
    http: httpx.AsyncClient,
    *,
    language: str = "en",
    credential: str | None = None,
) -> SuperOfficeClient:
    return make_connection(settings, http, language=language, credential=credential).client


def make_connection(
    settings: Settings,
    http: httpx.AsyncClient,
    *,
    time_zone: str | None = None,
    online: OnlineOptions | None = None,
    retry: RetryPolicy | None = None,
    language: str = "en",
    credential: str | None = None,
) -> Connection:
    """Raises ConfigError (one line) for what the user or administrator must set up first.
    Requests ask for ``language`` and the agent's time zone (by default the home region's:
    :func:`screenpop.services.http.time_zone_header`). ``credential``: the app's, handed to
    a sync process (see the module)."""
    if time_zone is None:
        time_zone = time_zone_header(settings.home_region)
    if not settings.tenant_url:
        raise ConfigError(
            "No SuperOffice tenant is set up yet: "
            "run `screenpop configure --tenant URL --user NAME`."
        )
    options = online or OnlineOptions.from_settings(settings)
    address = parse_tenant_address(settings.tenant_url, options.environment)
    if settings.auth is AuthKind.ONLINE:
        return _online(address, http, options, time_zone, retry, language, credential)
    if address.is_online and settings.auth is AuthKind.BASIC:
        raise ConfigError(
            "SuperOffice Online does not accept a user name and password from apps: "
            "run `screenpop configure --auth online` and sign in with the browser."
        )
    tenant = address.tenant
    secret = credential if credential is not None else load_secret(tenant.base, settings.user)
    if not secret:
        raise ConfigError(
            f"No password is stored for {settings.user or 'this user'} at {tenant.host}: "
            f"run `screenpop configure --password-stdin` or set {SECRET_ENV}."
        )
    auth = make_auth(settings.auth, settings.user, secret)
    if address.is_online:
        app_token = _ticket_app_token(address, options)
        locator = TenantLocator.for_address(http, address, app_token=app_token)
        client = SuperOfficeClient(http, locator, auth, time_zone=time_zone,
                                   app_token=app_token, retry=retry, language=language)  # fmt: skip
        return Connection(client)
    client = SuperOfficeClient(
        http, tenant, auth, time_zone=time_zone, retry=retry, language=language
    )
    return Connection(client)


def _ticket_app_token(address: TenantAddress, options: OnlineOptions) -> str:
    """The ``SO-AppToken`` for a ticket on Online: the one stored, else the client secret
    (the reference calls them the same thing)."""
    if not address.customer:
        raise ConfigError(
            "A ticket for SuperOffice Online needs the customer id in the tenant address, "
            "e.g. https://online.superoffice.com/Cust12345"
        )
    token = ""
    if options.client_id:
        token = load_app_secret(options.client_id, "app_token") or load_app_secret(
            options.client_id, "client_secret"
        )
    if not token:
        raise ConfigError(
            "A ticket for SuperOffice Online goes with the app's SO-AppToken: run "
            "`screenpop configure --client-id ID --app-token-stdin` (an administrator has it)."
        )
    return token


def _online(
    address: TenantAddress,
    http: httpx.AsyncClient,
    options: OnlineOptions,
    time_zone: str,
    retry: RetryPolicy | None,
    language: str,
    token: str | None = None,
) -> Connection:
    """``token``: an access token handed over (a sync process): sent as it is, with no
    session and no sign-in code loaded."""
    if not address.customer:
        raise ConfigError(
            "SuperOffice Online sign-in needs the customer id in the tenant address, "
            "e.g. https://online.superoffice.com/Cust12345"
        )
    if not options.client_id:
        raise ConfigError(
            "No client id is set up for the SuperOffice Online sign-in; "
            "an administrator sets `client_id` in the settings."
        )
    app_token = load_app_secret(options.client_id, "app_token")
    locator = TenantLocator.for_address(http, address, app_token=app_token)
    session = None
    if token is not None:
        auth = make_auth(AuthKind.ONLINE, "", token)
    else:
        session = _session(address, http, options, locator)
        auth = session.auth()
    client = SuperOfficeClient(http, locator, auth, time_zone=time_zone, app_token=app_token,
                               retry=retry, language=language)  # fmt: skip
    return Connection(client, session)


def _session(
    address: TenantAddress, http: httpx.AsyncClient, options: OnlineOptions, locator: TenantLocator
) -> OnlineSession:
    from screenpop.config.credentials import (
        load_refresh_token,
        refresh_token_account,
        store_refresh_token,
    )
    from screenpop.superoffice.bearer import OnlineSession
    from screenpop.superoffice.oidc import OidcClient, OidcSettings

    oidc = OidcClient(
        http,
        OidcSettings(
            authority=f"{address.environment_base}/login",
            client_id=options.client_id,
            customer=address.customer,
            client_secret=load_app_secret(options.client_id, "client_secret"),
        ),
    )
    account = refresh_token_account(options.client_id, address.environment_base, address.customer)
    return OnlineSession(
        oidc,
        load_refresh_token=functools.partial(load_refresh_token, account),
        save_refresh_token=functools.partial(store_refresh_token, account),
        locator=locator,
    )
