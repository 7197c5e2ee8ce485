"""A small OpenID Connect provider for the demo tenant, under ``/login`` as SuperOffice's.

Enough for the app's whole Online flow to run in tests with httpx following the
authorization URL instead of a browser: discovery, an authorize endpoint that approves at
once (redirecting to a loopback ``redirect_uri`` with ``code`` and ``state``), a token
endpoint that checks client id, client secret, redirect URI and the PKCE verifier and issues
opaque short-lived access tokens and refresh tokens, a JWKS, and RS256-signed ID tokens.
State is in memory; nothing is persisted.

As strict as SuperOffice's, by its pages: the metadata of ``includes/oidc-metadata.md``
(client authentication by ``client_secret_post`` or ``client_secret_basic``, no challenge
methods listed); PKCE optional, its method ``plain`` unless ``S256`` is asked for, and a code
exchange without it needs the client secret; refreshing needs the client secret where the
client is registered with one (``sign-in-user/auth-code-flow.md``); ID tokens shaped like the
documented sample (``validate-security-tokens.md``): ``iat`` a string of digits, the
``http://schemes.superoffice.net/identity/`` claims as strings, ``webapi_url`` on the
environment's own, unnumbered host. ``prompt=none`` is the demo's own: SuperOffice documents
no silent sign-in.
"""

from __future__ import annotations

import base64
import functools
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit

from authlib.oauth2.rfc7636.challenge import (
    compare_plain_code_challenge,
    compare_s256_code_challenge,
)
from joserfc import jwt
from joserfc.jwk import RSAKey
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

PREFIX = "/login"
IDENTITY = "http://schemes.superoffice.net/identity/"
WEBAPI_URL_CLAIM = f"{IDENTITY}webapi_url"
CTX_CLAIM = f"{IDENTITY}ctx"
_CHALLENGES = {"S256": compare_s256_code_challenge, "plain": compare_plain_code_challenge}
_CODE_LIFETIME_S = 60
_KID = "screenpop-demo"
_LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


@functools.cache
def _signing_key() -> RSAKey:
    """One key per process: generating RSA keys is the slow part of a demo app."""
    return RSAKey.generate_key(2048, parameters={"kid": _KID, "use": "sig", "alg": "RS256"})


@dataclass(frozen=True, slots=True)
class _Grant:
    client_id: str
    redirect_uri: str
    challenge: str
    """"" without PKCE."""
    method: str
    nonce: str | None
    expires: float


def _origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


def _is_loopback_redirect(uri: str) -> bool:
    """RFC 8252 §7.3: native apps redirect to http on a loopback address, any port."""
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - raises ValueError for junk
    except ValueError:
        return False
    return parts.scheme == "http" and parts.netloc.rsplit(":", 1)[0] in _LOOPBACK_HOSTS


def _client_credentials(form: dict[str, str], authorization: str) -> tuple[str, str | None]:
    """The client id and secret, from the form (client_secret_post) or an Authorization:
    Basic header (client_secret_basic); the secret is None when none was sent."""
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() == "basic":
        try:
            client_id, _, basic_secret = base64.b64decode(value).decode().partition(":")
        except ValueError:
            return "", None
        return unquote_plus(client_id), unquote_plus(basic_secret)
    return form.get("client_id", ""), form.get("client_secret") or None


def _token_error(error: str, description: str, status: int = 400) -> Response:
    return JSONResponse({"error": error, "error_description": description}, status)


