"""Names as the Find dialog searches them: case and diacritics folded, cut into words.

A sync folds every new name, so the common case (Latin letters) is one ``casefold`` and one
``str.translate`` through a table made once from the careful per-character rule; only text
outside that table takes the careful rule itself.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# Letters that decompose into no base letter: "tromso" finds "Tromsø", "aerø" finds "Ærø".
_FOLD_EXTRA = {"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "œ": "oe"}
_WORD = re.compile(r"[^\W_]+")
# Latin-1, Latin Extended-A and -B, and Latin Extended Additional (Vietnamese and more).
_TABLE_RANGES = (range(0x80, 0x250), range(0x1E00, 0x1F00))
_TABLE_END = "\u024f"


def _fold_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(_FOLD_EXTRA.get(c, c) for c in stripped)


@cache
def _table() -> dict[int, str]:
    """Made on first use, not at import: the CLI's call path never folds a name."""
    table: dict[int, str] = {}
    for block in _TABLE_RANGES:
        for code in block:
            char = chr(code)
            folded = _fold_slowly(char)
            if folded != char:
                table[code] = folded
    return table


def fold(text: str) -> str:
    """Case and diacritics folded, so "tromso" finds "Tromsø"."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    folded = folded.translate(_table())
    if folded.isascii() or max(folded) <= _TABLE_END:
        return folded
    return _fold_slowly(folded)


def words(text: str) -> list[str]:
    """The folded words of ``text``, each once, in order: "Anne-Lise Ødegård" is
    ``["anne", "lise", "odegard"]``."""
    return list(dict.fromkeys(_WORD.findall(fold(text))))


@lru_cache(maxsize=4096)
def cached_words(text: str) -> tuple[str, ...]:
    """:func:`words` for a text seen before (a sync meets each company name many times)."""
    return tuple(words(text))
