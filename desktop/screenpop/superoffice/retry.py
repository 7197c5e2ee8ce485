"""When to try a request again, and how long to wait first.

Only requests that are safe to repeat are retried (both calls the app makes are: the caller-ID
fetch is a POST that changes nothing). Waits grow exponentially with jitter, so five hundred
agents whose tenant hiccupped at 08:00 do not come back in lockstep, and honour the server's
``Retry-After`` up to a cap: an agent must never wait minutes for a pop.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

# 500 is retried too: SuperOffice answers it for passing database hiccups, and both calls
# are safe to repeat. 501/505 and the like are not going to change.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

# A dropped or silent connection (the server or a proxy hung up mid-answer) may work the
# next time; a refused connection or an unknown host will not within seconds.
RETRY_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.PoolTimeout,
)


@dataclass(frozen=True)
class RetryPolicy:
    """``attempts`` counts the first try. Tests pass tiny delays; nothing sleeps for real."""

    attempts: int = 4
    # Short: an agent may be waiting for a summary, and the sync scheduler backs off across
    # syncs by itself (5 s, 10 s, … 15 min) when a whole sync fails.
    base_delay_s: float = 0.25
    max_delay_s: float = 4.0
    max_retry_after_s: float = 10.0
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def delay(self, retry: int, retry_after: str | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first retry)."""
        hinted = parse_retry_after(retry_after)
        if hinted is not None:
            return min(hinted, self.max_retry_after_s)
        ceiling: float = min(self.max_delay_s, self.base_delay_s * 2.0 ** (retry - 1))
        # "Equal jitter": at least half the exponential step, never zero.
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)


NO_RETRY = RetryPolicy(attempts=1)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date; None if absent or
    unreadable (then the client's own backoff applies)."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())
