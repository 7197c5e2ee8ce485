"""Extensions written after a number: every marker libphonenumber reads, in every language.

libphonenumber's parser knows how people write "and then dial 12" after a number: ``;ext=``,
``ext``/``extn``/``extension``/``extensión``, full-width ``ｅｘｔｎ``, Russian ``доб``,
Spanish and Portuguese ``anexo``, ``x``/``ｘ``, ``#``/``＃``, ``~``/``～``, ``int``/``ｉｎｔ``,
the American ``- 12#``, and the auto-dial ``,,``, ``;`` and ``,``. Its own pattern (the one
``phonenumbers.parse`` strips extensions with) is used where this version of phonenumbers
exposes it, so a marker it learns is known here too; the copy below is its pattern as of
phonenumbers 9.0 for a version that does not.
"""

from __future__ import annotations

import re
import unicodedata

from phonenumbers import phonenumberutil

MIN_NUMBER_DIGITS = 3
"""Digits the number before a marker keeps at least (libphonenumber asks two; a marker after
fewer is part of something that is no phone number)."""
_AMERICAN_GROUP = 4
"""The pattern's group of the American "- 12#", the one marker that is only a separator: it
splits only a number of a whole subscriber's length, so "22 33 44 55#" (a PBX's "end of
dialling") stays one number."""
_AMERICAN_MIN_DIGITS = 7

_SPACE = "[ \u00a0\\t]*"
_SEPARATORS = "[ \u00a0\\t,]*"
_AFTER_LABEL = "[:\\.\uff0e]?[ \u00a0\\t,-]*"
_FALLBACK = (
    ";ext=(\\d{1,20})"
    f"|{_SEPARATORS}(?:e?xt(?:ensi(?:o\u0301?|\u00f3))?n?|\uff45?\uff58\uff54\uff4e?"
    f"|\u0434\u043e\u0431|anexo){_AFTER_LABEL}(\\d{{1,20}})#?"
    f"|{_SEPARATORS}(?:[x\uff58#\uff03~\uff5e]|int|\uff49\uff4e\uff54){_AFTER_LABEL}(\\d{{1,9}})#?"
    "|[- ]+(\\d{1,6})#"
    f"|{_SPACE}(?:,{{2}}|;){_AFTER_LABEL}(\\d{{1,15}})#?"
    f"|{_SPACE}(?:,)+{_AFTER_LABEL}(\\d{{1,9}})#?"
)


def _pattern() -> re.Pattern[str]:
    # Workaround: phonenumbers keeps its extension pattern private (no public API strips an
    # extension from text without parsing the whole number); fall back to the copy above.
    parsing = getattr(phonenumberutil, "_EXTN_PATTERNS_FOR_PARSING", None)
    source = parsing if isinstance(parsing, str) else _FALLBACK
    return re.compile(f"(?:{source})$", re.IGNORECASE | re.UNICODE)


_EXTENSION = _pattern()
# What a phone system may put after the number when nothing follows: "end of dialling".
_END_OF_DIALLING = re.compile("[ \u00a0\\t]*[#\uff03]$")


def _digit_count(text: str) -> int:
    return sum(ch.isdecimal() for ch in text)


def _ascii(digits: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in digits)


def split_extension(text: str) -> tuple[str, str]:
    """(the number, the extension's ASCII digits): ``"+47 22 33 44 55 доб. 12"`` gives
    ``("+47 22 33 44 55", "12")``; ``(text, "")`` when nothing follows the number."""
    found = _EXTENSION.search(text)
    if found is not None and found.start() > 0:
        number = text[: found.start()]
        extension = next((group for group in found.groups() if group), "")
        least = _AMERICAN_MIN_DIGITS if found.lastindex == _AMERICAN_GROUP else MIN_NUMBER_DIGITS
        if extension and _digit_count(number) >= least:
            return number, _ascii(extension)
    end = _END_OF_DIALLING.search(text)
    if end is not None and _digit_count(text[: end.start()]) >= MIN_NUMBER_DIGITS:
        return text[: end.start()], ""
    return text, ""
