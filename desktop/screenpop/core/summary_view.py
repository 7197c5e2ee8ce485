"""What the contact window shows of a summary, without Qt: each item's title, status word,
date, link and amount, and the company's details.

The window's table models and header, and `screenpop summary`, all build from here, so the
two can never disagree. Status words are the reference's enums as words (``ActivityStatus``:
Unknown, NotStarted, Started, Completed; ``SaleStatus``: Unknown, Open, Sold, Lost, Stalled;
``SuperOffice.WebApi.Data.ActivityStatus.yml``, ``…SaleStatus.yml``) and, for tickets, the
tenant's own status names (:mod:`screenpop.core.ticket_status`). Words of ours are English,
marked for translation in the context ``summary_tables``; the window translates them, the
command line prints them as they are. A value the reference does not list is shown as the
tenant sent it, never replaced by a word of ours.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from screenpop.core.contact import Contact
from screenpop.core.links import WebClientLinks
from screenpop.core.models import Activity, Chat, ContactSummary, Sale, Ticket
from screenpop.core.text import QT_TRANSLATE_NOOP, arg, one_line
from screenpop.core.ticket_status import TicketBaseStatus, TicketStatusItem

CONTEXT = "summary_tables"
Item = Ticket | Activity | Sale | Chat


class StatusKind(StrEnum):
    """What a status is, whatever its words: it picks the icon (``resources/icons``)."""

    OPEN = "status-open"
    DONE = "status-done"
    CLOSED = "status-closed"
    POSTPONED = "status-postponed"
    LOST = "status-lost"
    OTHER = "status-other"


@dataclass(frozen=True, slots=True)
class StatusWord:
    """``ours``: ``text`` is an English source text of ours (``%1`` filled from ``args``),
    translated where shown; otherwise it is the tenant's own words, shown as they are."""

    text: str
    kind: StatusKind
    ours: bool = True
    args: tuple[object, ...] = ()

    @property
    def english(self) -> str:
        return arg(self.text, *self.args) if self.ours else self.text


_K = StatusKind
_UNKNOWN = QT_TRANSLATE_NOOP("summary_tables", "Unknown")
# Enum values by name and by number, as the reference numbers them.
_ACTIVITY = {
    "unknown": (0, _UNKNOWN, _K.OTHER),
    "notstarted": (1, QT_TRANSLATE_NOOP("summary_tables", "Not started"), _K.OPEN),
    "started": (2, QT_TRANSLATE_NOOP("summary_tables", "Started"), _K.OPEN),
    "completed": (3, QT_TRANSLATE_NOOP("summary_tables", "Done"), _K.DONE),
}
_SALE = {
    "unknown": (0, _UNKNOWN, _K.OTHER),
    "open": (1, QT_TRANSLATE_NOOP("summary_tables", "Open"), _K.OPEN),
    "sold": (2, QT_TRANSLATE_NOOP("summary_tables", "Sold"), _K.DONE),
    "lost": (3, QT_TRANSLATE_NOOP("summary_tables", "Lost"), _K.LOST),
    "stalled": (4, QT_TRANSLATE_NOOP("summary_tables", "Stalled"), _K.POSTPONED),
}
_TICKET_BASE = {
    TicketBaseStatus.UNKNOWN: (_UNKNOWN, _K.OTHER),
    TicketBaseStatus.ACTIVE: (QT_TRANSLATE_NOOP("summary_tables", "Active"), _K.OPEN),
    TicketBaseStatus.CLOSED: (QT_TRANSLATE_NOOP("summary_tables", "Closed"), _K.CLOSED),
    TicketBaseStatus.POSTPONED: (QT_TRANSLATE_NOOP("summary_tables", "Postponed"), _K.POSTPONED),
    TicketBaseStatus.DELETED: (QT_TRANSLATE_NOOP("summary_tables", "Deleted"), _K.LOST),
    TicketBaseStatus.MERGED: (QT_TRANSLATE_NOOP("summary_tables", "Merged"), _K.CLOSED),
    TicketBaseStatus.SPAM: (QT_TRANSLATE_NOOP("summary_tables", "Spam"), _K.LOST),
}
# Where the tenant cannot say what its status id means.
STATUS_NUMBER = QT_TRANSLATE_NOOP("summary_tables", "Status %1")


