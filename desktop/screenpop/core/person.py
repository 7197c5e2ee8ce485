"""The answers behind live lookups and new persons: MDO list items and the PersonEntity.

Both directions live here, as in :mod:`screenpop.core.models`: the client decodes, the demo
tenant encodes. Member names are the reference's: the list item of
``rest/List_MDO/v1MDOList_GetList.md`` (``Id``, ``Name``, ``ToolTip``, ``Deleted``, ``Rank``,
``Type``, ``ChildItems``, ``IconHint``, ``ColorBlock``, ``ExtraInfo``, ``StyleHint``,
``FullName``), read for the ``phonesearch`` list as ``docs/api/mdo-providers/reference/
phonesearch.md`` says (``Id`` a person or contact id by ``Type``, ``ExtraInfo`` the number with
its country prefix, ``FullName`` the person's or company's name), and the PersonEntity of
``rest/Person/v1PersonEntity_GetPersonEntity.md`` (its phones are ``{Value, StrippedValue,
Description}`` elements). Decoding is tolerant: a member of the wrong type reads as empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import phonenumbers

from screenpop.core.contact import Contact
from screenpop.core.errors import DecodeError
from screenpop.core.wire import as_object
from screenpop.core.wire import int_member as _number
from screenpop.core.wire import text_member as _text


class HitKind(StrEnum):
    PERSON = "Person"
    CONTACT = "Contact"


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of an MDO list (``MDOList/{listname}``)."""

    id: int
    name: str
    tooltip: str = ""
    type: str = ""
    icon_hint: str = ""
    extra_info: str = ""
    style_hint: str = ""
    full_name: str = ""
    deleted: bool = False
    rank: int = 0
    color_block: int = 0

    @classmethod
    def from_wire(cls, raw: Any) -> ListItem:
        obj = as_object(raw, "MDOListItem")
        return cls(
            id=_number(obj, "Id"),
            name=_text(obj, "Name"),
            tooltip=_text(obj, "ToolTip"),
            type=_text(obj, "Type"),
            icon_hint=_text(obj, "IconHint"),
            extra_info=_text(obj, "ExtraInfo"),
            style_hint=_text(obj, "StyleHint"),
            full_name=_text(obj, "FullName"),
            deleted=obj.get("Deleted") is True,
            rank=_number(obj, "Rank"),
            color_block=_number(obj, "ColorBlock"),
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "Id": self.id,
            "Name": self.name,
            "ToolTip": self.tooltip,
            "Deleted": self.deleted,
            "Rank": self.rank,
            "Type": self.type,
            "ChildItems": [],
            "IconHint": self.icon_hint,
            "ColorBlock": self.color_block,
            "ExtraInfo": self.extra_info,
            "StyleHint": self.style_hint,
            "FullName": self.full_name,
            "TableRight": None,
            "FieldProperties": {},
        }

    @property
    def hit_kind(self) -> HitKind | None:
        """A phonesearch item's kind: ``Type`` as documented, else the ``IconHint`` or
        ``StyleHint`` that carry the same word (the page's sample output shows StyleHint)."""
        for word in (self.type, self.icon_hint, self.style_hint):
            folded = word.strip().casefold()
            for kind in HitKind:
                if folded == kind.value.casefold():
                    return kind
        return None


@dataclass(frozen=True, slots=True)
class PhoneElement:
    """A phone of a PersonEntity (``OfficePhones``, ``MobilePhones``, …)."""

    value: str
    stripped_value: str = ""
    description: str = ""

    @classmethod
    def from_wire(cls, raw: Any) -> PhoneElement | None:
        if not isinstance(raw, dict):
            return None
        return cls(_text(raw, "Value"), _text(raw, "StrippedValue"), _text(raw, "Description"))

    def to_wire(self) -> dict[str, Any]:
        return {"Value": self.value, "StrippedValue": self.stripped_value,
                "Description": self.description}  # fmt: skip


def _phones(obj: dict[str, Any], key: str) -> tuple[PhoneElement, ...]:
    value = obj.get(key)
    if not isinstance(value, list):
        return ()
    found = (PhoneElement.from_wire(item) for item in value)
    return tuple(phone for phone in found if phone is not None)


