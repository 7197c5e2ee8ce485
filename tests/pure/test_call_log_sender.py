"""The sender against the demo tenant: each log once, with the call in it; refusals kept in the
tenant's words; failures waited out without a storm; a POST whose answer was lost found again,
never sent twice (over real sockets, where the demo's ``lost-answer`` drops a real connection
after the appointment was made)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import pytest

from screenpop.core.call_log import description, log_id, marker
from screenpop.core.calls import Direction
from screenpop.demo.faults import Fault
from screenpop.demo.server import DemoApp, DemoConfig, create_app
from screenpop.demo.serving import Running, running
from screenpop.services.call_log_sender import CallLogSender, SenderHealth, SenderStatus
from screenpop.store.outbox import LogRow, LogState, Outbox
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.retry import RetryPolicy
from screenpop.superoffice.tenant import Tenant

FAST = RetryPolicy(attempts=2, base_delay_s=0.001, max_delay_s=0.002, max_retry_after_s=0.01)
DEMO_URL = "http://demo.test/Cust12345"
START = 1_777_000_000.0


class Recording(httpx.AsyncBaseTransport):
    """A transport in front of another, counting requests by ``METHOD path`` and able to put
    a fault on the one request a test is about."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.sent: list[str] = []
        self.before: Callable[[httpx.Request], None] = lambda _request: None
        self.after: Callable[[httpx.Request], None] = lambda _request: None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(f"{request.method} {request.url.path.split('/api/v1/')[-1]}")
        self.before(request)
        try:
            return await self.inner.handle_async_request(request)
        finally:
            self.after(request)

    async def aclose(self) -> None:
        await self.inner.aclose()

    def count(self, what: str) -> int:
        return sum(1 for line in self.sent if line == what)


def call_row(key: str = "call-1", **changes: object) -> LogRow:
    fields: dict[str, object] = dict(
        log_id=log_id(key, START), call_key=key, call_id=key, state=LogState.LIVE,
        direction=Direction.INCOMING, number="+4722334455", person_id=3, contact_id=1,
        who="Someone (Company 1)", started_at=START, answered_at=START + 8.0,
        ended_at=START + 200.0, headline="Incoming call from +47 22 33 44 55", note="",
        task="",
    )  # fmt: skip
    fields.update(changes)
    return LogRow(**fields)  # type: ignore[arg-type]


def queue(outbox: Outbox, row: LogRow, note: str = "") -> LogRow:
    outbox.open_live(row)
    if note:
        outbox.set_note(row.log_id, note)
    ended = outbox.end(row.log_id, LogState.WAITING, ended_at=row.ended_at or START,
                       headline=row.headline, task=row.task)  # fmt: skip
    assert ended is not None
    return ended


class Harness:
    def __init__(self, outbox: Outbox, client: SuperOfficeClient) -> None:
        self.outbox = outbox
        self.statuses: list[SenderStatus] = []
        self.sent: list[str] = []
        self.sender = CallLogSender(
            outbox, lambda: client, on_status=self.statuses.append,
            on_sent=lambda row: self.sent.append(row.log_id), check_after_s=0.05,
            base_backoff_s=0.05, max_backoff_s=0.2,
        )  # fmt: skip

    async def until(self, condition: Callable[[], object], within_s: float = 5.0) -> None:
        deadline = asyncio.get_running_loop().time() + within_s
        while not condition():
            assert asyncio.get_running_loop().time() < deadline, "timed out"
            await asyncio.sleep(0.01)

    def state(self, row: LogRow) -> LogState:
        kept = self.outbox.get(row.log_id)
        assert kept is not None
        return kept.state


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


@pytest.fixture
def demo_app() -> DemoApp:
    return create_app(DemoConfig(seed=1, persons=500))


@pytest.fixture
async def transport(demo_app: DemoApp) -> Recording:
    return Recording(httpx.ASGITransport(app=demo_app))  # type: ignore[arg-type]


Clients = Callable[..., SuperOfficeClient]


@pytest.fixture
async def clients() -> AsyncIterator[Clients]:
    """Makes clients (``transport, url=…, secret=…``); their HTTP clients close after the test."""
    made: list[httpx.AsyncClient] = []

    def make(
        transport: httpx.AsyncBaseTransport, url: str = DEMO_URL, secret: str = "demo"
    ) -> SuperOfficeClient:
        http = httpx.AsyncClient(transport=transport)
        made.append(http)
        auth = make_auth(AuthKind.BASIC, "demo", secret)
        return SuperOfficeClient(http, Tenant.parse(url), auth, retry=FAST)

    yield make
    for http in made:
        await http.aclose()


@pytest.fixture
async def harness(outbox: Outbox, transport: Recording, clients: Clients) -> AsyncIterator[Harness]:
    harness = Harness(outbox, clients(transport))
    harness.sender.start()
    yield harness
    await harness.sender.stop()


