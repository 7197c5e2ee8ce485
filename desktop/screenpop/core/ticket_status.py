"""The tenant's ticket statuses: what a summary's ``TicketStatus`` id means.

``TicketStatus`` in a ticket summary is a *user-defined* status id
(``SuperOffice.WebApi.Data.TicketSummaryItem.yml``: "User defined ticket status"). The tenant
names its statuses in ``GET /api/v1/List/TicketStatus/Items``
(``restful/rest/List_TicketStatus/v1TicketStatusList_GetAllTicketStatusEntity.md``): each item
has ``TicketStatusId``, ``Name`` and ``Status``, the "classic" base status, sent as its name
(``SuperOffice.WebApi.Data.TicketBaseStatus.yml``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from screenpop.core.errors import DecodeError
from screenpop.core.wire import as_int, as_list, as_object, as_str


class TicketBaseStatus(StrEnum):
    """``TicketBaseStatus`` without its UI-only values (1001–1008), which no list item has."""

    UNKNOWN = "Unknown"
    ACTIVE = "Active"
    CLOSED = "Closed"
    POSTPONED = "Postponed"
    DELETED = "Deleted"
    MERGED = "Merged"
    SPAM = "Spam"


_BY_VALUE = dict(enumerate(TicketBaseStatus))
_BY_NAME = {status.value.casefold(): status for status in TicketBaseStatus}


def base_status(value: Any) -> TicketBaseStatus | None:
    """The base status from its name (as sent) or its number; None for anything else."""
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return _BY_VALUE.get(int(text))
        return _BY_NAME.get(text.casefold())
    if isinstance(value, int) and not isinstance(value, bool):
        return _BY_VALUE.get(value)
    return None


@dataclass(frozen=True, slots=True)
class TicketStatusItem:
    """One ``TicketStatusEntity`` of the list. ``status`` is None where the tenant sent a base
    status the reference does not list."""

    ticket_status_id: int
    name: str
    status: TicketBaseStatus | None
    time_counter: str = ""
    no_email_reopen: bool = False
    is_default: bool = False
    used_in_queue: bool = False

    @classmethod
    def from_wire(cls, raw: Any) -> TicketStatusItem:
        obj = as_object(raw, "TicketStatusEntity")
        status_id = as_int(obj.get("TicketStatusId"), "TicketStatusId", default=None)
        if status_id <= 0:
            raise DecodeError(f"TicketStatusId is not an id: {status_id}")
        return cls(
            ticket_status_id=status_id,
            name=as_str(obj.get("Name")),
            status=base_status(obj.get("Status")),
            time_counter=as_str(obj.get("TimeCounter")),
            no_email_reopen=obj.get("NoEmailReopen") is True,
            is_default=obj.get("IsDefault") is True,
            used_in_queue=obj.get("UsedInQueue") is True,
        )

    def to_wire(self) -> dict[str, Any]:
        return {
            "TicketStatusId": self.ticket_status_id,
            "Name": self.name,
            "Status": (self.status or TicketBaseStatus.UNKNOWN).value,
            "TimeCounter": self.time_counter,
            "NoEmailReopen": self.no_email_reopen,
            "IsDefault": self.is_default,
            "UsedInQueue": self.used_in_queue,
            "TableRight": None,
            "FieldProperties": {},
        }


@dataclass(frozen=True, slots=True)
class TicketStatusList:
    """A decoded list; ``skipped`` counts items that could not be read."""

    items: tuple[TicketStatusItem, ...]
    skipped: int = 0

    @classmethod
    def from_wire(cls, raw: Any) -> TicketStatusList:
        """Raises DecodeError when the answer is not a list at all."""
        items: list[TicketStatusItem] = []
        skipped = 0
        for entry in as_list(raw, "TicketStatus items") if raw is not None else []:
            try:
                items.append(TicketStatusItem.from_wire(entry))
            except DecodeError:
                skipped += 1
        return cls(tuple(items), skipped)


class TicketStatuses(Mapping[int, TicketStatusItem]):
    """Ticket status ids to the tenant's items: what the window and `screenpop summary` read
    status words from. Empty where the list never loaded."""

    def __init__(self, items: Iterable[TicketStatusItem] = ()) -> None:
        self._items = {item.ticket_status_id: item for item in items}

    def __getitem__(self, status_id: int) -> TicketStatusItem:
        return self._items[status_id]

    def __iter__(self) -> Any:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def unknown(self, status_ids: Iterable[int]) -> set[int]:
        """The ids the list does not name (0 is "no status", never looked up)."""
        return {i for i in status_ids if i > 0 and i not in self._items}
