"""OpenID Connect sign-in to SuperOffice Online: authorization code flow with PKCE (S256) in
the system browser, a loopback redirect, token refresh, and ID token verification.

The protocol pieces come from Authlib (grant URL, PKCE challenge, token request bodies, ID
token claim rules) and joserfc (JWS signature against the provider's JWKS); this module only
wires them to the one shared ``httpx.AsyncClient`` and to SuperOffice's habits: the authority
is ``https://{env}.superoffice.com/login``, ``acr_values=tenant:Cust12345`` picks the tenant,
the ID token's ``webapi_url`` claim hints at the tenant's endpoint, and token requests carry
the client secret where the app has one (``sign-in-user/auth-code-flow.md`` marks it required
for refreshing; PKCE stands in for it in the code exchange of a native app).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from screenpop.superoffice.errors import (
    AuthenticationError,
    BadResponseError,
    ServerError,
    SignInNeededError,
    TenantUnreachableError,
)
from screenpop.superoffice.loopback import LoopbackReceiver

log = logging.getLogger(__name__)

WEBAPI_URL_CLAIMS = ("http://schemes.superoffice.net/identity/webapi_url", "webapi_url")
SIGN_IN_TIMEOUT_S = 300.0
# Errors the provider answers a silent (prompt=none) attempt with when a person must act.
_NEEDS_A_PERSON = {"login_required", "interaction_required", "consent_required",
                   "account_selection_required"}  # fmt: skip
_CLOCK_SKEW_S = 120
# RFC 7519's NumericDate claims. SuperOffice's sample ID token sends "iat" as a string of
# digits (``authentication/online/validate-security-tokens.md``), which Authlib refuses.
_NUMERIC_DATE_CLAIMS = ("iat", "exp", "nbf", "auth_time")
_TIMEOUT = httpx.Timeout(20.0, connect=10.0)


@dataclass(frozen=True, slots=True)
class OidcSettings:
    """``authority`` is ``https://online.superoffice.com/login`` (tests: the demo tenant's)."""

    authority: str
    client_id: str
    customer: str = ""
    client_secret: str = field(default="", repr=False)
    scope: str = "openid"


@dataclass(frozen=True, slots=True)
class ProviderMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    algorithms: tuple[str, ...] = ("RS256",)


@dataclass(frozen=True, slots=True)
class Tokens:
    """What a token request gave. Secrets are kept out of ``repr`` (and so out of logs)."""

    access_token: str = field(repr=False)
    expires_in: float | None  # seconds from when it was received
    refresh_token: str | None = field(default=None, repr=False)
    claims: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def webapi_url(self) -> str | None:
        for name in WEBAPI_URL_CLAIMS:
            value = self.claims.get(name)
            if isinstance(value, str) and value:
                return value
        return None


