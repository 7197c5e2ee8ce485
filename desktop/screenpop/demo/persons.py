"""The demo tenant's whole CRM: who has a number, persons, and persons added by the app.

Routes, as the reference documents them:

* ``GET MDOList/phonesearch?query=…[&additional=P|C]`` (``docs/api/mdo-providers/reference/
  phonesearch.md``, ``rest/List_MDO/v1MDOList_GetList.md``): persons and companies with the
  number, ``Id`` a person or contact id by ``Type``, ``ExtraInfo`` and ``ToolTip`` the number
  with its country prefix, ``FullName`` the name. "Stripped numbers" are read here as the digits
  with or without the country code: ``22334455`` and ``4722334455`` both find +47 22 33 44 55,
  and a national number is tried in every country the tenant has numbers in (as a real
  tenant may: that is why the client checks each hit).
* ``GET MDOList/contact?query=…`` (``…/reference/contact.md``): companies by name.
* ``GET Person/{id}`` (``rest/Person/v1PersonEntity_GetPersonEntity.md``), ``GET
  Person/default`` (``v1PersonEntity_DefaultPersonEntity.md``) and ``POST Person``
  (``v1PersonEntity_PostPersonEntity.md``), strict as the reference types the members: a string
  member sent as null or a number, a phone that is not ``{Value: …}``, a ``PersonId`` other than
  0, a missing company or a person without a name is a 400 with the reason.

Every number of the generated tenant is found without an index: each block of numbers is an
affine bijection of an index (:mod:`screenpop.demo.numbers`), so a number gives back the one
company or person it was made for.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import phonenumbers
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from screenpop.core.person import (
    LIST_MEMBERS,
    NUMBER_MEMBERS,
    STRING_MEMBERS,
    HitKind,
    ListItem,
    empty_person_entity,
)
from screenpop.core.wire import format_datetime
from screenpop.demo.data import DemoData
from screenpop.demo.encoding import error_response, json_response, query_param
from screenpop.demo.numbers import PLANS, format_international, numbers_for

MAX_HITS = 200
_MAX_COMPANIES = 50
_CREATED = datetime(2021, 3, 4, 9, 15, 27, 123456, tzinfo=UTC)

ContactExists = Callable[[int], bool]


class RequestError(Exception):
    """A request the tenant refuses with a 400: the message says why."""


def _phone(e164: str) -> dict[str, Any]:
    return {"Value": format_international(e164), "StrippedValue": e164[1:], "Description": ""}


def _e164(text: str) -> str | None:
    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


class Directory:
    """Who is in the CRM. ``data`` is the generated tenant (None for a caller-ID file, whose
    persons are only the ones the app adds); ``contact_exists`` says whether a company does."""

    def __init__(self, data: DemoData | None, contact_exists: ContactExists) -> None:
        self._data = data
        self._contact_exists = contact_exists
        self._lock = threading.Lock()
        self._added: dict[int, dict[str, Any]] = {}
        self._next_id = (data.crm_persons if data else 0) + 1_000_001

    # -- phonesearch ---------------------------------------------------------------------
    def phone_search(self, query: str, additional: str = "") -> list[ListItem]:
        digits = "".join(ch for ch in query if ch.isascii() and ch.isdigit())
        if len(digits) < 3:
            return []
        wanted = {"P": {HitKind.PERSON}, "C": {HitKind.CONTACT}}.get(
            additional.strip().upper(), {HitKind.PERSON, HitKind.CONTACT}
        )
        readings = {digits} | {f"{plan.dial_code}{digits.lstrip('0')}" for plan in PLANS.values()}
        items: list[ListItem] = []
        for reading in sorted(readings):
            for kind, item_id in self._who_has(f"+{reading}"):
                if kind in wanted:
                    items.append(self._item(kind, item_id, f"+{reading}"))
        return items[:MAX_HITS]

    def _who_has(self, e164: str) -> list[tuple[HitKind, int]]:
        found = [(HitKind.PERSON, pid) for pid, added in self._added_list()
                 if e164 in _numbers(added)]  # fmt: skip
        data = self._data
        if data is None:
            return found
        for plan in PLANS.values():
            code = str(plan.dial_code)
            rest = e164[1 + len(code) :]
            if not e164[1:].startswith(code) or not rest.isdigit() or rest.startswith("0"):
                continue
            national = int(rest)
            for city, blocks in plan.cities.items():
                board = numbers_for(data.seed, plan.region, blocks.switchboard).index_of(national)
                if board is not None and self._company_in(board + 1, plan.region, city):
                    found.append((HitKind.CONTACT, board + 1))
                    found += [(HitKind.PERSON, pid) for pid in data.person_ids(board + 1)
                              if data.person_phones(pid).switchboard == e164]  # fmt: skip
                direct = numbers_for(data.seed, plan.region, blocks.direct).index_of(national)
                found += self._person_with(direct, plan.region, city, e164)
            mobile = numbers_for(data.seed, plan.region, plan.mobile).index_of(national)
            found += self._person_with(mobile, plan.region, None, e164)
        return found

    def _person_with(
        self, index: int | None, region: str, city: str | None, e164: str
    ) -> list[tuple[HitKind, int]]:
        """The person a direct or mobile block's ``index`` was made for, if they have it."""
        data = self._data
        if data is None or index is None or not 1 <= index + 1 <= data.crm_persons:
            return []
        person_id = index + 1
        if not self._company_in(data.company_of(person_id), region, city):
            return []
        phones = data.person_phones(person_id)
        return [(HitKind.PERSON, person_id)] if e164 in (phones.direct, phones.mobile) else []

    def _company_in(self, contact_id: int, region: str, city: str | None) -> bool:
        data = self._data
        if data is None or not 1 <= contact_id <= data.crm_company_count:
            return False
        company = data.company(contact_id)
        return company.locale.region == region and city in (None, company.city.name)

    def _item(self, kind: HitKind, item_id: int, e164: str) -> ListItem:
        number = format_international(e164)
        if kind is HitKind.CONTACT:
            name = self._company_name(item_id)
            label = f"{name} {number}"
        else:
            person = self.person(item_id) or {}
            name = str(person.get("FullName", ""))
            company = (person.get("Contact") or {}).get("Name", "")
            label = f"{name} ({company}) {number}" if company else f"{name} {number}"
        return ListItem(id=item_id, name=label, tooltip=e164, type=kind.value,
                        icon_hint=kind.value, extra_info=e164, style_hint=kind.value,
                        full_name=name)  # fmt: skip

    def _company_name(self, contact_id: int) -> str:
        data = self._data
        return data.company(contact_id).name if data is not None else f"Contact {contact_id}"

    # -- companies by name ---------------------------------------------------------------
    def companies_named(self, query: str) -> list[ListItem]:
        words = query.casefold().split()
        data = self._data
        if not words or data is None:
            return []
        found: list[ListItem] = []
        for cid in range(1, data.crm_company_count + 1):
            name = data.company(cid).name
            if all(word in name.casefold() for word in words):
                found.append(ListItem(cid, name, type=HitKind.CONTACT.value,
                                      extra_info=str(cid), full_name=name))  # fmt: skip
                if len(found) >= _MAX_COMPANIES:
                    break
        return found

    # -- persons -------------------------------------------------------------------------
    def _added_list(self) -> list[tuple[int, dict[str, Any]]]:
        with self._lock:
            return list(self._added.items())

    def person(self, person_id: int) -> dict[str, Any] | None:
        with self._lock:
            added = self._added.get(person_id)
        if added is not None:
            return added
        data = self._data
        if data is None or not 1 <= person_id <= data.crm_persons:
            return None
        contact_id = data.company_of(person_id)
        profile = data.profile(contact_id)
        name, title = data.person(person_id)
        first, _, last = name.partition(" ")
        phones = data.person_phones(person_id)
        entity = empty_person_entity()
        created = format_datetime(_CREATED)
        entity.update(
            PersonId=person_id, Firstname=first, Lastname=last, Mrmrs=title, FullName=name,
            FormalName=f"{title} {name}".strip(), CreatedDate=created, UpdatedDate=created,
            Contact=profile.contact().to_wire() if profile else None,
            OfficePhones=[_phone(n) for n in (phones.direct, phones.switchboard) if n],
            MobilePhones=[_phone(phones.mobile)] if phones.mobile else [], _Links={},
        )  # fmt: skip
        return entity

    def default_person(self) -> dict[str, Any]:
        entity = empty_person_entity()
        now = format_datetime(datetime.now(UTC))
        # PersonEntity (v1PersonEntity_DefaultPersonEntity.md) also has CreatedByFormId.
        entity.update(CreatedDate=now, UpdatedDate=now, CreatedByFormId=0)
        return entity

    def add(self, body: Any) -> dict[str, Any]:
        """The person ``body`` describes, saved; raises RequestError saying what is wrong."""
        entity = _checked(body)
        contact = entity.get("Contact")
        contact_id = contact.get("ContactId") if isinstance(contact, dict) else None
        if type(contact_id) is not int or contact_id <= 0:
            raise RequestError("Contact is required: the company the person is registered on.")
        if not self._contact_exists(contact_id):
            raise RequestError(f"Contact {contact_id} does not exist.")
        # What the answer (PersonEntityWithLinks) documents, and only that.
        empty = empty_person_entity()
        saved = {**empty, **{key: value for key, value in entity.items() if key in empty}}
        name = " ".join(str(saved[k]).strip() for k in ("Firstname", "Lastname") if saved[k])
        now = format_datetime(datetime.now(UTC))
        data = self._data
        carrier = data.profile(contact_id) if data is not None else None
        with self._lock:
            person_id = self._next_id
            self._next_id += 1
            saved.update(
                PersonId=person_id, FullName=name, CreatedDate=now, UpdatedDate=now,
                Contact=carrier.contact().to_wire() if carrier else {"ContactId": contact_id},
                OfficePhones=_normalised(saved["OfficePhones"]),
                MobilePhones=_normalised(saved["MobilePhones"]), _Links={},
            )  # fmt: skip
            self._added[person_id] = saved
        return saved


