"""Typed, tolerant models of the SuperOffice answers the app is built on: caller IDs
(``PocketAgent`` GetMyCallerIDs) and the contact summary (``Contact/{id}/Summary``).

Both directions live here: the client decodes with ``from_wire`` and the demo tenant encodes
with ``to_wire``, so the two cannot drift apart. Member names and wire types are the
reference's (``SuperOffice.WebApi.Data.CallerID.yml``, ``…ContactSummary.yml``, the SOAP
sample ``soap/Services88/Contact/GetContactSummary.md``); the company is
:mod:`screenpop.core.contact`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from screenpop.core.contact import Contact as Contact
from screenpop.core.errors import DecodeError
from screenpop.core.wire import (
    as_datetime,
    as_float,
    as_int,
    as_list,
    as_object,
    as_str,
    format_datetime,
)


@dataclass(frozen=True, slots=True)
class CallerId:
    """One entry of a CallerIDCollection, as sent (DESIGN §3)."""

    phone_number: int
    dial_in_prefix: int
    person_id: int
    person_name: str
    mrmrs: str
    contact_id: int
    contact_name: str

    @property
    def is_company(self) -> bool:
        return self.person_id == 0

    @classmethod
    def from_wire(cls, raw: Any) -> CallerId:
        obj = as_object(raw, "CallerID")
        phone = as_int(obj.get("PhoneNumber"), "PhoneNumber", default=None)
        if phone <= 0:
            raise DecodeError(f"PhoneNumber is not a phone number: {obj.get('PhoneNumber')!r}")
        return cls(
            phone_number=phone,
            dial_in_prefix=as_int(obj.get("DialInPrefix"), "DialInPrefix"),
            person_id=as_int(obj.get("PersonId"), "PersonId"),
            person_name=as_str(obj.get("PersonName")),
            mrmrs=as_str(obj.get("Mrmrs")),
            contact_id=as_int(obj.get("ContactId"), "ContactId"),
            contact_name=as_str(obj.get("ContactName")),
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "PhoneNumber": self.phone_number,
            "DialInPrefix": self.dial_in_prefix,
            "PersonId": self.person_id,
            "PersonName": self.person_name,
            "Mrmrs": self.mrmrs,
            "ContactId": self.contact_id,
            "ContactName": self.contact_name,
        }


@dataclass(frozen=True, slots=True)
class RawCallerIdCollection:
    """A changed caller-ID set with its entries still as sent: a sync decodes them in bulk,
    off the UI thread, together with normalising them."""

    hash: str
    entries: list[Any]

    @classmethod
    def from_wire(cls, raw: Any) -> RawCallerIdCollection | None:
        """None means "unchanged since LastHash" (a null body or ``CallerIDs: null``)."""
        if raw is None:
            return None
        obj = as_object(raw, "CallerIDCollection")
        entries = obj.get("CallerIDs")
        if entries is None:
            return None
        return cls(as_str(obj.get("CallerIDHash")), as_list(entries, "CallerIDs"))


@dataclass(frozen=True, slots=True)
class CallerIdCollection:
    """A changed caller-ID set. ``skipped`` counts entries that could not be read."""

    hash: str
    caller_ids: list[CallerId]
    skipped: int = 0

    @classmethod
    def from_wire(cls, raw: Any) -> CallerIdCollection | None:
        """None means "unchanged since LastHash" (a null body or ``CallerIDs: null``)."""
        collection = RawCallerIdCollection.from_wire(raw)
        if collection is None:
            return None
        caller_ids: list[CallerId] = []
        skipped = 0
        for entry in collection.entries:
            try:
                caller_ids.append(CallerId.from_wire(entry))
            except DecodeError:
                skipped += 1
        return cls(collection.hash, caller_ids, skipped)


@dataclass(frozen=True, slots=True)
class Ticket:
    """``status`` is the tenant's own status id (:mod:`screenpop.core.ticket_status` names it);
    ``icon_hint`` an opaque hint whose values the reference does not give."""

    ticket_id: int
    status: int
    title: str
    registered: datetime | None
    icon_hint: str = ""

    @classmethod
    def from_wire(cls, raw: Any) -> Ticket:
        obj = as_object(raw, "Ticket")
        return cls(
            ticket_id=as_int(obj.get("TicketId"), "TicketId"),
            status=as_int(obj.get("TicketStatus"), "TicketStatus"),
            title=as_str(obj.get("Title")),
            registered=as_datetime(obj.get("Registered"), "Registered"),
            icon_hint=as_str(obj.get("IconHint")),
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "TicketId": self.ticket_id,
            "TicketStatus": self.status,
            "Title": self.title,
            "Registered": format_datetime(self.registered),
            "IconHint": self.icon_hint,
        }


@dataclass(frozen=True, slots=True)
class Activity:
    """A follow-up (appointment) or a document: both are an ``ActivitySummaryItem``.
    ``completed`` is the ActivityStatus name as sent (Unknown, NotStarted, Started, Completed);
    ``document_id`` is 0 for what is not a document."""

    appointment_id: int
    document_id: int
    date: datetime | None
    description: str
    completed: str
    registered: datetime | None

    @classmethod
    def from_wire(cls, raw: Any) -> Activity:
        obj = as_object(raw, "Activity")
        return cls(
            appointment_id=as_int(obj.get("AppointmentId"), "AppointmentId"),
            document_id=as_int(obj.get("DocumentId"), "DocumentId"),
            date=as_datetime(obj.get("Date"), "Date"),
            description=as_str(obj.get("Description")),
            completed=as_str(obj.get("Completed")),
            registered=as_datetime(obj.get("Registered"), "Registered"),
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "AppointmentId": self.appointment_id,
            "DocumentId": self.document_id,
            "Date": format_datetime(self.date),
            "Description": self.description,
            "Completed": self.completed,
            "Registered": format_datetime(self.registered),
        }


@dataclass(frozen=True, slots=True)
class Sale:
    """``status`` is the SaleStatus name as sent (Unknown, Open, Sold, Lost, Stalled),
    ``completed`` the ActivityStatus one; ``probability`` is 0–100."""

    sale_id: int
    sale_date: datetime | None
    probability: int
    heading: str
    amount: float
    currency: str
    amount_in_base_currency: float
    status: str
    completed: str
    registered: datetime | None

    @classmethod
    def from_wire(cls, raw: Any) -> Sale:
        obj = as_object(raw, "Sale")
        return cls(
            sale_id=as_int(obj.get("SaleId"), "SaleId"),
            sale_date=as_datetime(obj.get("SaleDate"), "SaleDate"),
            probability=as_int(obj.get("Probability"), "Probability"),
            heading=as_str(obj.get("Heading")),
            amount=as_float(obj.get("Amount"), "Amount"),
            currency=as_str(obj.get("Currency")),
            amount_in_base_currency=as_float(
                obj.get("AmountInBaseCurrency"), "AmountInBaseCurrency"
            ),
            status=as_str(obj.get("Status")),
            completed=as_str(obj.get("Completed")),
            registered=as_datetime(obj.get("Registered"), "Registered"),
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "SaleId": self.sale_id,
            "SaleDate": format_datetime(self.sale_date),
            "Probability": self.probability,
            "Heading": self.heading,
            "Amount": self.amount,
            "Currency": self.currency,
            "AmountInBaseCurrency": self.amount_in_base_currency,
            "Status": self.status,
            "Completed": self.completed,
            "Registered": format_datetime(self.registered),
        }


@dataclass(frozen=True, slots=True)
class Chat:
    chat_session_id: int
    name: str
    company_name: str
    first_message: str
    last_message: str
    when_requested: datetime | None
    when_ended: datetime | None

    @classmethod
    def from_wire(cls, raw: Any) -> Chat:
        obj = as_object(raw, "Chat")
        return cls(
            chat_session_id=as_int(obj.get("ChatSessionId"), "ChatSessionId"),
            name=as_str(obj.get("Name")),
            company_name=as_str(obj.get("CompanyName")),
            first_message=as_str(obj.get("FirstMessage")),
            last_message=as_str(obj.get("LastMessage")),
            when_requested=as_datetime(obj.get("WhenRequested"), "WhenRequested"),
            when_ended=as_datetime(obj.get("WhenEnded"), "WhenEnded"),
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "ChatSessionId": self.chat_session_id,
            "Name": self.name,
            "CompanyName": self.company_name,
            "FirstMessage": self.first_message,
            "LastMessage": self.last_message,
            "WhenRequested": format_datetime(self.when_requested),
            "WhenEnded": format_datetime(self.when_ended),
        }


@dataclass(frozen=True, slots=True)
class ContactSummary:
    """``GET Contact/{id}/Summary``. ``skipped`` counts list items that could not be read."""

    contact: Contact | None
    tickets: list[Ticket] = field(default_factory=list)
    followups: list[Activity] = field(default_factory=list)
    documents: list[Activity] = field(default_factory=list)
    sales: list[Sale] = field(default_factory=list)
    chats: list[Chat] = field(default_factory=list)
    skipped: int = 0

    @classmethod
    def from_wire(cls, raw: Any) -> ContactSummary:
        obj = as_object(raw, "ContactSummary")
        skipped = 0

        def items(key: str, decode: Any) -> list[Any]:
            nonlocal skipped
            decoded = []
            for entry in as_list(obj.get(key), key):
                try:
                    decoded.append(decode(entry))
                except DecodeError:
                    skipped += 1
            return decoded

        contact: Contact | None = None
        if obj.get("Contact") is not None:
            try:
                contact = Contact.from_wire(obj["Contact"])
            except DecodeError:  # the lists are worth showing without the company
                skipped += 1
        return cls(
            contact=contact,
            tickets=items("Tickets", Ticket.from_wire),
            followups=items("Followups", Activity.from_wire),
            documents=items("Documents", Activity.from_wire),
            sales=items("Sales", Sale.from_wire),
            chats=items("Chats", Chat.from_wire),
            skipped=skipped,
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "Contact": None if self.contact is None else self.contact.to_wire(),
            "Tickets": [t.to_wire() for t in self.tickets],
            "Followups": [f.to_wire() for f in self.followups],
            "Documents": [d.to_wire() for d in self.documents],
            "Sales": [s.to_wire() for s in self.sales],
            "Chats": [c.to_wire() for c in self.chats],
        }
