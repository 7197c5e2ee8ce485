"""Names folded and cut into words as the Find dialog searches them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.store.words import _fold_slowly, fold, words

latin = st.text(alphabet=st.characters(max_codepoint=0x24F) | st.sampled_from("ẞỆệ\u0301"))


@settings(max_examples=300, deadline=None, database=None)
@given(latin | st.text())
def test_the_quick_fold_is_the_careful_one(text: str) -> None:
    assert fold(text) == _fold_slowly(text)


def test_words_are_folded_each_once_in_order() -> None:
    assert words("Anne-Lise Ødegård") == ["anne", "lise", "odegard"]
    assert words("ÆRØ Ærø, Straße") == ["aero", "strasse"]
    assert words("Nguyễn Thị Ánh") == ["nguyen", "thi", "anh"]
    assert words("Ζωή Σταματίου") == ["ζωη", "σταματιου"]
    assert words(" -- ") == []
