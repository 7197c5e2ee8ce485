"""The demo tenant as an ASGI app imitating the SuperOffice Web API, and serving it.

Routes (under ``/{customer}``): ``POST api/v1/Agents/Pocket/GetMyCallerIDs`` and
``…/GetCallerIDsFromSelection``, ``GET api/v1/Contact/{id}/Summary``,
``GET api/v1/List/TicketStatus/Items``, the whole CRM's phone search and persons
(:mod:`screenpop.demo.persons`), the diary's task list and appointments
(:mod:`screenpop.demo.appointments`) and ``GET default.aspx`` (a stand-in web client).
The API takes Basic (``user``/``password``), ``SOTicket <password>``, or a Bearer token from
the demo's OpenID Connect provider under ``/login`` (:mod:`screenpop.demo.oidc`). Online
behaviour (state API, moving hosts, which host answers what, a control request) is in
:mod:`screenpop.demo.online`; injected faults and latency in :mod:`screenpop.demo.faults`.

It is as strict as the reference: request bodies carry the members as typed (a null where
``agent/Pocket_Agent/v1PocketAgent_GetMyCallerIDs.md`` types a string or a date is a 400),
answers have the documented members and only those. The error bodies are the demo's own:
SuperOffice documents none, and the client reads them only as a hint.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route

from screenpop.core.errors import ConfigError
from screenpop.core.models import ContactSummary
from screenpop.demo.appointments import Diary
from screenpop.demo.callerfile import CallerIdFile
from screenpop.demo.data import DemoData
from screenpop.demo.encoding import JSON, dumps, parse_select
from screenpop.demo.encoding import error_response as _error
from screenpop.demo.encoding import json_response as _json
from screenpop.demo.encoding import query_param as _param
from screenpop.demo.faults import Fault, FaultInjector, FaultPlan
from screenpop.demo.numbers import MAX_INDEX
from screenpop.demo.oidc import DemoProvider
from screenpop.demo.online import OnlineHosts, control_route
from screenpop.demo.persons import Directory, person_routes
from screenpop.demo.summaries import cut
from screenpop.demo.ticket_statuses import language_of, ticket_status_items

DEFAULT_LIMIT = 10
MAX_SELECTION = 1000
_KEPT_BODIES = 2


@dataclass(frozen=True)
class DemoConfig:
    seed: int = 1
    persons: int = 500
    others: int | None = None
    """Persons in the CRM without caller IDs (found only live); None: as many as ``persons``
    (as many as fit beside them)."""
    caller_ids_file: Path | None = None
    latency_ms: int = 0
    user: str = "demo"
    password: str = "demo"
    customer: str = "Cust12345"
    today: date | None = None
    """The day dates are relative to; None: today (UTC) when the app is made."""
    client_id: str = "screenpop-demo"
    client_secret: str = ""
    """Where set, refreshing a token needs it (as for a confidential SuperOffice app)."""
    token_lifetime_s: int = 3600
    faults: tuple[Fault, ...] = ()
    fault_seed: int | None = None
    """None: ``seed``; the same seed fails the same requests of a sequential run."""
    online_hosts: tuple[str, ...] = ()
    """Origins acting as the numbered Online hosts (``serve`` fills them in)."""
    tenant_state: str = "Running"
    may_add_persons: bool = True
    """False: the user lacks the right to add persons (``POST Person`` answers 403)."""


class _Tenant(Protocol):
    @property
    def caller_id_hash(self) -> str: ...

    def caller_ids_body(self, select: frozenset[str] | None) -> bytes: ...

    def summary(self, contact_id: int) -> ContactSummary | None: ...

    def has_contact(self, contact_id: int) -> bool: ...

    def contact_of_person(self, person_id: int) -> int | None: ...


class _Bodies:
    """GetMyCallerIDs bodies by ``$select``, each built once, in a thread of its own.

    A daemon thread rather than the loop's executor: a million-person build must neither
    block the event loop nor hold up Ctrl+C. Concurrent requests share one build.
    """

    def __init__(self, tenant: _Tenant) -> None:
        self._tenant = tenant
        self._lock = threading.Lock()
        self._builds: OrderedDict[frozenset[str] | None, Future[bytes]] = OrderedDict()

    def get(self, select: frozenset[str] | None) -> Future[bytes]:
        with self._lock:
            build = self._builds.get(select)
            if build is not None and not (build.done() and build.exception() is not None):
                self._builds.move_to_end(select)
                return build
            build = Future()
            build.set_running_or_notify_cancel()  # so a cancelled request cannot cancel it
            self._builds[select] = build
            finished = [key for key, old in self._builds.items() if old.done() and key != select]
            for key in finished[: max(0, len(self._builds) - _KEPT_BODIES)]:
                del self._builds[key]
        threading.Thread(
            target=self._build, args=(select, build), name="demo caller IDs", daemon=True
        ).start()
        return build

    def _build(self, select: frozenset[str] | None, build: Future[bytes]) -> None:
        try:
            build.set_result(self._tenant.caller_ids_body(select))
        except BaseException as err:  # handed to the waiting request(s)
            build.set_exception(err)


def _typed(fields: dict[str, Any], dates: tuple[str, ...], strings: tuple[str, ...]) -> str:
    """What is wrong with the members as the reference types them ("" when nothing): a
    member may be left out, but not sent as null or as another type."""
    for key, value in fields.items():
        name = next((n for n in (*dates, *strings) if n.lower() == key.lower()), None)
        if name is None:
            continue
        if not isinstance(value, str):
            kind = "date" if name in dates else "string"
            return f"{name} must be a {kind}, not {json.dumps(value)}."
        if name in dates:
            try:
                datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return f"{name} is not a date: {value!r}."
    return ""


def _authorized(header: str, config: DemoConfig, provider: DemoProvider) -> bool:
    scheme, _, credentials = header.strip().partition(" ")
    credentials = credentials.strip()
    if scheme.lower() == "bearer":
        return provider.accepts(credentials)
    if scheme.lower() == "soticket":
        return hmac.compare_digest(credentials.encode(), config.password.encode())
    if scheme.lower() != "basic":
        return False
    try:
        user, sep, password = base64.b64decode(credentials, validate=True).decode().partition(":")
    except ValueError:  # bad base64 or not UTF-8
        return False
    same_user = hmac.compare_digest(user.encode(), config.user.encode())
    same_password = hmac.compare_digest(password.encode(), config.password.encode())
    return bool(sep) and same_user and same_password


def others_for(config: DemoConfig) -> int:
    """The persons without caller IDs: as many as asked, else as many as the user has."""
    if config.others is not None:
        return config.others
    return min(config.persons, MAX_INDEX - config.persons)


def validate_config(config: DemoConfig) -> None:
    if not 0 <= config.persons <= MAX_INDEX:
        raise ConfigError(f"persons must be between 0 and {MAX_INDEX:,}, not {config.persons:,}.")
    if not 0 <= others_for(config) <= MAX_INDEX - config.persons:
        raise ConfigError(f"persons and others are at most {MAX_INDEX:,} together.")
    if config.latency_ms < 0:
        raise ConfigError("latency_ms cannot be negative.")
    if not config.customer or not config.customer.isalnum():
        raise ConfigError(f"{config.customer!r} is not a customer id such as Cust12345.")
    if config.token_lifetime_s < 1:
        raise ConfigError("The token lifetime is at least one second.")


class DemoApp(FaultInjector):
    """The demo tenant as an ASGI app; its parts stay reachable for in-process tests."""

    def __init__(self, app: Starlette, config: DemoConfig, plan: FaultPlan,
                 provider: DemoProvider, hosts: OnlineHosts, diary: Diary) -> None:  # fmt: skip
        super().__init__(app, config.customer, plan, config.latency_ms)  # type: ignore[arg-type]
        self.provider = provider
        self.hosts = hosts
        self.diary = diary


def create_app(config: DemoConfig) -> DemoApp:
    """The demo tenant; raises ConfigError for a bad config or an unusable caller-ID file."""
    validate_config(config)
    plan = FaultPlan(config.faults, config.seed if config.fault_seed is None else config.fault_seed)
    hosts = OnlineHosts(config.customer, config.online_hosts, config.tenant_state)
    provider = DemoProvider(
        customer=config.customer,
        client_id=config.client_id,
        client_secret=config.client_secret,
        token_lifetime_s=config.token_lifetime_s,
    )
    today = config.today or datetime.now(UTC).date()
    tenant: _Tenant
    if config.caller_ids_file is not None:
        tenant = CallerIdFile(config.caller_ids_file, config.seed, today)
    else:
        tenant = DemoData(config.seed, config.persons, today, others_for(config))
    bodies = _Bodies(tenant)
    directory = Directory(
        tenant if isinstance(tenant, DemoData) else None,
        lambda cid: tenant.summary(cid) is not None,
    )
    diary = Diary(tenant, config.customer)

    def api(
        handler: Callable[[Request], Awaitable[Response]],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            if hosts.misdirected(request):
                return _error(421, "Wrong subdomain used to access tenant", "MisdirectedRequest")
            if not _authorized(request.headers.get("authorization", ""), config, provider):
                return _error(401, "Sign in with the demo user and password.", "Unauthorized")
            refused = hosts.refused_on_online(request, config.client_secret)
            if refused:
                return _error(401, refused, "Unauthorized")
            return await handler(request)

        return endpoint

    async def caller_ids(request: Request) -> Response:
        body = await request.body()
        fields: Any = None
        if body.strip():
            try:
                fields = json.loads(body)
            except ValueError:  # also bytes that are not UTF-8
                return _error(400, "The request body is not JSON.", "BadRequest")
        if fields is None:
            fields = {}
        elif not isinstance(fields, dict):
            return _error(400, "The request body is not a JSON object.", "BadRequest")
        wrong = _typed(fields, dates=("MinDate", "MaxDate"), strings=("LastHash",))
        if wrong:
            return _error(400, wrong, "BadRequest")
        last_hash = next((v for k, v in fields.items() if k.lower() == "lasthash"), None)
        if isinstance(last_hash, str) and last_hash == tenant.caller_id_hash:
            return Response(b"null", media_type=JSON)
        select = parse_select(_param(request, "$select"))
        try:
            content = await asyncio.wrap_future(bodies.get(select))
        except asyncio.CancelledError:
            # uvicorn cancels what still runs when it stops (a big build on Ctrl+C): answer
            # rather than leave a traceback in the terminal.
            return _error(503, "The demo tenant is shutting down.", "ServiceUnavailable")
        return Response(content, media_type=JSON)

    selections: dict[int, tuple[str, bytes]] = {}

    def selection_body(selection_id: int, everyone: bytes) -> tuple[str, bytes]:
        # Selection N holds the caller IDs of every Nth company: a set of its own, own hash.
        entries = json.loads(everyone)["CallerIDs"]
        chosen = [e for e in entries if e.get("ContactId", 0) % selection_id == 0]
        digest = hashlib.sha1(f"{tenant.caller_id_hash}/selection/{selection_id}".encode())
        hash_ = digest.hexdigest()
        return hash_, dumps({"CallerIDHash": hash_, "CallerIDs": chosen})

    async def selection_caller_ids(request: Request) -> Response:
        try:
            fields = json.loads(await request.body() or b"{}")
        except ValueError:
            return _error(400, "The request body is not JSON.", "BadRequest")
        if not isinstance(fields, dict):
            return _error(400, "The request body is not a JSON object.", "BadRequest")
        selection_id = fields.get("SelectionId")
        if type(selection_id) is not int or selection_id <= 0:
            return _error(400, "SelectionId must be a positive whole number.", "BadRequest")
        wrong = _typed(fields, dates=(), strings=("LastHash",))
        if wrong:
            return _error(400, wrong, "BadRequest")
        if selection_id > MAX_SELECTION:
            return _error(404, f"Selection {selection_id} not found", "NotFound")
        if selection_id not in selections:
            everyone = await asyncio.wrap_future(bodies.get(None))
            selections[selection_id] = await asyncio.to_thread(
                selection_body, selection_id, everyone
            )
        hash_, content = selections[selection_id]
        if fields.get("LastHash") == hash_:
            return Response(b"null", media_type=JSON)
        return Response(content, media_type=JSON)

    async def summary(request: Request) -> Response:
        raw_id = request.path_params["contact_id"]
        if not (raw_id.isascii() and raw_id.isdigit()):
            return _error(404, f"Contact {raw_id} not found", "NotFound")
        raw_limit = _param(request, "limit")
        if raw_limit is not None and not (raw_limit.isascii() and raw_limit.isdigit()):
            return _error(400, f"limit must be a whole number from 0, not {raw_limit!r}.",
                          "BadRequest")  # fmt: skip
        limit = DEFAULT_LIMIT if raw_limit is None else int(raw_limit)
        found = await asyncio.to_thread(tenant.summary, int(raw_id))
        if found is None:
            return _error(404, f"Contact {int(raw_id)} not found", "NotFound")
        return _json(cut(diary.with_logged(found, int(raw_id)), limit).to_wire())

    async def ticket_statuses(request: Request) -> Response:
        headers = request.headers
        language = language_of(headers.get("so-language"), headers.get("accept-language"))
        return _json([item.to_wire() for item in ticket_status_items(language)])

    async def web_client(request: Request) -> Response:
        target = escape(unquote(request.url.query))
        return HTMLResponse(
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            "<title>Demo web client</title></head><body>"
            f"<p>Demo web client — would open: {target}</p></body></html>"
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        if isinstance(exc, HTTPException) and exc.status_code == 405:
            return _error(405, f"{request.method} is not allowed here.", "MethodNotAllowed")
        return _error(404, f"No such resource: {request.url.path}", "NotFound")

    routes = [
        Route("/api/v1/Agents/Pocket/GetMyCallerIDs", api(caller_ids), methods=["POST"]),
        Route(
            "/api/v1/Agents/Pocket/GetCallerIDsFromSelection",
            api(selection_caller_ids),
            methods=["POST"],
        ),
        Route("/api/v1/Contact/{contact_id}/Summary", api(summary), methods=["GET"]),
        Route("/api/v1/List/TicketStatus/Items", api(ticket_statuses), methods=["GET"]),
        # The diary's MDOList/task before the persons' MDOList/{listname}, which takes the rest.
        *diary.routes(api),
        *person_routes(directory, api, may_add=config.may_add_persons),
        Route("/default.aspx", web_client, methods=["GET"]),
    ]
    app = Starlette(
        routes=[
            Mount(f"/{config.customer}", routes=routes),
            Route("/api/state/{customer}", hosts.state_api, methods=["GET"]),
            *provider.routes(),
            control_route(hosts, provider, plan),
        ],
        exception_handlers={404: not_found, 405: not_found},
    )
    return DemoApp(app, config, plan, provider, hosts, diary)
