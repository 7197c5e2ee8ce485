"""The demo tenant's diary answers as the reference documents, and refuses what a real tenant
refuses. Each test names the file of SuperOfficeDocs/superoffice-docs it follows (paths under
``docs/en/api/reference/restful/rest/`` unless they say otherwise)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from screenpop.demo.appointments import MEMBERS, TASKS
from tests.pure import test_demo_reference as reference

API = reference.API
demo = reference.demo  # the same in-process demo tenant (seed 1, 500 persons)

# restful/rest/List_MDO/v1MDOList_GetList.md, "Response body: array"
MDO_ITEM = {
    "Id",
    "Name",
    "ToolTip",
    "Deleted",
    "Rank",
    "Type",
    "ChildItems",
    "IconHint",
    "ColorBlock",
    "ExtraInfo",
    "StyleHint",
    "FullName",
    "TableRight",
    "FieldProperties",
}
# restful/rest/List_Task/v1TaskList_GetAllTaskListItem.md
TASK_LIST_ITEM = {"TaskListItemId", "Value", "Direction", "Type", "Tooltip", "Deleted",
                  "IntentId", "Rank", "IsDefaultAlldayEvent", "IsDefaultFree",
                  "IsDefaultPublished", "ColorIndex", "DefaultVideomeetingStatus", "TableRight",
                  "FieldProperties"}  # fmt: skip


async def _default(demo: httpx.AsyncClient) -> dict[str, Any]:
    answer = await demo.get(f"{API}/Appointment/default")
    assert answer.status_code == 200
    return dict(answer.json())


async def _logged(demo: httpx.AsyncClient, **changes: Any) -> httpx.Response:
    entity = await _default(demo)
    entity.update(
        Contact={"ContactId": 1}, Person={"PersonId": 3}, Task={"TaskListItemId": 2},
        StartDate="2026-05-04T10:00:00.0000000+02:00", EndDate="2026-05-04T10:03:12.0000000+02:00",
        Description="Incoming call from +47 22 33 44 55\n\nScreenpop spcall-0123456789abcdef0123",
        Completed="Completed",
    )  # fmt: skip
    entity.update(changes)
    return await demo.post(f"{API}/Appointment", json=entity)


async def test_the_task_list_is_an_mdo_list(demo: httpx.AsyncClient) -> None:
    """List_MDO/v1MDOList_GetList.md; the AppointmentEntity's Task: "Use MDO List name
    "task" to get list items" (Appointment/v1AppointmentEntity_PostAppointmentEntity.md)."""
    answer = await demo.get(f"{API}/MDOList/task", params={"flat": "true"})
    items = answer.json()
    assert answer.status_code == 200 and items
    assert all(set(item) == MDO_ITEM and item["Deleted"] is False for item in items)
    assert {item["Name"] for item in items} == {t.name for t in TASKS if not t.deleted}
    searched = (await demo.get(f"{API}/MDOList/task", params={"query": "phone"})).json()
    assert [item["Id"] for item in searched] == [2, 3]


async def test_the_task_items_say_which_are_phone_calls(demo: httpx.AsyncClient) -> None:
    """List_Task/v1TaskList_GetAllTaskListItem.md: Type "5 = phone", Direction "1 = incoming,
    2 = outgoing", sent by name as in its sample ("Direction": "Incoming")."""
    items = (await demo.get(f"{API}/List/Task/Items")).json()
    assert all(set(item) == TASK_LIST_ITEM for item in items)
    phones = {item["Value"]: item["Direction"] for item in items if item["Type"] == "Phone"}
    assert phones == {"Phone call (incoming)": "Incoming", "Phone call (outgoing)": "Outgoing"}
    with_deleted = (await demo.get(f"{API}/List/Task/Items?includeDeleted=True")).json()
    assert len(with_deleted) == len(items) + 1


async def test_the_default_is_the_whole_entity(demo: httpx.AsyncClient) -> None:
    """Appointment/v1AppointmentEntity_DefaultAppointmentEntity.md: "NetServer calculates
    default values on the entity, which is required when creating/storing a new instance"."""
    entity = await _default(demo)
    assert set(entity) == MEMBERS
    assert entity["AppointmentId"] == 0 and entity["Associate"]["AssociateId"] > 0
    assert entity["Task"]["TaskListItemId"] == 1 and entity["Completed"] == "NotStarted"
    assert entity["StartDate"].endswith("+00:00") and len(entity["StartDate"]) == 33


