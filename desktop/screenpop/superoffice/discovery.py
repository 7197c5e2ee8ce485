"""Where an Online tenant lives right now.

SuperOffice moves Online tenants between numbered hosts (``online2``, ``online3``…) to balance
load. ``GET {environment}/api/state/{Cust}`` names the current endpoint and how long that
answer holds (``ValidUntil``); a ``421 Misdirected Request`` from the API means "look again".
Onsite tenants do not move: :class:`FixedTenant` answers the same address every time.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from screenpop.core.errors import ConfigError
from screenpop.superoffice.errors import (
    BadResponseError,
    NotFoundError,
    ServerError,
    TenantStateError,
    TenantUnreachableError,
)
from screenpop.superoffice.tenant import Tenant, TenantAddress, parse_tenant_address

__all__ = [
    "FixedTenant",
    "TenantAddress",
    "TenantLocator",
    "TenantSource",
    "TenantState",
    "parse_tenant_address",
]

log = logging.getLogger(__name__)

USABLE_STATES = frozenset({"Running", "OnlineMaintenance"})
_STATE_WORDS = {
    "OfflineMaintenance": "is down for maintenance (usually back within minutes)",
    "Provisioning": "is still being set up",
    "MigrationPending": "is still being migrated to Online",
    "Suspended": "is suspended",
    "Deleted": "has been deleted",
    "Deleting": "is being deleted",
    "Unknown": "is not known to SuperOffice Online",
}
# Without a usable ValidUntil, look again after this long; never trust one for longer.
_DEFAULT_VALID_S = 300.0
_MAX_VALID_S = 24 * 3600.0
_STATE_TIMEOUT = httpx.Timeout(10.0)
# The unnumbered environment hosts, "reserved for authentication".
_ONLINE_AUTH_HOST = re.compile(r"^(sod|qaonline|online)\.superoffice\.com$", re.IGNORECASE)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class TenantSource(Protocol):
    """What the client asks before each request, and again after a 421."""

    @property
    def tenant(self) -> Tenant:
        """The last known address (for naming the tenant in messages)."""
        ...

    @property
    def web_client(self) -> Tenant:
        """Where the web client's deep links point."""
        ...

    async def current(self) -> Tenant: ...

    async def rediscover(self) -> Tenant: ...


class FixedTenant:
    """An Onsite tenant (or any address that does not move)."""

    def __init__(self, tenant: Tenant) -> None:
        self.tenant = tenant

    @property
    def web_client(self) -> Tenant:
        return self.tenant

    async def current(self) -> Tenant:
        return self.tenant

    async def rediscover(self) -> Tenant:
        return self.tenant


@dataclass(frozen=True, slots=True)
class TenantState:
    """One answer of the state API."""

    customer: str
    endpoint: str
    state: str
    is_running: bool
    valid_until: float | None  # epoch seconds

    @classmethod
    def from_wire(cls, body: Any) -> TenantState:
        if not isinstance(body, dict) or not isinstance(body.get("Endpoint"), str):
            raise BadResponseError("SuperOffice Online sent a tenant state of an unknown shape.")
        state = body.get("State")
        valid_until: float | None = None
        if isinstance(body.get("ValidUntil"), str):
            try:
                valid_until = datetime.fromisoformat(body["ValidUntil"]).timestamp()
            except ValueError:
                valid_until = None
        return cls(
            customer=str(body.get("ContextIdentifier") or ""),
            endpoint=body["Endpoint"],
            state=state if isinstance(state, str) else str(state),
            is_running=body.get("IsRunning") is True,
            valid_until=valid_until,
        )


