"""The demo tenant answers as the reference documents, and as strictly as a real tenant: a
client that sends or reads a guessed member fails here. Each test names the file of
SuperOfficeDocs/superoffice-docs it follows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import httpx
import pytest

from screenpop.core.models import ContactSummary
from screenpop.core.summary_view import ViewContext, summary_view
from screenpop.core.ticket_status import TicketBaseStatus, TicketStatuses, TicketStatusList
from screenpop.demo.server import DemoConfig, create_app
from screenpop.superoffice.auth import SchemeAuth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.tenant import Tenant
from tests.pure.test_reference_shapes import CONTACT_MEMBERS

TODAY = date(2026, 5, 4)
API = "/Cust12345/api/v1"


@pytest.fixture
async def demo() -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(DemoConfig(seed=1, persons=500, today=TODAY))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://demo", auth=("demo", "demo")
    ) as client:
        yield client


async def _summaries(demo: httpx.AsyncClient, count: int = 40) -> list[dict[str, Any]]:
    found = []
    for contact_id in range(1, count + 1):
        response = await demo.get(f"{API}/Contact/{contact_id}/Summary?limit=100")
        assert response.status_code == 200
        found.append(response.json())
    return found


async def test_the_contact_is_the_whole_documented_carrier(demo: httpx.AsyncClient) -> None:
    """SuperOffice.WebApi.Data.Contact.yml; FormattedAddress with line breaks and the country
    as in restful/samples/agent/response/v1ContactAgent_GetContactList.md; the Address
    object's parts as in soap/Services88/Contact/GetContactSummary.md."""
    for raw in await _summaries(demo, 10):
        contact = raw["Contact"]
        assert set(contact) == CONTACT_MEMBERS  # and so no "AssociateName"
        assert contact["AssociateFullName"] and contact["AssociateId"] > 100
        assert contact["OrgNr"] and contact["BusinessName"] and contact["Number1"]
        assert contact["FormattedAddress"].endswith(f"\n{contact['CountryName']}")
        address = contact["Address"]
        assert set(address) == {"Wgs84Latitude", "Wgs84Longitude", "LocalizedAddress",
                                "Street", "Postal", "Formatted"}  # fmt: skip
        assert set(address["Street"]) == {
            "AtypeIdx",
            "Address1",
            "Address2",
            "Address3",
            "City",
            "County",
            "State",
            "Zipcode",
            "Formatted",
        }
        assert address["Street"]["City"] == contact["City"]


async def test_every_member_reaches_what_the_window_shows(demo: httpx.AsyncClient) -> None:
    """What the old client missed: "Our contact" is AssociateFullName, and ticket statuses
    are the tenant's names (restful/rest/List_TicketStatus/…GetAllTicketStatusEntity.md)."""
    raw = (await _summaries(demo, 1))[0]
    statuses = TicketStatusList.from_wire((await demo.get(f"{API}/List/TicketStatus/Items")).json())
    view = summary_view(
        ContactSummary.from_wire(raw), ViewContext(None, TicketStatuses(statuses.items), 1)
    )
    contact, sent = view.contact, raw["Contact"]
    assert contact.our_contact == sent["AssociateFullName"]
    assert (contact.org_nr, contact.number1, contact.business) == (
        sent["OrgNr"], sent["Number1"], sent["BusinessName"],
    )  # fmt: skip
    assert contact.address.splitlines() == sent["FormattedAddress"].splitlines()
    names = {item.name for item in statuses.items}
    words = {item.status.english for item in view.lists["tickets"] if item.status}
    assert words and words <= names  # never "Status 12", never the icon hint


async def test_the_ticket_status_list_in_the_language_asked_for(demo: httpx.AsyncClient) -> None:
    """restful/rest/List_TicketStatus/v1TicketStatusList_GetAllTicketStatusEntity.md: the
    documented members; SO-Language overrides Accept-Language (the REST pages' headers)."""
    english = (await demo.get(f"{API}/List/TicketStatus/Items")).json()
    documented = {"TicketStatusId", "Name", "Status", "TimeCounter", "NoEmailReopen",
                  "IsDefault", "UsedInQueue", "TableRight", "FieldProperties"}  # fmt: skip
    assert english and all(set(item) == documented for item in english)
    ids = [item["TicketStatusId"] for item in english]
    assert not {1, 2, 3} & set(ids)  # the tenant's own ids, not the base statuses' numbers
    bases = {item["Status"] for item in english}
    assert bases == {s.value for s in TicketBaseStatus} - {"Unknown"}
    headers = {"SO-Language": "nb", "Accept-Language": "de"}
    norwegian = (await demo.get(f"{API}/List/TicketStatus/Items", headers=headers)).json()
    assert [item["TicketStatusId"] for item in norwegian] == ids
    assert "Venter på kunde" in {item["Name"] for item in norwegian}


