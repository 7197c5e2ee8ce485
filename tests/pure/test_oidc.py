"""SuperOffice Online sign-in end to end: the demo tenant's OpenID Connect provider served by
uvicorn on 127.0.0.1, httpx following the authorization URL where a person's browser would,
the refresh token in an in-memory keyring."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.jwk import RSAKey

from screenpop.config.credentials import load_refresh_token, refresh_token_account, store_app_secret
from screenpop.config.settings import Settings
from screenpop.demo.oidc import _signing_key
from screenpop.demo.server import DemoConfig
from screenpop.demo.serving import Running, running
from screenpop.services.connection import Connection, OnlineOptions, make_connection
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.errors import AuthenticationError, SignInNeededError
from screenpop.superoffice.loopback import DONE_PAGE
from screenpop.superoffice.oidc import OidcClient, OidcSettings
from screenpop.superoffice.retry import RetryPolicy
from screenpop.sync.caller_ids import sync_caller_ids
from tests.conftest import MemoryKeyring

CLIENT_ID = "screenpop-demo"
FAST = RetryPolicy(attempts=2, base_delay_s=0.001, max_delay_s=0.002, max_retry_after_s=0.01)


class Browser:
    """Stands in for the system browser: follows the authorization URL to the loopback page."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.pages: list[str] = []
        self._tasks: list[asyncio.Task[None]] = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)
        self._tasks.append(asyncio.create_task(self._follow(url)))

    async def _follow(self, url: str) -> None:
        async with httpx.AsyncClient(follow_redirects=True, timeout=10) as browser:
            self.pages.append((await browser.get(url)).text.strip())

    async def settle(self) -> None:
        await asyncio.gather(*self._tasks)

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.opened[-1]).query)


@pytest.fixture
def demo() -> Iterator[Running]:
    with running(DemoConfig(persons=40, seed=3)) as served:
        yield served


def _settings(demo: Running) -> Settings:
    return Settings(tenant_url=demo.url, auth=AuthKind.ONLINE)


def _connect(http: httpx.AsyncClient, demo: Running) -> Connection:
    options = OnlineOptions(client_id=CLIENT_ID)
    return make_connection(_settings(demo), http, online=options, retry=FAST)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10) as client:
        yield client


async def _control(http: httpx.AsyncClient, demo: Running, **changes: Any) -> None:
    response = await http.post(f"{demo.origin}/_demo/control", json=changes)
    assert response.status_code == 200, response.text


def _account(demo: Running) -> str:
    return refresh_token_account(CLIENT_ID, demo.origin, "Cust12345")


async def test_browser_sign_in_then_the_api_with_a_bearer_token(
    demo: Running, http: httpx.AsyncClient, memory_keyring: MemoryKeyring, tmp_path: Any
) -> None:
    connection = _connect(http, demo)
    assert connection.session is not None
    with pytest.raises(SignInNeededError, match="Sign in to SuperOffice"):
        await connection.client.get_contact_summary(1)  # nothing stored yet: a person must act
    browser = Browser()
    await connection.session.sign_in(browser)
    await browser.settle()
    assert browser.pages == [DONE_PAGE]
    query = browser.query
    assert query["scope"] == ["openid"] and query["acr_values"] == ["tenant:Cust12345"]
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
    assert query["redirect_uri"][0].startswith("http://127.0.0.1:") and "prompt" not in query
    # The refresh token went to the keyring; the access token stays in memory.
    stored = load_refresh_token(_account(demo))
    assert stored and list(memory_keyring.entries) == [
        ("Screenpop for SuperOffice", _account(demo))
    ]
    result = await sync_caller_ids(connection.client, tmp_path / "cache.sqlite3", "NO")
    assert result.total > 40
    # The ID token's webapi_url named the tenant's current host: one of the Online hosts.
    assert connection.client.tenant.base == f"{demo.online_hosts[0]}/Cust12345"


async def test_the_stored_refresh_token_signs_in_the_next_start_without_a_browser(
    demo: Running, http: httpx.AsyncClient, memory_keyring: MemoryKeyring
) -> None:
    first = _connect(http, demo)
    assert first.session is not None
    await first.session.sign_in(Browser())
    later = _connect(http, demo)  # as after a restart: a new session, the same keyring
    assert later.session is not None and not later.session.has_access_token
    summary = await later.client.get_contact_summary(1)
    assert summary.contact is not None and later.session.refreshes == 1


