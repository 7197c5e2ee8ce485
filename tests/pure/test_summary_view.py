"""What the window shows of a summary, built without Qt: the words, dates, links and amounts
that `screenpop summary` prints and the window's tables lay out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from screenpop.core.contact import Contact
from screenpop.core.links import WebClientLinks
from screenpop.core.models import Activity, Chat, ContactSummary, Sale, Ticket
from screenpop.core.summary_view import (
    StatusKind,
    ViewContext,
    activity_status,
    open_sales,
    sale_status,
    summary_view,
    ticket_status,
)
from screenpop.core.ticket_status import TicketBaseStatus, TicketStatuses, TicketStatusItem

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=timezone(timedelta(hours=2)))
LINKS = WebClientLinks("https://online.superoffice.com/Cust1")
WAITING = TicketStatusItem(683, "Waiting for parts", TicketBaseStatus.POSTPONED)
STATUSES = TicketStatuses([WAITING])


def _summary() -> ContactSummary:
    contact = Contact(
        34, "Acme AS", department="Support", category="Customer", our_contact="Kari Hansen",
        phone="+47 22 33 44 55", email="post@acme.example", address="Storgata 1\n0155 Oslo",
        city="Oslo", country="Norway", web_site="www.acme.example", org_nr="987 654 321",
        business="Retail", number1="10034",
    )  # fmt: skip
    return ContactSummary(
        contact,
        tickets=[Ticket(101, 683, "Broken\nprinter", NOW, "ticket-icon")],
        followups=[Activity(201, 0, NOW, "Call back", "Started", NOW)],
        documents=[Activity(301, 0, NOW, "Notes", "Completed", NOW)],
        sales=[Sale(401, NOW, 60, "Licences", 12500.0, "NOK", 12500.0, "Open", "", NOW)],
        chats=[Chat(501, "Ola", "Acme", "Hello", "Bye", NOW, None)],
    )


def test_json_is_the_object_design_5_describes() -> None:
    body = summary_view(_summary(), ViewContext(LINKS, STATUSES, 34)).to_json()
    assert list(body) == ["contact", "tickets", "followups", "documents", "sales", "chats"]
    assert body["contact"] == {
        "id": 34, "name": "Acme AS", "department": "Support", "category": "Customer",
        "business": "Retail", "our_contact": "Kari Hansen", "phone": "+47 22 33 44 55",
        "email": "post@acme.example", "address": "Storgata 1\n0155 Oslo\nNorway",
        "web_site": "www.acme.example", "link": LINKS.contact(34),
        "org_nr": "987 654 321", "number1": "10034",
    }  # fmt: skip
    assert body["tickets"] == [{
        "id": 101, "title": "Broken printer", "status": "Waiting for parts",
        "date": "2026-05-04T12:00:00+02:00", "link": LINKS.ticket(101),
    }]  # fmt: skip
    assert body["followups"][0]["status"] == "Started"
    # A document without a DocumentId opens as its appointment.
    assert body["documents"][0] == {
        "id": 301, "title": "Notes", "status": "Done", "date": "2026-05-04T12:00:00+02:00",
        "link": LINKS.appointment(301),
    }  # fmt: skip
    assert body["sales"][0] == {
        "id": 401, "title": "Licences", "status": "Open", "date": "2026-05-04T12:00:00+02:00",
        "link": LINKS.sale(401), "amount": 12500.0, "currency": "NOK", "probability": 60,
    }  # fmt: skip
    assert body["chats"][0] == {
        "id": 501, "title": "Hello", "status": None, "date": "2026-05-04T12:00:00+02:00",
        "link": LINKS.contact(34),
    }  # fmt: skip


def test_without_links_or_company_nothing_is_invented() -> None:
    summary = ContactSummary(None, tickets=[Ticket(0, 0, "", None)])
    body = summary_view(summary, ViewContext(None, TicketStatuses(), 7)).to_json()
    assert body["contact"]["id"] == 7 and body["contact"]["name"] == ""
    assert body["contact"]["link"] is None
    assert body["tickets"] == [{"id": 0, "title": "", "status": None, "date": None, "link": None}]


@pytest.mark.parametrize(
    ("status_id", "items", "english", "kind"),
    [
        (683, [WAITING], "Waiting for parts", StatusKind.POSTPONED),
        (5, [TicketStatusItem(5, "", TicketBaseStatus.MERGED)], "Merged", StatusKind.CLOSED),
        (6, [TicketStatusItem(6, " ", None)], "Status 6", StatusKind.OTHER),
        (7, [WAITING], "Status 7", StatusKind.OTHER),
        (7, [], "Status 7", StatusKind.OTHER),
    ],
    ids=["named", "base-only", "nothing-known", "unknown-id", "no-list"],
)
def test_ticket_words_are_the_tenants(
    status_id: int, items: list[TicketStatusItem], english: str, kind: StatusKind
) -> None:
    """SuperOffice.WebApi.Data.TicketSummaryItem.yml: TicketStatus is the tenant's status id;
    IconHint is opaque ("active" here is no word for it)."""
    word = ticket_status(Ticket(1, status_id, "t", NOW, "active"), TicketStatuses(items))
    assert word is not None and (word.english, word.kind) == (english, kind)


def test_no_status_id_is_no_word() -> None:
    assert ticket_status(Ticket(1, 0, "t", NOW), STATUSES) is None


@pytest.mark.parametrize(
    ("sent", "english", "ours"),
    [("Unknown", "Unknown", True), ("NotStarted", "Not started", True),
     ("Started", "Started", True), ("Completed", "Done", True), ("3", "Done", True),
     ("completed", "Done", True), ("Postponed", "Postponed", False)],
)  # fmt: skip
def test_activity_words(sent: str, english: str, ours: bool) -> None:
    """SuperOffice.WebApi.Data.ActivityStatus.yml; a value it does not list is the tenant's."""
    word = activity_status(Activity(1, 0, NOW, "d", sent, NOW))
    assert word is not None and (word.english, word.ours) == (english, ours)


