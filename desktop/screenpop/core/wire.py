"""Tolerant readers for the untyped JSON values the SuperOffice Web API sends.

The API documents types loosely (a ``long`` may arrive as a JSON string or float), and error
tolerance belongs in one place: every model decoder goes through these helpers.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from screenpop.core.errors import DecodeError

# SuperOffice writes "no date" as the .NET minimum.
_NO_DATE_YEARS = (1, 1753)


def as_int(value: Any, field: str, *, default: int | None = 0) -> int:
    """An integer from an int, an integral float or a numeric string."""
    if value is None or value == "":
        if default is None:
            raise DecodeError(f"{field} is missing")
        return default
    if isinstance(value, bool):
        raise DecodeError(f"{field} is not a number: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or value != int(value):
            raise DecodeError(f"{field} is not a whole number: {value!r}")
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                raise DecodeError(f"{field} is not a number: {value!r}") from None
            return as_int(number, field)
    raise DecodeError(f"{field} is not a number: {value!r}")


def as_float(value: Any, field: str) -> float:
    if value is None or value == "":
        return 0.0
    if isinstance(value, bool):
        raise DecodeError(f"{field} is not a number: {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise DecodeError(f"{field} is not a number: {value!r}") from None
    if not math.isfinite(number):
        raise DecodeError(f"{field} is not a finite number: {value!r}")
    return number


def as_str(value: Any) -> str:
    """Text for display; anything that is not a string is shown as its JSON-ish text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return str(value)


def as_datetime(value: Any, field: str) -> datetime | None:
    """An ISO 8601 timestamp (SuperOffice sends 7 fractional digits and an offset)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise DecodeError(f"{field} is not a date: {value!r}")
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise DecodeError(f"{field} is not a date: {value!r}") from None
    if moment.year in _NO_DATE_YEARS:
        return None
    return moment


def format_datetime(moment: datetime | None) -> str | None:
    """The inverse of :func:`as_datetime`, in the API's own 7-digit form."""
    if moment is None:
        return None
    base = moment.strftime("%Y-%m-%dT%H:%M:%S")
    fraction = f"{moment.microsecond:06d}0"
    offset = moment.strftime("%z")
    if offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    return f"{base}.{fraction}{offset}"


def as_list(value: Any, field: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise DecodeError(f"{field} is not a list")
    return value


def as_object(value: Any, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DecodeError(f"{field} is not an object")
    return value


def text_member(obj: dict[str, Any], key: str) -> str:
    """A member the reference types as a string; "" for null, or an object or list in its
    place (one unreadable member never costs the rest)."""
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return as_str(value)


def int_member(obj: dict[str, Any], key: str) -> int:
    """A member the reference types as a number; 0 when it is not one."""
    try:
        return as_int(obj.get(key), key)
    except DecodeError:
        return 0
