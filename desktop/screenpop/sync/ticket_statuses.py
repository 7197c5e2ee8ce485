"""The tenant's ticket status names: fetched with the sync, kept in the profile, and asked
for again when a summary names a status id the kept list does not know.

``GET List/TicketStatus/Items`` is one small request. A sync makes it when the kept list is
older than :data:`MAX_AGE_S` (``screenpop sync``: always); an unknown id makes it at most once
per :data:`UNKNOWN_RETRY_S`, however many pops name that id. A list that fails to load leaves
the kept one in place, and the window says "Status 7" only where the tenant cannot say more.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from screenpop.core.errors import ScreenpopError
from screenpop.core.ticket_status import TicketStatuses
from screenpop.store.ticket_statuses import load_ticket_statuses, save_ticket_statuses
from screenpop.superoffice.tenant import Tenant, parse_tenant_address

if TYPE_CHECKING:
    from screenpop.superoffice.client import SuperOfficeClient

log = logging.getLogger(__name__)

MAX_AGE_S = 3600.0
UNKNOWN_RETRY_S = 600.0


def tenant_key(tenant: Tenant) -> str:
    """What a kept list belongs to: an Online tenant by its customer id (it moves between
    hosts), any other by its address."""
    return parse_tenant_address(tenant.base).customer or tenant.base


def _key(client: SuperOfficeClient) -> tuple[str, str]:
    return tenant_key(client.tenant), client.language


class TicketStatusBook:
    """The status names the contact windows show, in memory, backed by the profile's file.

    Lists are kept per tenant and per language, the client's (SuperOffice names statuses in
    the language asked for: the UI's, English for the command line). Listeners hear of every
    new list (windows name their statuses again).
    """

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self._loaded: dict[tuple[str, str], tuple[TicketStatuses, float | None]] = {}
        self._last_attempt: dict[tuple[str, str], float] = {}
        self._lock = asyncio.Lock()
        self._listeners: list[Callable[[], None]] = []

    def add_listener(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def statuses(self, client: SuperOfficeClient) -> TicketStatuses:
        """The kept list of the client's tenant (read from the profile the first time)."""
        return self._entry(_key(client))[0]

    def reload(self) -> None:
        """The profile's file may hold a newer list (a sync process fetched it): read it again
        when next needed, and name the statuses of lists in use anew (listeners)."""
        in_use = bool(self._loaded)
        self._loaded.clear()
        if in_use:
            for listener in list(self._listeners):
                listener()

    def _entry(self, key: tuple[str, str]) -> tuple[TicketStatuses, float | None]:
        if key not in self._loaded:
            tenant, language = key
            stored = load_ticket_statuses(self.path, tenant, language)
            # Another language's names are shown until this language's come: refresh soon.
            fetched = stored.fetched_at if stored.language == language else None
            self._loaded[key] = (stored.statuses, fetched)
        return self._loaded[key]

    def _age(self, key: tuple[str, str]) -> float | None:
        fetched = self._entry(key)[1]
        return None if fetched is None else self._clock() - fetched

    async def refresh(self, client: SuperOfficeClient, *, max_age_s: float | None = None) -> bool:
        """Fetch the list (``max_age_s``: only when the kept one is older) and keep it.
        True when a new list came. A failure is logged, never raised: the kept list stays."""
        key = _key(client)
        age = self._age(key)
        if max_age_s is not None and age is not None and age < max_age_s:
            return False
        return await self._fetch(client, key)

    async def refresh_for_unknown(
        self, client: SuperOfficeClient, status_ids: Iterable[int]
    ) -> bool:
        """Fetch the list again because a summary names ids it lacks, unless it was fetched
        (or tried) within :data:`UNKNOWN_RETRY_S`."""
        key = _key(client)
        if not self._entry(key)[0].unknown(status_ids):
            return False
        now = self._clock()
        age = self._age(key)
        tried = self._last_attempt.get(key)
        if (age is not None and age < UNKNOWN_RETRY_S) or (
            tried is not None and now - tried < UNKNOWN_RETRY_S
        ):
            return False
        return await self._fetch(client, key)

    async def _fetch(self, client: SuperOfficeClient, key: tuple[str, str]) -> bool:
        if self._lock.locked():
            async with self._lock:  # one on its way already: its answer serves this caller
                return False
        async with self._lock:
            self._last_attempt[key] = self._clock()
            try:
                fetched = await client.get_ticket_statuses()
            except ScreenpopError as err:
                log.info("ticket status list not fetched: %s", err.message)
                return False
            now = self._clock()
            statuses = TicketStatuses(fetched.items)
            self._loaded[key] = (statuses, now)
            if fetched.skipped:
                log.info("%d ticket status(es) could not be read", fetched.skipped)
            try:
                await asyncio.to_thread(save_ticket_statuses, self.path, *key, fetched.items, now)
            except ScreenpopError as err:  # shown this run all the same
                log.info("%s", err.message)
        log.info("ticket status list: %d statuses", len(statuses))
        for listener in list(self._listeners):
            listener()
        return True
