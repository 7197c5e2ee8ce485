"""Calls as appointments: the tenant's task list, a new appointment, and finding it again.

The calls, as the reference documents them (``docs/en/api/reference/restful/rest/``):

- ``GET MDOList/task?flat=true`` (``List_MDO/v1MDOList_GetList.md``): the tasks the user may
  pick ("Use MDO List name "task"", says the AppointmentEntity's ``Task`` member);
- ``GET List/Task/Items`` (``List_Task/v1TaskList_GetAllTaskListItem.md``): the same tasks as
  TaskListItems, whose ``Type`` (``Phone``) and ``Direction`` say which is the phone call;
- ``GET Appointment/default`` then ``POST Appointment`` (``Appointment/
  v1AppointmentEntity_DefaultAppointmentEntity.md``, ``…_PostAppointmentEntity.md``): the
  entity NetServer fills in for a new one, with the call's person, company, task, times,
  ``Completed`` and description; sent once, never retried blindly;
- ``GET Appointment?$select=appointmentId,text&$filter=text contains '…'``
  (``…_GetAll.md``, the FindAppointment archive of ``archive-providers/reference/
  findappointment.md``): an appointment made from a log, found by the reference its text holds;
- ``PATCH Appointment/{id}`` with a JSON merge patch (``…_PatchAppointmentEntity.md``): the
  description brought up to date with a note typed after the log was sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from screenpop.core.calls import Direction
from screenpop.core.errors import DecodeError
from screenpop.core.wire import as_int, as_list, as_object, as_str, format_datetime
from screenpop.superoffice.errors import BadResponseError

if TYPE_CHECKING:
    from screenpop.superoffice.client import SuperOfficeClient

_TASK_TYPE_PHONE = "phone"  # EAppntRecordTypes 5, sent by name
_DIRECTION = {Direction.INCOMING: "incoming", Direction.OUTGOING: "outgoing"}
_MAX_FOUND = 10


@dataclass(frozen=True, slots=True)
class TaskChoice:
    """One entry of the tenant's task list. ``kind`` and ``direction`` are the TaskListItem's
    ``Type`` and ``Direction`` in lower case ("" where the tenant did not say)."""

    id: int
    name: str
    kind: str = ""
    direction: str = ""

    @property
    def is_phone_call(self) -> bool:
        return self.kind == _TASK_TYPE_PHONE

    def carrier(self) -> dict[str, Any]:
        """As the AppointmentEntity's ``Task`` member takes it: a TaskListItem."""
        return {"TaskListItemId": self.id, "Value": self.name}


def _flatten(items: Iterable[Any]) -> Iterable[dict[str, Any]]:
    for raw in items:
        item = as_object(raw, "MDOListItem")
        yield item
        yield from _flatten(as_list(item.get("ChildItems"), "ChildItems"))


async def task_list(client: SuperOfficeClient) -> list[TaskChoice]:
    """The tasks this user may pick, by rank, each with its kind where the tenant says it.
    A failure of the typed list (an older tenant, a right missing) leaves the names alone."""
    raw = await client.call("GET", "MDOList/task", params={"flat": "true"})
    try:
        choices = [
            TaskChoice(as_int(item.get("Id"), "Id"), as_str(item.get("Name")).strip())
            for item in _flatten(as_list(raw, "task list"))
            if item.get("Deleted") is not True
        ]
    except DecodeError as err:
        raise BadResponseError(f"SuperOffice sent a task list of an unknown shape: {err}") from None
    choices = [choice for choice in choices if choice.id > 0 and choice.name]
    kinds = await _task_kinds(client)
    return [TaskChoice(c.id, c.name, *kinds.get(c.id, ("", ""))) for c in _unique(choices)]


def _unique(choices: Sequence[TaskChoice]) -> list[TaskChoice]:
    seen: set[int] = set()
    unique = []
    for choice in choices:
        if choice.id not in seen:
            seen.add(choice.id)
            unique.append(choice)
    return unique


async def _task_kinds(client: SuperOfficeClient) -> dict[int, tuple[str, str]]:
    raw = await client.call("GET", "List/Task/Items")
    try:
        items = [as_object(item, "TaskListItem") for item in as_list(raw, "task items")]
        return {
            as_int(item.get("TaskListItemId"), "TaskListItemId"): (
                as_str(item.get("Type")).strip().lower(),
                as_str(item.get("Direction")).strip().lower(),
            )
            for item in items
        }
    except DecodeError as err:
        raise BadResponseError(f"SuperOffice sent task items of an unknown shape: {err}") from None