@pytest.mark.parametrize(
    ("sent", "english", "kind"),
    [("Unknown", "Unknown", StatusKind.OTHER), ("Open", "Open", StatusKind.OPEN),
     ("Sold", "Sold", StatusKind.DONE), ("Lost", "Lost", StatusKind.LOST),
     ("Stalled", "Stalled", StatusKind.POSTPONED), ("4", "Stalled", StatusKind.POSTPONED),
     ("SaintAll", "SaintAll", StatusKind.OTHER)],
)  # fmt: skip
def test_sale_words(sent: str, english: str, kind: StatusKind) -> None:
    """SuperOffice.WebApi.Data.SaleStatus.yml (SaintAll is "NOT an acceptable value")."""
    word = sale_status(Sale(1, NOW, 0, "h", 1.0, "NOK", 1.0, sent, "", NOW))
    assert word is not None and (word.english, word.kind) == (english, kind)


def test_open_sales_add_up_in_the_base_currency() -> None:
    sales = [
        Sale(1, NOW, 50, "a", 1000.0, "EUR", 11600.0, "Open", "", NOW),
        Sale(2, NOW, 50, "b", 500.0, "NOK", 500.0, "open", "", NOW),
        Sale(3, NOW, 50, "c", 9.0, "NOK", 9.0, "Stalled", "", NOW),
    ]
    assert open_sales(sales) == (2, 12100.0)


def test_dates_keep_their_offset_and_utc_reads_as_utc() -> None:
    summary = ContactSummary(None, followups=[Activity(1, 0, datetime(2026, 1, 1, tzinfo=UTC),
                                                       "x", "", None)])  # fmt: skip
    body = summary_view(summary, ViewContext()).to_json()
    assert body["followups"][0]["date"] == "2026-01-01T00:00:00+00:00"
    assert body["followups"][0]["status"] is None