async def test_short_lived_tokens_are_refreshed_before_they_expire(
    http: httpx.AsyncClient, memory_keyring: MemoryKeyring
) -> None:
    with running(DemoConfig(persons=10, token_lifetime_s=4)) as demo:
        now = [1.0]
        connection = _connect(http, demo)
        session = connection.session
        assert session is not None
        session._clock = lambda: now[0]  # the session's own clock, as the token's age goes
        await session.sign_in(Browser())
        token_requests = demo.app.provider.token_requests
        await connection.client.get_contact_summary(1)
        assert session.refreshes == 0
        now[0] += 3.0  # past half the 4 s lifetime: refresh before use
        await connection.client.get_contact_summary(1)
        assert session.refreshes == 1
        assert demo.app.provider.token_requests == token_requests + 1


async def test_an_expired_token_gets_one_refresh_after_a_401(
    demo: Running, http: httpx.AsyncClient, memory_keyring: MemoryKeyring
) -> None:
    connection = _connect(http, demo)
    assert connection.session is not None
    await connection.session.sign_in(Browser())
    await connection.client.get_contact_summary(1)
    await _control(http, demo, expire_tokens=True)  # the server ends them early
    summary = await connection.client.get_contact_summary(1)
    assert summary.contact is not None and connection.session.refreshes == 1


async def test_401_after_the_refresh_means_sign_in_needed(
    demo: Running, http: httpx.AsyncClient, memory_keyring: MemoryKeyring
) -> None:
    connection = _connect(http, demo)
    assert connection.session is not None
    await connection.session.sign_in(Browser())
    await _control(http, demo, faults=["401"])
    with pytest.raises(SignInNeededError, match="no longer accepts the sign-in"):
        await connection.client.get_my_caller_ids()
    assert connection.session.refreshes == 1  # exactly one re-authentication


async def test_a_refused_refresh_falls_back_to_the_browser_sign_in(
    http: httpx.AsyncClient, memory_keyring: MemoryKeyring
) -> None:
    # The tenant wants the client secret to refresh (sign-in-user/auth-code-flow.md: required
    # "yes"), which this install does not have.
    with running(DemoConfig(persons=10, client_secret="s3cret")) as demo:
        connection = _connect(http, demo)
        session = connection.session
        assert session is not None
        await session.sign_in(Browser())
        await _control(http, demo, expire_tokens=True)
        with pytest.raises(SignInNeededError, match="sign-in has expired"):
            await connection.client.get_contact_summary(1)
        assert load_refresh_token(_account(demo)) is None  # a refused one is forgotten
        # The fallback is the browser sign-in the tray offers; SuperOffice documents no
        # silent prompt=none, so the app does not count on one.
        browser = Browser()
        await session.sign_in(browser)
        assert "prompt" not in browser.query
        assert (await connection.client.get_contact_summary(1)).contact is not None


async def test_with_the_client_secret_the_refresh_works(
    http: httpx.AsyncClient, memory_keyring: MemoryKeyring
) -> None:
    with running(DemoConfig(persons=10, client_secret="s3cret")) as demo:
        store_app_secret(CLIENT_ID, "client_secret", "s3cret")
        connection = _connect(http, demo)
        assert connection.session is not None
        await connection.session.sign_in(Browser())
        await _control(http, demo, expire_tokens=True)
        assert (await connection.client.get_contact_summary(1)).contact is not None
        assert connection.session.refreshes == 1


async def test_a_silent_sign_in_needs_a_person_when_the_browser_session_ended(
    demo: Running, http: httpx.AsyncClient, memory_keyring: MemoryKeyring
) -> None:
    connection = _connect(http, demo)
    assert connection.session is not None
    await _control(http, demo, signed_out=True)
    with pytest.raises(SignInNeededError, match="sign in again in the browser"):
        await connection.session.sign_in(Browser(), silent=True)
    await connection.session.sign_in(Browser())  # interactive works
    assert (await connection.client.get_contact_summary(1)).contact is not None


async def test_the_tenant_moves_and_the_client_follows(
    demo: Running, http: httpx.AsyncClient, memory_keyring: MemoryKeyring
) -> None:
    connection = _connect(http, demo)
    assert connection.session is not None
    await connection.session.sign_in(Browser())
    before = await connection.client.get_contact_summary(2)
    await _control(http, demo, move=True)
    old = await http.get(f"{demo.online_hosts[0]}/Cust12345/api/v1/Contact/2/Summary")
    assert old.status_code == 421 and "Wrong subdomain" in old.text
    after = await connection.client.get_contact_summary(2)
    assert after == before
    assert connection.client.tenant.base == f"{demo.online_hosts[1]}/Cust12345"


