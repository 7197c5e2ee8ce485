"""Sends the outbox's call logs to SuperOffice: one at a time, each exactly once.

The way of one log (:mod:`screenpop.superoffice.appointments` has the calls):

1. A log whose earlier POST may have made the appointment (``uncertain``: the answer was
   lost, a 5xx, the app killed in the middle) is first looked for by the reference its text
   holds. Found: it is sent, with that appointment's id. Not found: sending it is safe. It is
   looked for only once the earlier request must be over (``CHECK_AFTER_S`` after the failure,
   ``IN_FLIGHT_S`` after an attempt the app did not live to see the end of), so a tenant
   still working on the first POST cannot be asked too early.
2. ``GET Appointment/default``, then one ``POST Appointment``; the attempt is on disk before
   the request leaves. A 400 is the tenant's refusal, kept in its words for the agent to
   retry or discard; a 401 waits for a sign-in; anything else waits and tries again.
3. A note changed after the log went out is brought to the appointment (an idempotent
   PATCH).

No storm: while the tenant fails, the sender waits, growing from seconds to minutes with
jitter, and a new log does not cut the wait short; a person's Retry, a sign-in or a sync that
worked again (:meth:`CallLogSender.kick` with ``now``) does.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from screenpop.core.call_log import appointment_times, description, has_marker, marker
from screenpop.store.outbox import LogRow, Outbox, OutboxCounts, OutboxError
from screenpop.superoffice.appointments import (
    TaskChoice,
    create_appointment,
    default_appointment,
    default_task,
    find_by_text,
    new_appointment,
    pick_task,
    set_description,
    task_list,
)
from screenpop.superoffice.errors import AuthenticationError, ServerError, SuperOfficeError

if TYPE_CHECKING:
    from screenpop.superoffice.client import SuperOfficeClient

log = logging.getLogger(__name__)

# After a POST whose answer said nothing certain: a tenant that got it has saved it by then.
CHECK_AFTER_S = 15.0
# An attempt the app did not see the end of (it was killed): the read timeout, then as above.
IN_FLIGHT_S = 45.0
BASE_BACKOFF_S = 1.0
MAX_BACKOFF_S = 300.0
# While SuperOffice wants a sign-in, look again now and then (a password fixed elsewhere).
SIGN_IN_RECHECK_S = 900.0
TASKS_MAX_AGE_S = 3600.0
TASKS_RETRY_S = 60.0
# 4xx that say nothing was done and that waiting may cure; other 4xx are refusals.
_NOT_DONE_WAIT = frozenset({408, 429})


class SenderHealth(StrEnum):
    IDLE = "idle"
    SENDING = "sending"
    OFFLINE = "offline"  # the tenant failed; waiting before the next try
    SIGN_IN_NEEDED = "sign-in-needed"


@dataclass(frozen=True, slots=True)
class SenderStatus:
    counts: OutboxCounts
    health: SenderHealth
    detail: str = ""  # why it waits, in one line


class _Refused(Exception):
    """The tenant refused this log (or cannot take it as set up), in words for the agent."""


class CallLogSender:
    """Works the outbox until stopped. ``on_status`` hears every change of what waits and of
    the link's health; ``on_sent`` each log once it is in SuperOffice (its company's window
    may show it). Both run on the event loop and must not block."""

    def __init__(
        self,
        outbox: Outbox,
        client: Callable[[], SuperOfficeClient],
        *,
        on_status: Callable[[SenderStatus], None] = lambda _status: None,
        on_sent: Callable[[LogRow], None] = lambda _row: None,
        clock: Callable[[], float] = time.time,
        check_after_s: float = CHECK_AFTER_S,
        base_backoff_s: float = BASE_BACKOFF_S,
        max_backoff_s: float = MAX_BACKOFF_S,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._outbox = outbox
        self._client = client
        self._on_status = on_status
        self._on_sent = on_sent
        self._clock = clock
        self._check_after_s = check_after_s
        self._base_backoff_s = base_backoff_s
        self._max_backoff_s = max_backoff_s
        self._jitter = jitter
        self._wake = asyncio.Event()
        self._waiting_out = False  # in a backoff: only an urgent kick ends it
        self._failures = 0
        self._tasks: tuple[float, list[TaskChoice]] | None = None
        self._tasks_failed: tuple[float, SuperOfficeError] | None = None
        self._task: asyncio.Task[None] | None = None
        self.status = SenderStatus(OutboxCounts(), SenderHealth.IDLE)

    # -- running ------------------------------------------------------------------------------
    def start(self) -> asyncio.Task[None]:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self.run(), name="call logs")
        return self._task

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def kick(self, *, now: bool = False) -> None:
        """There is work (a new log, a note): send it when the sender may. ``now``: a person
        asked, or the tenant is back: end a wait after failures too."""
        if now:
            self._failures = 0
            self._waiting_out = False
            self._tasks_failed = None
        if not self._waiting_out:
            self._wake.set()
        self.report()

    def forget_tasks(self) -> None:
        """The tenant or the chosen task changed: read the task list again."""
        self._tasks = self._tasks_failed = None

    async def run(self) -> None:
        while True:
            try:
                row = self._outbox.next_work(self._clock())
            except OutboxError as err:
                log.warning("call logs not sent: %s", err.message)
                await self._pause(self._backoff(), SenderHealth.OFFLINE, err.message)
                continue
            if row is None:
                self._set(SenderHealth.IDLE)
                due = self._outbox.next_due_at()
                await self._sleep(None if due is None else max(0.0, due - self._clock()))
                continue
            await self._work(row)

    async def _work(self, row: LogRow) -> None:
        self._set(SenderHealth.SENDING)
        try:
            await self._send(row)
        except AuthenticationError as err:
            log.info("call log %s waits for a sign-in: %s", row.log_id, err.message)
            await self._pause(SIGN_IN_RECHECK_S, SenderHealth.SIGN_IN_NEEDED, err.message)
        except (SuperOfficeError, OutboxError) as err:
            log.info("call log %s not sent: %s", row.log_id, err.message)
            await self._pause(self._backoff(), SenderHealth.OFFLINE, err.message)
        else:
            self._failures = 0
        self.report()

    async def _pause(self, seconds: float, health: SenderHealth, detail: str) -> None:
        self._set(health, detail)
        self._waiting_out = True
        try:
            await self._sleep(seconds)
        finally:
            self._waiting_out = False

    async def _sleep(self, seconds: float | None) -> None:
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)

    def _backoff(self) -> float:
        self._failures += 1
        ceiling: float = min(
            self._max_backoff_s, self._base_backoff_s * 2.0 ** (self._failures - 1)
        )
        return ceiling / 2 + self._jitter() * ceiling / 2

    def _set(self, health: SenderHealth, detail: str = "") -> None:
        if (self.status.health, self.status.detail) != (health, detail):
            self.status = SenderStatus(self.status.counts, health, detail)
            self.report()

    def report(self) -> None:
        """Tell ``on_status`` how things stand now (the outbox changed by other hands)."""
        try:
            counts = self._outbox.counts()
        except OutboxError:
            counts = self.status.counts
        self.status = SenderStatus(counts, self.status.health, self.status.detail)
        try:
            self._on_status(self.status)
        except Exception:
            log.exception("the call log status handler failed")

    # -- one log ------------------------------------------------------------------------------
    async def _send(self, row: LogRow) -> None:
        client = self._client()
        text = description(row.headline, row.note, row.log_id)
        if row.note_behind:
            await self._update_note(client, row, text)
            return
        if row.uncertain and await self._already_made(client, row, text):
            return
        try:
            entity = await self._entity(client, row, text)
        except _Refused as refusal:
            self._outbox.mark_refused(row.log_id, str(refusal))
            log.warning("call log %s cannot be sent: %s", row.log_id, refusal)
            return
        self._outbox.mark_attempt(row.log_id, self._clock(), IN_FLIGHT_S)
        try:
            appointment_id = await create_appointment(client, entity)
        except ServerError as err:
            if 400 <= err.status < 500 and err.status not in _NOT_DONE_WAIT:
                self._outbox.mark_refused(row.log_id, err.message)
                log.warning("SuperOffice refused call log %s: %s", row.log_id, err.message)
                return
            # 429 and 503 say the request was not taken; a 500 or a gateway's 502/504 do not.
            done = err.status in _NOT_DONE_WAIT or err.status == 503
            self._later(row, err.message, uncertain=not done)
            raise
        except AuthenticationError as err:
            self._outbox.retry_later(row.log_id, self._clock(), err.message, uncertain=False)
            raise
        except SuperOfficeError as err:  # no answer, or one that cannot be read
            self._later(row, err.message, uncertain=True)
            raise
        self._outbox.mark_sent(row.log_id, appointment_id, row.note)
        log.info("call log %s sent as appointment %d", row.log_id, appointment_id)
        self._sent(row)

    def _later(self, row: LogRow, error: str, *, uncertain: bool) -> None:
        wait = self._check_after_s if uncertain else 0.0
        self._outbox.retry_later(row.log_id, self._clock() + wait, error, uncertain=uncertain)

    async def _already_made(self, client: SuperOfficeClient, row: LogRow, text: str) -> bool:
        """Whether an earlier attempt made the appointment (then the log is sent)."""
        found = await find_by_text(client, marker(row.log_id))
        if not found:
            self._outbox.clear_uncertain(row.log_id)
            return False
        # The archive matched the reference; the lowest id is the first attempt's.
        ids = sorted(appointment_id for appointment_id, _text in found)
        if len(ids) > 1:
            log.warning("call log %s is in SuperOffice %d times: %s", row.log_id, len(ids), ids)
        texts = [t for appointment_id, t in found if appointment_id == ids[0]]
        # A note that may not be the one sent is sent again (an idempotent PATCH).
        same = bool(texts) and texts[0] == text and has_marker(texts[0], row.log_id)
        self._outbox.mark_sent(row.log_id, ids[0], row.note if same else "\0")
        log.info("call log %s was already in SuperOffice as appointment %d", row.log_id, ids[0])
        self._sent(row)
        return True

    async def _update_note(self, client: SuperOfficeClient, row: LogRow, text: str) -> None:
        try:
            await set_description(client, row.appointment_id, text)
        except ServerError as err:
            if 400 <= err.status < 500 and err.status not in _NOT_DONE_WAIT:
                self._outbox.mark_note_sent(row.log_id, row.note, error=err.message)
                return
            self._later(row, err.message, uncertain=False)
            raise
        except SuperOfficeError as err:
            self._later(row, err.message, uncertain=False)
            raise
        self._outbox.mark_note_sent(row.log_id, row.note)
        self._sent(row)

    async def _entity(self, client: SuperOfficeClient, row: LogRow, text: str) -> dict[str, object]:
        chosen = await self._pick_task(client, row)
        default = await default_appointment(client)
        task = chosen or default_task(default)
        if task is None:
            raise _Refused(
                "SuperOffice's task list has no phone call and a new appointment gets no task: "
                "choose a task for logged calls in Settings."
            )
        start, end = appointment_times(row.started_at, row.answered_at, row.ended_at)
        return new_appointment(
            default,
            person_id=row.person_id,
            contact_id=row.contact_id,
            task=task,
            start=_local(start),
            end=_local(end),
            description=text,
        )

    async def _pick_task(self, client: SuperOfficeClient, row: LogRow) -> TaskChoice | None:
        wanted = row.task
        try:
            choices = await self._task_list(client)
        except SuperOfficeError as err:
            if wanted:
                raise  # a chosen task cannot be found without the list: wait for it
            log.info("task list not loaded (%s); using the default appointment's", err.message)
            return None
        task = pick_task(choices, wanted, row.direction)
        if task is None and wanted:
            log.info("no task %r in SuperOffice's list; using its phone call", wanted)
            task = pick_task(choices, "", row.direction)
        return task

    async def _task_list(self, client: SuperOfficeClient) -> list[TaskChoice]:
        """The task list, kept an hour; after a failure it is not asked for again for a
        while (the failure stands for it meanwhile), so a broken list costs no storm."""
        now = self._clock()
        kept = self._tasks
        if kept is not None and now - kept[0] < TASKS_MAX_AGE_S:
            return kept[1]
        failed = self._tasks_failed
        if failed is not None and now - failed[0] < TASKS_RETRY_S:
            raise failed[1]
        try:
            choices = await task_list(client)
        except SuperOfficeError as err:
            self._tasks_failed = (now, err)
            raise
        self._tasks, self._tasks_failed = (now, choices), None
        return choices

    def _sent(self, row: LogRow) -> None:
        try:
            self._on_sent(row)
        except Exception:
            log.exception("the call log sent handler failed")


def _local(moment: float) -> datetime:
    """In this computer's time zone, with its offset (SuperOffice reads the offset)."""
    return datetime.fromtimestamp(moment, UTC).astimezone()
