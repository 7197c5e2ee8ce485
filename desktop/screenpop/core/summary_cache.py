"""A short-lived memory of contact summaries already fetched.

A company seen a few minutes ago is shown at once when it calls again, and refreshed behind
it; when SuperOffice cannot be reached the last summary is shown, marked with its age. Kept in
memory only, and briefly: it holds customers' data, so nothing of it outlives the process.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from screenpop.core.models import ContactSummary

DEFAULT_TTL_S = 5 * 60
DEFAULT_MAX_ENTRIES = 64


@dataclass(frozen=True, slots=True)
class CachedSummary:
    summary: ContactSummary
    limit: int
    fetched_at: datetime
    """When SuperOffice sent it (aware, UTC)."""


class SummaryCache:
    """Summaries by contact id, each kept ``ttl_s`` seconds; the least recently used go first."""

    def __init__(
        self,
        ttl_s: float = DEFAULT_TTL_S,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._ttl = ttl_s
        self._max = max(1, max_entries)
        self._monotonic = monotonic
        self._wall_clock = wall_clock
        self._entries: OrderedDict[int, tuple[float, CachedSummary]] = OrderedDict()

    def put(self, contact_id: int, summary: ContactSummary, limit: int) -> CachedSummary:
        entry = CachedSummary(summary, limit, self._wall_clock())
        self._entries[contact_id] = (self._monotonic(), entry)
        self._entries.move_to_end(contact_id)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)
        return entry

    def get(self, contact_id: int) -> CachedSummary | None:
        """The summary fetched within the last ``ttl_s`` seconds, or None."""
        found = self._entries.get(contact_id)
        if found is None:
            return None
        stored, entry = found
        if self._monotonic() - stored > self._ttl:
            del self._entries[contact_id]
            return None
        self._entries.move_to_end(contact_id)
        return entry

    def fresh(self, contact_id: int, within_s: float) -> CachedSummary | None:
        """The summary if it was fetched within the last ``within_s`` seconds, else None."""
        found = self._entries.get(contact_id)
        if found is None or self._monotonic() - found[0] > min(within_s, self._ttl):
            return None
        return found[1]

    def forget(self, contact_id: int) -> None:
        self._entries.pop(contact_id, None)

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
