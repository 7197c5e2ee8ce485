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


# Numbers stored with their country code and a DialInPrefix of 0 (a third of the demo
# tenant's): a country code, then national digits of any length, read in any home region.
with_country_code = st.builds(
    lambda cc, national, width: int(f"{cc}{national:0{width}d}"),
    st.sampled_from([1, 7, 20, 31, 33, 39, 44, 45, 46, 47, 49, 358, 380, 599, 800, 881, 979]),
    st.integers(0, 10**13),
    st.integers(1, 13),
)


@settings(max_examples=1500, deadline=None, database=None)
@given(with_country_code, st.sampled_from([*REGIONS, "DK", "NL", "FI", "CA"]))
def test_numbers_that_carry_their_country_code_read_as_the_careful_one(
    number: int, region: str
) -> None:
    careful = normalise_caller_id(number, 0, region)
    expected = None if careful is None else (careful.e164, careful.country_code)
    assert normaliser(region)(number, 0) == expected
