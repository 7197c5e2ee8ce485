"""How requests prove who they are. Each scheme is an ``httpx.Auth`` so the client is unaware
of which one is in use: Onsite's Basic and ``SOTicket`` here; Online's browser sign-in
(OpenID Connect, refreshing its token) is :class:`screenpop.superoffice.bearer.OnlineAuth`."""

from __future__ import annotations

from collections.abc import Generator

import httpx

from screenpop.superoffice.auth_kind import AuthKind


class SchemeAuth(httpx.Auth):
    """``Authorization: <scheme> <credential>``: SuperOffice's ``SOTicket``, or ``Bearer``."""

    def __init__(self, scheme: str, credential: str) -> None:
        self._header = f"{scheme} {credential}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request


def make_auth(kind: AuthKind, user: str, secret: str) -> httpx.Auth:
    if kind is AuthKind.BASIC:
        return httpx.BasicAuth(user, secret)
    if kind is AuthKind.TICKET:
        return SchemeAuth("SOTicket", secret)
    # A Bearer token given by hand (scripts, tests); the app signs in with OnlineSession.
    return SchemeAuth("Bearer", secret)
