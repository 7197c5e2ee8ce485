"""A demo tenant serving a hand-written caller-ID file, junk and all.

Used to test how the client copes with what real tenants send: numbers as strings or floats,
missing fields, entries that are not objects. The entries are served as the file has them;
only the summaries are made up, for the ContactIds the file mentions.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import phonenumbers

from screenpop.core.errors import ConfigError, DecodeError
from screenpop.core.models import ContactSummary
from screenpop.core.phone import caller_id_e164
from screenpop.core.wire import as_int, as_str
from screenpop.demo.data import Company, company_profile
from screenpop.demo.encoding import collection_body, encode_entries
from screenpop.demo.locales import LOCALE_BY_REGION
from screenpop.demo.rng import derive, pick
from screenpop.demo.summaries import build_summary

_FALLBACK_REGION = "NO"


@dataclass(slots=True)
class _FileContact:
    name: str = ""
    company_phone: str | None = None
    other_phone: str | None = None
    people: list[str] = field(default_factory=list)


def _load(path: Path) -> tuple[bytes, Any]:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ConfigError(f"Cannot read the caller-ID file {path}: {err.strerror}.") from None
    try:
        return raw, json.loads(raw)
    except (ValueError, UnicodeDecodeError) as err:
        raise ConfigError(f"The caller-ID file {path} is not JSON: {err}.") from None


def _e164(entry: dict[str, Any]) -> str | None:
    try:
        phone = as_int(entry.get("PhoneNumber"), "PhoneNumber", default=None)
        prefix = as_int(entry.get("DialInPrefix"), "DialInPrefix")
    except DecodeError:
        return None
    if phone <= 0 or prefix < 0:
        return None
    return caller_id_e164(phone, prefix, _FALLBACK_REGION)


class CallerIdFile:
    """A tenant whose caller IDs come from ``path``: a CallerIDCollection or a bare list."""

    def __init__(self, path: Path, seed: int, today: date) -> None:
        raw, document = _load(path)
        hash_value: Any = None
        if isinstance(document, list):
            entries = document
        elif isinstance(document, dict) and isinstance(document.get("CallerIDs"), list):
            entries = document["CallerIDs"]
            hash_value = document.get("CallerIDHash")
        else:
            raise ConfigError(
                f"The caller-ID file {path} holds neither a CallerIDCollection "
                '({"CallerIDHash": …, "CallerIDs": […]}) nor a list of CallerIDs.'
            )
        if hash_value is None or hash_value == "":
            hash_value = hashlib.blake2b(raw, digest_size=20).hexdigest()
        self.seed = seed
        self.today = today
        self.entries: list[Any] = entries
        self._hash_value = hash_value
        # What a client sends back as LastHash: the file's value, whatever its JSON type.
        self.caller_id_hash = hash_value if isinstance(hash_value, str) else json.dumps(hash_value)
        self._contacts = self._contacts_of(entries)
        self._persons = self._persons_of(entries)

    @staticmethod
    def _contacts_of(entries: list[Any]) -> dict[int, _FileContact]:
        contacts: dict[int, _FileContact] = {}
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            try:
                contact_id = as_int(entry.get("ContactId"), "ContactId")
                person_id = as_int(entry.get("PersonId"), "PersonId")
            except DecodeError:
                continue
            if contact_id <= 0:
                continue
            contact = contacts.setdefault(contact_id, _FileContact())
            contact.name = contact.name or as_str(entry.get("ContactName"))
            e164 = _e164(entry)
            person = as_str(entry.get("PersonName"))
            if person_id == 0:
                contact.company_phone = contact.company_phone or e164
            else:
                contact.other_phone = contact.other_phone or e164
                if person and person not in contact.people:
                    contact.people.append(person)
        return contacts

    @staticmethod
    def _persons_of(entries: list[Any]) -> dict[int, int]:
        persons: dict[int, int] = {}
        for entry in entries:
            try:
                person_id = as_int(entry.get("PersonId"), "PersonId")
                contact_id = as_int(entry.get("ContactId"), "ContactId")
            except (DecodeError, AttributeError):
                continue
            if person_id > 0 and contact_id > 0:
                persons.setdefault(person_id, contact_id)
        return persons

    def has_contact(self, contact_id: int) -> bool:
        return contact_id in self._contacts

    def contact_of_person(self, person_id: int) -> int | None:
        return self._persons.get(person_id)

    @property
    def contact_ids(self) -> list[int]:
        return sorted(self._contacts)

    def caller_ids_body(self, select: frozenset[str] | None) -> bytes:
        return collection_body(self._hash_value, encode_entries(self.entries, select))

    def summary(self, contact_id: int) -> ContactSummary | None:
        contact = self._contacts.get(contact_id)
        if contact is None:
            return None
        phone = contact.company_phone or contact.other_phone or ""
        region = phonenumbers.region_code_for_number(phonenumbers.parse(phone)) if phone else None
        locale = LOCALE_BY_REGION.get(region or "", LOCALE_BY_REGION[_FALLBACK_REGION])
        bits = derive(self.seed, "file-contact", contact_id)
        city = pick(locale.cities, bits)
        name = contact.name or f"Contact {contact_id}"
        profile = company_profile(
            Company(contact_id, bits, locale, city, name), phone, contact.people
        )
        return build_summary(self.seed, profile, self.today)
