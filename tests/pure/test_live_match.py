"""What a live lookup returns is checked against the incoming number by DESIGN §4's tiers before
anything pops: phonesearch "matches stripped numbers" (docs/api/mdo-providers/reference/
phonesearch.md), so it may bring back another country's number with the same digits."""

from __future__ import annotations

from screenpop.core.contact import Contact
from screenpop.core.live_match import MAX_HITS_CHECKED, check_hits, resolved, search_digits
from screenpop.core.matching import MatchedBy
from screenpop.core.person import ListItem, Person
from screenpop.core.phone import parse_incoming


def _person(pid: int, number: str, name: str = "Kari Nordmann") -> ListItem:
    # As phonesearch.md documents an item: Id, Type "Person", ExtraInfo with country prefix.
    return ListItem(pid, f"{name} (Acme AS) {number}", type="Person", icon_hint="Person",
                    extra_info=number, tooltip=number, full_name=name)  # fmt: skip


def _company(cid: int, number: str, name: str = "Acme AS") -> ListItem:
    return ListItem(cid, f"{name} {number}", type="Contact", extra_info=number, full_name=name)


def test_what_is_searched_for() -> None:
    # A trusted number: its national significant number, the stripped form a CRM keeps.
    assert search_digits(parse_incoming("+47 22 33 44 55", "NO")) == "22334455"
    assert search_digits(parse_incoming("+39 06 1234 5678", "NO")) == "0612345678"
    # Untrusted: the digits the matcher would go by.
    assert search_digits(parse_incoming("+999 22 33 44 55", "NO")) == "99922334455"
    # Withheld numbers and internal extensions are never looked up.
    assert search_digits(parse_incoming("anonymous", "NO")) == ""
    assert search_digits(parse_incoming("2345", "NO")) == ""


def test_an_exact_number_pops_and_another_countrys_same_digits_never() -> None:
    incoming = parse_incoming("+47 22 33 44 55", "NO")
    hits = [
        _company(1, "+4722334455"),
        _person(5, "+4722334455", "Ola Hansen"),
        _person(9, "+4522334455", "Mette Jensen"),  # Denmark: same stripped digits
    ]
    found = check_hits(hits, incoming, "NO")
    assert [(c.person_id, c.contact_id, c.matched_by) for c in found] == [
        (5, 0, MatchedBy.EXACT),  # persons first; the company comes once they are resolved
        (0, 1, MatchedBy.EXACT),
    ]


def test_a_national_number_read_in_the_home_region() -> None:
    # ExtraInfo without its country prefix (not as documented) is read as the cache reads a
    # CRM number: in the home region.
    found = check_hits([_company(1, "22 33 44 55")], parse_incoming("+4722334455", "NO"), "NO")
    assert [c.contact_id for c in found] == [1]


def test_an_untrusted_number_matches_by_the_tiers() -> None:
    # An unknown PBX prefix in front: only the trailing digits are left to go by.
    incoming = parse_incoming("+999 47 22 33 44 55", "NO")
    assert incoming.e164 is None
    found = check_hits([_company(1, "+4722334455")], incoming, "NO")
    assert [(c.contact_id, c.matched_by) for c in found] == [(1, MatchedBy.TRAILING)]


def test_junk_items_are_skipped_one_by_one() -> None:
    incoming = parse_incoming("+4722334455", "NO")
    hits = [
        ListItem(0, "no id", type="Person", extra_info="+4722334455"),
        ListItem(3, "no kind", extra_info="+4722334455"),
        ListItem(4, "no number", type="Contact", extra_info="call me"),
        ListItem(6, "deleted", type="Contact", extra_info="+4722334455", deleted=True),
        # The page's sample output shows the kind in StyleHint only.
        ListItem(7, "Acme AS", style_hint="Contact", extra_info="+4722334455", full_name="Acme"),
    ]
    assert [c.contact_id for c in check_hits(hits, incoming, "NO")] == [7]


def test_thousands_of_hits_are_read_only_so_far() -> None:
    incoming = parse_incoming("+4722334455", "NO")
    noise = [_person(i, "+4591234567") for i in range(1, 5000)]
    late = _person(9999, "+4722334455")
    assert check_hits([*noise, late], incoming, "NO") == []  # beyond what is read
    found = check_hits([late, *noise], incoming, "NO")
    assert [c.person_id for c in found] == [9999]
    assert len(noise) > MAX_HITS_CHECKED


def test_a_person_is_resolved_to_their_company() -> None:
    [hit] = check_hits([_person(5, "+4722334455")], parse_incoming("+4722334455", "NO"), "NO")
    person = Person(5, "Kari", "", "Nordmann", "Ms", "Kari Nordmann", Contact(34, "Acme AS"))
    found = resolved(hit, person)
    assert (found.person_id, found.contact_id, found.contact_name) == (5, 34, "Acme AS")
    assert (found.person_name, found.mrmrs, found.matched_by) == (
        "Kari Nordmann",
        "Ms",
        MatchedBy.LIVE,
    )
    assert found.to_json()["MatchedBy"] == "live"
