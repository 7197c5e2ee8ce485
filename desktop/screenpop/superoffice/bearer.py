"""Being signed in to SuperOffice Online, and the ``httpx.Auth`` that uses it.

The access token lives in memory only; the refresh token is handed to a callback (the app
keeps it in the OS keyring) and loaded lazily, the first time a request needs it. A token
close to its expiry is refreshed before use; a 401 gets one refresh and one more try; after
that, or with nothing to refresh with, requests fail with :class:`SignInNeededError` and the
app re-runs the browser sign-in (:meth:`OnlineSession.sign_in`, silently first).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncGenerator, Callable, Generator

import httpx

from screenpop.core.errors import ConfigError
from screenpop.superoffice.discovery import TenantLocator
from screenpop.superoffice.errors import AuthenticationError, SignInNeededError
from screenpop.superoffice.oidc import SIGN_IN_TIMEOUT_S, OidcClient, Tokens

log = logging.getLogger(__name__)

CTX_CLAIM = "http://schemes.superoffice.net/identity/ctx"
_NOT_LOADED = object()


class OnlineSession:
    """One user's sign-in to one Online tenant.

    ``load_refresh_token``/``save_refresh_token`` reach the keyring (save gets None to
    forget); ``locator``, where given, learns the tenant's endpoint from the ID token.
    """

    def __init__(
        self,
        oidc: OidcClient,
        *,
        load_refresh_token: Callable[[], str | None] = lambda: None,
        save_refresh_token: Callable[[str | None], None] = lambda token: None,
        locator: TenantLocator | None = None,
        refresh_leeway_s: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.oidc = oidc
        self._load = load_refresh_token
        self._save = save_refresh_token
        self._locator = locator
        self._leeway = refresh_leeway_s
        self._clock = clock
        self._access: str | None = None
        self._refresh_at: float | None = None  # when to refresh it, a little before expiry
        self._refresh: object = _NOT_LOADED
        self._lock = asyncio.Lock()
        self.refreshes = 0
        # Why the refresh token could not be kept (no keyring): the sign-in then lasts only
        # as long as the app runs. The UI may show it.
        self.persist_error = ""

    @property
    def has_access_token(self) -> bool:
        return self._access is not None

    def _refresh_token(self) -> str | None:
        if self._refresh is _NOT_LOADED:
            self._refresh = self._load()  # may raise SecretStoreError: no keyring at all
        return self._refresh if isinstance(self._refresh, str) else None

    def _expiring(self) -> bool:
        return self._refresh_at is not None and self._clock() >= self._refresh_at

    async def access_token(self) -> str:
        """A token to send now, refreshed first where it is about to expire."""
        if self._access is not None and not self._expiring():
            return self._access
        async with self._lock:
            if self._access is not None and not self._expiring():
                return self._access  # another request refreshed it meanwhile
            if self._refresh_token() is None:
                if self._access is not None:
                    return self._access  # nothing to refresh with: use it while it lasts
                raise SignInNeededError("Sign in to SuperOffice in the browser to continue.")
            await self._refresh_now()
            assert self._access is not None
            return self._access

    async def after_unauthorized(self, rejected: str) -> str:
        """A request with ``rejected`` got 401: refresh once (unless another request already
        did) and return the token to try again with."""
        async with self._lock:
            if self._access is not None and self._access != rejected:
                return self._access
            self._access = None
            if self._refresh_token() is None:
                raise SignInNeededError("SuperOffice no longer accepts the sign-in; sign in again.")
            await self._refresh_now()
            assert self._access is not None
            return self._access

    def reject(self, token: str) -> None:
        """The retried request was refused too: that token is no good."""
        if self._access == token:
            self._access = None

    async def _refresh_now(self) -> None:
        refresh_token = self._refresh_token()
        assert refresh_token is not None
        try:
            tokens = await self.oidc.refresh(refresh_token)
        except SignInNeededError:
            self._forget_refresh_token()
            raise
        self.refreshes += 1
        log.info("SuperOffice access token refreshed")
        self._take(tokens)

    async def sign_in(
        self,
        open_browser: Callable[[str], None],
        *,
        silent: bool = False,
        within_s: float = SIGN_IN_TIMEOUT_S,
    ) -> None:
        """The browser sign-in; ``silent`` asks with ``prompt=none`` (no page to act on where
        the browser still has a SuperOffice session; SignInNeededError where it has not)."""
        tokens = await self.oidc.sign_in(
            open_browser, prompt="none" if silent else None, within_s=within_s
        )
        customer = self.oidc.settings.customer
        signed_into = tokens.claims.get(CTX_CLAIM)
        if customer and isinstance(signed_into, str) and signed_into.lower() != customer.lower():
            raise AuthenticationError(
                f"You signed in to the SuperOffice tenant {signed_into}, "
                f"but Screenpop is set up for {customer}."
            )
        async with self._lock:
            self._take(tokens)
        log.info("signed in to SuperOffice Online")

    def sign_out(self) -> None:
        self._access = None
        self._refresh_at = None
        self._forget_refresh_token()

    def _take(self, tokens: Tokens) -> None:
        self._access = tokens.access_token
        self._refresh_at = None
        if tokens.expires_in is not None:
            # A minute early, or halfway for short-lived tokens.
            early = min(self._leeway, tokens.expires_in / 2)
            self._refresh_at = self._clock() + tokens.expires_in - early
        if tokens.webapi_url and self._locator is not None:
            self._locator.use_endpoint(tokens.webapi_url)
        if tokens.refresh_token is not None and tokens.refresh_token != self._refresh:
            self._refresh = tokens.refresh_token
            self._persist(tokens.refresh_token)

    def _forget_refresh_token(self) -> None:
        self._refresh = None
        self._persist(None)

    def _persist(self, token: str | None) -> None:
        try:
            self._save(token)
            self.persist_error = ""
        except ConfigError as err:  # SecretStoreError: no usable keyring
            log.info("refresh token not kept: %s", err.message)
            self.persist_error = err.message

    def auth(self) -> OnlineAuth:
        return OnlineAuth(self)


class OnlineAuth(httpx.Auth):
    """``Authorization: Bearer …`` from an :class:`OnlineSession`; async clients only."""

    def __init__(self, session: OnlineSession) -> None:
        self.session = session

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        raise RuntimeError("OnlineAuth works with httpx.AsyncClient only")
        yield request  # pragma: no cover - makes this a generator

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self.session.access_token()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code != 401:
            return
        token = await self.session.after_unauthorized(token)
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            self.session.reject(token)
            raise SignInNeededError("SuperOffice no longer accepts the sign-in; sign in again.")