@dataclass(frozen=True, slots=True)
class Person:
    """What the app reads of a PersonEntity: who, the company, the phones."""

    person_id: int
    firstname: str = ""
    middle_name: str = ""
    lastname: str = ""
    mrmrs: str = ""
    full_name: str = ""
    contact: Contact | None = None
    office_phones: tuple[PhoneElement, ...] = ()
    mobile_phones: tuple[PhoneElement, ...] = ()

    @classmethod
    def from_wire(cls, raw: Any) -> Person:
        """Raises DecodeError for something that is no PersonEntity (no object, no id)."""
        obj = as_object(raw, "PersonEntity")
        person_id = _number(obj, "PersonId")
        if person_id <= 0:
            raise DecodeError(f"PersonId is not an id: {obj.get('PersonId')!r}")
        contact = obj.get("Contact")
        return cls(
            person_id=person_id,
            firstname=_text(obj, "Firstname"),
            middle_name=_text(obj, "MiddleName"),
            lastname=_text(obj, "Lastname"),
            mrmrs=_text(obj, "Mrmrs"),
            full_name=_text(obj, "FullName"),
            contact=Contact.from_wire(contact) if isinstance(contact, dict) else None,
            office_phones=_phones(obj, "OfficePhones"),
            mobile_phones=_phones(obj, "MobilePhones"),
        )

    @property
    def name(self) -> str:
        """``FullName``, else the parts of the name."""
        if self.full_name.strip():
            return self.full_name.strip()
        parts = (self.firstname, self.middle_name, self.lastname)
        return " ".join(part.strip() for part in parts if part.strip())

    @property
    def contact_id(self) -> int:
        return self.contact.contact_id if self.contact is not None else 0

    @property
    def contact_name(self) -> str:
        return self.contact.name if self.contact is not None else ""


# The PersonEntity's members (``v1PersonEntity_GetPersonEntity.md``) with their empty values:
# the demo answers with every one of them.
_EMPTY_LISTS = ("Emails", "PrivatePhones", "Faxes", "MobilePhones", "OfficePhones",
                "OtherPhones", "Interests", "Urls", "ChatEmails", "InternetPhones",
                "ShipmentTypes", "Consents", "BounceEmails")  # fmt: skip
_EMPTY_STRINGS = ("Firstname", "MiddleName", "Lastname", "Mrmrs", "Title", "Description",
                  "PersonNumber", "FullName", "FormalName", "Post3", "Post2", "Post1",
                  "Kanalname", "Kanafname", "Salutation", "DbiKey")  # fmt: skip
_EMPTY_NUMBERS = ("PersonId", "ActiveInterests", "DbiAgentId", "SentInfo",
                  "ShowContactTickets", "Source", "ActiveErpLinks",
                  "ActiveStatusMonitorId")  # fmt: skip
_EMPTY_OBJECTS = ("CreatedBy", "Position", "UpdatedBy", "Contact", "Country", "Address",
                  "CorrespondingAssociate", "Category", "Business", "Associate",
                  "SupportAssociate", "TicketPriority", "CustomerLanguage", "UserInfo",
                  "TableRight")  # fmt: skip
_EMPTY_DATES = ("UpdatedDate", "CreatedDate", "BirthDate", "DbiLastModified",
                "DbiLastSyncronized")  # fmt: skip
_EMPTY_FLAGS = ("IsAssociate", "NoMailing", "UsePersonAddress", "Retired")
_EMPTY_DICTS = ("UserDefinedFields", "ExtraFields", "CustomFields", "FieldProperties")
STRING_MEMBERS = frozenset(_EMPTY_STRINGS)
LIST_MEMBERS = frozenset(_EMPTY_LISTS)
NUMBER_MEMBERS = frozenset(_EMPTY_NUMBERS)
NO_DATE = "0001-01-01T00:00:00"


def empty_person_entity() -> dict[str, Any]:
    """A PersonEntity with every documented member empty (``Person/default`` fills some)."""
    entity: dict[str, Any] = {}
    entity.update(dict.fromkeys(_EMPTY_NUMBERS, 0))
    entity.update({key: "" for key in _EMPTY_STRINGS})
    entity.update({key: NO_DATE for key in _EMPTY_DATES})
    entity.update(dict.fromkeys(_EMPTY_OBJECTS))
    entity.update(dict.fromkeys(_EMPTY_FLAGS, False))
    entity.update({key: [] for key in _EMPTY_LISTS})
    entity.update({key: {} for key in _EMPTY_DICTS})
    return entity


def is_mobile(e164: str) -> bool:
    """Whether libphonenumber knows the number as a mobile one (filed under MobilePhones);
    a number that may be either, as in the US, is filed as an office phone."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE


@dataclass(frozen=True, slots=True)
class NewPerson:
    """What the agent typed into "Add to SuperOffice…"."""

    firstname: str
    lastname: str
    contact_id: int
    e164: str
    mobile: bool
    contact_name: str = ""

    def entity(self, default: dict[str, Any]) -> dict[str, Any]:
        """``Person/default``'s entity with this person filled in, for ``POST Person``: the
        tenant's defaults stay, the number goes first in ``MobilePhones`` or ``OfficePhones``."""
        entity = dict(default)
        entity["Firstname"] = self.firstname.strip()
        entity["Lastname"] = self.lastname.strip()
        contact = default.get("Contact")
        entity["Contact"] = {**(contact if isinstance(contact, dict) else {}),
                             "ContactId": self.contact_id}  # fmt: skip
        key = "MobilePhones" if self.mobile else "OfficePhones"
        kept = default.get(key)
        phone = PhoneElement(self.e164).to_wire()
        entity[key] = [phone, *(kept if isinstance(kept, list) else [])]
        return entity