async def test_a_logged_call_is_saved_and_is_a_follow_up(demo: httpx.AsyncClient) -> None:
    """Appointment/v1AppointmentEntity_PostAppointmentEntity.md (AppointmentEntityWithLinks);
    the summary's Followups are ActivitySummaryItems (soap/Services88/Contact/
    GetContactSummary.md)."""
    answer = await _logged(demo)
    assert answer.status_code == 200, answer.text
    saved = answer.json()
    assert set(saved) == MEMBERS | {"_Links"}
    assert saved["AppointmentId"] > 1_000_000_000
    assert saved["Task"]["Value"] == "Phone call (incoming)"
    assert saved["Person"]["PersonId"] == 3 and saved["Contact"]["ContactId"] == 1
    summary = (await demo.get(f"{API}/Contact/1/Summary", params={"limit": 5})).json()
    # Among the company's follow-ups, in date order (upcoming ones first, as the summary has).
    dates = [item["Date"] for item in summary["Followups"]]
    assert dates == sorted(dates, reverse=True)
    (first,) = [f for f in summary["Followups"] if f["AppointmentId"] == saved["AppointmentId"]]
    assert first["Completed"] == "Completed" and first["Description"].startswith("Incoming call")
    assert set(first) == {"AppointmentId", "DocumentId", "Date", "Description", "Completed",
                          "Registered"}  # fmt: skip
    fetched = (await demo.get(f"{API}/Appointment/{saved['AppointmentId']}")).json()
    assert fetched["Description"] == saved["Description"]


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        # SuperOffice.WebApi.Data.AppointmentEntity: StartDate/EndDate are DateTime (not null)
        ({"StartDate": None}, "StartDate and EndDate are required"),
        ({"EndDate": "tomorrow"}, "EndDate is not a date"),
        ({"EndDate": "2026-05-04T09:00:00+02:00"}, "EndDate is before StartDate"),
        # database/tables/appointment.md: associate_id "REQUIRED"; task_idx not nullable
        ({"Associate": None}, "Associate is required"),
        ({"Task": None}, "Task 0 is not in the task list"),
        ({"Task": {"TaskListItemId": 7}}, "Task 7 is not in the task list"),  # deleted
        ({"Task": {"TaskListItemId": "2"}}, "Task.TaskListItemId must be a whole number"),
        # PostAppointmentEntity.md, Person: "this must be a contact person registered on the
        # current company"
        ({"Person": {"PersonId": 400}}, "Person 400 is not a contact person of company 1"),
        ({"Contact": {"ContactId": 999_999}}, "Contact 999999 does not exist"),
        # The members as typed (string, bool, ActivityStatus by name)
        ({"Description": 17}, "Description must be a string"),
        ({"IsFree": "no"}, "IsFree must be true or false"),
        ({"Completed": "Done"}, "Completed is an ActivityStatus"),
        ({"Links": {}}, "Links must be a list"),
    ],
)
async def test_what_the_reference_requires_is_required(
    demo: httpx.AsyncClient, changes: dict[str, Any], says: str
) -> None:
    answer = await _logged(demo, **changes)
    assert answer.status_code == 400
    assert says in answer.json()["Error"]


async def test_not_an_entity_is_a_400(demo: httpx.AsyncClient) -> None:
    for body in (b"not json", b"[1, 2]"):
        answer = await demo.post(f"{API}/Appointment", content=body)
        assert answer.status_code == 400 and answer.json()["ErrorType"] == "BadRequest"


async def test_the_text_keeps_its_2047_significant_characters(demo: httpx.AsyncClient) -> None:
    """database/tables/text.md: "max 2047 significant characters"."""
    saved = (await _logged(demo, Description="x" * 100_000)).json()
    assert len(saved["Description"]) == 2047


async def test_find_appointment_by_its_text(demo: httpx.AsyncClient) -> None:
    """Appointment/v1AppointmentEntity_GetAll.md ("Calls the Archive service using the
    "FindAppointment" archive", ODataSlimResponse); the columns and their restriction types
    from archive-providers/reference/findappointment.md."""
    first = (await _logged(demo)).json()["AppointmentId"]
    other = "Outgoing call to +47 22 33 44 55\n\nScreenpop spcall-ffffffffffffffffffff"
    second = (await _logged(demo, Description=other)).json()["AppointmentId"]
    answer = await demo.get(
        f"{API}/Appointment",
        params={"$select": "appointmentId,text",
                "$filter": "text contains 'spcall-0123456789abcdef0123'"},
    )  # fmt: skip
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == {"odata.metadata", "odata.nextLink", "value"}
    assert [(row["appointmentId"], row["PrimaryKey"]) for row in body["value"]] == [(first, first)]
    assert set(body["value"][0]) == {"PrimaryKey", "EntityName", "appointmentId", "text"}
    both = await demo.get(
        f"{API}/Appointment",
        params={"$filter": "contactId eq 1 and date after '2026-05-01' and completed eq true",
                "$top": "5"},
    )  # fmt: skip
    assert [row["appointmentId"] for row in both.json()["value"]] == [first, second]


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"$filter": "text like 'x'"}, "'like' is not an operator for text"),
        ({"$filter": "title contains 'x'"}, "no column 'title'"),
        ({"$filter": "contactId eq 'one'"}, "contactId takes a number"),
        ({"$filter": "text contains"}, "Cannot read the filter term"),
        ({"$select": "appointmentId,subject"}, "no column 'subject'"),
        ({"$top": "many"}, "$top must be a whole number"),
    ],
)
async def test_a_query_the_archive_cannot_read_is_a_400(
    demo: httpx.AsyncClient, params: dict[str, str], says: str
) -> None:
    answer = await demo.get(f"{API}/Appointment", params=params)
    assert answer.status_code == 400 and says in answer.json()["Error"]


async def test_patch_merges_or_applies_a_json_patch(demo: httpx.AsyncClient) -> None:
    """Appointment/v1AppointmentEntity_PatchAppointmentEntity.md: a JSON Merge Patch or a
    JSON Patch ("add", "replace"); 404 for an id the tenant does not have."""
    saved = (await _logged(demo)).json()
    url = f"{API}/Appointment/{saved['AppointmentId']}"
    merged = await demo.patch(url, json={"Description": "With a note"})
    assert merged.status_code == 200 and merged.json()["Description"] == "With a note"
    patched = await demo.patch(url, json=[{"op": "replace", "path": "/description",
                                           "value": "Patched"}])  # fmt: skip
    assert patched.json()["Description"] == "Patched"
    assert patched.json()["CreatedDate"] == saved["CreatedDate"]
    refused = await demo.patch(url, json={"Description": 5})
    assert refused.status_code == 400
    missing = await demo.patch(f"{API}/Appointment/42", json={"Description": "x"})
    assert missing.status_code == 404


async def test_the_diary_needs_a_sign_in(demo: httpx.AsyncClient) -> None:
    answer = await demo.get(f"{API}/Appointment/default", auth=("demo", "wrong"))
    assert answer.status_code == 401
