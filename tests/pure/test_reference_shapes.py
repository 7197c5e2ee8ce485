"""The wire models against SuperOffice's reference, member by member. Each test names the file
of SuperOfficeDocs/superoffice-docs it follows; the samples in ``data/`` are copied from them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from screenpop.core.contact import Address, Contact
from screenpop.core.links import WebClientLinks
from screenpop.core.models import ContactSummary
from screenpop.core.ticket_status import TicketBaseStatus, TicketStatusList, base_status

DATA = Path(__file__).parent / "data"
# docs/en/api/reference/webapi/SuperOffice.WebApi.Data.Contact.yml, and Carrier's two.
CONTACT_MEMBERS = {
    "ContactId", "Name", "OrgNr", "Department", "URL", "City", "DirectPhone", "AssociateId",
    "CountryId", "EmailAddress", "Kananame", "EmailAddressName", "URLName",
    "AssociateFullName", "BusinessName", "CategoryName", "CountryName", "Address",
    "FormattedAddress", "FullName", "IsOwnerContact", "ActiveErpLinks", "Number1", "Number2",
    "TableRight", "FieldProperties",
}  # fmt: skip


def _sample(name: str) -> Any:
    return json.loads((DATA / name).read_text())["sample"]


def test_the_documented_contact_carrier_decodes_member_by_member() -> None:
    """restful/samples/agent/response/v1ContactAgent_GetContactList.md: "Our contact" is
    AssociateFullName (the id in AssociateId); there is no AssociateName."""
    raw = _sample("contact_carrier_sample.json")
    assert set(raw) == CONTACT_MEMBERS and "AssociateName" not in raw
    contact = Contact.from_wire(raw)
    assert contact.our_contact == "Mr. Wilma Gonzalo Torphy" and contact.associate_id == 659
    assert (contact.org_nr, contact.business, contact.category) == (
        "568451", "Information Technology", "VIP Customer",
    )  # fmt: skip
    assert (contact.phone, contact.email, contact.web_site) == (
        "1-858-842-9257", "rebekah.farrell@mueller.com", "http://www.example.com/",
    )  # fmt: skip
    assert (contact.number1, contact.number2, contact.full_name) == (
        "699184", "1113051", "Nellie Bayer",
    )  # fmt: skip
    assert contact.is_owner_contact and contact.active_erp_links == 423
    assert contact.address_object is None and contact.address_lines() == ["et", "Sokovia"]


def test_the_carrier_written_has_exactly_the_documented_members() -> None:
    """SuperOffice.WebApi.Data.Contact.yml (the demo tenant writes through to_wire)."""
    written = Contact(1, "Acme").to_wire()
    assert set(written) == CONTACT_MEMBERS
    assert Contact.from_wire(written) == Contact(1, "Acme")


def test_the_address_object_when_there_is_no_formatted_address() -> None:
    """The Address object of the REST samples (Wgs84Latitude, LocalizedAddress, Street,
    Postal, Formatted; soap/Services88/Contact/GetContactSummary.md for the types): the
    header uses FormattedAddress, else Address.Formatted, else the street's fields."""
    street = {"AtypeIdx": "ContactStreetAddress", "Address1": "Storgata 1", "Zipcode": "0155",
              "City": "Oslo", "Formatted": ""}  # fmt: skip
    raw = {"ContactId": 5, "Name": "Acme", "FormattedAddress": "", "CountryName": "Norway",
           "Address": {"Wgs84Latitude": 59.9, "Wgs84Longitude": 10.7,
                       "LocalizedAddress": [[{"Name": "Address1", "Value": "Storgata 1"}]],
                       "Street": street, "Postal": None, "Formatted": ""}}  # fmt: skip
    contact = Contact.from_wire(raw)
    assert contact.address_lines() == ["Storgata 1", "0155 Oslo", "Norway"]
    assert contact.address_object is not None
    assert contact.address_object.localized[0][0].value == "Storgata 1"
    formatted = {**raw["Address"], "Formatted": "Postboks 5\nBrugata 1\n0150 Oslo"}
    assert Contact.from_wire({**raw, "Address": formatted}).address_lines()[0] == "Postboks 5"
    address = Address.from_wire(raw["Address"])
    assert address is not None and Address.from_wire(address.to_wire()) == address


