"""The company at the head of a summary: SuperOffice's Contact carrier, member by member.

The members and their types are the reference's (``SuperOffice.WebApi.Data.Contact.yml``; wire
types in the SOAP sample ``soap/Services88/Contact/GetContactSummary.md``), the Address object's
from the REST samples (``Wgs84Latitude``, ``LocalizedAddress``, ``Street``, ``Postal``,
``Formatted``). Every member may be missing or null, and one unreadable member never costs the
rest: a member that is not of its type reads as empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from screenpop.core.errors import DecodeError
from screenpop.core.wire import as_float, as_object
from screenpop.core.wire import int_member as _number
from screenpop.core.wire import text_member as _text


def _decimal(obj: dict[str, Any], key: str) -> float:
    try:
        return as_float(obj.get(key), key)
    except DecodeError:
        return 0.0


def _object(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


@dataclass(frozen=True, slots=True)
class LocalizedField:
    """One field of an address as the tenant's country lays it out."""

    name: str
    value: str
    tooltip: str = ""
    label: str = ""
    value_length: int = 0
    address_type: str = ""

    @classmethod
    def from_wire(cls, obj: dict[str, Any]) -> LocalizedField:
        return cls(
            name=_text(obj, "Name"),
            value=_text(obj, "Value"),
            tooltip=_text(obj, "Tooltip"),
            label=_text(obj, "Label"),
            value_length=_number(obj, "ValueLength"),
            address_type=_text(obj, "AddressType"),
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "Name": self.name,
            "Value": self.value,
            "Tooltip": self.tooltip,
            "Label": self.label,
            "ValueLength": self.value_length,
            "AddressType": self.address_type,
        }


@dataclass(frozen=True, slots=True)
class StructuredAddress:
    """The street or the postal address, field by field."""

    address_type: str = "Unknown"
    address1: str = ""
    address2: str = ""
    address3: str = ""
    city: str = ""
    county: str = ""
    state: str = ""
    zipcode: str = ""
    formatted: str = ""

    @classmethod
    def from_wire(cls, obj: dict[str, Any]) -> StructuredAddress:
        return cls(
            address_type=_text(obj, "AtypeIdx"),
            address1=_text(obj, "Address1"),
            address2=_text(obj, "Address2"),
            address3=_text(obj, "Address3"),
            city=_text(obj, "City"),
            county=_text(obj, "County"),
            state=_text(obj, "State"),
            zipcode=_text(obj, "Zipcode"),
            formatted=_text(obj, "Formatted"),
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "AtypeIdx": self.address_type,
            "Address1": self.address1,
            "Address2": self.address2,
            "Address3": self.address3,
            "City": self.city,
            "County": self.county,
            "State": self.state,
            "Zipcode": self.zipcode,
            "Formatted": self.formatted,
        }

    def lines(self) -> list[str]:
        """Its formatted text, else its fields as the lines of an envelope."""
        if self.formatted.strip():
            return [line.strip() for line in self.formatted.splitlines() if line.strip()]
        town = " ".join(part for part in (self.zipcode.strip(), self.city.strip()) if part)
        parts = (self.address1, self.address2, self.address3, town, self.county, self.state)
        return [part.strip() for part in parts if part.strip()]


@dataclass(frozen=True, slots=True)
class Address:
    """The Contact's ``Address`` object."""

    street: StructuredAddress | None = None
    postal: StructuredAddress | None = None
    formatted: str = ""
    latitude: float = 0.0
    longitude: float = 0.0
    localized: tuple[tuple[LocalizedField, ...], ...] = ()

    @classmethod
    def from_wire(cls, raw: Any) -> Address | None:
        obj = _object(raw)
        if obj is None:
            return None
        rows = obj.get("LocalizedAddress")
        localized = tuple(
            tuple(LocalizedField.from_wire(f) for f in row if isinstance(f, dict))
            for row in (rows if isinstance(rows, list) else [])
            if isinstance(row, list)
        )
        street, postal = _object(obj.get("Street")), _object(obj.get("Postal"))
        return cls(
            street=None if street is None else StructuredAddress.from_wire(street),
            postal=None if postal is None else StructuredAddress.from_wire(postal),
            formatted=_text(obj, "Formatted"),
            latitude=_decimal(obj, "Wgs84Latitude"),
            longitude=_decimal(obj, "Wgs84Longitude"),
            localized=localized,
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "Wgs84Latitude": self.latitude,
            "Wgs84Longitude": self.longitude,
            "LocalizedAddress": [[f.to_wire() for f in row] for row in self.localized],
            "Street": None if self.street is None else self.street.to_wire(),
            "Postal": None if self.postal is None else self.postal.to_wire(),
            "Formatted": self.formatted,
        }

    def lines(self) -> list[str]:
        """``Formatted`` (street and postal combined), else the street address, else the
        postal one."""
        if self.formatted.strip():
            return [line.strip() for line in self.formatted.splitlines() if line.strip()]
        for part in (self.street, self.postal):
            if part is not None and part.lines():
                return part.lines()
        return []