def pick_task(
    choices: Sequence[TaskChoice], wanted: str, direction: Direction
) -> TaskChoice | None:
    """The task named ``wanted`` (any case); with no name, the phone-call entry for the call's
    direction, else any phone-call entry; None when the list has neither."""
    if wanted.strip():
        name = wanted.strip().casefold()
        return next((c for c in choices if c.name.casefold() == name), None)
    phone = [c for c in choices if c.is_phone_call]
    same_way = [c for c in phone if c.direction == _DIRECTION[direction]]
    found = same_way or phone
    return found[0] if found else None


async def default_appointment(client: SuperOfficeClient) -> dict[str, Any]:
    raw = await client.call("GET", "Appointment/default")
    if not isinstance(raw, dict):
        raise BadResponseError("SuperOffice sent a default appointment of an unknown shape.")
    return raw


def default_task(default: dict[str, Any]) -> TaskChoice | None:
    """The task NetServer put on a new appointment, where it put one."""
    task = default.get("Task")
    if not isinstance(task, dict):
        return None
    try:
        task_id = as_int(task.get("TaskListItemId"), "TaskListItemId")
    except DecodeError:
        return None
    return TaskChoice(task_id, as_str(task.get("Value"))) if task_id > 0 else None


def new_appointment(
    default: dict[str, Any],
    *,
    person_id: int,
    contact_id: int,
    task: TaskChoice,
    start: datetime,
    end: datetime,
    description: str,
) -> dict[str, Any]:
    """The default entity with the call in it: a completed appointment in the past."""
    entity = dict(default)
    entity.update(
        AppointmentId=0,
        Contact={"ContactId": contact_id} if contact_id else None,
        Person={"PersonId": person_id} if person_id else None,
        Task=task.carrier(),
        StartDate=format_datetime(start),
        EndDate=format_datetime(end),
        ActiveDate=format_datetime(start),
        Description=description,
        Completed="Completed",
    )
    return entity


async def create_appointment(client: SuperOfficeClient, entity: dict[str, Any]) -> int:
    """POSTs ``entity`` once; the new appointment's id. An answer without one is a
    BadResponseError, though the appointment may exist (the caller looks for it)."""
    raw = await client.call("POST", "Appointment", retry=False, json=entity)
    try:
        appointment_id = as_int(as_object(raw, "AppointmentEntity").get("AppointmentId"), "id")
    except DecodeError:
        appointment_id = 0
    if appointment_id <= 0:
        raise BadResponseError("SuperOffice saved the appointment but sent no id for it.")
    return appointment_id


async def find_by_text(client: SuperOfficeClient, reference: str) -> list[tuple[int, str]]:
    """(id, text) of the appointments whose text holds ``reference`` (letters, digits and
    hyphens only: the archive's ``contains`` takes it literally)."""
    if not reference or not all(c.isalnum() or c == "-" for c in reference):
        raise ValueError(f"not a reference: {reference!r}")
    raw = await client.call(
        "GET",
        "Appointment",
        params={
            "$select": "appointmentId,text",
            "$filter": f"text contains '{reference}'",
            "$top": str(_MAX_FOUND),
        },
    )
    try:
        rows = as_list(as_object(raw, "archive answer").get("value"), "value")
        found = []
        for raw_row in rows:
            row = {str(k).lower(): v for k, v in as_object(raw_row, "row").items()}
            found.append(
                (as_int(row.get("appointmentid"), "appointmentId"), as_str(row.get("text")))
            )
    except DecodeError as err:
        raise BadResponseError(
            f"SuperOffice sent an appointment list of an unknown shape: {err}"
        ) from None
    return [(appointment_id, text) for appointment_id, text in found if appointment_id > 0]


async def set_description(client: SuperOfficeClient, appointment_id: int, text: str) -> None:
    """Replace the appointment's text (a JSON merge patch: setting it twice does no harm)."""
    await client.call("PATCH", f"Appointment/{appointment_id}", json={"Description": text})