class DemoProvider:
    """The provider's state and routes (``client_secret`` "": a client registered without
    one)."""

    def __init__(
        self,
        *,
        customer: str,
        client_id: str,
        client_secret: str,
        token_lifetime_s: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.customer = customer
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_lifetime_s = token_lifetime_s
        self._clock = clock
        self._lock = threading.Lock()
        self._codes: dict[str, _Grant] = {}
        self._access: dict[str, float] = {}
        self._refresh: dict[str, str] = {}  # refresh token → client id
        self.signed_out = False  # a silent (prompt=none) sign-in then gets login_required
        self.token_requests = 0

    # -- what the API asks -----------------------------------------------------------------

    def accepts(self, access_token: str) -> bool:
        with self._lock:
            expires = self._access.get(access_token)
        return expires is not None and self._clock() < expires

    def expire_access_tokens(self) -> None:
        with self._lock:
            self._access.clear()

    def revoke_refresh_tokens(self) -> None:
        with self._lock:
            self._refresh.clear()

    # -- routes ----------------------------------------------------------------------------

    def routes(self) -> list[Route]:
        return [
            Route(f"{PREFIX}/.well-known/openid-configuration", self._configuration),
            Route(f"{PREFIX}/.well-known/jwks", self._jwks),
            Route(f"{PREFIX}/common/oauth/authorize", self._authorize),
            Route(f"{PREFIX}/common/oauth/tokens", self._tokens, methods=["POST"]),
        ]

    async def _configuration(self, request: Request) -> Response:
        origin = _origin(request)
        return JSONResponse(
            {
                "issuer": origin,
                "authorization_endpoint": f"{origin}{PREFIX}/common/oauth/authorize",
                "token_endpoint": f"{origin}{PREFIX}/common/oauth/tokens",
                "jwks_uri": f"{origin}{PREFIX}/.well-known/jwks",
                "scopes_supported": ["openid"],
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "response_modes_supported": ["form_post", "fragment", "query"],
                "grant_types_supported": ["implicit", "authorization_code", "refresh_token"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": [
                    "client_secret_post",
                    "client_secret_basic",
                ],
            }
        )

    async def _jwks(self, request: Request) -> Response:
        public = _signing_key().as_dict(private=False)
        return JSONResponse({"keys": [{**public, "use": "sig", "alg": "RS256"}]})

    async def _authorize(self, request: Request) -> Response:
        q = request.query_params
        redirect_uri = q.get("redirect_uri", "")
        if q.get("client_id") != self.client_id:
            return PlainTextResponse("Unknown client_id.", 400)
        if not _is_loopback_redirect(redirect_uri):
            return PlainTextResponse("redirect_uri must be http://127.0.0.1:<port>.", 400)
        state = q.get("state", "")

        def back(**params: str) -> Response:
            sep = "&" if "?" in redirect_uri else "?"
            return RedirectResponse(f"{redirect_uri}{sep}{urlencode({**params, 'state': state})}")

        if q.get("response_type") != "code":
            return back(error="unsupported_response_type")
        if "openid" not in q.get("scope", "").split():
            return back(error="invalid_scope", error_description="scope must include openid")
        method = q.get("code_challenge_method") or "plain"  # the documented default
        if q.get("code_challenge") and method not in _CHALLENGES:
            return back(error="invalid_request", error_description="S256 or plain")
        acr = q.get("acr_values", "")
        if acr and acr != f"tenant:{self.customer}":
            return back(error="access_denied", error_description=f"unknown tenant in {acr}")
        if q.get("prompt") == "none" and self.signed_out:
            return back(error="login_required")
        code = secrets.token_urlsafe(24)
        grant = _Grant(self.client_id, redirect_uri, q.get("code_challenge", ""), method,
                       q.get("nonce"), self._clock() + _CODE_LIFETIME_S)  # fmt: skip
        with self._lock:
            self._codes[code] = grant
        self.signed_out = False
        return back(code=code)

    async def _tokens(self, request: Request) -> Response:
        self.token_requests += 1
        try:
            form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
        except UnicodeDecodeError:
            return _token_error("invalid_request", "The body is not a form.")
        client_id, secret = _client_credentials(form, request.headers.get("authorization", ""))
        if client_id != self.client_id:
            return _token_error("invalid_client", "Unknown client_id.", 401)
        if secret is not None and not secrets.compare_digest(secret, self.client_secret):
            return _token_error("invalid_client", "The client secret is wrong.", 401)
        authenticated = secret is not None and bool(self.client_secret)
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            return self._exchange_code(form, _origin(request), authenticated)
        if grant_type == "refresh_token":
            return self._refresh_grant(form, _origin(request), authenticated)
        return _token_error("unsupported_grant_type", f"{grant_type!r} is not supported.")

    def _exchange_code(self, form: dict[str, str], issuer: str, authenticated: bool) -> Response:
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)  # one use only
        if grant is None or self._clock() > grant.expires:
            return _token_error("invalid_grant", "The code is unknown, used or expired.")
        if form.get("redirect_uri") != grant.redirect_uri:
            return _token_error("invalid_grant", "redirect_uri differs from the authorize one.")
        verifier = form.get("code_verifier", "")
        if grant.challenge:
            if not verifier or not _CHALLENGES[grant.method](verifier, grant.challenge):
                return _token_error("invalid_grant", "The PKCE code_verifier does not match.")
        elif not authenticated:
            return _token_error("invalid_client", "Without PKCE the client secret is needed.", 401)
        refresh_token = secrets.token_urlsafe(32)
        with self._lock:
            self._refresh[refresh_token] = grant.client_id
        return self._issue(issuer, nonce=grant.nonce, refresh_token=refresh_token)

    def _refresh_grant(self, form: dict[str, str], issuer: str, authenticated: bool) -> Response:
        # Like SuperOffice: refreshing needs the client secret of a client that has one.
        if self.client_secret and not authenticated:
            return _token_error("invalid_client", "Refreshing needs the client secret.", 401)
        with self._lock:
            owner = self._refresh.get(form.get("refresh_token", ""))
        if owner != self.client_id:
            return _token_error("invalid_grant", "The refresh token is unknown or revoked.")
        return self._issue(issuer, nonce=None, refresh_token=None)

    def _issue(self, issuer: str, *, nonce: str | None, refresh_token: str | None) -> Response:
        now = self._clock()
        access_token = f"8A:{self.customer}.{secrets.token_urlsafe(24)}"  # opaque, as SuperOffice
        with self._lock:
            self._access = {t: e for t, e in self._access.items() if e > now}
            self._access[access_token] = now + self.token_lifetime_s
        tenant = f"{issuer}/{self.customer}"
        claims: dict[str, Any] = {
            "sub": "demo@example.com",
            f"{IDENTITY}associateid": "5",
            f"{IDENTITY}identityprovider": "central-superid",
            f"{IDENTITY}email": "demo@example.com",
            f"{IDENTITY}upn": "demo@example.com",
            f"{IDENTITY}is_administrator": "False",
            CTX_CLAIM: self.customer,
            f"{IDENTITY}company_name": "Screenpop demo tenant",
            f"{IDENTITY}serial": "1801550193",
            f"{IDENTITY}netserver_url": f"{tenant}/Remote/Services88/",
            # On the environment's host, as in the documented sample: no API there (421).
            WEBAPI_URL_CLAIM: f"{tenant}/api/",
            f"{IDENTITY}system_token": "Screenpop demo-system-token",
            "iat": str(int(now)),  # a string, as in the documented sample
            f"{IDENTITY}initials": "SD",
            f"{IDENTITY}so_primary_email_address": "demo@example.com",
            "nbf": int(now) - 60,
            "exp": int(now) + max(self.token_lifetime_s, 300),
            "iss": issuer,
            "aud": self.client_id,
        }
        if nonce:
            claims["nonce"] = nonce
        id_token = jwt.encode({"alg": "RS256", "kid": _KID}, claims, _signing_key())
        body: dict[str, Any] = {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": self.token_lifetime_s,
            "id_token": id_token,
        }
        if refresh_token:
            body["refresh_token"] = refresh_token
        return JSONResponse(body, headers={"Cache-Control": "no-store"})
