"""The contact window against the demo tenant in-process, which answers in the documented
shapes: every member the reference defines for the header reaches it, and tickets say the
tenant's own status names (restful/rest/List_TicketStatus/
v1TicketStatusList_GetAllTicketStatusEntity.md), asked for once however many windows open."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot

from screenpop.core.tasks import BackgroundTasks
from screenpop.sync.ticket_statuses import TicketStatusBook
from screenpop.ui.contact_window import ViewState
from screenpop.ui.contact_windows import ContactWindows
from tests.ui.conftest import demo_client, wait_until

STATUS_LIST = "/Cust12345/api/v1/List/TicketStatus/Items"


def test_the_window_shows_every_documented_member_and_the_tenants_words(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    from screenpop.demo.server import DemoConfig, create_app

    asked: list[str] = []

    async def keep(request: httpx.Request) -> None:
        asked.append(request.url.path)

    transport = httpx.ASGITransport(app=create_app(DemoConfig(seed=2, persons=40)))
    http = httpx.AsyncClient(transport=transport, event_hooks={"request": [keep]})
    client = demo_client(http)
    book = TicketStatusBook(tmp_path / "ticket-statuses.json")
    windows = ContactWindows(lambda: client, BackgroundTasks(), limit=25, statuses=book)

    async def scenario() -> None:
        window = windows.open(1)
        await wait_until(lambda: window.view_state() is ViewState.READY)
        raw = (await http.get("http://demo.test/Cust12345/api/v1/Contact/1/Summary",
                              auth=("demo", "demo"))).json()["Contact"]  # fmt: skip
        details = {key: label.text() for key, label in window.details.items()}
        # SuperOffice.WebApi.Data.Contact.yml, member by member.
        assert details["our_contact"] == raw["AssociateFullName"]
        assert details["phone"] == raw["DirectPhone"]
        assert details["email"] == raw["EmailAddress"]
        assert details["web_site"] == raw["URL"]
        assert details["org_nr"] == raw["OrgNr"]
        assert details["number1"] == raw["Number1"]
        assert details["address"].splitlines() == raw["FormattedAddress"].splitlines()
        subtitle = window.subtitle_label.text()
        for member in ("Department", "CategoryName", "BusinessName"):
            assert raw[member] in subtitle
        assert all(not window.details[key].isHidden() for key in details)

        # The list was never fetched: the summary's ids are unknown, so it is asked for
        # once, and the window names its tickets when it comes.
        page = window.pages["tickets"]
        await wait_until(lambda: not page.model.index(0, 1).data().startswith("Status "))
        names = {item.name for item in book.statuses(client).values()}
        shown = {page.model.index(r, 1).data() for r in range(page.model.rowCount())}
        assert shown <= names
        other = windows.open(2)
        await wait_until(lambda: other.view_state() is ViewState.READY)
        await wait_until(lambda: not book._lock.locked())
        assert asked.count(STATUS_LIST) == 1
        windows.close_all()
        await http.aclose()

    loop.run_until_complete(scenario())


class _ListDown(httpx.AsyncBaseTransport):
    """The demo tenant, except that its ticket status list fails (a transport, not a mock)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner
        self.refused = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == STATUS_LIST:
            self.refused += 1
            return httpx.Response(503, text="Service Unavailable")
        return await self._inner.handle_async_request(request)


def test_a_status_list_that_fails_leaves_an_honest_number_and_the_rest(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    from screenpop.demo.server import DemoConfig, create_app
    from screenpop.superoffice.auth import AuthKind, make_auth
    from screenpop.superoffice.client import SuperOfficeClient
    from screenpop.superoffice.retry import NO_RETRY
    from screenpop.superoffice.tenant import Tenant
    from tests.ui.conftest import DEMO_URL

    transport = _ListDown(httpx.ASGITransport(app=create_app(DemoConfig(seed=2, persons=40))))
    http = httpx.AsyncClient(transport=transport)
    auth = make_auth(AuthKind.BASIC, "demo", "demo")
    client = SuperOfficeClient(http, Tenant.parse(DEMO_URL), auth, retry=NO_RETRY)
    book = TicketStatusBook(tmp_path / "ticket-statuses.json")
    windows = ContactWindows(lambda: client, BackgroundTasks(), limit=25, statuses=book)

    async def scenario() -> None:
        window = windows.open(1)
        await wait_until(lambda: window.view_state() is ViewState.READY)
        await wait_until(lambda: transport.refused == 1)
        await wait_until(lambda: not book._lock.locked())  # the failed fetch is over
        page = window.pages["tickets"]
        words = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
        summary = window.summary()
        assert summary is not None and summary.contact is not None
        assert words == [f"Status {t.status}" for t in summary.tickets]  # no invented word
        assert window.details["our_contact"].text() == summary.contact.our_contact
        assert window.pages["sales"].model.rowCount() == len(summary.sales)
        windows.open(1)  # the same company again: the list is not asked for again at once
        await wait_until(lambda: window.view_state() is ViewState.READY)
        assert transport.refused == 1
        windows.close_all()
        await http.aclose()

    loop.run_until_complete(scenario())