async def test_a_log_is_sent_once_with_the_call_in_it(
    harness: Harness, demo_app: DemoApp, transport: Recording
) -> None:
    row = queue(harness.outbox, call_row(), note="Wants the <b>new</b> price list")
    harness.sender.kick()
    await harness.until(lambda: harness.sent)
    (made,) = demo_app.diary.all()
    assert (made["Person"]["PersonId"], made["Contact"]["ContactId"]) == (3, 1)
    assert made["Task"]["Value"] == "Phone call (incoming)" and made["Completed"] == "Completed"
    assert made["Description"] == description(row.headline, row.note, row.log_id)
    assert "Wants the <b>new</b> price list" in made["Description"]
    # The talk, from answer to hang-up, in this computer's zone with its offset.
    assert made["StartDate"][-6] in "+-" and made["EndDate"] > made["StartDate"]
    kept = harness.outbox.get(row.log_id)
    assert kept is not None and kept.state is LogState.SENT
    assert kept.appointment_id == made["AppointmentId"] and not kept.uncertain
    assert transport.count("POST Appointment") == 1
    assert harness.statuses[-1].counts.total == 0
    assert harness.statuses[-1].health is SenderHealth.IDLE


@pytest.mark.parametrize(
    ("changes", "task"),
    [
        ({"direction": Direction.OUTGOING}, "Phone call (outgoing)"),
        ({"task": "to-DO"}, "To-do"),
        ({"task": "No such task"}, "Phone call (incoming)"),
    ],
)
async def test_the_task_is_the_chosen_one_or_the_phone_call(
    harness: Harness, demo_app: DemoApp, changes: dict[str, object], task: str
) -> None:
    queue(harness.outbox, call_row(**changes))
    harness.sender.kick()
    await harness.until(lambda: harness.sent)
    assert demo_app.diary.all()[0]["Task"]["Value"] == task


@pytest.mark.log_warnings
async def test_a_refusal_is_kept_in_the_tenants_words(
    harness: Harness, demo_app: DemoApp, transport: Recording
) -> None:
    row = queue(harness.outbox, call_row(person_id=400))  # not a person of company 1
    harness.sender.kick()
    await harness.until(lambda: harness.state(row) is LogState.REFUSED)
    kept = harness.outbox.get(row.log_id)
    assert kept is not None
    said = "SuperOffice answered 400: Person 400 is not a contact person of company 1."
    assert kept.error == said
    await asyncio.sleep(0.3)
    assert transport.count("POST Appointment") == 1  # never tried again by itself
    assert harness.statuses[-1].counts.refused == 1 and not demo_app.diary.all()
    # The agent fixes nothing and retries: it is tried once more, and refused again.
    harness.outbox.request(row.log_id)
    harness.sender.kick(now=True)
    await harness.until(lambda: transport.count("POST Appointment") == 2)
    await harness.until(lambda: harness.state(row) is LogState.REFUSED)


async def test_a_tenant_that_fails_is_waited_out_without_a_storm(
    harness: Harness, demo_app: DemoApp, transport: Recording
) -> None:
    demo_app.plan.replace((Fault("503"),))
    for key in ("a", "b", "c"):
        queue(harness.outbox, call_row(key))
    harness.sender.kick()
    await harness.until(lambda: harness.sender.status.health is SenderHealth.OFFLINE)
    for _ in range(20):  # new logs do not cut the wait short
        harness.sender.kick()
        await asyncio.sleep(0.02)
    # Growing waits (0.05 s, 0.1 s, 0.2 s…) with 2 tries a request: a handful in 0.4 s.
    assert len(transport.sent) <= 12
    assert "503" in harness.sender.status.detail
    demo_app.plan.replace(())
    harness.sender.kick(now=True)  # the tenant is back (a sync worked)
    await harness.until(lambda: len(harness.sent) == 3)
    assert len(demo_app.diary.all()) == 3 and transport.count("POST Appointment") >= 3


async def test_a_note_typed_after_the_log_was_sent_reaches_the_appointment(
    harness: Harness, demo_app: DemoApp
) -> None:
    row = queue(harness.outbox, call_row())
    harness.sender.kick()
    await harness.until(lambda: harness.sent)
    harness.outbox.set_note(row.log_id, "Call back on Monday")
    harness.sender.kick()
    await harness.until(lambda: "Call back on Monday" in demo_app.diary.all()[0]["Description"])
    await harness.until(lambda: harness.outbox.counts().total == 0)
    assert len(demo_app.diary.all()) == 1


