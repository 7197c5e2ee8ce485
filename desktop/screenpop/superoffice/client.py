"""The SuperOffice Web API client: the calls the app is built on, typed and tolerant.

Every request: asks the tenant source where the tenant is (Online tenants move), streams the
answer while counting bytes against a cap for that call, retries what is safe to retry with
backoff (:mod:`screenpop.superoffice.retry`), and looks the tenant up again after a ``421``.
Failures come out as the one-line errors of :mod:`screenpop.superoffice.errors`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import httpx
import msgspec

from screenpop.core.errors import DecodeError
from screenpop.core.links import WebClientLinks
from screenpop.core.models import CallerIdCollection, ContactSummary
from screenpop.core.ticket_status import TicketStatusList
from screenpop.superoffice.caller_id_body import (
    CallerIdAnswer,
    NotJsonError,
    PiecesAsSent,
    parse_caller_id_answer,
)
from screenpop.superoffice.discovery import FixedTenant, TenantSource
from screenpop.superoffice.errors import (
    AuthenticationError,
    BadResponseError,
    ForbiddenError,
    NotFoundError,
    ResponseTooLargeError,
    ServerError,
    SuperOfficeError,
    TenantUnreachableError,
)
from screenpop.superoffice.httpclient import DEFAULT_TIMEOUT, make_http_client
from screenpop.superoffice.person_calls import PersonCalls
from screenpop.superoffice.retry import RETRY_ERRORS, RETRY_STATUSES, RetryPolicy
from screenpop.superoffice.tenant import Tenant

log = logging.getLogger(__name__)

_MAX_ERROR_TEXT = 160
_MIB = 1024 * 1024
_DECODE_IN_THREAD_FROM = 256 * 1024
# GetMyCallerIDs types MinDate and MaxDate as dates (the .NET agent: non-nullable DateTime;
# every documented sample sends both), so "no window" is sent as a window wider than any
# CRM's history rather than as null; both are well inside SQL Server's datetime range.
NO_MIN_DATE = "1900-01-01T00:00:00"
NO_MAX_DATE = "2200-01-01T00:00:00"


@dataclass(frozen=True, slots=True)
class ResponseLimits:
    """The most each call may answer, in bytes (after decompression). A million caller IDs
    are ~150 MB; a summary of 25 items per tab is a few hundred KB."""

    caller_ids: int = 512 * _MIB
    summary: int = 16 * _MIB
    error_body: int = 64 * 1024


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    reason: str
    headers: httpx.Headers
    body: bytearray


def _error_text(body: bytes | bytearray) -> str:
    """A short reason from an undocumented error body: JSON message fields, else raw text."""
    text = body.decode("utf-8", "replace").strip()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict):
        for key in ("Error", "Message", "error_description", "error", "message"):
            value = parsed.get(key)
            if isinstance(value, str) and value.strip():
                text = value.strip()
                break
    first_line = text.splitlines()[0] if text else ""
    if "<html" in first_line.lower():
        first_line = ""
    return first_line[:_MAX_ERROR_TEXT]


def _size(count: int) -> str:
    return f"{count / _MIB:,.0f} MB" if count >= _MIB else f"{count / 1024:,.0f} KB"


class SuperOfficeClient(PersonCalls):
    def __init__(
        self,
        http: httpx.AsyncClient,
        tenant: Tenant | TenantSource,
        auth: httpx.Auth,
        *,
        language: str = "en",
        time_zone: str = "",
        app_token: str = "",
        retry: RetryPolicy | None = None,
        limits: ResponseLimits | None = None,
    ) -> None:
        self._http = http
        self._source: TenantSource = FixedTenant(tenant) if isinstance(tenant, Tenant) else tenant
        self._auth = auth
        self._retry = retry or RetryPolicy()
        # A summary has an agent waiting for it: short waits, and a Retry-After of minutes
        # is a failure to show (with Retry), not a reason to keep the window loading.
        self._interactive_retry = replace(
            self._retry,
            max_delay_s=min(self._retry.max_delay_s, 1.0),
            max_retry_after_s=min(self._retry.max_retry_after_s, 2.0),
        )
        self.limits = limits or ResponseLimits()
        self.language = language
        self._headers = {"Accept": "application/json", "Accept-Language": language}
        self._headers["SO-Language"] = language
        if time_zone:
            self._headers["SO-TimeZone"] = time_zone
        if app_token:
            self._headers["SO-AppToken"] = app_token

    @property
    def tenant(self) -> Tenant:
        """Where the tenant was last known to be (API calls go here)."""
        return self._source.tenant

    @property
    def links(self) -> WebClientLinks:
        """Deep links into the web client: for Online on the environment's own host, as the
        SoProtocol pages write them (``ui/soprotocol/index.md``), whichever host serves the
        API today."""
        return self._source.web_client.links

    async def _request(
        self,
        method: str,
        path: str,
        max_bytes: int,
        *,
        interactive: bool = False,
        parse: Callable[[bytes | bytearray], Any] | None = None,
        retry: bool = True,
        watch: Callable[[bytearray], None] | None = None,
        **kwargs: Any,
    ) -> Any:
        """The decoded JSON answer (None for an empty or ``null`` one), after retries
        (``retry=False``: a request that must not be sent twice, such as creating a person);
        ``parse`` decodes a successful body instead: its :class:`NotJsonError` is retried
        as a garbled answer, any other :class:`DecodeError` is raised as it is. ``watch``
        sees a successful body each time it grows (a new attempt's is a new bytearray)."""
        policy = self._interactive_retry if interactive else self._retry
        rediscovered = False
        attempt = 0
        while True:
            attempt += 1
            tenant = await self._source.current()
            retry_after: str | None = None
            try:
                answer = await self._send(
                    method, f"{tenant.api_base}/{path}", max_bytes, kwargs, watch
                )
            except httpx.TimeoutException as err:
                failure: SuperOfficeError = TenantUnreachableError(
                    f"SuperOffice at {tenant.host} did not answer in time."
                )
                retryable = isinstance(err, RETRY_ERRORS)
            except httpx.TransportError as err:
                log.debug("transport error for %s %s: %r", method, path, err)
                failure = TenantUnreachableError(
                    f"Cannot reach SuperOffice at {tenant.host} ({_transport_reason(err)})."
                )
                retryable = isinstance(err, RETRY_ERRORS)
            else:
                if answer.status == 421 and not rediscovered:
                    # The tenant moved: look it up again and go there, once.
                    rediscovered = True
                    log.info("421 from %s: looking the tenant up again", tenant.host)
                    await self._source.rediscover()
                    attempt -= 1
                    continue
                try:
                    return await _parse_json(self._decode(answer), answer.status, parse)
                except ServerError as err:
                    failure, retryable = err, err.status in RETRY_STATUSES
                    retry_after = answer.headers.get("retry-after")
                except ResponseTooLargeError:
                    raise
                except BadResponseError as err:
                    failure, retryable = err, True  # a garbled answer may come whole next time
            if not (retry and retryable) or attempt >= policy.attempts:
                raise failure
            delay = policy.delay(attempt, retry_after)
            log.info("%s; retry %d of %s in %.2f s", failure.message, attempt, path, delay)
            await asyncio.sleep(delay)

    async def _send(
        self,
        method: str,
        url: str,
        max_bytes: int,
        kwargs: dict[str, Any],
        watch: Callable[[bytearray], None] | None = None,
    ) -> _Answer:
        """One request, its answer read while counting: an answer over ``max_bytes`` is
        refused as soon as that is known, never buffered whole."""
        async with self._http.stream(
            method, url, headers=self._headers, auth=self._auth, **kwargs
        ) as response:
            status = response.status_code
            cap = max_bytes if status < 400 else self.limits.error_body
            declared = response.headers.get("content-length", "")
            if status < 400 and declared.isdigit() and int(declared) > cap:
                raise self._too_large(int(declared), cap)
            body = bytearray()
            if status >= 300:
                watch = None
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > cap:
                    if status >= 400:  # enough of an error page to quote it
                        break
                    raise self._too_large(len(body), cap, at_least=True)
                if watch is not None:
                    watch(body)
            return _Answer(status, response.reason_phrase, response.headers, body)

    def _too_large(self, size: int, cap: int, at_least: bool = False) -> ResponseTooLargeError:
        sent = "more than" if at_least else f"{_size(size)}, over"
        return ResponseTooLargeError(
            f"SuperOffice at {self.tenant.host} sent {sent} the {_size(cap)} this answer may "
            "take; refused."
        )

    def _decode(self, answer: _Answer) -> bytes | bytearray:
        """The body of a successful answer; the error an unsuccessful one means."""
        status = answer.status
        if status == 401:
            raise AuthenticationError(
                "SuperOffice refused the sign-in: check the user name and password."
            )
        if status == 403:
            raise ForbiddenError("SuperOffice says this user may not do that.")
        if status == 404:
            raise NotFoundError(_error_text(answer.body) or "SuperOffice does not know that item.")
        if status == 421:
            raise ServerError(
                "SuperOffice says the tenant is at another address, and looking it up again "
                "did not help.",
                status,
            )
        if status >= 400:
            reason = _error_text(answer.body) or answer.reason
            raise ServerError(f"SuperOffice answered {status}: {reason}", status)
        return answer.body

    async def fetch_caller_ids(
        self,
        last_hash: str | None = None,
        *,
        selection_id: int | None = None,
        min_date: str | None = None,
        max_date: str | None = None,
        select: str | None = None,
        pieces: PiecesAsSent | None = None,
    ) -> CallerIdAnswer | None:
        """The caller IDs the user cares about (or a selection's), entries undecoded;
        None when unchanged since ``last_hash``. With ``pieces``, a large answer is also
        cut into them as it arrives, and ended with the answer (or as failed)."""
        params = {"$select": select} if select else None
        # As the reference types the members (``agent/Pocket_Agent/v1PocketAgent_*.md``): no
        # null where it types a string or a date; the first sync's LastHash is "".
        body: dict[str, object]
        if selection_id is not None:
            path = "Agents/Pocket/GetCallerIDsFromSelection"
            body = {"SelectionId": selection_id, "LastHash": last_hash or ""}
        else:
            path = "Agents/Pocket/GetMyCallerIDs"
            body = {
                "LastHash": last_hash or "",
                "MinDate": min_date or NO_MIN_DATE,
                "MaxDate": max_date or NO_MAX_DATE,
            }
        try:
            answer: CallerIdAnswer | None = await self._request(
                "POST",
                path,
                self.limits.caller_ids,
                parse=parse_caller_id_answer,
                watch=pieces.feed if pieces is not None else None,
                json=body,
                params=params,
            )
        except BaseException as err:
            if pieces is not None:
                pieces.end(failed=True)
            if isinstance(err, DecodeError):  # JSON of another shape: asking again won't help
                raise BadResponseError(
                    f"SuperOffice sent caller IDs of an unknown shape: {err}"
                ) from None
            raise
        if pieces is not None:
            pieces.end(answer)
        return answer

    async def get_my_caller_ids(
        self,
        last_hash: str | None = None,
        *,
        min_date: str | None = None,
        max_date: str | None = None,
        select: str | None = None,
    ) -> CallerIdCollection | None:
        """The caller IDs the user cares about, decoded; None when unchanged."""
        raw = await self.fetch_caller_ids(
            last_hash, min_date=min_date, max_date=max_date, select=select
        )
        if raw is None:
            return None
        entries = [msgspec.json.decode(entry) for entry in raw.raws()]
        return CallerIdCollection.from_wire({"CallerIDHash": raw.hash, "CallerIDs": entries})

    async def get_ticket_statuses(self) -> TicketStatusList:
        """``GET List/TicketStatus/Items``: what the tenant calls each ticket status id."""
        raw = await self._request("GET", "List/TicketStatus/Items", self.limits.summary)
        try:
            return TicketStatusList.from_wire(raw)
        except DecodeError as err:
            raise BadResponseError(
                f"SuperOffice sent a ticket status list of an unknown shape: {err}"
            ) from None

    async def call(self, method: str, path: str, *, retry: bool = True, **kwargs: Any) -> Any:
        """Any other documented call (``path`` under ``api/v1``), its JSON answer decoded,
        within the summary's size cap. ``retry=False``: sent a single time, for a request that
        makes something (a POST): what a lost answer means is the caller's to find out."""
        return await self._request(method, path, self.limits.summary, retry=retry, **kwargs)

    async def get_contact_summary(self, contact_id: int, limit: int = 10) -> ContactSummary:
        raw = await self._request(
            "GET",
            f"Contact/{contact_id}/Summary",
            self.limits.summary,
            interactive=True,
            params={"limit": limit},
        )
        if raw is None:
            raise BadResponseError("SuperOffice sent an empty contact summary.")
        try:
            return ContactSummary.from_wire(raw)
        except DecodeError as err:
            raise BadResponseError(
                f"SuperOffice sent a summary of an unknown shape: {err}"
            ) from None


async def _parse_json(
    body: bytes | bytearray, status: int, parse: Callable[[bytes | bytearray], Any] | None
) -> Any:
    """The decoded answer; None for an empty one. A big answer (a whole caller-ID set) is
    decoded off the event loop, which is the UI's: 15 MB take over 100 ms."""
    if parse is not None:
        try:
            if len(body) < _DECODE_IN_THREAD_FROM:
                return parse(body)
            return await asyncio.to_thread(_parse_and_free, parse, body)
        except NotJsonError:  # retried: a garbled answer may come whole next time
            raise BadResponseError(
                f"SuperOffice sent an answer that is not JSON (HTTP {status})."
            ) from None
    # isspace() stops at the first other byte; strip() would copy a 150 MB answer first.
    if not body or body.isspace():
        return None
    try:
        if len(body) < _DECODE_IN_THREAD_FROM:
            return json.loads(body)
        return await asyncio.to_thread(json.loads, body)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested thousands deep
        raise BadResponseError(
            f"SuperOffice sent an answer that is not JSON (HTTP {status})."
        ) from None


def _parse_and_free(parse: Callable[[bytes | bytearray], Any], body: bytes | bytearray) -> Any:
    """``parse(body)``, then the body's memory given back here, off the UI thread, and by
    halves: unmapping 150 MB at once holds Python's lock for longer than a frame. What was
    parsed into copies lets the body go; what still refers to it keeps it (it is exported)."""
    try:
        return parse(body)
    finally:
        if isinstance(body, bytearray):
            with contextlib.suppress(BufferError):
                size = len(body)
                while size > _MIB:
                    size //= 2
                    del body[size:]
                body.clear()


def _transport_reason(err: httpx.TransportError) -> str:
    text = str(err).lower()
    if isinstance(err, httpx.ConnectError):
        # anyio words a refused connection as "All connection attempts failed".
        if "refused" in text or "all connection attempts failed" in text:
            return "nothing answered at that address"
        if "name" in text and ("resolution" in text or "known" in text):
            return "host name not found"
        if "certificate" in text or "ssl" in text:
            return "the TLS certificate could not be verified"
        return "could not connect"
    if isinstance(err, httpx.RemoteProtocolError | httpx.ReadError):
        return "the connection was dropped mid-answer"
    return "the connection failed"


__all__ = [
    "DEFAULT_TIMEOUT",
    "ResponseLimits",
    "SuperOfficeClient",
    "SuperOfficeError",
    "make_http_client",
]