def _numbers(entity: dict[str, Any]) -> set[str]:
    phones = [*entity.get("OfficePhones", []), *entity.get("MobilePhones", [])]
    return {"+" + str(phone.get("StrippedValue", "")) for phone in phones}


def _normalised(phones: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Phones as the tenant keeps them: formatted, with their stripped digits."""
    kept = []
    for phone in phones:
        e164 = _e164(phone["Value"])
        kept.append(_phone(e164) if e164 else {**phone, "StrippedValue": ""})
    return kept


def _checked(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise RequestError("The request body is not a PersonEntity (a JSON object).")
    for key, value in body.items():
        if key in STRING_MEMBERS and not isinstance(value, str):
            raise RequestError(f"{key} must be a string, not {json.dumps(value)}.")
        if key in NUMBER_MEMBERS and type(value) is not int:
            raise RequestError(f"{key} must be a whole number, not {json.dumps(value)}.")
        if key in LIST_MEMBERS and not isinstance(value, list):
            raise RequestError(f"{key} must be a list, not {json.dumps(value)}.")
    for key in ("OfficePhones", "MobilePhones", "PrivatePhones", "OtherPhones"):
        for phone in body.get(key, []):
            if not isinstance(phone, dict) or not isinstance(phone.get("Value"), str):
                raise RequestError(f"Each of {key} is an object with a Value string.")
    if body.get("PersonId", 0) != 0:
        raise RequestError("PersonId must be 0 for a new person.")
    if not any(str(body.get(key, "")).strip() for key in ("Firstname", "Lastname")):
        raise RequestError("A person needs a first or a last name.")
    return dict(body)


Endpoint = Callable[[Request], Awaitable[Response]]


def person_routes(
    directory: Directory, api: Callable[[Endpoint], Endpoint], *, may_add: bool = True
) -> list[Route]:
    """The routes above (under the tenant's mount); ``api`` adds the sign-in and host checks.
    ``may_add=False``: the user lacks the right to add persons (``POST Person`` is a 403)."""

    async def mdo_list(request: Request) -> Response:
        name = request.path_params["listname"].lower()
        query = query_param(request, "query") or ""
        if name == "phonesearch":
            # Well under a millisecond (no index to scan): answered on the loop, as a tenant's
            # indexed search is quick.
            items = directory.phone_search(query, query_param(request, "additional") or "")
        elif name == "contact":
            items = await asyncio.to_thread(directory.companies_named, query)
        else:
            return error_response(404, f"The demo has no MDO list {name!r}.", "NotFound")
        return json_response([item.to_wire() for item in items])

    async def person(request: Request) -> Response:
        raw_id = request.path_params["person_id"]
        if raw_id.lower() == "default":
            return json_response(directory.default_person())
        found = directory.person(int(raw_id)) if raw_id.isascii() and raw_id.isdigit() else None
        if found is None:
            return error_response(404, f"Person {raw_id} not found", "NotFound")
        return json_response(found)

    async def new_person(request: Request) -> Response:
        if not may_add:
            return error_response(403, "You do not have the right to add persons.", "Forbidden")
        try:
            body = json.loads(await request.body())
            return json_response(directory.add(body))
        except ValueError:
            return error_response(400, "The request body is not JSON.", "BadRequest")
        except RequestError as err:
            return error_response(400, str(err), "BadRequest")

    return [
        Route("/api/v1/MDOList/{listname}", api(mdo_list), methods=["GET"]),
        Route("/api/v1/Person/{person_id}", api(person), methods=["GET"]),
        Route("/api/v1/Person", api(new_person), methods=["POST"]),
    ]


def outside_callers(data: DemoData, count: int) -> list[tuple[str, str]]:
    """(label, E.164) of ``count`` persons of the CRM who are not among the caller IDs."""
    picks: list[tuple[str, str]] = []
    for person_id in range(data.persons + 1, data.crm_persons + 1):
        phones = data.person_phones(person_id)
        number = phones.direct or phones.mobile
        if number is None:
            continue
        name, _title = data.person(person_id)
        company = data.company(data.company_of(person_id)).name
        picks.append((f"{name} ({company})", number))
        if len(picks) >= count:
            break
    return picks
