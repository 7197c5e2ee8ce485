"""The demo tenant's diary: its task list, and the appointments logged on it while it serves.

Routes (under ``/{customer}/api/v1``), each in the documented shape:

- ``GET MDOList/task`` (``rest/List_MDO/v1MDOList_GetList.md``: MDOListItems) and
  ``GET List/Task/Items`` (``rest/List_Task/v1TaskList_GetAllTaskListItem.md``: TaskListItems,
  whose ``Type`` and ``Direction`` say which entries are phone calls).
- ``GET Appointment/default`` (``v1AppointmentEntity_DefaultAppointmentEntity.md``): the
  AppointmentEntity NetServer fills in for a new one: the signed-in associate, now, the
  default task.
- ``POST Appointment`` (``v1AppointmentEntity_PostAppointmentEntity.md``), checked as the
  reference types the members; required as the database documents them
  (``database/tables/appointment.md``: ``associate_id`` REQUIRED, ``task_idx`` not null; the
  dates are non-nullable ``DateTime``s in ``SuperOffice.WebApi.Data.AppointmentEntity``), the
  person one "registered on the current company", the text kept to its "max 2047 significant
  characters" (``database/tables/text.md``). Anything else is a 400 with a message.
- ``GET Appointment/{id}`` and ``PATCH Appointment/{id}`` (a JSON merge patch or a JSON Patch,
  ``v1AppointmentEntity_PatchAppointmentEntity.md``).
- ``GET Appointment?$select=…&$filter=…`` (``v1AppointmentEntity_GetAll.md``, the
  "FindAppointment" archive with the columns of ``archive-providers/reference/
  findappointment.md``): ``appointmentId``, ``text``, ``contactId``, ``personId``, ``date``,
  ``endDate``, ``registeredDate``, ``completed``, ``associateId``, filtered with the documented
  operators (``eq``/``ne``/``gt``/``ge``/``lt``/``le`` on numbers, ``oneOf`` on ids,
  ``contains``/``is``/``begins``/``notContains``/``isNot`` on text, ``before``/``after``/
  ``date`` on dates) joined by ``and``.

A logged appointment is one of its company's follow-ups in the contact summary from then on.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from screenpop.core.models import Activity, ContactSummary
from screenpop.core.wire import format_datetime
from screenpop.demo.archive_query import QueryError, find_rows, parse_date
from screenpop.demo.encoding import dumps

JSON = "application/json; charset=utf-8"
MAX_TEXT = 2047
FIRST_ID = 1_000_000_001  # above every generated follow-up's id
ACTIVITY_STATUSES = ("Unknown", "NotStarted", "Started", "Completed")
DEMO_ASSOCIATE = {
    "AssociateId": 101, "Name": "DEMO", "PersonId": 1001, "Rank": 1, "Tooltip": "Demo User",
    "Type": "Employee", "GroupIdx": 1, "FullName": "Demo User", "FormalName": "Demo User",
    "Deleted": False, "EjUserId": 0, "UserName": "demo", "ExtraFields": {}, "CustomFields": {},
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    name: str
    type: str  # EAppntRecordTypes by name: Appointment, Document, Email, Fax, Phone, ToDo
    direction: str  # EAppntDirection: Unknown, Incoming, Outgoing
    rank: int
    deleted: bool = False


TASKS = (
    Task(1, "Meeting", "Appointment", "Unknown", 1),
    Task(2, "Phone call (incoming)", "Phone", "Incoming", 2),
    Task(3, "Phone call (outgoing)", "Phone", "Outgoing", 3),
    Task(4, "To-do", "ToDo", "Unknown", 4),
    Task(5, "Customer visit", "Appointment", "Outgoing", 5),
    Task(6, "E-mail", "Email", "Outgoing", 6),
    Task(7, "Phone (old)", "Phone", "Incoming", 7, deleted=True),
)
DEFAULT_TASK = TASKS[0]
_STRINGS = ("Description", "Private", "Type", "Completed", "AlarmLeadTime", "LagTime",
            "LeadTime", "Location", "RejectReason", "AssignmentStatus", "InvitationStatus",
            "BookingType", "CautionWarning", "JoinVideomeetUrl", "CentralserviceVideomeetId",
            "Title", "Agenda", "InternalNotes")  # fmt: skip
_DATES = ("CreatedDate", "StartDate", "EndDate", "UpdatedDate", "ActiveDate",
          "PublishEventDate", "PublishTo", "PublishFrom")  # fmt: skip
_INTS = ("AppointmentId", "MotherId", "ActiveLinks", "ColorIndex", "RejectCounter",
         "PreferredTZLocation", "SuggestedAppointmentId")  # fmt: skip
_BOOLS = ("HasAlarm", "IsFree", "IsAlldayEvent", "HasConflict", "IsMileStone", "IsPublished")
_OBJECTS = ("Associate", "Contact", "CreatedBy", "UpdatedBy", "InvitedPerson", "Person",
            "Priority", "Project", "Recurrence", "AssignedBy", "MotherAssociate", "Task",
            "Sale", "UserDefinedFields", "ExtraFields", "CustomFields", "TableRight",
            "FieldProperties")  # fmt: skip
_ARRAYS = ("Links", "Participants", "VisibleFor")
MEMBERS = frozenset((*_STRINGS, *_DATES, *_INTS, *_BOOLS, *_OBJECTS, *_ARRAYS))


class DiaryTenant(Protocol):
    """What the diary needs of the tenant's companies and persons."""

    def has_contact(self, contact_id: int) -> bool: ...

    def contact_of_person(self, person_id: int) -> int | None: ...


