"""Looking a number up in the whole CRM when the cache has no match (DESIGN §3, §4).

One lookup (:func:`find_live`): ``MDOList/phonesearch`` for the number's stripped digits, every
returned number checked against the incoming one by the matcher's own tiers
(:mod:`screenpop.core.live_match`), then each person hit resolved to their company with
``GET Person/{id}`` (a handful at most, a few at a time). The checked hits are shown as soon as
the search answers (``on_hits``: the caller's name, and the company their list item names),
one round trip after the call; the resolved answer follows.

:class:`LiveLookup` is what the app and ``screenpop lookup --live`` ask. It never lets a flood
of unknown numbers become a flood of requests: answers are remembered for the session
(bounded, negative ones too), a number already being looked up is not asked for twice, at
most a couple of lookups run at once with a few waiting, and a token bucket caps how many
start per second. Every lookup has a deadline; what it cannot do in time, or at all, comes
back as a calm answer (:class:`Outcome`), never as an exception.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from screenpop.core.errors import ScreenpopError
from screenpop.core.live_match import as_live, check_hits, resolved, search_digits
from screenpop.core.matching import Candidate
from screenpop.core.phone import IncomingNumber
from screenpop.core.token_bucket import TokenBucket
from screenpop.superoffice.errors import NotFoundError

if TYPE_CHECKING:
    from screenpop.superoffice.client import SuperOfficeClient

log = logging.getLogger(__name__)

DEADLINE_S = 4.0
MAX_PERSONS = 8
"""Person hits resolved to their companies per lookup (a switchboard shared by dozens shows
the first few, best first)."""
PERSONS_AT_ONCE = 4
LOOKUPS_AT_ONCE = 2
MAX_WAITING = 8
BURST = 6
PER_SECOND = 2.0
MAX_REMEMBERED = 512
REMEMBER_S = 30 * 60.0
REMEMBER_FAILED_S = 20.0


class Outcome(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not found"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class LiveAnswer:
    outcome: Outcome
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""
    """Why it failed, in one line for the agent."""


NOT_FOUND = LiveAnswer(Outcome.NOT_FOUND)
Hits = Callable[[tuple[Candidate, ...]], None]


async def find_live(
    client: SuperOfficeClient,
    incoming: IncomingNumber,
    home_region: str,
    on_hits: Hits | None = None,
) -> list[Candidate]:
    """Who in the whole CRM has the incoming number, best first; raises ScreenpopError.
    ``on_hits`` hears the checked hits before persons are resolved to their companies."""
    digits = search_digits(incoming)
    if not digits:
        return []
    hits = check_hits(await client.search_phone(digits), incoming, home_region)
    if hits and on_hits is not None:
        on_hits(tuple(hits))
    persons = [hit for hit in hits if not hit.is_company]
    if len(persons) > MAX_PERSONS:
        log.info("%d persons have that number; the first %d are shown", len(persons), MAX_PERSONS)
    gate = asyncio.Semaphore(PERSONS_AT_ONCE)

    async def person(hit: Candidate) -> Candidate | None:
        async with gate:
            try:
                return resolved(hit, await client.get_person(hit.person_id))
            except NotFoundError:
                return None  # deleted since the search: not a caller any more

    found = await asyncio.gather(*(person(hit) for hit in persons[:MAX_PERSONS]))
    companies = [as_live(hit) for hit in hits if hit.is_company]
    return [hit for hit in found if hit is not None] + companies


class LiveLookup:
    """Live lookups for one session; ``client`` and ``home_region`` are asked each time (the
    app makes a new client when the settings change)."""

    def __init__(
        self,
        client: Callable[[], SuperOfficeClient],
        home_region: Callable[[], str],
        *,
        deadline_s: float = DEADLINE_S,
        burst: int = BURST,
        per_second: float = PER_SECOND,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._home_region = home_region
        self._deadline_s = deadline_s
        self._clock = clock
        self._bucket = TokenBucket(burst, per_second, clock)
        self._gate = asyncio.Semaphore(LOOKUPS_AT_ONCE)
        self._memory: OrderedDict[str, tuple[float, LiveAnswer]] = OrderedDict()
        self._pending: dict[str, asyncio.Task[LiveAnswer]] = {}
        self._hits: dict[str, tuple[Candidate, ...]] = {}
        self._listeners: dict[str, list[Hits]] = {}
        self._refused = 0
        self.requests = 0
        """Lookups sent to the tenant (for tests and benchmarks)."""

    @staticmethod
    def key(incoming: IncomingNumber) -> str:
        return incoming.e164 or search_digits(incoming)

    def remembered(self, incoming: IncomingNumber) -> LiveAnswer | None:
        """A recent answer for the number, without asking anyone."""
        key = self.key(incoming)
        kept = self._memory.get(key)
        if kept is None:
            return None
        expires, answer = kept
        if self._clock() >= expires:
            del self._memory[key]
            return None
        self._memory.move_to_end(key)
        return answer

    def forget(self) -> None:
        """Forget every answer (another tenant, another home region, a person added)."""
        self._memory.clear()

    async def lookup(self, incoming: IncomingNumber, on_hits: Hits | None = None) -> LiveAnswer:
        """The number's answer: remembered, shared with a lookup under way, or asked now.
        ``on_hits``: the checked hits, as soon as the search has answered (see
        :func:`find_live`)."""
        if not search_digits(incoming):
            return NOT_FOUND  # withheld, an internal extension: nothing to ask
        known = self.remembered(incoming)
        if known is not None:
            return known
        key = self.key(incoming)
        pending = self._pending.get(key)
        if pending is None:
            if len(self._pending) >= LOOKUPS_AT_ONCE + MAX_WAITING or not self._bucket.take():
                return self._refuse()
            if self._refused:
                log.info("%d live lookups were refused in a flood of numbers", self._refused)
                self._refused = 0
            pending = asyncio.ensure_future(self._run(key, incoming))
            self._pending[key] = pending
            pending.add_done_callback(lambda _done: self._finished(key))
        if on_hits is not None:
            self._listeners.setdefault(key, []).append(on_hits)
            if key in self._hits:
                on_hits(self._hits[key])  # joined a lookup whose search has answered
        # Shielded: a toast that goes away cancels its own wait, not a lookup others share.
        return await asyncio.shield(pending)

    async def close(self) -> None:
        for task in list(self._pending.values()):
            task.cancel()
        await asyncio.gather(*self._pending.values(), return_exceptions=True)

    def _finished(self, key: str) -> None:
        self._pending.pop(key, None)
        self._hits.pop(key, None)
        self._listeners.pop(key, None)

    def _tell_hits(self, key: str, hits: tuple[Candidate, ...]) -> None:
        self._hits[key] = hits
        for listener in list(self._listeners.get(key, ())):
            listener(hits)

    def _refuse(self) -> LiveAnswer:
        # One line when a flood begins; how many it cost, once it is over (above).
        if not self._refused:
            log.warning("live lookups refused: too many unknown numbers at once")
        self._refused += 1
        return LiveAnswer(Outcome.FAILED, reason="Too many unknown numbers at once.")

    async def _run(self, key: str, incoming: IncomingNumber) -> LiveAnswer:
        started = self._clock()
        try:
            # The deadline counts from the call, waiting for a turn included.
            async with asyncio.timeout(self._deadline_s), self._gate:
                self.requests += 1
                found = await find_live(
                    self._client(),
                    incoming,
                    self._home_region(),
                    lambda hits: self._tell_hits(key, hits),
                )
        except TimeoutError:
            answer = LiveAnswer(Outcome.FAILED, reason="SuperOffice did not answer in time.")
        except ScreenpopError as err:
            answer = LiveAnswer(Outcome.FAILED, reason=err.message)
        else:
            answer = LiveAnswer(Outcome.FOUND, tuple(found)) if found else NOT_FOUND
        took = self._clock() - started
        if answer.outcome is Outcome.FAILED:
            log.warning("live lookup of %s failed after %.1f s: %s", key, took, answer.reason)
        else:
            log.info("live lookup of %s: %d found in %.2f s", key, len(answer.candidates), took)
        self._remember(key, answer)
        return answer

    def _remember(self, key: str, answer: LiveAnswer) -> None:
        keep = REMEMBER_FAILED_S if answer.outcome is Outcome.FAILED else REMEMBER_S
        self._memory[key] = (self._clock() + keep, answer)
        self._memory.move_to_end(key)
        while len(self._memory) > MAX_REMEMBERED:
            self._memory.popitem(last=False)
