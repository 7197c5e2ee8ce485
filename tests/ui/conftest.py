"""Widget tests: offscreen Qt, fresh widgets with fake data, and Qt warnings fail the test."""

from __future__ import annotations

import os

# Before anything imports Qt: widget tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import qasync
from PySide6.QtCore import QLocale, QModelIndex, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate, MatchedBy
from screenpop.core.models import Activity, Chat, Contact, ContactSummary, Sale, Ticket
from screenpop.core.phone import IncomingNumber, NumberKind
from screenpop.core.ticket_status import TicketBaseStatus, TicketStatuses, TicketStatusItem
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.tenant import Tenant
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.summary_tab import SummaryTab

HERE = Path(__file__).resolve().parent
# Limitations of the offscreen platform itself, not of the code under test.
OFFSCREEN_NOISE = (
    r"^This plugin does not support "
    r"(raise\(\)|propagateSizeHints\(\)|grabbing the keyboard|setting window masks)",
)
EVIL = ("<b>x</b>", "<img src=x>", "<a href=y>z</a>")
BASE_URL = "https://online.superoffice.com/Cust1"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Links the widgets open; no test may start a real browser."""
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return opened


@pytest.fixture
def use_locale() -> Iterator[Callable[[str], None]]:
    """Switch the default QLocale for one test, e.g. ``locale("nb_NO")``."""
    previous = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    use("en_GB")
    yield use
    QLocale.setDefault(previous)


@pytest.fixture
def now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture
def links() -> WebClientLinks:
    return WebClientLinks(BASE_URL)


def _candidate(**changes: Any) -> Candidate:
    fields: dict[str, Any] = {
        "person_id": 12,
        "contact_id": 34,
        "person_name": "Ola Nordmann",
        "mrmrs": "Mr",
        "contact_name": "Acme Logistics AS",
        "number": "+4722334455",
        "matched_by": MatchedBy.EXACT,
    }
    fields.update(changes)
    return Candidate(**fields)


@pytest.fixture
def make_candidate() -> Callable[..., Candidate]:
    return _candidate


@pytest.fixture
def candidate() -> Candidate:
    return _candidate()


@pytest.fixture
def incoming() -> IncomingNumber:
    return IncomingNumber("+47 22 33 44 55", NumberKind.NUMBER, "4722334455", "+4722334455")


def _contact(**changes: Any) -> Contact:
    fields: dict[str, Any] = {
        "contact_id": 34,
        "name": "Acme Logistics AS",
        "department": "Customer Service",
        "category": "Key account",
        "our_contact": "Kari Hansen",
        "phone": "+47 22 33 44 55",
        "email": "post@acme.example",
        "address": "Storgata 1\n0155 Oslo",
        "city": "Oslo",
        "country": "Norway",
        "web_site": "www.acme.example",
    }
    fields.update(changes)
    return Contact(**fields)


@pytest.fixture
def make_contact() -> Callable[..., Contact]:
    return _contact


# The tenant's own status ids and names; 7 is one the list does not know.
TICKET_STATUSES = TicketStatuses(
    [
        TicketStatusItem(12, "In progress", TicketBaseStatus.ACTIVE),
        TicketStatusItem(21, "Closed", TicketBaseStatus.CLOSED),
    ]
)


@pytest.fixture
def summary(now: datetime) -> ContactSummary:
    """Three tickets, two follow-ups, two documents, three sales, one chat."""
    return ContactSummary(
        contact=_contact(),
        tickets=[
            Ticket(101, 12, "Invoice shows the wrong VAT rate", now - timedelta(hours=2), "x1"),
            Ticket(102, 21, "Cannot log in", now - timedelta(days=3), "active"),
            Ticket(103, 7, "Delivery delayed", now - timedelta(days=1), "closed"),
        ],
        followups=[
            Activity(201, 0, now + timedelta(days=3), "Renewal call", "NotStarted", now),
            Activity(202, 0, now - timedelta(days=40), "Review meeting", "Completed", now),
        ],
        documents=[
            Activity(301, 3001, now - timedelta(days=2), "Offer letter", "Completed", now),
            Activity(302, 0, now - timedelta(days=5), "Meeting notes", "NotStarted", now),
        ],
        sales=[
            Sale(
                401,
                now + timedelta(days=20),
                60,
                "Fleet licences",
                12500,
                "NOK",
                12500,
                "Open",
                "",
                now,
            ),
            Sale(402, now - timedelta(days=90), 100, "Support", 1250, "£", 16500, "Sold", "", now),
            Sale(
                403,
                now - timedelta(days=5),
                30,
                "Warehouse module",
                1000,
                "EUR",
                11000,
                "Open",
                "",
                now,
            ),
        ],
        chats=[
            Chat(
                501,
                "Ola",
                "Acme",
                "Hello,\nmy parcel is late",
                "Thanks",
                now - timedelta(hours=3),
                now - timedelta(hours=2),
            ),
        ],
    )


@pytest.fixture
def loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop on Qt's, as the app runs (qasync); run scenarios with
    ``loop.run_until_complete``."""
    # As in the app: closing the last window must not end the loop (and the scenario).
    quits = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    # Stops the loop's worker threads; Qt aborts on a QThread destroyed while running.
    event_loop.close()
    asyncio.set_event_loop(None)
    qapp.setQuitOnLastWindowClosed(quits)


async def wait_until(condition: Callable[[], object], within_s: float = 5.0) -> None:
    """Inside a loop scenario: poll ``condition`` (letting the loop run) until it holds."""
    deadline = asyncio.get_running_loop().time() + within_s
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out after {within_s} s waiting for {condition}")
        await asyncio.sleep(0.01)


@pytest.fixture
def demo_http() -> Iterator[httpx.AsyncClient]:
    """The demo tenant in-process, over httpx's ASGI transport (closed by the test's loop)."""
    from screenpop.demo.server import DemoConfig, create_app

    app = create_app(DemoConfig(seed=2, persons=40))
    yield httpx.AsyncClient(transport=httpx.ASGITransport(app=app))


def demo_client(http: httpx.AsyncClient) -> SuperOfficeClient:
    return SuperOfficeClient(
        http, Tenant.parse(DEMO_URL), make_auth(AuthKind.BASIC, "demo", "demo")
    )


DEMO_URL = "http://demo.test/Cust12345"


# -- the contact window's tests share these --------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, candidate: Candidate, links: WebClientLinks) -> ContactWindow:
    window = ContactWindow(34, candidate, links, statuses=TICKET_STATUSES)
    qtbot.addWidget(window)
    return window


def window_summary_placeholder() -> ContactSummary:
    return ContactSummary(None, tickets=[Ticket(1, 1, "One", None)])


def column_texts(page: SummaryTab, column: int = 0) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def source_index(page: SummaryTab, row: int, column: int) -> QModelIndex:
    return page.model.index(row, column)


def shown_page(page: SummaryTab) -> str:
    return "table" if page.stack.currentWidget() is page.view else page.message.text()
