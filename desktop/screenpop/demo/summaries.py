"""Contact summaries of the demo tenant: tickets, follow-ups, documents, sales and chats.

A summary is a pure function of (seed, contact, day): it is generated on each request, never
stored, so a tenant of a million persons costs no memory for them. Times fall in office hours
of the contact's own time zone, and registrations at most five hours earlier (03:00 at the
earliest), which keeps them clear of the 02:00-03:00 daylight-saving gaps.

The values are the documented ones and no others: tickets carry the tenant's own status ids
(:mod:`screenpop.demo.ticket_statuses`) with an opaque ``IconHint``; follow-ups, documents and
sales every ``ActivityStatus`` (Unknown, NotStarted, Started, Completed); sales every
``SaleStatus`` (Unknown, Open, Sold, Lost, Stalled); the company the whole Contact carrier
(:mod:`screenpop.demo.contact_card`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import TypeVar
from zoneinfo import ZoneInfo

from screenpop.core.models import Activity, Chat, Contact, ContactSummary, Sale, Ticket
from screenpop.demo import ticket_statuses as status
from screenpop.demo.contact_card import contact_card
from screenpop.demo.locales import RATES_TO_NOK, City, Locale
from screenpop.demo.rng import rng_for

HISTORY_DAYS = 730
KEY_ACCOUNT = 1
"""Contact 1 always has a long history, so a demo shows full tabs at once."""

_TICKET_TITLES = (
    "Cannot log in to the customer portal",
    "Invoice {n} not received",
    "Wrong VAT on invoice {n}",
    "Order {n} delivered damaged",
    "Request for a copy of the contract",
    "Password reset for new employee",
    "Integration stopped syncing overnight",
    "Question about the new price list",
    "Change of invoice address",
    "Delivery delayed: order {n}",
    "Error message when exporting to Excel",
    "Add three users to the licence",
    "Cancel subscription for one user",
    "Credit note for order {n}",
    "Slow response times since the update",
    "Need training for the sales team",
    "Duplicate reminder for invoice {n}",
    "Report shows wrong totals",
    "Update contact person for billing",
    "Mobile app crashes on start",
    "Request: API access for our developer",
)
_FOLLOWUP_TOPICS = (
    "Follow-up call about the offer",
    "Meeting: quarterly review",
    "Demo of the new version",
    "Phone call: renewal of the service agreement",
    "Lunch meeting",
    "Workshop: onboarding",
    "Call back about the open ticket",
    "Meeting: budget for next year",
    "Check in after delivery",
    "Video meeting with IT about the integration",
    "Visit at their office",
    "Contract negotiation",
)
_DOCUMENTS = (
    "Offer: {product}",
    "Contract {year}",
    "Minutes from meeting",
    "Price list {year}",
    "Order confirmation {n}",
    "Service agreement {year}",
    "Welcome letter",
    "Data processing agreement",
    "Project plan: {product}",
    "Invoice specification {n}",
)
_PRODUCTS = (
    "CRM Online, {n} users",
    "Service agreement",
    "Consulting, {n} hours",
    "Onboarding package",
    "Annual licence renewal",
    "Integration to ERP",
    "Training course, {n} participants",
    "Hardware upgrade",
    "Support plan Premium",
    "Marketing module",
)
_CHATS = (
    ("Hi, I can't find the invoice for last month.", "Thanks, got it now!"),
    ("Hello! Is the service down? Nothing loads.", "Works again, thank you."),
    ("Can you help me add a new user?", "Perfect, thanks for the quick help."),
    ("We would like a quote for ten more licences.", "Great, we'll wait for the offer."),
    ("Where do I change our delivery address?", "Found it, thanks."),
    ("Our integration reports an error since this morning.", "OK, we'll try again tomorrow."),
    ("Hi, can I book a demo for our new colleagues?", "Thursday at 10 works for us."),
)
_OPEN_PROBABILITIES = (10, 20, 25, 30, 40, 50, 60, 75, 80, 90)
# (share, status id): a recent ticket is mostly still open, an old one mostly closed.
_RECENT_TICKETS = (
    (0.35, status.NEW),
    (0.6, status.IN_PROGRESS),
    (0.7, status.WAITING),
    (0.75, status.POSTPONED),
    (0.9, status.CLOSED),
    (1.0, status.BY_PHONE),
)
_OLD_TICKETS = ((0.72, status.CLOSED), (0.88, status.BY_PHONE), (0.91, status.MERGED),
                (0.93, status.DELETED), (0.95, status.SPAM), (0.98, status.POSTPONED),
                (1.0, status.IN_PROGRESS))  # fmt: skip
_RARE_TICKETS = (status.MERGED, status.DELETED, status.SPAM)
_NEVER = datetime(1900, 1, 1, tzinfo=UTC)
_SALE_COMPLETED = {"Open": "NotStarted", "Stalled": "Started", "Sold": "Completed",
                   "Lost": "Completed", "Unknown": "Unknown"}  # fmt: skip

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CompanyProfile:
    """What a summary is generated from: one contact (company) and its people."""

    contact_id: int
    name: str
    locale: Locale
    city: City
    street: str
    postcode: str
    phone: str
    email: str
    web_site: str
    category: str
    department: str
    associate: str
    people: tuple[str, ...]

    @property
    def zone(self) -> str:
        return self.city.zone or self.locale.zone

    def contact(self) -> Contact:
        return contact_card(self)


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


class _Clock:
    """Office-hours moments relative to the tenant's day, in the contact's time zone."""

    def __init__(self, rng: random.Random, today: date, zone: str) -> None:
        self._rng = rng
        self.today = today
        self._zone = _zone(zone)

    def at(self, days: int) -> datetime:
        """A moment ``days`` after today (negative: before) between 08:00 and 17:00."""
        day = self.today + timedelta(days=days)
        rng = self._rng
        return datetime(
            day.year, day.month, day.day, rng.randint(8, 16), rng.randint(0, 59),
            rng.randint(0, 59), rng.randint(0, 999_999), tzinfo=self._zone,
        )  # fmt: skip

    def past(self, count: int, max_days: int = HISTORY_DAYS) -> list[datetime]:
        """``count`` moments of the last ``max_days`` days, oldest first (ids follow them)."""
        return sorted(self.at(-self._rng.randint(0, max_days)) for _ in range(count))


def _fill(rng: random.Random, clock: _Clock, template: str) -> str:
    product = rng.choice(_PRODUCTS).replace("{n}", str(rng.choice((5, 10, 12, 20, 25, 50))))
    year = rng.randint(clock.today.year - 2, clock.today.year)
    return template.format(n=rng.randint(10_000, 99_999), year=year, product=product)


def _sizes(rng: random.Random, key_account: bool) -> tuple[int, int, int, int, int]:
    """Counts of tickets, follow-ups, documents, sales and chats."""
    kind = rng.random()
    if kind < 0.12 and not key_account:  # a contact just registered: nothing yet
        return 0, 0, 0, 0, 0
    if kind < 0.22 or key_account:  # a long history, longer than any sensible limit
        return (rng.randint(40, 60), rng.randint(15, 30), rng.randint(15, 30),
                rng.randint(8, 15), rng.randint(10, 20))  # fmt: skip

    def few(top: int) -> int:
        return 0 if rng.random() < 0.3 else rng.randint(1, top)

    return few(8), few(8), few(6), few(4), few(4)


def _newest_first(items: list[T], when: Callable[[T], datetime | None]) -> list[T]:
    return sorted(items, key=lambda item: when(item) or _NEVER, reverse=True)


def _share(roll: float, shares: tuple[tuple[float, int], ...]) -> int:
    return next(value for bound, value in shares if roll < bound)


def _tickets(rng: random.Random, clock: _Clock, cid: int, count: int) -> list[Ticket]:
    tickets = []
    for i, registered in enumerate(clock.past(count)):
        recent = (clock.today - registered.date()).days < 14
        status_id = _share(rng.random(), _RECENT_TICKETS if recent else _OLD_TICKETS)
        if cid == KEY_ACCOUNT and i < len(_RARE_TICKETS):
            status_id = _RARE_TICKETS[i]  # its oldest: every base status is on show
        title = _fill(rng, clock, rng.choice(_TICKET_TITLES))
        # IconHint's values are not documented: an opaque token, never the status itself.
        hint = f"ticket-icon-{status_id}"
        tickets.append(Ticket(cid * 100 + i + 1, status_id, title, registered, hint))
    return tickets[::-1]


def _undone(rng: random.Random) -> str:
    """An activity not completed: mostly not started, some started, a few unknown."""
    roll = rng.random()
    return "NotStarted" if roll < 0.7 else "Started" if roll < 0.92 else "Unknown"


def _followups(rng: random.Random, clock: _Clock, cid: int, count: int) -> list[Activity]:
    upcoming = min(count, rng.randint(0, 3))
    dates = clock.past(count - upcoming) + sorted(
        clock.at(rng.randint(1, 21)) for _ in range(upcoming)
    )
    followups = []
    for i, when in enumerate(dates):
        past = when.date() < clock.today
        done = past and rng.random() < 0.85
        registered = when - timedelta(days=rng.randint(1, 30), minutes=rng.randint(0, 300))
        completed = "Completed" if done else _undone(rng) if past else "NotStarted"
        followups.append(Activity(
            appointment_id=cid * 200 + i + 1, document_id=0, date=when,
            description=rng.choice(_FOLLOWUP_TOPICS), completed=completed,
            registered=registered,
        ))  # fmt: skip
    return followups[::-1]


def _documents(rng: random.Random, clock: _Clock, cid: int, count: int) -> list[Activity]:
    documents = []
    for i, when in enumerate(clock.past(count)):
        registered = when - timedelta(days=rng.randint(0, 5), minutes=rng.randint(0, 300))
        documents.append(Activity(
            appointment_id=cid * 200 + 100 + i + 1, document_id=cid * 100 + i + 1, date=when,
            description=_fill(rng, clock, rng.choice(_DOCUMENTS)),
            completed="Completed" if rng.random() < 0.8 else _undone(rng),
            registered=registered,
        ))  # fmt: skip
    return documents[::-1]


def _sales(rng: random.Random, clock: _Clock, cid: int, count: int, currency: str) -> list[Sale]:
    rate = RATES_TO_NOK[currency]
    sales = []
    for i, registered in enumerate(clock.past(count)):
        roll = rng.random()
        days_open = (clock.today - registered.date()).days
        if roll < 0.42:
            # Open sales are expected to close ahead; the CRM shows the expected date. A
            # stalled one is on hold, its date often passed.
            status = "Open" if roll < 0.35 else "Stalled"
            probability = rng.choice(_OPEN_PROBABILITIES)
            sale_date = clock.at(rng.randint(7, 120) if status == "Open" else -rng.randint(0, 30))
        else:
            status = "Sold" if roll < 0.7 else "Lost" if roll < 0.96 else "Unknown"
            probability = 100 if status == "Sold" else 0
            sale_date = clock.at(-rng.randint(0, days_open)) if days_open else registered
        # Log-uniform between about 20 000 and 2 000 000 NOK, in round local figures.
        in_nok = 10 ** rng.uniform(4.3, 6.3)
        amount = float(max(1, round(in_nok / rate / 100)) * 100)
        sales.append(Sale(
            sale_id=cid * 100 + i + 1, sale_date=sale_date, probability=probability,
            heading=_fill(rng, clock, "{product}"), amount=amount, currency=currency,
            amount_in_base_currency=round(amount * rate, 2), status=status,
            completed=_SALE_COMPLETED[status], registered=registered,
        ))  # fmt: skip
    return _newest_first(sales, lambda sale: sale.sale_date)


def _chats(rng: random.Random, clock: _Clock, profile: CompanyProfile, count: int) -> list[Chat]:
    locale = profile.locale
    chats = []
    for i, requested in enumerate(clock.past(count, HISTORY_DAYS // 2)):
        name = rng.choice(profile.people) if profile.people else (
            f"{rng.choice(locale.female + locale.male)} {rng.choice(locale.surnames)}"
        )  # fmt: skip
        first, last = rng.choice(_CHATS)
        ended = requested + timedelta(minutes=rng.randint(3, 40), seconds=rng.randint(0, 59))
        chats.append(Chat(profile.contact_id * 100 + i + 1, name, profile.name, first, last,
                          requested, ended))  # fmt: skip
    return chats[::-1]


def build_summary(seed: int, profile: CompanyProfile, today: date) -> ContactSummary:
    """The full summary of one contact; the server cuts its lists to the asked limit."""
    rng = rng_for(seed, "summary", profile.contact_id)
    clock = _Clock(rng, today, profile.zone)
    sizes = _sizes(rng, key_account=profile.contact_id == KEY_ACCOUNT)
    n_tickets, n_followups, n_documents, n_sales, n_chats = sizes
    cid = profile.contact_id
    return ContactSummary(
        contact=profile.contact(),
        tickets=_tickets(rng, clock, cid, n_tickets),
        followups=_followups(rng, clock, cid, n_followups),
        documents=_documents(rng, clock, cid, n_documents),
        sales=_sales(rng, clock, cid, n_sales, profile.locale.currency),
        chats=_chats(rng, clock, profile, n_chats),
    )


def cut(summary: ContactSummary, limit: int) -> ContactSummary:
    return ContactSummary(
        contact=summary.contact,
        tickets=summary.tickets[:limit],
        followups=summary.followups[:limit],
        documents=summary.documents[:limit],
        sales=summary.sales[:limit],
        chats=summary.chats[:limit],
    )
