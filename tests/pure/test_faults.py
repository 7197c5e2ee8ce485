"""The fault matrix: every fault the demo tenant can inject, against the two calls the app
makes, over real sockets (uvicorn on 127.0.0.1, so dropped connections are real drops)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from screenpop.core.errors import ConfigError
from screenpop.demo.faults import KINDS, Fault, FaultPlan
from screenpop.demo.server import DemoConfig
from screenpop.demo.serving import Running, running
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.errors import (
    AuthenticationError,
    BadResponseError,
    ServerError,
    SuperOfficeError,
    TenantUnreachableError,
)
from screenpop.superoffice.retry import RetryPolicy
from screenpop.superoffice.tenant import Tenant

ATTEMPTS = 3
FAST = RetryPolicy(attempts=ATTEMPTS, base_delay_s=0.001, max_delay_s=0.005, max_retry_after_s=0.01)
# Short enough that "timeout" costs little; long enough for a loaded 2-core machine.
TIMEOUT = httpx.Timeout(0.5, connect=2.0)


class Counting(httpx.AsyncBaseTransport):
    """The real network transport, counting the requests that went out."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.sent = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


@pytest.fixture(scope="module")
def demo() -> Iterator[Running]:
    with running(DemoConfig(persons=30, seed=2)) as served:
        yield served


@pytest.fixture
async def counting() -> AsyncIterator[Counting]:
    transport = Counting()
    yield transport
    await transport.aclose()


@pytest.fixture
async def client(demo: Running, counting: Counting) -> AsyncIterator[SuperOfficeClient]:
    async with httpx.AsyncClient(transport=counting, timeout=TIMEOUT) as http:
        auth = make_auth(AuthKind.BASIC, "demo", "demo")
        yield SuperOfficeClient(http, Tenant.parse(demo.url), auth, retry=FAST)
        # Each test sets its own faults; none outlive it.
        await http.post(f"{demo.origin}/_demo/control", json={"faults": []})


def _inject(demo: Running, *faults: str, seed: int = 7) -> None:
    with httpx.Client() as plain:
        answer = plain.post(
            f"{demo.origin}/_demo/control", json={"faults": list(faults), "fault_seed": seed}
        )
    assert answer.status_code == 200, answer.text


async def _call(client: SuperOfficeClient, which: str) -> object:
    if which == "caller-ids":
        return await client.fetch_caller_ids()
    return await client.get_contact_summary(1)


# kind → (error, words in its one-line message, retried?)
EXPECTED: dict[str, tuple[type[SuperOfficeError], str, bool]] = {
    "500": (ServerError, "SuperOffice answered 500: Demo fault: the server failed.", True),
    "503": (ServerError, "SuperOffice answered 503: Demo fault: service unavailable.", True),
    "429": (ServerError, "SuperOffice answered 429: Demo fault: too many requests.", True),
    "401": (AuthenticationError, "refused the sign-in", False),
    "421": (ServerError, "tenant is at another address", False),
    "malformed-json": (BadResponseError, "answer that is not JSON", True),
    "truncated": (TenantUnreachableError, "the connection was dropped mid-answer", True),
    "reset": (TenantUnreachableError, "the connection was dropped mid-answer", True),
    "lost-answer": (TenantUnreachableError, "the connection was dropped mid-answer", True),
    "timeout": (TenantUnreachableError, "did not answer in time", True),
}


def test_the_matrix_covers_every_kind() -> None:
    assert set(EXPECTED) == set(KINDS)


@pytest.mark.parametrize("which", ["caller-ids", "summary"])
@pytest.mark.parametrize("kind", KINDS)
async def test_every_fault_becomes_a_one_line_error(
    demo: Running,
    client: SuperOfficeClient,
    counting: Counting,
    caplog: pytest.LogCaptureFixture,
    kind: str,
    which: str,
) -> None:
    error, says, retried = EXPECTED[kind]
    _inject(demo, kind)
    with pytest.raises(error) as caught:
        await _call(client, which)
    assert says in caught.value.message and "\n" not in caught.value.message
    # Retried kinds use up the attempts; 421 gets one more try after looking again.
    assert counting.sent == (ATTEMPTS if retried else 2 if kind == "421" else 1)
    # The demo dropped connections without noise of its own.
    assert not [r for r in caplog.records if r.name.startswith("uvicorn")]


@pytest.mark.parametrize("which", ["caller-ids", "summary"])
@pytest.mark.parametrize("kind", [k for k in KINDS if EXPECTED[k][2]])
async def test_retried_faults_at_half_the_requests_still_succeed(
    demo: Running, client: SuperOfficeClient, counting: Counting, kind: str, which: str
) -> None:
    _inject(demo, f"{kind}:0.5", seed=11)
    for _ in range(3):
        assert await _call(client, which) is not None
    assert counting.sent > 3  # some of them did fail and were tried again


async def test_faults_combine_with_latency() -> None:
    import time

    with running(DemoConfig(persons=5, latency_ms=200, faults=(Fault("503"),))) as demo:
        async with httpx.AsyncClient() as http:
            started = time.perf_counter()
            answer = await http.get(f"{demo.url}/api/v1/Contact/1/Summary", auth=("demo", "demo"))
            elapsed = time.perf_counter() - started
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "1"
    assert elapsed >= 0.2


async def test_faults_touch_only_the_api(demo: Running) -> None:
    _inject(demo, "reset")
    async with httpx.AsyncClient() as http:
        state = await http.get(f"{demo.origin}/api/state/Cust12345")
        login = await http.get(f"{demo.origin}/login/.well-known/openid-configuration")
        page = await http.get(f"{demo.url}/default.aspx?contact.main?contact_id=1")
    assert state.status_code == login.status_code == page.status_code == 200
    _inject(demo)


def test_the_same_seed_fails_the_same_requests() -> None:
    def pattern(seed: int) -> list[str | None]:
        plan = FaultPlan((Fault("503", 0.3), Fault("reset", 0.2)), seed)
        return [f.kind if (f := plan.pick()) else None for _ in range(200)]

    first = pattern(5)
    assert first == pattern(5) and first != pattern(6)
    assert 40 < first.count("503") < 80 and 20 < first.count("reset") < 60


@pytest.mark.parametrize(
    ("text", "says"),
    [("504", "the kind is one of"), ("503:1.5", "the rate"), ("503:x", "the rate"),
     ("reset:0", "the rate")],
)  # fmt: skip
def test_bad_fault_specs(text: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        Fault.parse(text)
    assert Fault.parse("Malformed-JSON:0.25") == Fault("malformed-json", 0.25)


def test_rates_cannot_add_up_past_one() -> None:
    with pytest.raises(ConfigError, match="add up to more than 1"):
        FaultPlan((Fault("503", 0.6), Fault("500", 0.6)))


async def test_in_process_drops_raise_instead() -> None:
    # Over httpx's ASGI transport there is no connection to drop: the app says so plainly.
    from screenpop.demo.server import create_app

    app = create_app(DemoConfig(persons=5, faults=(Fault("reset"),)))
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://demo") as http:
        with pytest.raises(ConnectionResetError, match="demo fault"):
            await http.get("/Cust12345/api/v1/Contact/1/Summary", auth=("demo", "demo"))
