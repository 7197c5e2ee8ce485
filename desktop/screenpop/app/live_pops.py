"""Callers the cache does not know: their toast is filled by a live lookup, or they are added.

The pop controller paints a miss's toast at once, then hands it over here (``on_miss``): the
toast says "Looking up in SuperOffice…" while :class:`screenpop.services.live_lookup.LiveLookup`
asks the tenant, and is filled in place as soon as the search answers (the caller's name, and
the company their list item names), then once more when persons are resolved to their
companies (the company's summary fetched ahead, the window opened where the agent wants that;
a click that came in between opens it then), or says calmly that the number is not in
SuperOffice or could not be looked up. An unknown caller's toast offers "Add to SuperOffice…"
(:mod:`screenpop.app.add_person_flow`). Later events of the call, and later calls from the
number, know the answer at once (``also_known``): the live memory, and the persons added.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from screenpop.app.add_person_flow import AddPersonFlow
from screenpop.app.pops import PopController
from screenpop.config.profile import Profile
from screenpop.config.settings import Settings
from screenpop.core.live_match import search_digits
from screenpop.core.matching import Candidate
from screenpop.core.phone import IncomingNumber, NumberKind
from screenpop.core.tasks import BackgroundTasks
from screenpop.services.live_lookup import LiveAnswer, LiveLookup, Outcome
from screenpop.store.added_callers import FILE_NAME as ADDED_FILE
from screenpop.store.added_callers import AddedCallers
from screenpop.store.cache import CallerIdCache
from screenpop.ui.toast import CallToast
from screenpop.ui.toast_lookup import LookupState

if TYPE_CHECKING:
    from screenpop.superoffice.client import SuperOfficeClient

log = logging.getLogger(__name__)

_STATES = {Outcome.NOT_FOUND: LookupState.NOT_FOUND, Outcome.FAILED: LookupState.FAILED}


class LivePops:
    def __init__(
        self,
        pops: PopController,
        lookup: LiveLookup,
        adding: AddPersonFlow,
        added: AddedCallers,
        tasks: BackgroundTasks,
        settings: Callable[[], Settings],
    ) -> None:
        self._pops = pops
        self._lookup = lookup
        self._adding = adding
        self._added = added
        self._tasks = tasks
        self._settings = settings
        self._clicked: dict[str, int] = {}
        pops.on_miss = self.miss
        pops.also_known = self.known

    @classmethod
    def compose(
        cls,
        pops: PopController,
        client: Callable[[], SuperOfficeClient],
        cache: CallerIdCache,
        profile: Profile,
        tasks: BackgroundTasks,
        settings: Callable[[], Settings],
        open_url: Callable[[str], None],
    ) -> LivePops:
        """The tray app's: live lookups with the app's client, persons added kept in the
        profile."""
        added = AddedCallers(profile.root / ADDED_FILE)
        lookup = LiveLookup(client, lambda: settings().home_region)
        adding = AddPersonFlow(client, cache, added, tasks, settings, open_url)
        return cls(pops, lookup, adding, added, tasks, settings)

    def known(self, incoming: IncomingNumber) -> list[Candidate]:
        """Who the number is when the cache has no match: a person added from a toast, else
        what a live lookup found this session."""
        added = self._added.find(incoming)
        if added or not self._settings().live_lookup:
            return added
        answer = self._lookup.remembered(incoming)
        if answer is None or answer.outcome is not Outcome.FOUND:
            return []
        return list(answer.candidates)

    def miss(self, key: str, toast: CallToast) -> None:
        """A toast for a number nobody in the cache has, about to show."""
        incoming = toast.incoming
        # Connections name the call's key, never the toast: a toast caught in a reference cycle
        # would be destroyed by whichever thread collects it.
        if incoming.kind is NumberKind.NUMBER and incoming.e164 is not None:
            toast.add_requested.connect(lambda: self._add(key))
            toast.offer_add(True)
        if not self._settings().live_lookup or not search_digits(incoming):
            return
        answer = self._lookup.remembered(incoming)
        if answer is not None:
            self._show(toast, answer)  # a negative answer of minutes ago: no new request
            return
        toast.set_lookup(LookupState.LOOKING)
        toast.open_requested.connect(lambda chosen: self._open_when_known(key, chosen))
        self._tasks.spawn(self._fill(key, toast), name="live lookup")

    async def _fill(self, key: str, toast: CallToast) -> None:
        def hits(found: tuple[Candidate, ...]) -> None:
            if self._pops.toasts.get(key) is toast:
                toast.set_candidates(list(found))
                self._pops.toasts.restack()

        try:
            answer = await self._lookup.lookup(toast.incoming, hits)
        finally:
            clicked = self._clicked.pop(key, None)
        if self._pops.toasts.get(key) is not toast:
            log.debug("live answer for %s came after its toast went", key)
            return
        self._show(toast, answer)
        chosen = next((c for c in toast.candidates if c.person_id == clicked), None)
        if chosen is not None and chosen.contact_id > 0:
            self._pops.open_contact(chosen.contact_id, chosen)

    def _open_when_known(self, key: str, chosen: Candidate) -> None:
        """A person chosen before their company is known: theirs opens once it is."""
        if chosen.contact_id <= 0:
            self._clicked[key] = chosen.person_id

    def _show(self, toast: CallToast, answer: LiveAnswer) -> None:
        if answer.outcome is Outcome.FOUND:
            self.fill(toast, list(answer.candidates))
            return
        if toast.candidates:
            toast.set_candidates([])  # hits shown early that did not hold (deleted, failed)
        toast.set_lookup(_STATES[answer.outcome], answer.reason)
        self._pops.toasts.restack()

    def fill(self, toast: CallToast, candidates: list[Candidate]) -> None:
        """The toast becomes the callers', as a cached one would have popped: the company's
        summary fetched while it rings, the window opened where the agent wants that."""
        toast.set_candidates(candidates)
        self._pops.toasts.restack()
        companies = {candidate.contact_id for candidate in candidates}
        if len(companies) == 1:
            self._pops.windows.prefetch(companies.pop())
        self._pops.auto_open(candidates)

    def _add(self, key: str) -> None:
        toast = self._pops.toasts.get(key)
        if toast is None:
            return

        def added(candidate: Candidate) -> None:
            shown = self._pops.toasts.get(key)
            if shown is not None:
                self.fill(shown, [candidate])

        self._adding.start(toast.incoming, added)

    def forget(self) -> None:
        self._lookup.forget()

    async def close(self) -> None:
        for dialog in list(self._adding.dialogs):
            dialog.close()
        await self._lookup.close()
        self._added.close()