async def test_every_documented_enum_value_is_in_the_data(demo: httpx.AsyncClient) -> None:
    """SuperOffice.WebApi.Data.ActivityStatus.yml and …SaleStatus.yml, sent by name."""
    summaries = await _summaries(demo)
    sales = [sale for s in summaries for sale in s["Sales"]]
    activities = [i for s in summaries for key in ("Followups", "Documents") for i in s[key]]
    activities += sales  # a sale's Completed is an ActivityStatus too
    assert {i["Completed"] for i in activities} == {"Unknown", "NotStarted", "Started",
                                                      "Completed"}  # fmt: skip
    assert {sale["Status"] for sale in sales} == {"Unknown", "Open", "Sold", "Lost", "Stalled"}
    statuses = {t["TicketStatus"] for s in summaries for t in s["Tickets"]}
    listed = (await demo.get(f"{API}/List/TicketStatus/Items")).json()
    assert {i["Status"] for i in listed if i["TicketStatusId"] in statuses} == {
        "Active", "Closed", "Postponed", "Deleted", "Merged", "Spam",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("Agents/Pocket/GetMyCallerIDs", {"LastHash": None, "MinDate": None, "MaxDate": None}),
        ("Agents/Pocket/GetMyCallerIDs", {"LastHash": "", "MinDate": "2026-01-01",
                                          "MaxDate": None}),
        ("Agents/Pocket/GetMyCallerIDs", {"MinDate": "last tuesday"}),
        ("Agents/Pocket/GetMyCallerIDs", {"LastHash": 5}),
        ("Agents/Pocket/GetCallerIDsFromSelection", {"SelectionId": 3, "LastHash": None}),
    ],
    ids=["old-client", "null-date", "junk-date", "number-hash", "selection-null-hash"],
)  # fmt: skip
async def test_request_members_are_typed(
    demo: httpx.AsyncClient, path: str, body: dict[str, Any]
) -> None:
    """agent/Pocket_Agent/v1PocketAgent_GetMyCallerIDs.md and …GetCallerIDsFromSelection.md
    type LastHash as a string and MinDate/MaxDate as dates (the .NET agent: DateTime, in
    SuperOffice.WebApi.Agents.IPocketAgent.yml): a null, or another type, is refused."""
    response = await demo.post(f"{API}/{path}", json=body)
    assert response.status_code == 400, response.text


async def test_the_client_sends_the_members_as_typed(demo: httpx.AsyncClient) -> None:
    """agent/Pocket_Agent/v1PocketAgent_GetMyCallerIDs.md: the client's bodies pass."""
    sent: list[bytes] = []

    async def keep(request: httpx.Request) -> None:
        sent.append(request.content)

    transport = demo._transport
    async with httpx.AsyncClient(transport=transport, event_hooks={"request": [keep]}) as http:
        client = SuperOfficeClient(http, Tenant("http://demo/Cust12345"),
                                   httpx.BasicAuth("demo", "demo"))  # fmt: skip
        first = await client.fetch_caller_ids()
        assert first is not None and len(first) > 0
        assert await client.fetch_caller_ids(first.hash) is None
        assert await client.fetch_caller_ids(selection_id=2) is not None
        windowed = await client.fetch_caller_ids(min_date="2026-01-01T00:00:00")
        assert windowed is not None
    assert b"null" not in b"".join(sent)
    assert b'"LastHash":""' in sent[0].replace(b" ", b"")


async def test_the_web_client_links_of_the_demo_open_its_stand_in(
    demo: httpx.AsyncClient,
) -> None:
    """ui/soprotocol/index.md: …/{tenant}/default.aspx?{WHERE}?{WHAT}."""
    client = SuperOfficeClient(
        demo, Tenant("http://demo/Cust12345"), SchemeAuth("SOTicket", "demo")
    )
    link = client.links.ticket(101)
    page = await demo.get(link, auth=None)
    assert page.status_code == 200 and "ticket.main?ticket_id=101" in page.text
