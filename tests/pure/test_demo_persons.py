"""The demo tenant's whole CRM: people outside the demo user's caller IDs, found by phonesearch,
read as PersonEntity, and persons added, all in the shapes SuperOffice documents. Each test
names the file of SuperOfficeDocs/superoffice-docs it follows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import phonenumbers
import pytest

from screenpop.app.demo_callers import DEMO_PERSONS, DEMO_SEED, UNKNOWN_CALLER, demo_callers
from screenpop.core.phone import caller_id_e164
from screenpop.demo.data import DemoData
from screenpop.demo.persons import Directory, outside_callers
from screenpop.demo.server import DemoConfig, create_app
from screenpop.store.cache import CallerIdCache, make_row
from tests.pure.test_reference_shapes import CONTACT_MEMBERS

TODAY = date(2026, 5, 4)
API = "/Cust12345/api/v1"
PERSONS = 300
# rest/List_MDO/v1MDOList_GetList.md, "Response body: array".
LIST_ITEM_MEMBERS = {"Id", "Name", "ToolTip", "Deleted", "Rank", "Type", "ChildItems",
                     "IconHint", "ColorBlock", "ExtraInfo", "StyleHint", "FullName",
                     "TableRight", "FieldProperties"}  # fmt: skip
# rest/Person/v1PersonEntity_GetPersonEntity.md, "Response body: PersonEntityWithLinks".
PERSON_MEMBERS = {
    "PersonId", "Firstname", "MiddleName", "Lastname", "Mrmrs", "Title", "UpdatedDate",
    "CreatedDate", "BirthDate", "CreatedBy", "Emails", "Description", "IsAssociate",
    "PrivatePhones", "Faxes", "MobilePhones", "OfficePhones", "OtherPhones", "Position",
    "UpdatedBy", "Contact", "Country", "Interests", "PersonNumber", "FullName", "NoMailing",
    "UsePersonAddress", "Retired", "Urls", "FormalName", "Address", "Post3", "Post2", "Post1",
    "Kanalname", "Kanafname", "CorrespondingAssociate", "Category", "Business", "Associate",
    "Salutation", "ActiveInterests", "SupportAssociate", "TicketPriority", "CustomerLanguage",
    "DbiAgentId", "DbiKey", "DbiLastModified", "DbiLastSyncronized", "SentInfo",
    "ShowContactTickets", "UserInfo", "ChatEmails", "InternetPhones", "Source", "ActiveErpLinks",
    "ShipmentTypes", "Consents", "BounceEmails", "ActiveStatusMonitorId", "UserDefinedFields",
    "ExtraFields", "CustomFields", "TableRight", "FieldProperties", "_Links",
}  # fmt: skip


def _data() -> DemoData:
    return DemoData(1, PERSONS, TODAY, PERSONS)


@pytest.fixture
async def demo() -> AsyncIterator[httpx.AsyncClient]:
    async with _client(DemoConfig(seed=1, persons=PERSONS, today=TODAY)) as client:
        yield client


def _client(config: DemoConfig) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(config))
    return httpx.AsyncClient(transport=transport, base_url="http://demo", auth=("demo", "demo"))


def _nsn(e164: str) -> str:
    return str(phonenumbers.national_significant_number(phonenumbers.parse(e164)))


async def _caller_ids(demo: httpx.AsyncClient) -> list[dict[str, Any]]:
    body = {"LastHash": "", "MinDate": "1900-01-01T00:00:00", "MaxDate": "2200-01-01T00:00:00"}
    response = await demo.post(f"{API}/Agents/Pocket/GetMyCallerIDs", json=body)
    entries: list[dict[str, Any]] = response.json()["CallerIDs"]
    return entries


def test_the_crm_holds_as_many_people_again_outside_the_caller_ids() -> None:
    data = _data()
    assert data.crm_persons == 2 * PERSONS
    assert data.crm_company_count > data.company_count
    # The caller IDs are those of the first PERSONS persons only, as before.
    before = DemoData(1, PERSONS, TODAY).caller_ids()
    assert data.caller_ids() == before
    assert max(e.person_id for e in before) <= PERSONS


def test_a_persons_phones_are_their_caller_ids() -> None:
    data = _data()
    numbers: dict[int, set[str]] = {}
    for entry in data.caller_ids():
        if entry.person_id:
            e164 = caller_id_e164(entry.phone_number, entry.dial_in_prefix, "NO")
            numbers.setdefault(entry.person_id, set()).add(str(e164))
    for person_id, expected in numbers.items():
        phones = data.person_phones(person_id)
        assert {n for n in (phones.direct, phones.mobile, phones.switchboard) if n} == expected


async def test_phonesearch_finds_people_outside_the_caller_ids(demo: httpx.AsyncClient) -> None:
    """docs/api/mdo-providers/reference/phonesearch.md: id = person or contact id, Type
    "Person"/"Contact", ExtraInfo + Tooltip the number with its country prefix, FullName the
    name; rest/List_MDO/v1MDOList_GetList.md: ?query= searches."""
    cached = {caller_id_e164(int(e["PhoneNumber"]), e["DialInPrefix"], "NO") for e in
              await _caller_ids(demo)}  # fmt: skip
    data = _data()
    for label, e164 in outside_callers(data, 20):
        assert e164 not in cached, label
        response = await demo.get(f"{API}/MDOList/phonesearch", params={"query": _nsn(e164)})
        assert response.status_code == 200
        items = response.json()
        assert all(set(item) == LIST_ITEM_MEMBERS for item in items)
        hits = [i for i in items if i["ExtraInfo"] == e164]
        assert [(h["Type"], h["IconHint"], h["ToolTip"]) for h in hits] == [
            ("Person", "Person", e164)
        ], label
        assert label.startswith(hits[0]["FullName"])
        # With its country code the stripped number is found too.
        again = await demo.get(f"{API}/MDOList/phonesearch", params={"query": e164[1:]})
        assert hits[0]["Id"] in [i["Id"] for i in again.json()]


async def test_a_switchboard_finds_its_company_and_the_people_reached_through_it(
    demo: httpx.AsyncClient,
) -> None:
    """phonesearch.md: "Search phone numbers … across person and contacts"; additional=P or C
    restricts it ("Use AdditionInfo to restrict search to just Person or Contact")."""
    entries = await _caller_ids(demo)
    board = next(e for e in entries if e["PersonId"] == 0)
    shared = [e for e in entries if (e["PhoneNumber"], e["DialInPrefix"]) ==
              (board["PhoneNumber"], board["DialInPrefix"])]  # fmt: skip
    e164 = caller_id_e164(int(board["PhoneNumber"]), board["DialInPrefix"], "NO")
    assert e164 is not None
    query = {"query": _nsn(e164)}
    items = (await demo.get(f"{API}/MDOList/phonesearch", params=query)).json()
    found = {(i["Type"], i["Id"]) for i in items if i["ExtraInfo"] == e164}
    expected = {
        (
            "Contact" if e["PersonId"] == 0 else "Person",
            e["ContactId"] if e["PersonId"] == 0 else e["PersonId"],
        )
        for e in shared
    }
    assert expected <= found  # the people outside the caller IDs may share it too
    only_persons = await demo.get(f"{API}/MDOList/phonesearch", params={**query, "additional": "P"})
    assert {i["Type"] for i in only_persons.json()} <= {"Person"}
    only_companies = await demo.get(f"{API}/MDOList/phonesearch",
                                    params={**query, "additional": "C"})  # fmt: skip
    assert {i["Type"] for i in only_companies.json()} == {"Contact"}


def test_every_number_of_the_crm_is_found_for_whom_it_was_made() -> None:
    data = _data()
    directory = Directory(data, lambda _cid: True)
    for person_id in range(1, data.crm_persons + 1, 7):
        phones = data.person_phones(person_id)
        for number in (phones.direct, phones.mobile):
            if number:
                hits = directory.phone_search(_nsn(number))
                assert ("Person", person_id) in [(h.type, h.id) for h in hits if
                                                 h.extra_info == number]  # fmt: skip


async def test_nobody_has_the_demos_unknown_number() -> None:
    crm = DemoData(DEMO_SEED, DEMO_PERSONS, TODAY, DEMO_PERSONS)
    assert Directory(crm, lambda _cid: True).phone_search(_nsn(UNKNOWN_CALLER)) == []


async def test_a_person_is_a_person_entity_with_their_company(demo: httpx.AsyncClient) -> None:
    """rest/Person/v1PersonEntity_GetPersonEntity.md: PersonEntityWithLinks; Contact is the
    Contact carrier; phones are {Value, StrippedValue, Description}."""
    data = _data()
    person_id = PERSONS + 5
    response = await demo.get(f"{API}/Person/{person_id}")
    assert response.status_code == 200
    person = response.json()
    assert set(person) == PERSON_MEMBERS
    assert person["PersonId"] == person_id
    assert person["FullName"] == data.person(person_id)[0]
    assert set(person["Contact"]) == CONTACT_MEMBERS
    assert person["Contact"]["ContactId"] == data.company_of(person_id)
    phones = [*person["OfficePhones"], *person["MobilePhones"]]
    assert phones and all(set(p) == {"Value", "StrippedValue", "Description"} for p in phones)
    # The company's summary is there for the pop's window.
    contact_id = person["Contact"]["ContactId"]
    assert (await demo.get(f"{API}/Contact/{contact_id}/Summary")).status_code == 200
    assert (await demo.get(f"{API}/Person/{2 * PERSONS + 1}")).status_code == 404
    assert (await demo.get(f"{API}/Person/x1")).status_code == 404


async def test_adding_a_person(demo: httpx.AsyncClient) -> None:
    """rest/Person/v1PersonEntity_DefaultPersonEntity.md (the default entity to fill in) and
    v1PersonEntity_PostPersonEntity.md (POST it; the answer is the saved PersonEntityWithLinks)."""
    default = (await demo.get(f"{API}/Person/default")).json()
    assert set(default) == PERSON_MEMBERS - {"_Links"} | {"CreatedByFormId"}
    assert default["PersonId"] == 0
    body = {
        **default,
        "Firstname": "Nora",
        "Lastname": "Berg",
        "Contact": {"ContactId": 3},
        "MobilePhones": [{"Value": "+4791234599", "StrippedValue": "", "Description": ""}],
    }
    response = await demo.post(f"{API}/Person", json=body)
    assert response.status_code == 200, response.text
    saved = response.json()
    assert set(saved) == PERSON_MEMBERS
    assert saved["PersonId"] > 2 * PERSONS and saved["FullName"] == "Nora Berg"
    assert saved["Contact"]["ContactId"] == 3 and set(saved["Contact"]) == CONTACT_MEMBERS
    assert saved["MobilePhones"][0]["StrippedValue"] == "4791234599"
    # The tenant knows them now: by number, and by id.
    items = (await demo.get(f"{API}/MDOList/phonesearch", params={"query": "91234599"})).json()
    assert [(i["Type"], i["Id"]) for i in items] == [("Person", saved["PersonId"])]
    again = await demo.get(f"{API}/Person/{saved['PersonId']}")
    assert again.json()["FullName"] == "Nora Berg"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"Firstname": None}, "Firstname must be a string, not null."),
        ({"Lastname": 7}, "Lastname must be a string, not 7."),
        ({"PersonId": 12}, "PersonId must be 0 for a new person."),
        ({"PersonId": "0"}, 'PersonId must be a whole number, not "0".'),
        ({"Firstname": " ", "Lastname": ""}, "A person needs a first or a last name."),
        ({"Contact": None}, "Contact is required"),
        ({"Contact": {"ContactId": 99999}}, "Contact 99999 does not exist."),
        ({"OfficePhones": [{"Number": "+4722"}]}, "Each of OfficePhones is an object"),
        ({"MobilePhones": "+4791234567"}, 'MobilePhones must be a list, not "+4791234567".'),
    ],
)
async def test_a_person_posted_wrong_is_refused_with_the_reason(
    demo: httpx.AsyncClient, change: dict[str, Any], reason: str
) -> None:
    """v1PersonEntity_PostPersonEntity.md types each member (String, Integer, Array) and the
    PersonEntity's Contact "is required"; the 400's message names what is wrong."""
    default = (await demo.get(f"{API}/Person/default")).json()
    body = {**default, "Firstname": "Nora", "Lastname": "Berg", "Contact": {"ContactId": 3}}
    response = await demo.post(f"{API}/Person", json={**body, **change})
    assert response.status_code == 400
    assert response.json()["Error"].startswith(reason)
    not_json = await demo.post(f"{API}/Person", content=b"{nope")
    assert not_json.status_code == 400


async def test_a_user_without_the_right_is_refused() -> None:
    async with _client(DemoConfig(seed=1, persons=50, today=TODAY, may_add_persons=False)) as demo:
        default = (await demo.get(f"{API}/Person/default")).json()
        body = {**default, "Firstname": "Nora", "Contact": {"ContactId": 1}}
        assert (await demo.post(f"{API}/Person", json=body)).status_code == 403


async def test_companies_by_name(demo: httpx.AsyncClient) -> None:
    """docs/api/mdo-providers/reference/contact.md: Id = ExtraInfo = contact id."""
    data = _data()
    name = data.company(data.crm_company_count).name  # a company outside the caller IDs
    items = (await demo.get(f"{API}/MDOList/contact", params={"query": name})).json()
    assert all(set(item) == LIST_ITEM_MEMBERS for item in items)
    assert data.crm_company_count in [i["Id"] for i in items]
    assert all(i["ExtraInfo"] == str(i["Id"]) for i in items)
    unknown = await demo.get(f"{API}/MDOList/somethingelse")
    assert unknown.status_code == 404


def test_simulate_a_call_offers_someone_only_superoffice_knows(tmp_path: Path) -> None:
    data = DemoData(DEMO_SEED, DEMO_PERSONS, date.today())
    rows = []
    for entry in data.caller_ids():
        e164 = caller_id_e164(entry.phone_number, entry.dial_in_prefix, "NO")
        assert e164 is not None
        rows.append(make_row(e164, 0, entry.phone_number, entry.dial_in_prefix,
                             entry.person_id, entry.person_name, entry.mrmrs,
                             entry.contact_id, entry.contact_name))  # fmt: skip
    with CallerIdCache(tmp_path / "cache.sqlite3") as cache:
        cache.replace_all(rows, {})
        callers = dict(demo_callers(cache))
        live = [
            (label, number) for label, number in callers.items() if "only to SuperOffice" in label
        ]
        [(label, number)] = live
        assert cache.find_e164(number) == []
    crm = DemoData(DEMO_SEED, DEMO_PERSONS, date.today(), DEMO_PERSONS)
    hits = Directory(crm, lambda _cid: True).phone_search(_nsn(number))
    assert [h.full_name for h in hits if h.extra_info == number] == [label.split(" (")[0]]
    assert callers["Unknown caller"] == UNKNOWN_CALLER