class OidcClient:
    """Talks to one OpenID provider for one client id; metadata and keys are cached."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        settings: OidcSettings,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._http = http
        self.settings = settings
        self._clock = clock
        self._metadata: ProviderMetadata | None = None
        self._jwks: dict[str, Any] | None = None

    # -- the browser sign-in ---------------------------------------------------------------

    async def sign_in(
        self,
        open_browser: Callable[[str], None],
        *,
        prompt: str | None = None,
        within_s: float = SIGN_IN_TIMEOUT_S,
    ) -> Tokens:
        """Run the authorization code flow in the system browser. ``prompt="none"`` is the
        silent attempt: it fails with SignInNeededError where a person must act."""
        metadata = await self.metadata()
        state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
        async with LoopbackReceiver(state) as receiver:
            url = prepare_grant_uri(
                metadata.authorization_endpoint,
                self.settings.client_id,
                "code",
                redirect_uri=receiver.redirect_uri,
                scope=self.settings.scope,
                state=state,
                nonce=nonce,
                code_challenge=create_s256_code_challenge(verifier),
                code_challenge_method="S256",
                acr_values=f"tenant:{self.settings.customer}" if self.settings.customer else None,
                prompt=prompt,
            )
            try:
                open_browser(url)
            except Exception as err:  # whatever the desktop's opener raises
                raise AuthenticationError(
                    f"Cannot open a web browser for the SuperOffice sign-in ({err})."
                ) from None
            answer = await receiver.wait(within_s)
            redirect_uri = receiver.redirect_uri
        if answer is None:
            minutes = max(1, round(within_s / 60))
            raise SignInNeededError(
                f"The SuperOffice sign-in in the browser did not finish within {minutes} min."
            )
        if "error" in answer:
            raise _authorization_error(answer)
        return await self._token_request(
            {
                "grant_type": "authorization_code",
                "code": answer["code"],
                "redirect_uri": redirect_uri,
                "code_verifier": verifier,
            },
            nonce=nonce,
        )

    async def refresh(self, refresh_token: str) -> Tokens:
        """New tokens from a refresh token; SignInNeededError when the provider refuses it
        (expired, revoked, or it wants a client secret this app does not have)."""
        tokens = await self._token_request(
            {"grant_type": "refresh_token", "refresh_token": refresh_token}, refreshing=True
        )
        if tokens.refresh_token is None:  # not rotated: the old one stays good
            return Tokens(tokens.access_token, tokens.expires_in, refresh_token, tokens.claims)
        return tokens

    # -- provider metadata and keys --------------------------------------------------------

    async def metadata(self) -> ProviderMetadata:
        if self._metadata is None:
            url = f"{self.settings.authority.rstrip('/')}/.well-known/openid-configuration"
            body = await self._get_json(url, "its sign-in configuration")
            try:
                algorithms = body.get("id_token_signing_alg_values_supported") or ["RS256"]
                self._metadata = ProviderMetadata(
                    issuer=str(body["issuer"]),
                    authorization_endpoint=str(body["authorization_endpoint"]),
                    token_endpoint=str(body["token_endpoint"]),
                    jwks_uri=str(body["jwks_uri"]),
                    algorithms=tuple(str(a) for a in algorithms if a != "none"),
                )
            except (KeyError, TypeError, AttributeError):
                raise BadResponseError(
                    "SuperOffice sent a sign-in configuration of an unknown shape."
                ) from None
        return self._metadata

    async def _key_set(self, force: bool = False) -> KeySet:
        if self._jwks is None or force:
            self._jwks = await self._get_json((await self.metadata()).jwks_uri, "its signing keys")
        try:
            return KeySet.import_key_set(self._jwks)  # type: ignore[arg-type]
        except (JoseError, ValueError, TypeError, KeyError):
            raise BadResponseError("SuperOffice sent signing keys of an unknown shape.") from None

    async def _get_json(self, url: str, what: str) -> dict[str, Any]:
        try:
            response = await self._http.get(url, timeout=_TIMEOUT)
        except httpx.TransportError as err:
            raise TenantUnreachableError(
                f"Cannot reach the SuperOffice sign-in at {httpx.URL(url).host} "
                f"({type(err).__name__})."
            ) from None
        if response.status_code != 200:
            raise ServerError(
                f"The SuperOffice sign-in answered {response.status_code} when asked for {what}.",
                response.status_code,
            )
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise BadResponseError(f"SuperOffice sent {what} that are not JSON.")
        return body

    # -- tokens ----------------------------------------------------------------------------

    async def _token_request(
        self, form: dict[str, str], *, nonce: str | None = None, refreshing: bool = False
    ) -> Tokens:
        metadata = await self.metadata()
        form = {**form, "client_id": self.settings.client_id}
        if self.settings.client_secret:
            form["client_secret"] = self.settings.client_secret  # client_secret_post
        try:
            response = await self._http.post(
                metadata.token_endpoint,
                data=form,
                headers={"Accept": "application/json"},
                timeout=_TIMEOUT,
            )
        except httpx.TransportError as err:
            raise TenantUnreachableError(
                f"Cannot reach the SuperOffice sign-in at {httpx.URL(metadata.token_endpoint).host}"
                f" ({type(err).__name__})."
            ) from None
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code >= 500:
            raise ServerError(
                f"The SuperOffice sign-in answered {response.status_code}.", response.status_code
            )
        if response.status_code != 200 or not isinstance(body, dict):
            error = _oauth_error(body) or f"HTTP {response.status_code}"
            if refreshing:
                log.info("refresh refused: %s", error)
                raise SignInNeededError(
                    "The SuperOffice sign-in has expired; sign in again in the browser."
                )
            raise AuthenticationError(f"SuperOffice refused the sign-in: {error}.")
        access_token = body.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise BadResponseError("SuperOffice's sign-in answer holds no access token.")
        claims: dict[str, Any] = {}
        id_token = body.get("id_token")
        if isinstance(id_token, str):
            claims = await self.verify_id_token(id_token, nonce=nonce, access_token=access_token)
        elif not refreshing:
            raise BadResponseError("SuperOffice's sign-in answer holds no ID token.")
        refresh_token = body.get("refresh_token")
        return Tokens(
            access_token=access_token,
            expires_in=_seconds(body.get("expires_in")),
            refresh_token=refresh_token if isinstance(refresh_token, str) else None,
            claims=claims,
        )

    async def verify_id_token(
        self, id_token: str, *, nonce: str | None, access_token: str | None = None
    ) -> dict[str, Any]:
        """The ID token's claims once its signature (JWKS), issuer, audience, expiry and
        nonce check out; AuthenticationError otherwise."""
        metadata = await self.metadata()
        registry = JWSRegistry(algorithms=list(metadata.algorithms))
        try:
            try:
                token = jwt.decode(id_token, await self._key_set(), registry=registry)
            except InvalidKeyIdError:  # the provider rotated its keys since they were fetched
                token = jwt.decode(id_token, await self._key_set(force=True), registry=registry)
            claims = CodeIDToken(
                _numeric_dates(token.claims),
                token.header,
                {
                    "iss": {"essential": True, "value": metadata.issuer},
                    "aud": {"essential": True, "value": self.settings.client_id},
                    "exp": {"essential": True},
                },
                {"nonce": nonce, "client_id": self.settings.client_id,
                 "access_token": access_token},
            )  # fmt: skip
            claims.validate(now=int(self._clock()), leeway=_CLOCK_SKEW_S)
        except (JoseError, ValueError, TypeError) as err:
            reason = getattr(err, "error", "") or type(err).__name__
            log.info("ID token refused: %s", reason)
            raise AuthenticationError(
                f"SuperOffice's sign-in answer failed verification ({reason}); sign in again."
            ) from None
        return dict(claims)


def _numeric_dates(claims: dict[str, Any]) -> dict[str, Any]:
    """The claims with NumericDates sent as strings of digits read as numbers (anything else
    is left for the claim rules to refuse)."""
    fixed = dict(claims)
    for name in _NUMERIC_DATE_CLAIMS:
        value = fixed.get(name)
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
            fixed[name] = int(value.strip())
    return fixed


def _seconds(expires_in: object) -> float | None:
    try:
        seconds = float(expires_in)  # type: ignore[arg-type]  # SuperOffice sends "3600" too
    except (TypeError, ValueError):
        return None
    return seconds if seconds > 0 else None


def _oauth_error(body: object) -> str:
    if not isinstance(body, dict):
        return ""
    for key in ("error_description", "error"):
        value = body.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip().splitlines()[0][:160]
    return ""


def _authorization_error(answer: dict[str, str]) -> AuthenticationError:
    error = answer.get("error", "")
    if error in _NEEDS_A_PERSON:
        return SignInNeededError("SuperOffice wants you to sign in again in the browser.")
    if error == "access_denied":
        return AuthenticationError("The SuperOffice sign-in was cancelled or refused.")
    reason = (answer.get("error_description") or error)[:160]
    return AuthenticationError(f"SuperOffice refused the sign-in: {reason}.")
