"""Callers the cache does not know: the toast at once, filled in place by a live lookup in the
demo tenant's whole CRM (in-process), or saying calmly why not; and "Add to SuperOffice…"."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from screenpop.app.add_person_flow import AddPersonFlow
from screenpop.app.call_flow import CallFlow
from screenpop.app.live_pops import LivePops
from screenpop.app.pops import MAX_TOASTS, PopController, pop_rules
from screenpop.config.settings import Settings
from screenpop.core.calls import CallEvent, CallState
from screenpop.core.matching import MatchedBy
from screenpop.core.phone import format_e164, parse_incoming
from screenpop.core.pop_rules import PopRateGuard
from screenpop.core.tasks import BackgroundTasks
from screenpop.demo.data import DemoData
from screenpop.demo.persons import outside_callers
from screenpop.demo.server import DemoConfig, create_app
from screenpop.services.live_lookup import BURST, LiveLookup
from screenpop.store.added_callers import AddedCallers
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.ui.toast import CallToast
from screenpop.ui.toast_lookup import LookupState
from tests.pure.test_live_lookup import Counting
from tests.ui.conftest import demo_client, wait_until

SEED, PERSONS = 2, 40
UNKNOWN = "+4721000000"


@dataclass
class Live:
    calls: CallFlow
    live: LivePops
    adding: AddPersonFlow
    added: AddedCallers
    client: SuperOfficeClient
    transport: Counting
    opened: list[str]
    tasks: BackgroundTasks

    def toasts(self) -> list[CallToast]:
        return self.calls.pops.toasts.toasts()

    def ring(self, number: str, call_id: str) -> CallToast:
        self.calls.handle(CallEvent(number, CallState.RINGING, call_id))
        return self.toasts()[-1]


def _outsider() -> tuple[str, str]:
    [(label, number)] = outside_callers(DemoData(SEED, PERSONS, date.today(), PERSONS), 1)
    return label, number


@pytest.fixture
def make_live(
    qtbot: QtBot, tmp_path: Path, loop: asyncio.AbstractEventLoop
) -> Iterator[Callable[..., Live]]:
    made: list[Live] = []

    def make(
        transport: httpx.AsyncBaseTransport | None = None,
        config: DemoConfig | None = None,
        **settings: object,
    ) -> Live:
        chosen = replace(Settings(region="NO"), **settings)  # type: ignore[arg-type]
        inner = transport or httpx.ASGITransport(
            app=create_app(config or DemoConfig(seed=SEED, persons=PERSONS))
        )
        counting = Counting(inner)
        client = demo_client(httpx.AsyncClient(transport=counting))
        tasks = BackgroundTasks()
        from screenpop.ui.contact_windows import ContactWindows

        windows = ContactWindows(lambda: client, tasks, limit=5)
        # An empty cache: every caller is one the cache does not know.
        cache = CallerIdCache(tmp_path / f"cache-{len(made)}.sqlite3")
        pops = PopController(chosen, cache, windows, lambda _number: None)
        calls = CallFlow(pops, None, tasks, lambda _: None, pop_rules(chosen))
        added = AddedCallers(tmp_path / f"added-{len(made)}.sqlite3")
        opened: list[str] = []
        adding = AddPersonFlow(lambda: client, cache, added, tasks, lambda: chosen, opened.append)
        lookup = LiveLookup(lambda: client, lambda: "NO")
        live = LivePops(pops, lookup, adding, added, tasks, lambda: chosen)
        made.append(Live(calls, live, adding, added, client, counting, opened, tasks))
        return made[-1]

    yield make
    for live in made:
        for dialog in list(live.adding.dialogs):
            dialog.close()
        live.calls.pops.close_all()
        live.calls.pops.windows.close_all()
        live.calls.close()
        loop.run_until_complete(live.tasks.cancel_all())
        loop.run_until_complete(live.live.close())
        loop.run_until_complete(live.client._http.aclose())


def test_a_miss_pops_at_once_and_is_filled_in_place(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    label, number = _outsider()
    app = make_live(auto_open=True)

    async def scenario() -> None:
        toast = app.ring(number, "c1")
        # Painted from the cache's miss, before any request left.
        assert toast.isVisible() and app.transport.paths == []
        assert toast.lookup is LookupState.LOOKING
        assert toast.name_label.text() == format_e164(number)
        assert toast.detail_label.text() == "Looking up in SuperOffice…"
        # The search's answer fills it (the name; the company as the hit names it) ...
        await wait_until(lambda: toast.variant() == "single")
        assert app.toasts() == [toast]  # the same toast, filled in place
        [hit] = toast.candidates
        assert f"{hit.person_name} ({hit.contact_name})" == label
        # ... and the person's record makes it theirs for certain (their company's id).
        await wait_until(lambda: toast.candidates[0].contact_id > 0)
        assert app.toasts() == [toast]
        [found] = toast.candidates
        assert f"{found.person_name} ({toast.company_label.text()})" == label
        assert toast.name_label.text() == f"{found.mrmrs} {found.person_name}"
        assert toast.detail_label.text() == f"{format_e164(number)} · Found in SuperOffice"
        assert found.matched_by is MatchedBy.LIVE
        # As a cached hit: the company's summary on its way, its window opened (auto-open).
        await wait_until(lambda: len(app.calls.pops.windows.windows()) == 1)
        [window] = app.calls.pops.windows.windows()
        assert window.contact_id == found.contact_id
        assert window.caller() == found
        await wait_until(lambda: window.summary() is not None)
        # The call's later events, and the next call, know the caller at once.
        matched = app.calls.pops.match_call(CallEvent(number))
        assert matched is not None and matched[1] == [found]
        again = app.ring(number, "c2")
        assert again.variant() == "single" and again.lookup is LookupState.NONE
        assert app.transport.count("MDOList/phonesearch") == 1

    loop.run_until_complete(scenario())


def test_a_number_nobody_has_says_so_and_offers_to_add(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    app = make_live()

    async def scenario() -> None:
        toast = app.ring(UNKNOWN, "u")
        await wait_until(lambda: toast.lookup is LookupState.NOT_FOUND)
        assert toast.variant() == "unknown"
        assert toast.name_label.text() == "Unknown caller"
        assert toast.company_label.text() == "+47 21 00 00 00"
        assert toast.detail_label.text() == "Not found in SuperOffice"
        assert toast.search_button is not None and toast.search_button.isVisibleTo(toast)
        assert toast.add_button is not None and toast.add_button.isVisibleTo(toast)
        assert toast.add_button.text() == "Add to SuperOffice…"
        # The buttons fit the card.
        assert toast.add_button.geometry().right() <= toast.width()

    loop.run_until_complete(scenario())


@pytest.mark.log_warnings
def test_a_failing_tenant_is_a_calm_toast(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    app = make_live(httpx.MockTransport(lambda _r: httpx.Response(503, text="Service down")))

    async def scenario() -> None:
        toast = app.ring(UNKNOWN, "f")
        await wait_until(lambda: toast.lookup is LookupState.FAILED, within_s=10)
        assert toast.name_label.text() == "Unknown caller"
        assert toast.company_label.text() == "+47 21 00 00 00"
        assert toast.detail_label.text() == (
            "Could not look up: SuperOffice answered 503: Service down"
        )

    loop.run_until_complete(scenario())


def test_no_lookup_when_it_is_off_or_nothing_to_look_up(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    _label, number = _outsider()
    app = make_live(live_lookup=False)

    async def scenario() -> None:
        toast = app.ring(number, "off")
        withheld = app.ring("anonymous", "w")
        await asyncio.sleep(0.1)
        assert toast.variant() == "unknown" and toast.lookup is LookupState.NONE
        assert toast.detail_label.text() == format_e164(number)
        assert withheld.variant() == "withheld" and withheld.add_button is None
        assert app.transport.paths == []

    loop.run_until_complete(scenario())


def test_a_toast_gone_before_the_answer_stays_gone(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    _label, number = _outsider()
    app = make_live(config=DemoConfig(seed=SEED, persons=PERSONS, latency_ms=100))

    async def scenario() -> None:
        toast = app.ring(number, "gone")
        toast.close_button.click()
        await wait_until(lambda: app.live._lookup.remembered(parse_incoming(number, "NO")))
        assert app.toasts() == []
        assert app.calls.pops.windows.windows() == []

    loop.run_until_complete(scenario())


def _fill_form(qtbot: QtBot, app: Live, toast: CallToast, company: str) -> None:
    assert toast.add_button is not None
    toast.add_button.click()
    [dialog] = app.adding.dialogs
    assert dialog.number_edit.text() == UNKNOWN
    assert dialog.kind_combo.currentText() == "Office phone"  # +47 21…: a fixed line
    qtbot.keyClicks(dialog.first_edit, "Nora")
    qtbot.keyClicks(dialog.last_edit, "Berg")
    qtbot.keyClicks(dialog.company_edit, company)


def test_an_unknown_caller_added_to_superoffice(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    app = make_live()
    data = DemoData(SEED, PERSONS, date.today(), PERSONS)
    company = data.company(data.crm_company_count)  # found by the live company search

    async def scenario() -> None:
        toast = app.ring(UNKNOWN, "add")
        await wait_until(lambda: toast.lookup is LookupState.NOT_FOUND)
        _fill_form(qtbot, app, toast, company.name)
        [dialog] = app.adding.dialogs
        await wait_until(lambda: dialog.company_list.count() > 0)
        assert dialog.chosen_company() == (company.contact_id, company.name)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: toast.variant() == "single")
        assert not isValid(dialog)  # closed, and deleted on the UI thread
        [person] = toast.candidates
        assert (person.person_name, person.contact_id) == ("Nora Berg", company.contact_id)
        posted = app.transport.paths.index("Person")
        assert app.transport.paths[posted - 1] == "Person/default"
        # The pop is theirs now: their company's summary is fetched ahead as for any caller.
        assert f"Contact/{company.contact_id}/Summary" in app.transport.paths[posted:]
        # SuperOffice knows them now, and so does this computer until a sync brings them.
        hits = await app.client.search_phone("21000000")
        assert [(h.type, h.id) for h in hits] == [("Person", person.person_id)]
        assert app.added.find(parse_incoming(UNKNOWN, "NO")) == [person]
        again = app.ring(UNKNOWN, "add-again")
        assert again.variant() == "single" and again.candidates == [person]

    loop.run_until_complete(scenario())


@pytest.mark.log_warnings
def test_a_refused_person_keeps_the_form_with_the_tenants_reason(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    app = make_live()

    async def scenario() -> None:
        toast = app.ring(UNKNOWN, "refused")
        await wait_until(lambda: toast.lookup is LookupState.NOT_FOUND)
        _fill_form(qtbot, app, toast, "Gone")
        [dialog] = app.adding.dialogs
        dialog.set_companies("Gone", [(99999, "Gone AS")])  # deleted since it was listed
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.error.isVisibleTo(dialog))
        assert dialog.error.text() == "SuperOffice answered 400: Contact 99999 does not exist."
        assert dialog.isVisible() and dialog.add_button.isEnabled()
        assert (dialog.first_edit.text(), dialog.last_edit.text()) == ("Nora", "Berg")
        assert toast.variant() == "unknown"

    loop.run_until_complete(scenario())


@pytest.mark.log_warnings
def test_without_the_right_superoffice_itself_is_offered(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    app = make_live(config=DemoConfig(seed=SEED, persons=PERSONS, may_add_persons=False))
    data = DemoData(SEED, PERSONS, date.today(), PERSONS)
    company = data.company(3)

    async def scenario() -> None:
        toast = app.ring(UNKNOWN, "no-right")
        await wait_until(lambda: toast.lookup is LookupState.NOT_FOUND)
        _fill_form(qtbot, app, toast, company.name)
        [dialog] = app.adding.dialogs
        await wait_until(lambda: dialog.company_list.count() > 0)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.open_web_button.isVisibleTo(dialog))
        assert dialog.error.text() == "SuperOffice says this user may not do that."
        assert not dialog.add_button.isVisibleTo(dialog)
        dialog.open_web_button.click()
        assert app.opened == [app.client.links.contact(company.contact_id)]
        assert not dialog.isVisible()
        await wait_until(lambda: not isValid(dialog))

    loop.run_until_complete(scenario())


def test_the_form_says_what_is_missing(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    app = make_live(live_lookup=False)
    toast = app.ring(UNKNOWN, "form")
    assert toast.add_button is not None
    toast.add_button.click()
    [dialog] = app.adding.dialogs
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Give the caller's first or last name."
    qtbot.keyClicks(dialog.first_edit, "Nora")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Choose the caller's company from the list."
    dialog.set_companies("", [(3, "Acme AS")])
    dialog.company_list.setCurrentRow(0)
    dialog.number_edit.setText("no digits")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text().startswith("This is not a phone number SuperOffice can store")
    assert app.transport.paths == []


def test_a_mobile_number_is_filed_as_a_mobile(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    app = make_live(live_lookup=False)
    toast = app.ring("+47 912 34 599", "mobile")
    assert toast.add_button is not None
    toast.add_button.click()
    [dialog] = app.adding.dialogs
    assert (dialog.number_edit.text(), dialog.kind_combo.currentText()) == (
        "+4791234599",
        "Mobile phone",
    )


@pytest.mark.log_warnings
def test_a_flood_of_unknown_callers_never_waits_and_asks_little(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    app = make_live(config=DemoConfig(seed=SEED, persons=PERSONS, latency_ms=20))
    # Every call pops (the pop guard lifted): what is left to bound is the lookups' own limit.
    app.calls.tracker.guard = PopRateGuard(burst=1000)

    async def scenario() -> None:
        started = time.perf_counter()
        for n in range(200):  # 200 unknown numbers within a fraction of a second
            app.calls.handle(CallEvent(f"+4721{n:06d}", CallState.RINGING, f"flood-{n}"))
        assert time.perf_counter() - started < 2.0  # no call waited for the tenant
        shown = app.toasts()
        assert len(shown) == MAX_TOASTS
        await wait_until(lambda: all(t.lookup is not LookupState.LOOKING for t in shown), 10)
        assert app.transport.count("MDOList/phonesearch") <= BURST
        # The last calls of the flood were not looked up; their toasts say why, calmly.
        assert (
            shown[-1].detail_label.text() == "Could not look up: Too many unknown numbers at once."
        )

    loop.run_until_complete(scenario())


def test_a_live_hits_company_is_fetched_ahead_while_it_rings(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    _label, number = _outsider()
    app = make_live(auto_open=False)

    async def scenario() -> None:
        toast = app.ring(number, "ahead")
        await wait_until(lambda: toast.candidates and toast.candidates[0].contact_id > 0)
        contact_id = toast.candidates[0].contact_id
        await wait_until(lambda: app.calls.pops.windows.cache.get(contact_id) is not None)
        assert app.calls.pops.windows.windows() == []  # nothing opened by itself
        # A click opens it with the summary already there.
        qtbot.mouseClick(toast.name_label, Qt.MouseButton.LeftButton)
        [window] = app.calls.pops.windows.windows()
        assert window.summary() is not None and window.caller() == toast.candidates[0]

    loop.run_until_complete(scenario())


def test_a_click_before_the_company_is_known_opens_it_once_it_is(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    _label, number = _outsider()

    app = make_live(config=DemoConfig(seed=SEED, persons=PERSONS, latency_ms=150))

    async def scenario() -> None:
        toast = app.ring(number, "early")
        await wait_until(lambda: toast.variant() == "single", within_s=5)
        assert toast.candidates[0].contact_id == 0  # named by the search, not yet resolved
        qtbot.mouseClick(toast.name_label, Qt.MouseButton.LeftButton)
        assert app.calls.pops.windows.windows() == []
        await wait_until(lambda: len(app.calls.pops.windows.windows()) == 1)
        [window] = app.calls.pops.windows.windows()
        assert window.contact_id == toast.candidates[0].contact_id > 0

    loop.run_until_complete(scenario())


@pytest.mark.log_warnings
def test_hits_shown_early_that_do_not_hold_give_way_to_the_reason(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, make_live: Callable[..., Live]
) -> None:
    def tenant(request: httpx.Request) -> httpx.Response:
        if "/Person/" in request.url.path:
            return httpx.Response(500, json={"Error": "Person store offline"})
        hit = {"Id": 5, "Type": "Person", "ExtraInfo": UNKNOWN, "FullName": "Nora Berg",
               "Name": f"Nora Berg (Acme AS) {UNKNOWN}"}  # fmt: skip
        return httpx.Response(200, json=[hit])

    app = make_live(httpx.MockTransport(tenant))

    async def scenario() -> None:
        toast = app.ring(UNKNOWN, "early")
        await wait_until(lambda: toast.lookup is LookupState.FAILED, within_s=10)
        assert toast.variant() == "unknown" and toast.candidates == []
        assert toast.detail_label.text() == (
            "Could not look up: SuperOffice answered 500: Person store offline"
        )

    loop.run_until_complete(scenario())