def _enum_word(value: str, words: dict[str, tuple[int, str, StatusKind]]) -> StatusWord | None:
    text = value.strip()
    if not text:
        return None
    key = text.casefold()
    for name, (number, word, kind) in words.items():
        if key == name or (key.isdigit() and int(key) == number):
            return StatusWord(word, kind)
    return StatusWord(one_line(text), _K.OTHER, ours=False)


def activity_status(activity: Activity | Sale) -> StatusWord | None:
    """``Completed`` (ActivityStatus) of a follow-up, a document or a sale."""
    return _enum_word(activity.completed, _ACTIVITY)


def sale_status(sale: Sale) -> StatusWord | None:
    return _enum_word(sale.status, _SALE)


def ticket_status(ticket: Ticket, statuses: Mapping[int, TicketStatusItem]) -> StatusWord | None:
    """The tenant's name for the ticket's status id, its base status picking the icon.
    ``IconHint`` is an opaque hint the reference gives no values for: never the status."""
    item = statuses.get(ticket.status)
    if item is not None:
        word, kind = _TICKET_BASE[item.status or TicketBaseStatus.UNKNOWN]
        if item.name.strip():
            return StatusWord(one_line(item.name), kind, ours=False)
        if item.status is not None:
            return StatusWord(word, kind)
    if ticket.status <= 0:
        return None
    return StatusWord(STATUS_NUMBER, _K.OTHER, args=(ticket.status,))


def is_open_sale(sale: Sale) -> bool:
    word = sale_status(sale)
    return word is not None and word.ours and word.text == _SALE["open"][1]


def open_sales(sales: Sequence[Sale]) -> tuple[int, float]:
    """How many sales are open, and their total in the base currency (the one amount that
    adds up across currencies)."""
    open_ = [sale for sale in sales if is_open_sale(sale)]
    return len(open_), sum(sale.amount_in_base_currency for sale in open_)


# -- items -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ViewContext:
    """What an item's view depends on besides the item: where the web client is (None: no
    links), the tenant's ticket statuses, and the company the summary is of."""

    links: WebClientLinks | None = None
    statuses: Mapping[int, TicketStatusItem] = field(default_factory=dict)
    contact_id: int = 0


@dataclass(frozen=True, slots=True)
class ItemView:
    """One row as shown: ``title`` is the list's main text, ``date`` the moment it is listed
    by, ``link`` its page in the web client (SoProtocol)."""

    id: int
    title: str
    status: StatusWord | None
    date: datetime | None
    link: str | None
    amount: float | None = None
    currency: str | None = None
    probability: int | None = None


def _link(ctx: ViewContext, make: Callable[[WebClientLinks, int], str], item_id: int) -> str | None:
    return make(ctx.links, item_id) if ctx.links is not None and item_id > 0 else None


def ticket_view(ticket: Ticket, ctx: ViewContext) -> ItemView:
    return ItemView(
        ticket.ticket_id,
        one_line(ticket.title),
        ticket_status(ticket, ctx.statuses),
        ticket.registered,
        _link(ctx, WebClientLinks.ticket, ticket.ticket_id),
    )


def followup_view(followup: Activity, ctx: ViewContext) -> ItemView:
    return ItemView(
        followup.appointment_id,
        one_line(followup.description),
        activity_status(followup),
        followup.date,
        _link(ctx, WebClientLinks.appointment, followup.appointment_id),
    )


def document_view(document: Activity, ctx: ViewContext) -> ItemView:
    """A document opens as a document; an item without a ``DocumentId`` (0: "not a
    document") as the appointment it belongs to."""
    if document.document_id > 0:
        item_id, link = document.document_id, _link(ctx, WebClientLinks.document,
                                                      document.document_id)  # fmt: skip
    else:
        item_id = document.appointment_id
        link = _link(ctx, WebClientLinks.appointment, document.appointment_id)
    return ItemView(
        item_id, one_line(document.description), activity_status(document), document.date, link
    )


