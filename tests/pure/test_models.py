import json
from datetime import timedelta
from pathlib import Path

import pytest

from screenpop.core.errors import DecodeError
from screenpop.core.models import CallerId, CallerIdCollection, ContactSummary
from screenpop.core.wire import as_datetime, format_datetime

DATA = Path(__file__).parent / "data"


def test_seed_summary_sample_decodes() -> None:
    raw = json.loads((DATA / "contact_summary_sample.json").read_text())
    summary = ContactSummary.from_wire(raw)
    assert summary.contact is None
    assert [len(x) for x in (summary.tickets, summary.followups, summary.documents)] == [2, 2, 2]
    assert summary.sales[0].status == "Lost" and summary.sales[0].amount == pytest.approx(9890.904)
    assert summary.chats[0].name == "Terry, Morar and Kautzer"
    ticket = summary.tickets[0]
    assert ticket.registered is not None
    assert ticket.registered.utcoffset() == timedelta(hours=2)
    assert ticket.registered.microsecond == 116830
    assert summary.skipped == 0


def test_seed_caller_ids_sample_decodes_float_phone_number_as_unreadable() -> None:
    # The sample's PhoneNumber is 99.99: not a whole number, so that entry is skipped, not fatal.
    raw = json.loads((DATA / "caller_ids_sample.json").read_text())
    collection = CallerIdCollection.from_wire(raw)
    assert collection is not None
    assert collection.hash == "fugiat"
    assert collection.caller_ids == [] and collection.skipped == 1


@pytest.mark.parametrize("body", [None, {"CallerIDHash": "x", "CallerIDs": None}])
def test_unchanged_caller_ids(body: object) -> None:
    assert CallerIdCollection.from_wire(body) is None


def test_caller_id_tolerates_strings_and_integral_floats() -> None:
    raw = {
        "CallerIDHash": "h",
        "CallerIDs": [
            {"PhoneNumber": "4722334455", "DialInPrefix": None, "PersonId": "7", "ContactId": 3},
            {"PhoneNumber": 22334455.0, "DialInPrefix": 47.0, "PersonId": 0, "ContactId": 3},
            {"PhoneNumber": "call me", "ContactId": 3},
            {"PhoneNumber": True},
            "not an object",
            {"PhoneNumber": -5},
        ],
    }
    collection = CallerIdCollection.from_wire(raw)
    assert collection is not None
    assert [c.phone_number for c in collection.caller_ids] == [4722334455, 22334455]
    assert collection.caller_ids[0].person_id == 7
    assert collection.caller_ids[1].dial_in_prefix == 47 and collection.caller_ids[1].is_company
    assert collection.skipped == 4


def test_summary_skips_bad_items_and_counts_them() -> None:
    raw = {
        "Contact": {"ContactId": 5, "Name": "Acme"},
        "Tickets": [{"TicketId": 1, "Title": "ok"}, {"TicketId": 2, "Registered": "yesterday"}],
        "Sales": [{"SaleId": 1, "Amount": "NaN"}],
    }
    summary = ContactSummary.from_wire(raw)
    assert summary.contact is not None and summary.contact.name == "Acme"
    assert [t.ticket_id for t in summary.tickets] == [1]
    assert summary.sales == [] and summary.followups == []
    assert summary.skipped == 2


def test_summary_that_is_not_an_object_is_a_decode_error() -> None:
    with pytest.raises(DecodeError):
        ContactSummary.from_wire([1, 2])


def test_timestamps_round_trip_in_the_api_form() -> None:
    text = "2017-05-19T17:54:08.1168300+02:00"
    assert format_datetime(as_datetime(text, "x")) == text
    assert as_datetime("0001-01-01T00:00:00", "x") is None


def test_to_wire_round_trips() -> None:
    caller = CallerId(4722334455, 0, 1, "Kari", "Ms", 2, "Nordmann AS")
    assert CallerId.from_wire(caller.to_wire()) == caller
    raw = json.loads((DATA / "contact_summary_sample.json").read_text())
    summary = ContactSummary.from_wire(raw)
    assert ContactSummary.from_wire(summary.to_wire()) == summary