async def test_a_task_list_that_fails_to_load_gives_the_default_task(
    outbox: Outbox, demo_app: DemoApp, clients: Clients
) -> None:
    inner = httpx.ASGITransport(app=demo_app)  # type: ignore[arg-type]

    class NoTaskList(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("/MDOList/task"):
                return httpx.Response(500, json={"Error": "The list is broken"})
            return await inner.handle_async_request(request)

    harness = Harness(outbox, clients(NoTaskList()))
    harness.sender.start()
    try:
        automatic = queue(outbox, call_row("auto"))
        chosen = queue(outbox, call_row("named", task="To-do"))
        harness.sender.kick()
        await harness.until(lambda: automatic.log_id in harness.sent)
        # NetServer's own default (Meeting) for the automatic one; the chosen one waits.
        assert demo_app.diary.all()[0]["Task"]["Value"] == "Meeting"
        await harness.until(lambda: harness.sender.status.health is SenderHealth.OFFLINE)
        assert harness.state(chosen) is LogState.WAITING
    finally:
        await harness.sender.stop()


async def test_a_sign_in_needed_waits_for_one(
    outbox: Outbox, demo_app: DemoApp, clients: Clients
) -> None:
    transport = Recording(httpx.ASGITransport(app=demo_app))  # type: ignore[arg-type]
    current = {"client": clients(transport, secret="wrong")}
    harness = Harness(outbox, current["client"])
    harness.sender._client = lambda: current["client"]  # the app makes a new client too
    harness.sender.start()
    try:
        row = queue(outbox, call_row())
        harness.sender.kick()
        await harness.until(lambda: harness.sender.status.health is SenderHealth.SIGN_IN_NEEDED)
        tries = len(transport.sent)
        await asyncio.sleep(0.3)
        assert len(transport.sent) == tries  # no retries while nobody signed in
        current["client"] = clients(transport)
        harness.sender.kick(now=True)  # signed in again
        await harness.until(lambda: harness.state(row) is LogState.SENT)
    finally:
        await harness.sender.stop()


# -- a lost answer, over real sockets ---------------------------------------------------------


@pytest.fixture
def served() -> Iterator[Running]:
    with running(DemoConfig(seed=1, persons=500)) as demo:
        yield demo


def _lose_the_answer_of_the_post(served: Running, transport: Recording, times: int) -> None:
    """The next ``times`` POSTs are handled by the tenant, which then drops the connection."""
    left = [times]

    def before(request: httpx.Request) -> None:
        if request.method == "POST" and left[0] > 0:
            left[0] -= 1
            served.app.plan.replace((Fault("lost-answer"),))

    transport.before = before
    transport.after = lambda _request: served.app.plan.replace(())


async def test_a_post_whose_answer_was_lost_is_found_not_sent_again(
    served: Running, outbox: Outbox, clients: Clients
) -> None:
    transport = Recording(httpx.AsyncHTTPTransport())
    harness = Harness(outbox, clients(transport, served.url))
    _lose_the_answer_of_the_post(served, transport, times=1)
    harness.sender.start()
    try:
        row = queue(outbox, call_row())
        harness.sender.kick()
        await harness.until(lambda: harness.sent)
    finally:
        await harness.sender.stop()
    (made,) = served.app.diary.all()
    kept = outbox.get(row.log_id)
    assert kept is not None and kept.appointment_id == made["AppointmentId"]
    assert transport.count("POST Appointment") == 1
    assert transport.count("GET Appointment") == 1  # it looked before sending again
    assert kept.attempts == 1 and not kept.uncertain


async def test_an_attempt_the_app_died_during_is_resolved_after_a_restart(
    served: Running, outbox: Outbox, clients: Clients
) -> None:
    """The app was killed with a POST in flight: the attempt is on disk. If the tenant made
    the appointment, the next run finds it; if not, it sends it; once either way."""
    made_it = queue(outbox, call_row("landed"))
    lost_it = queue(outbox, call_row("never-landed"))
    for row in (made_it, lost_it):
        outbox.mark_attempt(row.log_id, START, 0.0)
    landed = served.app.diary.create({
        **served.app.diary.default_entity(), "Contact": {"ContactId": 1},
        "Description": description(made_it.headline, "", made_it.log_id),
    })  # fmt: skip
    transport = Recording(httpx.AsyncHTTPTransport())
    harness = Harness(outbox, clients(transport, served.url))
    harness.sender.start()
    try:
        harness.sender.kick()
        await harness.until(lambda: len(harness.sent) == 2)
    finally:
        await harness.sender.stop()
    assert len(served.app.diary.all()) == 2
    assert outbox.get(made_it.log_id).appointment_id == landed["AppointmentId"]  # type: ignore[union-attr]
    assert transport.count("POST Appointment") == 1  # only the one that never landed
    assert marker(made_it.log_id) in served.app.diary.all()[0]["Description"]