# -- the provider's checks ----------------------------------------------------------------


async def _authorize(
    http: httpx.AsyncClient, demo: Running, verifier: str, **overrides: str
) -> str:
    params = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": "http://127.0.0.1:9/",
        "scope": "openid",
        "state": "s1",
        "code_challenge": create_s256_code_challenge(verifier),
        "code_challenge_method": "S256",
        **overrides,
    }
    answer = await http.get(f"{demo.origin}/login/common/oauth/authorize", params=params)
    assert answer.status_code in (302, 307), answer.text
    return answer.headers["location"]


async def _exchange(http: httpx.AsyncClient, demo: Running, **form: str) -> httpx.Response:
    fields = {"grant_type": "authorization_code", "client_id": CLIENT_ID,
              "redirect_uri": "http://127.0.0.1:9/", **form}  # fmt: skip
    return await http.post(f"{demo.origin}/login/common/oauth/tokens", data=fields)


async def test_the_pkce_verifier_is_checked_and_a_code_works_once(
    demo: Running, http: httpx.AsyncClient
) -> None:
    verifier = "v" * 50
    code = parse_qs(urlsplit(await _authorize(http, demo, verifier)).query)["code"][0]
    wrong = await _exchange(http, demo, code=code, code_verifier="w" * 50)
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"
    assert "code_verifier" in wrong.json()["error_description"]
    again = await _exchange(http, demo, code=code, code_verifier=verifier)
    assert again.status_code == 400  # the code was spent by the first attempt
    code = parse_qs(urlsplit(await _authorize(http, demo, verifier)).query)["code"][0]
    elsewhere = await _exchange(http, demo, code=code, code_verifier=verifier,
                                redirect_uri="http://127.0.0.1:10/")  # fmt: skip
    assert elsewhere.status_code == 400 and "redirect_uri" in elsewhere.text
    code = parse_qs(urlsplit(await _authorize(http, demo, verifier)).query)["code"][0]
    good = await _exchange(http, demo, code=code, code_verifier=verifier)
    assert good.status_code == 200 and {"access_token", "refresh_token", "id_token"} <= set(
        good.json()
    )
    stranger = await _exchange(http, demo, client_id="someone-else", code="x", code_verifier="y")
    assert stranger.status_code == 401 and stranger.json()["error"] == "invalid_client"


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"code_challenge_method": "S512"}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"acr_values": "tenant:Cust999"}, "access_denied"),
        ({"scope": "profile"}, "invalid_scope"),
    ],
)
async def test_the_authorize_endpoint_refuses_what_it_must(
    demo: Running, http: httpx.AsyncClient, overrides: dict[str, str], error: str
) -> None:
    location = await _authorize(http, demo, "v" * 50, **overrides)
    assert parse_qs(urlsplit(location).query)["error"] == [error]


async def test_pkce_is_optional_as_documented(http: httpx.AsyncClient) -> None:
    """sign-in-user/auth-code-flow.md: code_challenge_method "Defaults to "plain""; without
    PKCE the code exchange takes the client secret (required "yes")."""
    with running(DemoConfig(persons=10, client_secret="s3cret")) as demo:
        verifier = "p" * 50
        location = await _authorize(http, demo, verifier, code_challenge=verifier,
                                    code_challenge_method="")  # fmt: skip
        code = parse_qs(urlsplit(location).query)["code"][0]
        assert (await _exchange(http, demo, code=code, code_verifier=verifier)).status_code == 200
        params = {"response_type": "code", "client_id": CLIENT_ID, "scope": "openid",
                  "redirect_uri": "http://127.0.0.1:9/", "state": "s"}  # fmt: skip
        bare = await http.get(f"{demo.origin}/login/common/oauth/authorize", params=params)
        code = parse_qs(urlsplit(bare.headers["location"]).query)["code"][0]
        refused = await _exchange(http, demo, code=code)
        assert refused.status_code == 401 and refused.json()["error"] == "invalid_client"
        bare = await http.get(f"{demo.origin}/login/common/oauth/authorize", params=params)
        code = parse_qs(urlsplit(bare.headers["location"]).query)["code"][0]
        # client_secret_basic, one of the two documented methods (includes/oidc-metadata.md)
        basic = httpx.BasicAuth(CLIENT_ID, "s3cret")
        fields = {"grant_type": "authorization_code", "code": code,
                  "redirect_uri": "http://127.0.0.1:9/"}  # fmt: skip
        good = await http.post(f"{demo.origin}/login/common/oauth/tokens", data=fields, auth=basic)
        assert good.status_code == 200, good.text


