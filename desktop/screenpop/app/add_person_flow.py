"""Add to SuperOffice…: the form, and the requests behind it.

``GET Person/default``, then ``POST Person`` with the form filled in (``rest/Person/
v1PersonEntity_DefaultPersonEntity.md``, ``v1PersonEntity_PostPersonEntity.md``), sent once. A
refusal keeps the form as typed with the tenant's reason; a user without the right to add
persons is offered the web client instead (the company's page, where persons are added, or a
new company). The new person is remembered (:class:`screenpop.store.added_callers.AddedCallers`)
until a sync brings them, so their next call pops at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from shiboken6 import isValid

from screenpop.config.settings import Settings
from screenpop.core.errors import ScreenpopError
from screenpop.core.matching import Candidate, MatchedBy
from screenpop.core.person import NewPerson
from screenpop.core.phone import IncomingNumber
from screenpop.core.tasks import BackgroundTasks
from screenpop.store.added_callers import AddedCallers
from screenpop.store.cache import CacheError, CallerIdCache
from screenpop.superoffice.errors import ForbiddenError
from screenpop.ui.widgets import bring_up

if TYPE_CHECKING:
    from screenpop.superoffice.client import SuperOfficeClient
    from screenpop.ui.add_person_dialog import AddPersonDialog, Company

log = logging.getLogger(__name__)

Added = Callable[[Candidate], None]


class AddPersonFlow:
    def __init__(
        self,
        client: Callable[[], SuperOfficeClient],
        cache: CallerIdCache,
        added: AddedCallers,
        tasks: BackgroundTasks,
        settings: Callable[[], Settings],
        open_url: Callable[[str], None],
    ) -> None:
        self._client = client
        self._cache = cache
        self._added = added
        self._tasks = tasks
        self._settings = settings
        self._open_url = open_url
        self.dialogs: list[AddPersonDialog] = []

    def start(self, incoming: IncomingNumber, on_added: Added) -> AddPersonDialog:
        """Show the form for ``incoming``; ``on_added`` hears of the person once created."""
        from screenpop.ui.add_person_dialog import AddPersonDialog

        dialog = AddPersonDialog(incoming, self._settings().home_region, self._local_companies)
        dialog.company_search_requested.connect(
            lambda text: self._tasks.spawn(self._search(dialog, text), name="company search")
        )
        dialog.submitted.connect(
            lambda new: self._tasks.spawn(self._create(dialog, new, on_added), name="add person")
        )
        dialog.open_web_requested.connect(lambda: self._open_web(dialog))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        # Deleted here, on the UI thread: its connections above make a reference cycle that
        # the garbage collector could otherwise break on any thread.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        bring_up(dialog)
        return dialog

    def _forget(self, dialog: AddPersonDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def _local_companies(self, text: str) -> list[Company]:
        if not text:
            return []
        try:
            entries = self._cache.search(text)
        except CacheError as err:
            log.info("companies not searched in the cache: %s", err.message)
            return []
        words = text.casefold().split()
        found = {e.caller.contact_id: e.caller.contact_name for e in entries}
        return [(cid, name) for cid, name in found.items()
                if all(word in name.casefold() for word in words)]  # fmt: skip

    async def _search(self, dialog: AddPersonDialog, text: str) -> None:
        try:
            items = await self._client().search_companies(text)
        except ScreenpopError as err:
            log.info("companies not searched in SuperOffice: %s", err.message)
            if isValid(dialog):
                dialog.set_search_note(err.message)
            return
        if not isValid(dialog):
            return  # closed meanwhile
        dialog.set_search_note("")
        dialog.set_companies(text, [(item.id, item.full_name or item.name) for item in items])

    async def _create(self, dialog: AddPersonDialog, new: NewPerson, on_added: Added) -> None:
        try:
            client = self._client()
            person = await client.create_person(new.entity(await client.default_person()))
        except ScreenpopError as err:
            log.warning("person not added: %s", err.message)
            if isValid(dialog):
                dialog.show_error(err.message, forbidden=isinstance(err, ForbiddenError))
            return
        candidate = Candidate(
            person_id=person.person_id,
            contact_id=person.contact_id or new.contact_id,
            person_name=person.name,
            mrmrs=person.mrmrs,
            contact_name=person.contact_name or new.contact_name,
            number=new.e164,
            matched_by=MatchedBy.EXACT,
        )
        log.info("person %d added to contact %d", candidate.person_id, candidate.contact_id)
        self._added.add(new.e164, candidate)
        on_added(candidate)  # also when the form was closed meanwhile: the person exists
        if isValid(dialog):
            dialog.accept()

    def _open_web(self, dialog: AddPersonDialog) -> None:
        try:
            links = self._client().links
        except ScreenpopError as err:
            dialog.show_error(err.message, forbidden=True)
            return
        company = dialog.chosen_company()
        self._open_url(links.contact(company[0]) if company else links.new_contact())
        dialog.accept()