class RequestError(QueryError):
    """A request the tenant refuses (400), with its message."""


def _json(value: Any, status: int = 200) -> Response:
    return Response(dumps(value), status, media_type=JSON)


def _error(status: int, message: str, kind: str = "BadRequest") -> Response:
    return _json({"Error": message, "ErrorType": kind}, status)


def check_types(body: dict[str, Any]) -> None:
    """Every member the reference types is of its type, or null where it is no value type."""
    for name, value in body.items():
        if name in _DATES and value is not None:
            parse_date(value, name)
        elif name in _STRINGS and value is not None and not isinstance(value, str):
            raise RequestError(f"{name} must be a string, not {json.dumps(value)}.")
        elif name in _INTS and (type(value) is not int):
            raise RequestError(f"{name} must be a whole number, not {json.dumps(value)}.")
        elif name in _BOOLS and not isinstance(value, bool):
            raise RequestError(f"{name} must be true or false, not {json.dumps(value)}.")
        elif name in _OBJECTS and value is not None and not isinstance(value, dict):
            raise RequestError(f"{name} must be an object, not {json.dumps(value)[:40]}.")
        elif name in _ARRAYS and value is not None and not isinstance(value, list):
            raise RequestError(f"{name} must be a list, not {json.dumps(value)[:40]}.")
    completed = body.get("Completed")
    if completed is not None and completed not in ACTIVITY_STATUSES:
        raise RequestError(f"Completed is an ActivityStatus ({', '.join(ACTIVITY_STATUSES)}).")


def _id_of(carrier: Any, member: str, name: str) -> int:
    if carrier is None:
        return 0
    value = carrier.get(member)
    if type(value) is not int or value < 0:
        raise RequestError(f"{name}.{member} must be a whole number, not {json.dumps(value)}.")
    return value


def task_carrier(task: Task) -> dict[str, Any]:
    """A TaskListItem (``rest/List_Task/v1TaskList_GetTaskListItem.md``)."""
    return {
        "TaskListItemId": task.id, "Value": task.name, "Direction": task.direction,
        "Type": task.type, "Tooltip": task.name, "Deleted": task.deleted, "IntentId": 0,
        "Rank": task.rank, "IsDefaultAlldayEvent": False, "IsDefaultFree": False,
        "IsDefaultPublished": False, "ColorIndex": "BlueAlt1",
        "DefaultVideomeetingStatus": "NoChange", "TableRight": None, "FieldProperties": {},
    }  # fmt: skip


def mdo_item(task: Task) -> dict[str, Any]:
    """An MDOListItem (``rest/List_MDO/v1MDOList_GetList.md``)."""
    return {
        "Id": task.id, "Name": task.name, "ToolTip": task.name, "Deleted": task.deleted,
        "Rank": task.rank, "Type": "", "ChildItems": [], "IconHint": "", "ColorBlock": 0,
        "ExtraInfo": "", "StyleHint": "", "FullName": task.name, "TableRight": None,
        "FieldProperties": {},
    }  # fmt: skip