async def test_the_metadata_is_the_documented_one(demo: Running, http: httpx.AsyncClient) -> None:
    """includes/oidc-metadata.md: client_secret_post and client_secret_basic; no challenge
    methods listed; authorize and tokens under /login/common/oauth."""
    body = (await http.get(f"{demo.origin}/login/.well-known/openid-configuration")).json()
    assert body["token_endpoint_auth_methods_supported"] == [
        "client_secret_post", "client_secret_basic",
    ]  # fmt: skip
    assert "code_challenge_methods_supported" not in body and body["scopes_supported"] == ["openid"]
    assert body["token_endpoint"].endswith("/login/common/oauth/tokens")


async def test_id_tokens_are_shaped_like_the_documented_sample(
    demo: Running, http: httpx.AsyncClient
) -> None:
    """authentication/online/validate-security-tokens.md: "iat" a string, nbf and exp numbers,
    the identity claims as strings under http://schemes.superoffice.net/identity/, and
    webapi_url on the environment's unnumbered host. The client accepts it."""
    verifier = "v" * 50
    code = parse_qs(urlsplit(await _authorize(http, demo, verifier)).query)["code"][0]
    answer = (await _exchange(http, demo, code=code, code_verifier=verifier)).json()
    claims = jwt.decode(answer["id_token"], _signing_key()).claims
    assert isinstance(claims["iat"], str) and claims["iat"].isdigit()
    assert isinstance(claims["nbf"], int) and isinstance(claims["exp"], int)
    identity = "http://schemes.superoffice.net/identity/"
    assert claims[f"{identity}is_administrator"] == "False" and claims["sub"]
    assert claims[f"{identity}webapi_url"] == f"{demo.origin}/Cust12345/api/"
    oidc = OidcClient(http, OidcSettings(f"{demo.origin}/login", CLIENT_ID, "Cust12345"))
    verified = await oidc.verify_id_token(answer["id_token"], nonce=None)
    assert verified["iat"] == int(claims["iat"])


async def test_a_refresh_never_sends_requests_to_the_unnumbered_host(
    demo: Running, memory_keyring: MemoryKeyring
) -> None:
    """Each token's webapi_url names the unnumbered host, which answers API calls with 421
    (tenant-status/check-status.md): it must not replace the endpoint /api/state gave."""
    answers: list[tuple[str, int]] = []

    async def keep(response: httpx.Response) -> None:
        answers.append((response.request.url.netloc.decode(), response.status_code))

    async with httpx.AsyncClient(timeout=10, event_hooks={"response": [keep]}) as http:
        connection = _connect(http, demo)
        assert connection.session is not None
        await connection.session.sign_in(Browser())
        await connection.client.get_contact_summary(1)
        await _control(http, demo, expire_tokens=True)
        await connection.client.get_contact_summary(1)  # a 401, a refresh, the retry
        await connection.client.get_contact_summary(2)  # with the refreshed token
        assert connection.session.refreshes == 1
    assert (urlsplit(demo.origin).netloc, 421) not in answers
    assert [s for _host, s in answers].count(421) == 0


async def test_the_online_hosts_refuse_what_online_refuses(
    demo: Running, http: httpx.AsyncClient
) -> None:
    """auth-header-types.md (a ticket goes with SO-AppToken on Online; Basic is Onsite only:
    onsite/webapi/index.md) and check-status.md (the unnumbered host answers API calls
    with 421); the main port still plays an Onsite installation for Basic."""
    path = "/Cust12345/api/v1/Contact/1/Summary"
    numbered = demo.online_hosts[0]
    basic = httpx.BasicAuth("demo", "demo")
    assert (await http.get(f"{numbered}{path}", auth=basic)).status_code == 401
    ticket = {"Authorization": "SOTicket demo"}
    assert (await http.get(f"{numbered}{path}", headers=ticket)).status_code == 401
    with_token = {**ticket, "SO-AppToken": "app-1"}
    assert (await http.get(f"{numbered}{path}", headers=with_token)).status_code == 200
    assert (await http.get(f"{demo.origin}{path}", headers=with_token)).status_code == 421
    assert (await http.get(f"{demo.origin}{path}", auth=basic)).status_code == 200


