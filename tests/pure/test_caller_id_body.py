"""Caller-ID answers read piece by piece: exactly what one whole decode gives, or refused.

The shape is SuperOffice's CallerIDCollection (``{CallerIDHash, CallerIDs: [CallerID]}``,
SuperOfficeDocs/superoffice-docs, docs/en/api/reference/restful/agent/Pocket_Agent/
v1PocketAgent_GetMyCallerIDs.md: its sample answer is indented, one field a line).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.core.errors import DecodeError
from screenpop.core.models import RawCallerIdCollection
from screenpop.superoffice.caller_id_body import (
    CallerIdAnswer,
    NotJsonError,
    decode_entries,
    parse_caller_id_answer,
)
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.errors import BadResponseError
from screenpop.superoffice.retry import RetryPolicy
from screenpop.superoffice.tenant import Tenant


def _entry(n: int, name: str = "") -> dict[str, Any]:
    return {
        "PhoneNumber": 22000000 + n,
        "DialInPrefix": 47,
        "PersonId": n,
        "PersonName": name or f"Person {n}",
        "Mrmrs": "",
        "ContactId": n // 10,
        "ContactName": f"Firma {n // 10} AS",
    }


def _entries(answer: CallerIdAnswer | None) -> list[Any]:
    assert answer is not None
    return [json.loads(bytes(raw)) for raw in answer.raws()]


# Pieces of a few entries, so a test answer of a few hundred is cut many times.
SMALL = 300


@pytest.mark.parametrize("spaces", ["", " ", "\n  "])
def test_a_large_answer_is_cut_into_pieces_that_give_the_whole(spaces: str) -> None:
    entries = [_entry(n) for n in range(400)]
    body = json.dumps(
        {"CallerIDHash": "h1", "CallerIDs": entries}, separators=(f",{spaces}", f":{spaces}")
    ).encode()
    answer = parse_caller_id_answer(body, SMALL)
    assert answer is not None and answer.hash == "h1" and len(answer) == 400
    assert len(answer.batches) > 10
    assert all(batch.text is not None for batch in answer.batches)
    assert _entries(answer) == entries


def test_a_cut_inside_a_name_is_noticed_and_the_answer_read_whole() -> None:
    tricky = [_entry(n, 'Ann "},{" Lee' if n % 7 == 0 else "") for n in range(300)]
    # The hash after the array, with a bracket in it: the envelope check catches it too.
    body = json.dumps({"CallerIDs": tricky, "CallerIDHash": "a]b"}, separators=(",", ":"))
    answer = parse_caller_id_answer(body.encode(), SMALL)
    assert answer is not None and answer.hash == "a]b"
    assert _entries(answer) == tricky


def test_junk_entries_in_a_large_answer_stay_for_the_tolerant_decoder() -> None:
    entries: list[Any] = [_entry(n) for n in range(300)]
    entries[5] = {"PhoneNumber": "22 33 44 55", "DialInPrefix": "47"}
    entries[6], entries[7], entries[8] = None, [1, 2], "x"
    body = json.dumps({"CallerIDHash": 1, "CallerIDs": entries}).encode()
    answer = parse_caller_id_answer(body, SMALL)
    assert answer is not None and answer.hash == "1"
    assert _entries(answer) == entries
    plain = [decode_entries(batch.array())[1] for batch in answer.batches]
    junk = [entry for values in plain if values is not None for entry in values]
    # Only the pieces holding junk take the tolerant way.
    assert entries[5] in junk and None in junk and len(junk) < len(entries) / 4
    regular, plain = decode_entries(answer.batches[-1].array())
    assert plain is None and regular is not None and regular[-1].PersonId == 299


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"{truncated", NotJsonError),
        (b"[" * 100_000, NotJsonError),
        (b" " * 600_000 + b"[" * 100_000, NotJsonError),
        (b"[1, 2]", DecodeError),
        (b'{"CallerIDs": 3}', DecodeError),
        (b'{"CallerIDHash": "h", "CallerIDs": [1' + b" " * 600_000, NotJsonError),
    ],
)
def test_what_is_not_a_collection_is_refused(body: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_caller_id_answer(body)


@pytest.mark.parametrize("body", [b"", b"  ", b"null", b'{"CallerIDHash": "h", "CallerIDs": null}'])
def test_unchanged_answers(body: bytes) -> None:
    assert parse_caller_id_answer(body) is None


callerish = st.fixed_dictionaries(
    {},
    optional={
        "PhoneNumber": st.integers(-5, 10**16) | st.text(max_size=8) | st.none(),
        "PersonName": st.text(alphabet='ab},{"\\ ]', max_size=12),
        "ContactId": st.integers(0, 99),
    },
)


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(callerish | st.none() | st.integers(), max_size=60),
    st.sampled_from(["", " "]),
    st.booleans(),
)
def test_any_answer_reads_as_one_whole_decode_does(
    entries: list[Any], space: str, hash_last: bool
) -> None:
    document: dict[str, Any] = {"CallerIDHash": "h", "CallerIDs": entries}
    if hash_last:
        document = {"CallerIDs": entries, "CallerIDHash": "h"}
    body = json.dumps(document, separators=(f",{space}", ":")).encode()
    answer = parse_caller_id_answer(body, 40)
    whole = RawCallerIdCollection.from_wire(msgspec.json.decode(body))
    assert whole is not None and answer is not None
    assert (answer.hash, _entries(answer)) == (whole.hash, whole.entries)


@pytest.mark.parametrize(
    ("content", "requests", "says"),
    [
        (b"[1, 2]", 1, "unknown shape"),  # JSON of another shape: asking again will not help
        (b'{"CallerIDs": [{"Phone', 3, "not JSON"),  # garbled: it may come whole next time
    ],
)
async def test_a_wrong_shape_is_not_asked_again_a_garbled_answer_is(
    content: bytes, requests: int, says: str
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=content)

    retry = RetryPolicy(attempts=3, base_delay_s=0.001, max_delay_s=0.002)
    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as http:
        client = SuperOfficeClient(
            http, Tenant.parse("http://demo.test/Cust12345"), httpx.BasicAuth("u", "p"), retry=retry
        )
        with pytest.raises(BadResponseError, match=says):
            await client.fetch_caller_ids()
    assert len(seen) == requests
