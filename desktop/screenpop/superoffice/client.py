"""The SuperOffice Web API client: the two calls the app is built on, typed and tolerant."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx

from screenpop import __version__
from screenpop.core.errors import DecodeError
from screenpop.core.models import CallerIdCollection, ContactSummary, RawCallerIdCollection
from screenpop.superoffice.errors import (
    AuthenticationError,
    BadResponseError,
    NotFoundError,
    ServerError,
    SuperOfficeError,
    TenantUnreachableError,
)
from screenpop.superoffice.tenant import Tenant

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
_MAX_ERROR_TEXT = 160


def make_http_client(timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> httpx.AsyncClient:
    """The one shared HTTP client of a process."""
    return httpx.AsyncClient(
        timeout=timeout,
        headers={"User-Agent": f"Screenpop/{__version__}"},
        follow_redirects=False,
    )


def _error_text(response: httpx.Response) -> str:
    """A short reason from an undocumented error body: JSON message fields, else raw text."""
    text = response.text.strip()
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    if isinstance(body, dict):
        for key in ("Error", "Message", "error_description", "error", "message"):
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                text = value.strip()
                break
    first_line = text.splitlines()[0] if text else ""
    if "<html" in first_line.lower():
        first_line = ""
    return first_line[:_MAX_ERROR_TEXT]


class SuperOfficeClient:
    def __init__(
        self,
        http: httpx.AsyncClient,
        tenant: Tenant,
        auth: httpx.Auth,
        *,
        language: str = "en",
        time_zone: str = "",
    ) -> None:
        self._http = http
        self.tenant = tenant
        self._auth = auth
        self._headers = {"Accept": "application/json", "Accept-Language": language}
        self._headers["SO-Language"] = language
        if time_zone:
            self._headers["SO-TimeZone"] = time_zone

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        url = f"{self.tenant.api_base}/{path}"
        try:
            response = await self._http.request(
                method, url, headers=self._headers, auth=self._auth, **kwargs
            )
        except httpx.TimeoutException:
            raise TenantUnreachableError(
                f"SuperOffice at {self.tenant.host} did not answer in time."
            ) from None
        except httpx.TransportError as err:
            log.debug("transport error for %s %s: %r", method, url, err)
            raise TenantUnreachableError(
                f"Cannot reach SuperOffice at {self.tenant.host} ({_transport_reason(err)})."
            ) from None
        return self._decode(response)

    def _decode(self, response: httpx.Response) -> Any:
        status = response.status_code
        if status in (401, 403):
            raise AuthenticationError(
                "SuperOffice refused the sign-in: check the user name and password."
                if status == 401
                else "SuperOffice says this user may not do that."
            )
        if status == 404:
            raise NotFoundError(_error_text(response) or "SuperOffice does not know that item.")
        if status >= 400:
            reason = _error_text(response) or response.reason_phrase
            raise ServerError(f"SuperOffice answered {status}: {reason}", status)
        if not response.content.strip():
            return None
        try:
            return response.json()
        except ValueError:
            raise BadResponseError(
                f"SuperOffice sent an answer that is not JSON (HTTP {status})."
            ) from None

    async def fetch_caller_ids(
        self,
        last_hash: str | None = None,
        *,
        selection_id: int | None = None,
        min_date: str | None = None,
        max_date: str | None = None,
        select: str | None = None,
    ) -> RawCallerIdCollection | None:
        """The caller IDs the user cares about (or a selection's), entries undecoded;
        None when unchanged since ``last_hash``."""
        params = {"$select": select} if select else None
        body: dict[str, object]
        if selection_id is not None:
            path = "Agents/Pocket/GetCallerIDsFromSelection"
            body = {"SelectionId": selection_id, "LastHash": last_hash}
        else:
            path = "Agents/Pocket/GetMyCallerIDs"
            body = {"LastHash": last_hash, "MinDate": min_date, "MaxDate": max_date}
        raw = await self._request("POST", path, json=body, params=params)
        try:
            return RawCallerIdCollection.from_wire(raw)
        except DecodeError as err:
            raise BadResponseError(
                f"SuperOffice sent caller IDs of an unknown shape: {err}"
            ) from None

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
        return CallerIdCollection.from_wire({"CallerIDHash": raw.hash, "CallerIDs": raw.entries})

    async def get_contact_summary(self, contact_id: int, limit: int = 10) -> ContactSummary:
        raw = await self._request("GET", f"Contact/{contact_id}/Summary", params={"limit": limit})
        if raw is None:
            raise BadResponseError("SuperOffice sent an empty contact summary.")
        try:
            return ContactSummary.from_wire(raw)
        except DecodeError as err:
            raise BadResponseError(
                f"SuperOffice sent a summary of an unknown shape: {err}"
            ) from None


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
    return "the connection failed"


__all__ = ["SuperOfficeClient", "SuperOfficeError", "make_http_client"]
