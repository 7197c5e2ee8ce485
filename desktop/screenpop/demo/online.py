"""The demo tenant playing SuperOffice Online: its state API, moving hosts, and a control.

Online tenants move between numbered hosts. ``serve`` listens on two extra loopback ports that
act as "online2" and "online3"; the tenant lives on one of them at a time, and the API on the
other answers ``421 Misdirected Request``. The main port plays the environment
(``online.superoffice.com``): ``GET /api/state/{Cust}`` names the current host and ``/login``
is the sign-in authority. As on SuperOffice's own (``tenant-status/check-status.md``: "reserved
for authentication"), an Online request to the API there (a Bearer token, or a ticket with its
``SO-AppToken``) answers 421; the numbered hosts refuse what Online refuses (Basic, a ticket
without ``SO-AppToken``: ``api/authentication/online/auth-header-types.md``). The main port
also plays an Onsite installation, for Basic and a bare ticket, so every address the demo
ever printed (``http://127.0.0.1:PORT/Cust12345``) keeps working for those.

``POST /_demo/control`` (demo only, JSON) changes things while serving, for tests and for
trying the app by hand: ``{"move": true}`` moves the tenant to the next host, ``{"state":
"OfflineMaintenance"}`` sets what the state API says, ``{"faults": ["503:0.5"], "fault_seed":
1}`` replaces the injected faults, ``{"expire_tokens": true}`` ends every access token,
``{"revoke_refresh_tokens": true}`` every refresh token, ``{"signed_out": true}`` ends the
browser session (a silent sign-in then gets ``login_required``).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from screenpop.core.errors import ConfigError
from screenpop.demo.faults import Fault, FaultPlan
from screenpop.demo.oidc import DemoProvider

STATE_VALID_FOR = timedelta(hours=1)
CONTROL_PATH = "/_demo/control"


def _netloc(origin: str) -> str:
    return origin.split("://", 1)[-1].rstrip("/").lower()


class OnlineHosts:
    """Where the tenant lives now, and what the state API says about it."""

    def __init__(self, customer: str, hosts: tuple[str, ...], state: str = "Running") -> None:
        self.customer = customer
        self.hosts = hosts
        self.current = 0
        self.state = state

    def endpoint(self, request: Request) -> str:
        """The tenant root: the current extra host, or the address asked (no extra hosts)."""
        origin = (
            self.hosts[self.current]
            if self.hosts
            else f"{request.url.scheme}://" + (request.url.netloc)
        )
        return f"{origin.rstrip('/')}/{self.customer}"

    def _asked(self, request: Request) -> str:
        """``current``, ``other`` (a numbered host the tenant is not on) or ``environment``."""
        asked = request.headers.get("host", "").lower()
        for index, host in enumerate(self.hosts):
            if asked == _netloc(host):
                return "current" if index == self.current else "other"
        return "environment"

    def misdirected(self, request: Request) -> bool:
        """A request to a numbered host the tenant is not on now, or an Online one to the
        environment's host."""
        if not self.hosts:
            return False
        where = self._asked(request)
        if where == "environment":
            scheme = request.headers.get("authorization", "").strip().partition(" ")[0]
            return scheme.lower() == "bearer" or "so-apptoken" in request.headers
        return where == "other"

    def refused_on_online(self, request: Request, app_secret: str) -> str:
        """Why the tenant's numbered host refuses an authorized request ("" when it does
        not): Basic is Onsite only, and a ticket goes with the application's token."""
        if not self.hosts or self._asked(request) != "current":
            return ""
        scheme = request.headers.get("authorization", "").strip().partition(" ")[0].lower()
        if scheme == "basic":
            return "Basic authentication is not allowed in SuperOffice Online."
        token = request.headers.get("so-apptoken", "")
        if scheme == "soticket" and not token:
            return "A ticket needs the application's SO-AppToken in SuperOffice Online."
        if scheme == "soticket" and app_secret and token != app_secret:
            return "The SO-AppToken is not this application's."
        return ""

    async def state_api(self, request: Request) -> Response:
        customer = request.path_params["customer"]
        running = self.state in ("Running", "OnlineMaintenance")
        known = customer.lower() == self.customer.lower()
        endpoint = self.endpoint(request) if known else ""
        until = datetime.now(UTC) + STATE_VALID_FOR
        return JSONResponse(
            {
                "ContextIdentifier": self.customer if known else customer,
                "Endpoint": endpoint,
                "State": self.state if known else "Unknown",
                "IsRunning": running and known,
                "ValidUntil": until.strftime("%Y-%m-%dT%H:%M:%S.%f0Z"),
                "Api": f"{endpoint}/api" if known else "",
            }
        )


def control_route(hosts: OnlineHosts, provider: DemoProvider, plan: FaultPlan) -> Route:
    async def control(request: Request) -> Response:
        try:
            changes: Any = json.loads(await request.body() or b"{}")
        except ValueError:
            changes = None
        if not isinstance(changes, dict):
            return JSONResponse({"Error": "Send a JSON object."}, 400)
        try:
            if changes.get("move") and hosts.hosts:
                hosts.current = (hosts.current + 1) % len(hosts.hosts)
            if isinstance(changes.get("state"), str):
                hosts.state = changes["state"]
            if isinstance(changes.get("faults"), list):
                faults = tuple(Fault.parse(str(f)) for f in changes["faults"])
                seed = changes.get("fault_seed")
                plan.replace(faults, seed if isinstance(seed, int) else None)
        except ConfigError as err:
            return JSONResponse({"Error": err.message}, 400)
        if changes.get("expire_tokens"):
            provider.expire_access_tokens()
        if changes.get("revoke_refresh_tokens"):
            provider.revoke_refresh_tokens()
        if isinstance(changes.get("signed_out"), bool):
            provider.signed_out = changes["signed_out"]
        return JSONResponse(
            {
                "Endpoint": hosts.endpoint(request),
                "State": hosts.state,
                "Faults": [f"{f.kind}:{f.rate:g}" for f in plan.faults],
            }
        )

    return Route(CONTROL_PATH, control, methods=["POST"])