def sale_view(sale: Sale, ctx: ViewContext) -> ItemView:
    return ItemView(
        sale.sale_id,
        one_line(sale.heading),
        sale_status(sale),
        sale.sale_date,
        _link(ctx, WebClientLinks.sale, sale.sale_id),
        amount=sale.amount,
        currency=sale.currency.strip(),
        probability=sale.probability,
    )


def chat_view(chat: Chat, ctx: ViewContext) -> ItemView:
    """The SoProtocol names a chat target but no id parameter for it: a chat opens its
    company instead of an invented link."""
    return ItemView(
        chat.chat_session_id,
        one_line(chat.first_message),
        None,
        chat.when_requested,
        _link(ctx, WebClientLinks.contact, ctx.contact_id),
    )


# -- the company ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContactView:
    """The header's details, each one line except ``address``; "" where the tenant has none."""

    id: int
    name: str
    department: str = ""
    category: str = ""
    business: str = ""
    our_contact: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    web_site: str = ""
    org_nr: str = ""
    number1: str = ""
    link: str | None = None

    @property
    def subtitle_parts(self) -> list[str]:
        return [part for part in (self.department, self.category, self.business) if part]


def contact_view(
    contact: Contact | None, contact_id: int, links: WebClientLinks | None
) -> ContactView:
    shown_id = contact.contact_id if contact is not None and contact.contact_id > 0 else contact_id
    link = links.contact(shown_id) if links is not None and shown_id > 0 else None
    if contact is None:
        return ContactView(shown_id, "", link=link)
    return ContactView(
        id=shown_id,
        name=one_line(contact.name),
        department=one_line(contact.department),
        category=one_line(contact.category),
        business=one_line(contact.business),
        our_contact=one_line(contact.our_contact),
        phone=one_line(contact.phone),
        email=contact.email.strip(),
        address="\n".join(contact.address_lines()),
        web_site=contact.web_site.strip(),
        org_nr=one_line(contact.org_nr),
        number1=one_line(contact.number1),
        link=link,
    )


# -- the whole summary ---------------------------------------------------------------------------

LISTS: tuple[tuple[str, Callable[[Any, ViewContext], ItemView]], ...] = (
    ("tickets", ticket_view),
    ("followups", followup_view),
    ("documents", document_view),
    ("sales", sale_view),
    ("chats", chat_view),
)


@dataclass(frozen=True, slots=True)
class SummaryView:
    contact: ContactView
    lists: dict[str, tuple[ItemView, ...]]
    skipped: int = 0

    def to_json(self) -> dict[str, Any]:
        """The object `screenpop summary --json` prints (DESIGN §5), status words in English."""
        contact = self.contact
        body: dict[str, Any] = {
            "contact": {
                "id": contact.id,
                "name": contact.name,
                "department": contact.department,
                "category": contact.category,
                "business": contact.business,
                "our_contact": contact.our_contact,
                "phone": contact.phone,
                "email": contact.email,
                "address": contact.address,
                "web_site": contact.web_site,
                "link": contact.link,
                "org_nr": contact.org_nr,
                "number1": contact.number1,
            }
        }
        for key, items in self.lists.items():
            body[key] = [_item_json(item, with_amount=key == "sales") for item in items]
        return body


def _item_json(item: ItemView, *, with_amount: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": item.id,
        "title": item.title,
        "status": None if item.status is None else item.status.english,
        "date": None if item.date is None else item.date.isoformat(),
        "link": item.link,
    }
    if with_amount:
        entry.update(amount=item.amount, currency=item.currency, probability=item.probability)
    return entry


def summary_view(summary: ContactSummary, ctx: ViewContext) -> SummaryView:
    items: dict[str, Sequence[Item]] = {
        "tickets": summary.tickets,
        "followups": summary.followups,
        "documents": summary.documents,
        "sales": summary.sales,
        "chats": summary.chats,
    }
    lists = {key: tuple(view(item, ctx) for item in items[key]) for key, view in LISTS}
    return SummaryView(
        contact_view(summary.contact, ctx.contact_id, ctx.links), lists, summary.skipped
    )