@pytest.mark.parametrize("redirect", ["https://evil.example/cb", "http://10.0.0.5:80/"])
async def test_only_loopback_redirects(
    demo: Running, http: httpx.AsyncClient, redirect: str
) -> None:
    params = {"client_id": CLIENT_ID, "redirect_uri": redirect, "response_type": "code"}
    answer = await http.get(f"{demo.origin}/login/common/oauth/authorize", params=params)
    assert answer.status_code == 400 and "location" not in answer.headers


# -- ID token verification ----------------------------------------------------------------


def _id_token(demo: Running, key: RSAKey | None = None, **changes: Any) -> str:
    claims = {"iss": demo.origin, "sub": "demo", "aud": CLIENT_ID, "iat": int(time.time()),
              "exp": int(time.time()) + 300, "nonce": "n1", **changes}  # fmt: skip
    claims = {k: v for k, v in claims.items() if v is not None}
    signer = key or _signing_key()
    return jwt.encode({"alg": "RS256", "kid": signer.kid or "x"}, claims, signer)


@pytest.mark.parametrize(
    "make",
    [
        lambda demo: _id_token(demo, aud="another-app"),
        lambda demo: _id_token(demo, iss="https://impostor.example"),
        lambda demo: _id_token(demo, exp=1_000_000),
        lambda demo: _id_token(demo, nonce="replayed"),
        lambda demo: _id_token(demo, nonce=None),
        lambda demo: _id_token(demo, key=RSAKey.generate_key(2048, parameters={"kid": "other"})),
        lambda demo: _id_token(demo)[:-4] + "AAAA",
    ],
    ids=["audience", "issuer", "expired", "nonce", "no-nonce", "unknown-key", "signature"],
)
async def test_id_tokens_that_fail_verification(
    demo: Running, http: httpx.AsyncClient, make: Callable[[Running], str]
) -> None:
    oidc = OidcClient(http, OidcSettings(f"{demo.origin}/login", CLIENT_ID, "Cust12345"))
    assert (await oidc.verify_id_token(_id_token(demo), nonce="n1"))["sub"] == "demo"
    # validate-security-tokens.md's sample sends "iat" as a string of digits.
    sample_iat = _id_token(demo, iat=str(int(time.time())))
    assert (await oidc.verify_id_token(sample_iat, nonce="n1"))["sub"] == "demo"
    with pytest.raises(AuthenticationError, match="failed verification"):
        await oidc.verify_id_token(make(demo), nonce="n1")


async def test_a_sign_in_that_never_comes_back_times_out_calmly(
    demo: Running, http: httpx.AsyncClient
) -> None:
    oidc = OidcClient(http, OidcSettings(f"{demo.origin}/login", CLIENT_ID, "Cust12345"))
    opened: list[str] = []
    with pytest.raises(SignInNeededError, match="did not finish within 1 min"):
        await oidc.sign_in(opened.append, within_s=0.2)
    assert len(opened) == 1


async def test_no_token_reaches_the_log(
    demo: Running,
    http: httpx.AsyncClient,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(
        logging.DEBUG, logger="httpx"
    )  # another test's setup_logging may have quieted it
    connection = _connect(http, demo)
    assert connection.session is not None
    browser = Browser()
    await connection.session.sign_in(browser)
    await browser.settle()
    await _control(http, demo, expire_tokens=True)
    await connection.client.get_contact_summary(1)
    # What the stand-in browser logged (its own httpx requests) is not the app's doing.
    loopback = urlsplit(browser.query["redirect_uri"][0]).netloc
    text = "\n".join(
        m for m in (r.getMessage() for r in caplog.records)
        if "oauth/authorize?" not in m and loopback not in m
    )  # fmt: skip
    assert "access token refreshed" in text and "HTTP Request" in text
    for secret in (load_refresh_token(_account(demo)), connection.session._access):
        assert secret and secret not in text
    assert "code=" not in text and "Bearer" not in text


def test_the_log_filter_masks_tokens_that_slip_through() -> None:
    from screenpop.config.logs import RedactSecrets

    lines = {
        "headers {'authorization': 'Bearer 8A:Cust1.abc'}": "8A:Cust1.abc",
        "GET http://127.0.0.1:5/?code=c0de&state=s": "c0de",
        '{"refresh_token": "r-1", "id_token": "eyJ"}': "r-1",
        "client_secret=shh&code_verifier=vv": "shh",
        "SO-AppToken: app-9": "app-9",
    }
    for line, secret in lines.items():
        record = logging.LogRecord("screenpop.x", logging.INFO, "", 0, line, None, None)
        RedactSecrets().filter(record)
        assert secret not in record.getMessage() and "***" in record.getMessage()