@pytest.mark.parametrize(
    "raw",
    [
        {},
        {"ContactId": None, "Name": None, "AssociateFullName": None, "Address": None},
        {"ContactId": "x", "Name": ["a"], "OrgNr": {"a": 1}, "Address": "Storgata 1",
         "IsOwnerContact": "yes", "ActiveErpLinks": 1.5},
    ],
)  # fmt: skip
def test_a_contact_with_members_missing_null_or_of_the_wrong_type(raw: dict[str, Any]) -> None:
    """Every member may be missing or null; a member of the wrong type reads as empty and
    costs no other member."""
    contact = Contact.from_wire({**raw, "DirectPhone": "+47 22 33 44 55"})
    assert contact.phone == "+47 22 33 44 55"
    assert (contact.contact_id, contact.name, contact.org_nr, contact.our_contact) == (
        0,
        "",
        "",
        "",
    )
    assert contact.address_object is None and not contact.is_owner_contact


def test_a_contact_that_is_no_object_costs_the_company_not_the_lists() -> None:
    raw = {"Contact": "Acme", "Tickets": [{"TicketId": 1, "TicketStatus": 5, "Title": "t"}]}
    summary = ContactSummary.from_wire(raw)
    assert summary.contact is None and summary.skipped == 1
    assert [t.ticket_id for t in summary.tickets] == [1]


def test_the_documented_ticket_status_list_decodes() -> None:
    """restful/rest/List_TicketStatus/v1TicketStatusList_GetAllTicketStatusEntity.md:
    TicketStatusId, Name ("Name of user defined ticket status") and Status, the "classic"
    base status by name."""
    decoded = TicketStatusList.from_wire(_sample("ticket_status_items_sample.json"))
    [item] = decoded.items
    assert (item.ticket_status_id, item.name, item.status) == (
        782, "Pollich-Bayer", TicketBaseStatus.ACTIVE,
    )  # fmt: skip
    assert item.time_counter == "Externally" and item.used_in_queue and not item.is_default
    assert set(item.to_wire()) == set(_sample("ticket_status_items_sample.json")[0])


def test_ticket_status_items_that_cannot_be_read_are_counted() -> None:
    """TicketBaseStatus (SuperOffice.WebApi.Data.TicketBaseStatus.yml): Unknown 0 … Spam 6
    by name or number; any other base status is kept as none."""
    raw = [
        {"TicketStatusId": 3, "Name": "Waiting", "Status": "Postponed"},
        {"TicketStatusId": 4, "Name": "Odd", "Status": "Snoozed"},
        {"TicketStatusId": 5, "Name": "By number", "Status": 6},
        {"TicketStatusId": None, "Name": "no id"},
        "junk",
    ]
    decoded = TicketStatusList.from_wire(raw)
    assert [(i.ticket_status_id, i.status) for i in decoded.items] == [
        (3, TicketBaseStatus.POSTPONED), (4, None), (5, TicketBaseStatus.SPAM),
    ]  # fmt: skip
    assert decoded.skipped == 2
    assert base_status("merged") is TicketBaseStatus.MERGED and base_status(True) is None


def test_deep_links_per_soprotocol() -> None:
    """ui/soprotocol/index.md (…/default.aspx?{WHERE}?{WHAT}), howto/open-contact.md,
    howto/open-follow-up.md, howto/open-document.md, howto/requests.md (ticket.main and
    person.main…?person_id=), navigation-points.md (sale)."""
    links = WebClientLinks("https://online.superoffice.com/Cust1/")
    root = "https://online.superoffice.com/Cust1/default.aspx?"
    assert links.contact(5) == f"{root}contact.main?contact_id=5"
    assert links.person(6) == f"{root}person.main?person_id=6"
    assert links.appointment(7) == f"{root}appointment.main?appointment_id=7"
    assert links.document(8) == f"{root}document.main?document_id=8"
    assert links.ticket(220) == f"{root}ticket.main?ticket_id=220"
    assert links.sale(9) == f"{root}sale.main?sale_id=9"
