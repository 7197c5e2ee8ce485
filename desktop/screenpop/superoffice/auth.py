"""How requests prove who they are. Each scheme is an ``httpx.Auth`` so the client is unaware
of which one is in use; Bearer (OpenID Connect) plugs in the same way later."""

from __future__ import annotations

from collections.abc import Generator
from enum import StrEnum

import httpx


class AuthKind(StrEnum):
    BASIC = "basic"
    TICKET = "ticket"
    ONLINE = "online"


class SoTicketAuth(httpx.Auth):
    """SuperOffice's own ``SOTicket`` scheme (Onsite, and Online server-to-server)."""

    def __init__(self, ticket: str) -> None:
        self._header = f"SOTicket {ticket}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request


def make_auth(kind: AuthKind, user: str, secret: str) -> httpx.Auth:
    if kind is AuthKind.BASIC:
        return httpx.BasicAuth(user, secret)
    if kind is AuthKind.TICKET:
        return SoTicketAuth(secret)
    # Online sign-in (OpenID Connect) arrives with issue 6; until then a token can be given.
    return _BearerAuth(secret)


class _BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request
