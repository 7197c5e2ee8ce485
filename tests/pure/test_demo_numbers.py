"""The demo tenant's numbers: valid for their country, unique per person, stable per seed."""

from __future__ import annotations

import hashlib
import random
import time
from collections import defaultdict
from datetime import date

import phonenumbers
import pytest

from screenpop.core.phone import caller_id_e164
from screenpop.demo import bulk
from screenpop.demo.data import DemoData
from screenpop.demo.numbers import MAX_INDEX, PLANS, BlockNumbers

TODAY = date(2026, 5, 4)


def _e164(phone: int, prefix: int) -> str:
    return f"+{phone}" if prefix == 0 else f"+{prefix}{phone}"


def test_blocks_are_big_enough_and_do_not_overlap() -> None:
    for region, plan in PLANS.items():
        prefixes = [(p, i) for i, block in enumerate(plan.blocks) for p in block.prefixes]
        for block in plan.blocks:
            assert block.capacity >= MAX_INDEX, (region, block)
        for prefix, i in prefixes:
            for other, j in prefixes:
                assert i == j or not other.startswith(prefix), (region, prefix, other)


def test_every_block_holds_only_valid_numbers() -> None:
    rng = random.Random(7)
    checked = 0
    for region, plan in PLANS.items():
        for block in plan.blocks:
            for prefix in block.prefixes:
                for _ in range(40):
                    rest = rng.randrange(10**block.free)
                    number = phonenumbers.parse(f"+{plan.dial_code}{prefix}{rest:0{block.free}d}")
                    assert phonenumbers.is_valid_number(number), (region, prefix, rest)
                    assert phonenumbers.region_code_for_number(number) == region
                    checked += 1
    assert checked > 5000


@pytest.mark.parametrize(("region", "city"), [("DK", "København"), ("NO", "Oslo")])
def test_index_to_number_is_injective_up_to_max_index(region: str, city: str) -> None:
    plan = PLANS[region]
    numbers = BlockNumbers(3, plan, plan.cities[city].switchboard)
    indices = [*range(0, MAX_INDEX, 5), MAX_INDEX - 1]
    nationals = {numbers.national(i) for i in indices}
    assert len(nationals) == len(indices)


def test_generated_numbers_are_valid_and_unique_but_for_switchboards() -> None:
    data = DemoData(11, 20_000, TODAY)
    entries = data.caller_ids()
    owners: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for entry in entries:
        owners[_e164(entry.phone_number, entry.dial_in_prefix)].add(
            (entry.contact_id, entry.person_id)
        )
    for who in owners.values():
        if len(who) > 1:  # a switchboard: its company and persons of that same company
            assert len({contact for contact, _ in who}) == 1 and (next(iter(who))[0], 0) in who
    per_person: dict[int, list[str]] = defaultdict(list)
    for number, who in owners.items():
        for _, person in who:
            per_person[person].append(number)
    assert len(per_person) == 20_000 + 1  # every person, plus 0 for the companies
    for entry in entries[:: max(1, len(entries) // 4000)]:
        e164 = caller_id_e164(entry.phone_number, entry.dial_in_prefix, "GB")
        assert e164 == _e164(entry.phone_number, entry.dial_in_prefix)
        assert phonenumbers.is_valid_number(phonenumbers.parse(e164)), entry
    regions = {phonenumbers.region_code_for_number(phonenumbers.parse(n)) for n in owners}
    assert regions == set(PLANS)


def test_showcase_number_belongs_to_contact_one_under_any_seed() -> None:
    for seed in (1, 2, 99):
        data = DemoData(seed, 300, TODAY)
        board = next(c for c in data.caller_ids() if c.contact_id == 1 and c.is_company)
        assert _e164(board.phone_number, board.dial_in_prefix) == "+4722334455"


def test_sample_numbers_cover_each_kind() -> None:
    data = DemoData(1, 500, TODAY)
    samples = data.sample_numbers(8)
    assert len(samples) == 8
    labels = [label for label, _ in samples]
    assert "(direct)" in labels[0] and "shared by" in labels[1]
    assert "(company only)" in labels[2] and "(mobile)" in labels[3]
    known = {_e164(c.phone_number, c.dial_in_prefix): c for c in data.caller_ids()}
    for _, e164 in samples:
        assert e164 in known
    assert known[samples[2][1]].is_company and not known[samples[0][1]].is_company


def test_a_million_persons_answer_a_summary_without_building_everything() -> None:
    data = DemoData(1, 1_000_000, TODAY)
    started = time.perf_counter()
    last = data.company_count
    summary = data.summary(last)
    assert summary is not None and summary.contact is not None
    assert summary.contact.contact_id == last and data.summary(last + 1) is None
    assert data.person_ids(last)[-1] == 1_000_000
    assert time.perf_counter() - started < 3


def test_other_processes_build_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    # The child interpreter gets another string-hash salt: any use of hash() would show.
    monkeypatch.setenv("PYTHONHASHSEED", "4242")
    data = DemoData(5, 4_000, TODAY)
    here = bulk.build_body(data, None, parallel=False)
    split = bulk.build_split(data, None)
    assert hashlib.sha256(here).digest() == hashlib.sha256(split).digest()
    select = frozenset({"phonenumber", "personid"})
    assert bulk.build_split(data, select) == bulk.build_body(data, select, parallel=False)