class TenantLocator:
    """An Online tenant's current endpoint, cached until ``ValidUntil``.

    ``environment_base`` is ``https://online.superoffice.com`` (or ``sod``/``qaonline``) in
    real use; tests point it at the demo tenant (``http://127.0.0.1:PORT``). Concurrent
    callers share one lookup.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        customer: str,
        environment_base: str,
        *,
        app_token: str = "",
        initial: Tenant | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._http = http
        self.customer = customer
        self.environment_base = environment_base.rstrip("/")
        self._app_token = app_token
        self._clock = clock
        self._known = initial or Tenant(f"{self.environment_base}/{customer}")
        self._expires = 0.0  # an initial guess is never trusted: look it up first
        self._lock = asyncio.Lock()

    @classmethod
    def for_address(
        cls, http: httpx.AsyncClient, address: TenantAddress, *, app_token: str = ""
    ) -> TenantLocator:
        return cls(
            http,
            address.customer,
            address.environment_base,
            app_token=app_token,
            initial=address.tenant,
        )

    @property
    def tenant(self) -> Tenant:
        return self._known

    @property
    def state_url(self) -> str:
        return f"{self.environment_base}/api/state/{self.customer}"

    @property
    def web_client(self) -> Tenant:
        """The environment's own host (``https://online.superoffice.com/Cust12345``): the
        SoProtocol pages address the web client there, and it follows the tenant's moves."""
        return Tenant(f"{self.environment_base}/{self.customer}")

    def use_endpoint(self, endpoint: str) -> None:
        """Take an endpoint learnt elsewhere (the ID token's ``webapi_url``) as a hint; it is
        used until the state API is asked, which still happens before it is trusted long.

        A hint on the environment's own host is ignored: that host is "reserved for
        authentication" and answers API calls with 421 (``tenant-status/check-status.md``),
        and the documented ``webapi_url`` sample is on it
        (``authentication/online/validate-security-tokens.md``)."""
        try:
            address = parse_tenant_address(endpoint)
        except ConfigError:
            log.info("ignored an endpoint hint that is no tenant address: %.80r", endpoint)
            return
        hinted = address.tenant
        if address.customer.lower() != self.customer.lower() or hinted == self._known:
            return
        if _origin(hinted.base) == _origin(self.environment_base):
            return
        if _ONLINE_AUTH_HOST.match(urlsplit(hinted.base).hostname or ""):
            return  # an unnumbered host of another environment: no API there either
        self._known = hinted

    async def current(self) -> Tenant:
        if self._clock() < self._expires:
            return self._known
        return await self._lookup(self._expires)

    async def rediscover(self) -> Tenant:
        """After a 421: ask again, unless another request already did meanwhile."""
        return await self._lookup(self._expires, force=True)

    async def _lookup(self, seen_expiry: float, force: bool = False) -> Tenant:
        async with self._lock:
            # Someone else looked it up while this caller waited for the lock.
            if self._expires != seen_expiry and self._clock() < self._expires:
                return self._known
            if not force and self._clock() < self._expires:
                return self._known
            state = await self._fetch_state()
            if state.state not in USABLE_STATES:
                words = _STATE_WORDS.get(state.state, "is not available")
                raise TenantStateError(
                    f"The SuperOffice tenant {self.customer} {words} (state {state.state}).",
                    state.state,
                )
            tenant = parse_tenant_address(state.endpoint).tenant
            if tenant != self._known:
                log.info("tenant %s is now at %s", self.customer, tenant.host)
            now = self._clock()
            until = state.valid_until if state.valid_until is not None else now + _DEFAULT_VALID_S
            self._known = tenant
            self._expires = min(max(until, now), now + _MAX_VALID_S)
            return tenant

    async def _fetch_state(self) -> TenantState:
        headers = {"Accept": "application/json"}
        if self._app_token:
            headers["SO-AppToken"] = self._app_token
        where = self.environment_base.split("://", 1)[-1]
        try:
            response = await self._http.get(self.state_url, headers=headers, timeout=_STATE_TIMEOUT)
        except httpx.TransportError as err:
            log.debug("state lookup failed: %r", err)
            raise TenantUnreachableError(
                f"Cannot reach SuperOffice Online at {where} to find the tenant."
            ) from None
        if response.status_code == 404:
            raise NotFoundError(f"SuperOffice Online at {where} does not know {self.customer}.")
        if response.status_code >= 400:
            raise ServerError(
                f"SuperOffice Online at {where} answered {response.status_code} when asked "
                f"where {self.customer} is.",
                response.status_code,
            )
        try:
            body = response.json()
        except ValueError:
            raise BadResponseError(
                "SuperOffice Online sent a tenant state that is not JSON."
            ) from None
        return TenantState.from_wire(body)