class Diary:
    """The appointments made on the demo tenant, in memory while it serves (thread-safe)."""

    def __init__(
        self, tenant: DiaryTenant, customer: str, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self._tenant = tenant
        self._customer = customer
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._made: dict[int, dict[str, Any]] = {}
        self._next_id = FIRST_ID
        self.refusal = ""
        """Where set, every new appointment is refused with it (a tenant that will not take
        appointments from this user: a missing right, a full diary rule)."""

    # -- entities ---------------------------------------------------------------------------
    def default_entity(self) -> dict[str, Any]:
        now = self._clock().replace(microsecond=0)
        start = now.replace(minute=0, second=0) + timedelta(hours=1)
        entity: dict[str, Any] = dict.fromkeys(sorted(MEMBERS))
        entity.update(
            Associate=dict(DEMO_ASSOCIATE), CreatedDate=format_datetime(now), AppointmentId=0,
            Description="", StartDate=format_datetime(start),
            EndDate=format_datetime(start + timedelta(hours=1)), MotherId=0, Private="Public",
            Type="inDiary", UpdatedDate=format_datetime(now), Completed="NotStarted",
            ActiveLinks=0, Links=[], AlarmLeadTime="00:00:00", HasAlarm=False, ColorIndex=0,
            IsFree=False, IsAlldayEvent=False, LagTime="00:00:00", LeadTime="00:00:00",
            Location="", RejectCounter=0, RejectReason="", Participants=[],
            AssignmentStatus="None", InvitationStatus="None", BookingType="None",
            ActiveDate=format_datetime(start), HasConflict=False,
            Task=task_carrier(DEFAULT_TASK), PreferredTZLocation=0, SuggestedAppointmentId=0,
            IsMileStone=False, CautionWarning="OK", JoinVideomeetUrl="",
            CentralserviceVideomeetId="", Title="", Agenda="", InternalNotes="",
            UserDefinedFields={}, ExtraFields={}, CustomFields={}, IsPublished=False,
            VisibleFor=[], FieldProperties={},
        )  # fmt: skip
        return entity

    def _checked(self, body: dict[str, Any]) -> dict[str, Any]:
        """The appointment ``body`` describes, as it would be stored; RequestError if the
        tenant cannot store it."""
        check_types(body)
        start = body.get("StartDate")
        end = body.get("EndDate")
        if start is None or end is None:
            raise RequestError("StartDate and EndDate are required.")
        if parse_date(end, "EndDate") < parse_date(start, "StartDate"):
            raise RequestError("EndDate is before StartDate.")
        if _id_of(body.get("Associate"), "AssociateId", "Associate") <= 0:
            raise RequestError("Associate is required: the diary the appointment is in.")
        task_id = _id_of(body.get("Task"), "TaskListItemId", "Task")
        task = next((t for t in TASKS if t.id == task_id and not t.deleted), None)
        if task is None:
            raise RequestError(f"Task {task_id} is not in the task list.")
        contact_id = _id_of(body.get("Contact"), "ContactId", "Contact")
        person_id = _id_of(body.get("Person"), "PersonId", "Person")
        if contact_id and not self._tenant.has_contact(contact_id):
            raise RequestError(f"Contact {contact_id} does not exist.")
        if person_id:
            owner = self._tenant.contact_of_person(person_id)
            if owner is None or owner != contact_id:
                raise RequestError(
                    f"Person {person_id} is not a contact person of company {contact_id}."
                )
        stored = dict.fromkeys(sorted(MEMBERS))
        stored.update({k: v for k, v in body.items() if k in MEMBERS})
        stored["Task"] = task_carrier(task)
        stored["Description"] = (body.get("Description") or "")[:MAX_TEXT]
        stored["Contact"] = {"ContactId": contact_id} if contact_id else None
        stored["Person"] = {"PersonId": person_id, "ContactId": contact_id} if person_id else None
        stored["Completed"] = body.get("Completed") or "NotStarted"
        return stored

    def create(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise RequestError("The request body is not an AppointmentEntity object.")
        if self.refusal:
            raise RequestError(self.refusal)
        stored = self._checked(body)
        now = format_datetime(self._clock())
        with self._lock:
            appointment_id = self._next_id
            self._next_id += 1
            stored.update(AppointmentId=appointment_id, CreatedDate=now, UpdatedDate=now,
                          CreatedBy=dict(DEMO_ASSOCIATE), UpdatedBy=dict(DEMO_ASSOCIATE),
                          ActiveDate=stored["StartDate"])  # fmt: skip
            self._made[appointment_id] = stored
        return self._with_links(stored)

    def get(self, appointment_id: int) -> dict[str, Any] | None:
        with self._lock:
            found = self._made.get(appointment_id)
        return None if found is None else self._with_links(found)

    def patch(self, appointment_id: int, changes: Any) -> dict[str, Any] | None:
        """A JSON merge patch (an object) or a JSON Patch (a list of replace/add operations on
        top-level members); None for an appointment the tenant does not have."""
        merge = _merge_patch(changes)
        with self._lock:
            found = self._made.get(appointment_id)
            if found is None:
                return None
            updated = self._checked({**found, **merge, "AppointmentId": appointment_id})
            updated.update(
                CreatedDate=found["CreatedDate"], CreatedBy=found["CreatedBy"],
                UpdatedDate=format_datetime(self._clock()), ActiveDate=updated["StartDate"],
            )  # fmt: skip
            self._made[appointment_id] = updated
        return self._with_links(updated)

    def _with_links(self, stored: dict[str, Any]) -> dict[str, Any]:
        base = f"/{self._customer}/api/v1/Appointment"
        return {**stored, "_Links": {"Self": f"{base}/{stored['AppointmentId']}",
                                     "Archive": base}}  # fmt: skip

    def all(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._made.values())

    # -- the summary ------------------------------------------------------------------------
    def followups(self, contact_id: int) -> list[Activity]:
        made = [a for a in self.all() if (a["Contact"] or {}).get("ContactId") == contact_id]
        return [
            Activity(
                appointment_id=a["AppointmentId"],
                document_id=0,
                date=parse_date(a["StartDate"], "StartDate"),
                description=a["Description"],
                completed=a["Completed"],
                registered=parse_date(a["CreatedDate"], "CreatedDate"),
            )
            for a in made
        ]

    def with_logged(self, summary: ContactSummary, contact_id: int) -> ContactSummary:
        """The summary with the appointments made here among its follow-ups, newest first."""
        made = self.followups(contact_id)
        if not made:
            return summary
        never = datetime(1900, 1, 1, tzinfo=UTC)
        followups = sorted([*made, *summary.followups], key=lambda a: a.date or never, reverse=True)
        return replace(summary, followups=followups)

    # -- FindAppointment --------------------------------------------------------------------
    def find(self, select: str | None, filter_text: str | None, top: int | None) -> dict[str, Any]:
        value = find_rows(self.all(), select, filter_text, top)
        return {"odata.metadata": f"/{self._customer}/api/v1/archive$metadata",
                "odata.nextLink": "", "value": value}  # fmt: skip

    # -- routes -----------------------------------------------------------------------------
    def routes(self, api: Callable[[Callable[[Request], Awaitable[Response]]], Any]) -> list[Route]:
        """The routes, each behind ``api`` (the server's sign-in and host checks)."""
        return [
            Route("/api/v1/MDOList/task", api(self._mdo_tasks), methods=["GET"]),
            Route("/api/v1/List/Task/Items", api(self._task_items), methods=["GET"]),
            Route("/api/v1/Appointment/default", api(self._default), methods=["GET"]),
            Route("/api/v1/Appointment", api(self._collection), methods=["GET", "POST"]),
            Route("/api/v1/Appointment/{id}", api(self._one), methods=["GET", "PATCH"]),
        ]

    async def _mdo_tasks(self, request: Request) -> Response:
        query = (_param(request, "query") or "").strip().lower()
        items = [mdo_item(t) for t in TASKS if not t.deleted and query in t.name.lower()]
        return _json(items)

    async def _task_items(self, request: Request) -> Response:
        include = (_param(request, "includedeleted") or "").lower() == "true"
        return _json([task_carrier(t) for t in TASKS if include or not t.deleted])

    async def _default(self, _request: Request) -> Response:
        return _json(self.default_entity())

    async def _collection(self, request: Request) -> Response:
        try:
            if request.method == "POST":
                return _json(self.create(await _body(request)))
            top_text = _param(request, "$top")
            if top_text is not None and not top_text.isdigit():
                raise RequestError(f"$top must be a whole number, not {top_text!r}.")
            top = int(top_text) if top_text is not None else None
            return _json(self.find(_param(request, "$select"), _param(request, "$filter"), top))
        except QueryError as err:
            return _error(400, str(err))

    async def _one(self, request: Request) -> Response:
        raw = request.path_params["id"]
        if not (raw.isascii() and raw.isdigit()):
            return _error(404, f"Appointment {raw} not found", "NotFound")
        try:
            if request.method == "PATCH":
                found = self.patch(int(raw), await _body(request))
            else:
                found = self.get(int(raw))
        except QueryError as err:
            return _error(400, str(err))
        if found is None:
            return _error(404, f"Appointment {int(raw)} not found", "NotFound")
        return _json(found)


def _param(request: Request, name: str) -> str | None:
    for key, value in request.query_params.multi_items():
        if key.lower() == name.lower():
            return value
    return None


async def _body(request: Request) -> Any:
    try:
        return json.loads(await request.body())
    except ValueError:
        raise RequestError("The request body is not JSON.") from None


def _merge_patch(changes: Any) -> dict[str, Any]:
    if isinstance(changes, dict):
        patch = changes
    elif isinstance(changes, list):
        patch = {}
        for operation in changes:
            if not isinstance(operation, dict) or operation.get("op") not in ("add", "replace"):
                raise RequestError("Only add and replace operations are supported here.")
            path = str(operation.get("path", "")).lstrip("/")
            patch[path] = operation.get("value")
    else:
        raise RequestError("The body is neither a JSON Patch nor a JSON Merge Patch.")
    fixed: dict[str, Any] = {}
    for name, value in patch.items():
        member = next((m for m in MEMBERS if m.lower() == str(name).lower()), None)
        if member is None:
            raise RequestError(f"AppointmentEntity has no member {name!r}.")
        fixed[member] = value
    return fixed
