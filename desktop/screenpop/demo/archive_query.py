"""The demo tenant's "FindAppointment" archive, as ``GET Appointment`` reads it with OData.

``rest/Appointment/v1AppointmentEntity_GetAll.md``: ``$select`` names columns, ``$filter``
restricts them with the operators it lists, joined by ``and``; the columns are those of
``archive-providers/reference/findappointment.md`` an appointment the demo made has:
``appointmentId``, ``text`` (its description), ``contactId``, ``personId``, ``date``,
``endDate``, ``registeredDate``, ``completed``, ``associateId``. A term the archive cannot
read is a 400 with a message, as a real tenant refuses a bad filter.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

COLUMNS = {
    "appointmentid": "int", "text": "string", "contactid": "list", "personid": "list",
    "date": "date", "enddate": "date", "registereddate": "date", "completed": "bool",
    "associateid": "list",
}  # fmt: skip
OPERATORS = {
    "int": ("eq", "ne", "gt", "ge", "lt", "le"),
    "list": ("eq", "oneOf"),
    "string": ("contains", "is", "begins", "notContains", "isNot"),
    "date": ("before", "after", "date"),
    "bool": ("eq",),
}
_TERM = re.compile(r"\s*([A-Za-z]+)\s+([A-Za-z]+)\s+('(?:[^']|'')*'|-?\d+|true|false)\s*$")


class QueryError(Exception):
    """A query the archive cannot read (a 400), with its message."""


def parse_date(value: Any, name: str) -> datetime:
    if not isinstance(value, str):
        raise QueryError(f"{name} must be a date, not {value!r}.")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise QueryError(f"{name} is not a date: {value!r}.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def columns_of(appointment: dict[str, Any]) -> dict[str, Any]:
    """An AppointmentEntity as the archive's columns (by lower-case name)."""
    a = appointment
    return {
        "appointmentid": a["AppointmentId"],
        "text": a["Description"],
        "contactid": (a["Contact"] or {}).get("ContactId", 0),
        "personid": (a["Person"] or {}).get("PersonId", 0),
        "date": a["StartDate"],
        "enddate": a["EndDate"],
        "registereddate": a["CreatedDate"],
        "completed": a["Completed"] == "Completed",
        "associateid": (a["Associate"] or {}).get("AssociateId", 0),
    }


def find_rows(
    appointments: list[dict[str, Any]], select: str | None, filter_text: str | None,
    top: int | None,
) -> list[dict[str, Any]]:  # fmt: skip
    """The archive rows (``PrimaryKey``, ``EntityName`` and the selected columns, named as
    asked) of the appointments the filter keeps, by id."""
    columns = [c.strip() for c in (select or "appointmentId").split(",") if c.strip()]
    for column in columns:
        if column.lower() not in COLUMNS:
            raise QueryError(f"FindAppointment has no column {column!r}.")
    terms = parse_filter(filter_text or "")
    rows = [columns_of(a) for a in appointments]
    chosen = sorted(
        (row for row in rows if all(_holds(row, *term) for term in terms)),
        key=lambda row: row["appointmentid"],
    )
    if top is not None:
        chosen = chosen[:top]
    return [
        {"PrimaryKey": row["appointmentid"], "EntityName": "appointment",
         **{column: row[column.lower()] for column in columns}}
        for row in chosen
    ]  # fmt: skip


def parse_filter(text: str) -> list[tuple[str, str, Any]]:
    if not text.strip():
        return []
    terms = []
    for part in re.split(r"\s+and\s+", text.strip(), flags=re.IGNORECASE):
        found = _TERM.match(part)
        if found is None:
            raise QueryError(f"Cannot read the filter term {part.strip()!r}.")
        column, operator, raw = found.group(1).lower(), found.group(2), found.group(3)
        kind = COLUMNS.get(column)
        if kind is None:
            raise QueryError(f"FindAppointment has no column {found.group(1)!r}.")
        value: Any = raw[1:-1].replace("''", "'") if raw.startswith("'") else raw
        if operator not in OPERATORS[kind]:
            raise QueryError(f"{operator!r} is not an operator for {found.group(1)}.")
        if kind in ("int", "list"):
            try:
                value = int(value)
            except ValueError:
                raise QueryError(f"{found.group(1)} takes a number, not {raw}.") from None
        elif kind == "date":
            value = parse_date(value, found.group(1))
        elif kind == "bool":
            value = str(value).lower() == "true"
        terms.append((column, operator, value))
    return terms


def _holds(row: dict[str, Any], column: str, operator: str, value: Any) -> bool:
    have = row[column]
    if operator in ("eq", "oneOf", "is"):
        return bool(have == value)
    if operator in ("ne", "isNot"):
        return bool(have != value)
    if operator in ("gt", "ge", "lt", "le"):
        return bool({"gt": have > value, "ge": have >= value, "lt": have < value,
                     "le": have <= value}[operator])  # fmt: skip
    if operator == "contains":
        return str(value).lower() in str(have).lower()
    if operator == "notContains":
        return str(value).lower() not in str(have).lower()
    if operator == "begins":
        return str(have).lower().startswith(str(value).lower())
    moment = parse_date(have, column)
    asked: datetime = value
    if operator == "before":
        return moment < asked
    if operator == "after":
        return moment > asked
    return moment.date() == asked.date()
