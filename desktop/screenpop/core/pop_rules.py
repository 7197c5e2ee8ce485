"""When a call shows a toast: the rules the agent chose, what the tracker tells the UI to do with
a call's toast, and the guard that keeps a flood of calls to a few toasts.

The tracker (:mod:`screenpop.core.call_life`) applies them to each event; the UI only renders
the :class:`PopAction` it is handed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from screenpop.core.calls import CallState
from screenpop.core.token_bucket import TokenBucket

log = logging.getLogger(__name__)


class PopAction(StrEnum):
    SHOW = "show"  # a new toast for this call
    UPDATE = "update"  # its toast, if the agent kept it, shows the call's new state
    CLOSE = "close"  # its toast shows the end and leaves a few seconds later
    NONE = "none"  # nothing to show


class PopState(StrEnum):
    """Where a call is with its toast; past WAITING it never pops (again)."""

    WAITING = "waiting"  # its moment to pop has not come
    SHOWN = "shown"  # it popped
    QUIET = "quiet"  # its moment came and went without a toast (Do not disturb, a flood)


@dataclass(frozen=True, slots=True)
class PopRules:
    """``pop_on``: RINGING or ANSWERED, None for never; ``quiet``: Do not disturb (calls are
    still followed and recorded); ``pop_outgoing``: outgoing calls pop too."""

    pop_on: CallState | None = CallState.RINGING
    quiet: bool = False
    pop_outgoing: bool = False


class PopRateGuard:
    """A token bucket for new pops: ``burst`` at once, then ``per_second``.

    A flood of different calls (a misbehaving PBX, a replayed log) then opens a few toasts,
    not hundreds; the calls are still tracked and recorded. ``suppressed`` counts the pops
    refused since the last one allowed, for one log line instead of hundreds.
    """

    def __init__(
        self,
        burst: int = 3,
        per_second: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._bucket = TokenBucket(max(1, burst), per_second, clock)
        self.suppressed = 0

    def allow(self) -> bool:
        if self._bucket.take():
            if self.suppressed:
                log.info("%d pops were suppressed by a flood of calls", self.suppressed)
            self.suppressed = 0
            return True
        self.suppressed += 1
        return False
