"""A few callers to ring from the tray in the demo: a person, a switchboard, a company, someone
only SuperOffice knows (a live pop), a stranger."""

from __future__ import annotations

from datetime import date

from screenpop.demo.data import DemoData
from screenpop.demo.persons import outside_callers
from screenpop.store.cache import CallerIdCache

DEMO_SEED = 1
DEMO_PERSONS = 500
UNKNOWN_CALLER = "+4721000000"
"""Nobody's number in the demo CRM (a test says so)."""


def demo_callers(cache: CallerIdCache) -> list[tuple[str, str]]:
    entries = cache.sample(400)
    picks: list[tuple[str, str]] = []
    by_number: dict[str, int] = {}
    for entry in entries:
        by_number[entry.e164] = by_number.get(entry.e164, 0) + 1
    person = next((e for e in entries if not e.caller.is_company and by_number[e.e164] == 1), None)
    shared = next((e for e in entries if by_number[e.e164] > 2), None)
    company = next((e for e in entries if e.caller.is_company and by_number[e.e164] == 1), None)
    if person:
        picks.append((f"{person.caller.person_name} ({person.caller.contact_name})", person.e164))
    if shared:
        picks.append((f"Switchboard of {shared.caller.contact_name}", shared.e164))
    if company:
        picks.append((f"{company.caller.contact_name} (company number)", company.e164))
    # The demo tenant's CRM has as many people again outside the caller IDs.
    crm = DemoData(DEMO_SEED, DEMO_PERSONS, date.today(), DEMO_PERSONS)
    for label, number in outside_callers(crm, 1):
        picks.append((f"{label}, known only to SuperOffice", number))
    picks.append(("Unknown caller", UNKNOWN_CALLER))
    return picks
