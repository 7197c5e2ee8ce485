"""The sync's normaliser gives what the careful one gives, for any number and prefix."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.core.normalise import normalise_caller_id, normaliser

REGIONS = ["NO", "IT", "US", "GB", "DE", "SE"]


@settings(max_examples=500, deadline=None, database=None)
@given(
    st.integers(-5, 10**16) | st.integers(10**6, 10**12),
    st.sampled_from([0, 1, 33, 39, 44, 46, 47, 49, 358, 999]) | st.integers(-3, 1000),
    st.sampled_from(REGIONS),
)
def test_the_quick_normaliser_is_the_careful_one(number: int, prefix: int, region: str) -> None:
    careful = normalise_caller_id(number, prefix, region)
    expected = None if careful is None else (careful.e164, careful.country_code)
    assert normaliser(region)(number, prefix) == expected
