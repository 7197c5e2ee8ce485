"""A few callers to ring from the tray in the demo: a person, a switchboard, a stranger."""

from __future__ import annotations

from screenpop.store.cache import CallerIdCache

UNKNOWN_CALLER = "+4721000000"


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
    picks.append(("Unknown caller", UNKNOWN_CALLER))
    return picks