@dataclass(frozen=True, slots=True)
class Contact:
    """The company ("contact" in SuperOffice): the whole documented carrier.

    ``our_contact`` is ``AssociateFullName`` (the associate "Our contact", ``AssociateId``);
    ``address`` is ``FormattedAddress`` as sent and ``address_object`` the structured
    ``Address``; ``phone`` is ``DirectPhone``, the carrier's one phone.
    """

    contact_id: int
    name: str
    department: str = ""
    category: str = ""
    our_contact: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    city: str = ""
    country: str = ""
    web_site: str = ""
    org_nr: str = ""
    business: str = ""
    associate_id: int = 0
    country_id: int = 0
    full_name: str = ""
    number1: str = ""
    number2: str = ""
    kananame: str = ""
    email_name: str = ""
    url_name: str = ""
    is_owner_contact: bool = False
    active_erp_links: int = 0
    address_object: Address | None = None

    @classmethod
    def from_wire(cls, raw: Any) -> Contact:
        """Raises DecodeError only for something that is not an object at all."""
        obj = as_object(raw, "Contact")
        return cls(
            contact_id=_number(obj, "ContactId"),
            name=_text(obj, "Name"),
            department=_text(obj, "Department"),
            category=_text(obj, "CategoryName"),
            our_contact=_text(obj, "AssociateFullName"),
            phone=_text(obj, "DirectPhone"),
            email=_text(obj, "EmailAddress"),
            address=_text(obj, "FormattedAddress"),
            city=_text(obj, "City"),
            country=_text(obj, "CountryName"),
            web_site=_text(obj, "URL"),
            org_nr=_text(obj, "OrgNr"),
            business=_text(obj, "BusinessName"),
            associate_id=_number(obj, "AssociateId"),
            country_id=_number(obj, "CountryId"),
            full_name=_text(obj, "FullName"),
            number1=_text(obj, "Number1"),
            number2=_text(obj, "Number2"),
            kananame=_text(obj, "Kananame"),
            email_name=_text(obj, "EmailAddressName"),
            url_name=_text(obj, "URLName"),
            is_owner_contact=obj.get("IsOwnerContact") is True,
            active_erp_links=_number(obj, "ActiveErpLinks"),
            address_object=Address.from_wire(obj.get("Address")),
        )

    def to_wire(self) -> dict[str, Any]:
        """Every member, in the reference's order (the demo tenant answers with it)."""
        return {
            "ContactId": self.contact_id,
            "Name": self.name,
            "OrgNr": self.org_nr,
            "Department": self.department,
            "URL": self.web_site,
            "City": self.city,
            "DirectPhone": self.phone,
            "AssociateId": self.associate_id,
            "CountryId": self.country_id,
            "EmailAddress": self.email,
            "Kananame": self.kananame,
            "EmailAddressName": self.email_name,
            "URLName": self.url_name,
            "AssociateFullName": self.our_contact,
            "BusinessName": self.business,
            "CategoryName": self.category,
            "CountryName": self.country,
            "Address": None if self.address_object is None else self.address_object.to_wire(),
            "FormattedAddress": self.address,
            "FullName": self.full_name,
            "IsOwnerContact": self.is_owner_contact,
            "ActiveErpLinks": self.active_erp_links,
            "Number1": self.number1,
            "Number2": self.number2,
            "TableRight": None,
            "FieldProperties": {},
        }

    def address_lines(self) -> list[str]:
        """The address to show: ``FormattedAddress``, else the ``Address`` object's, and the
        city and country added where those do not name them."""
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        if not lines and self.address_object is not None:
            lines = self.address_object.lines()
        text = "\n".join(lines).casefold()
        for extra in (self.city.strip(), self.country.strip()):
            if extra and extra.casefold() not in text:
                lines.append(extra)
                text = "\n".join(lines).casefold()
        return lines
