"""The client's calls for callers the cache does not know: look a number up in the whole CRM,
find a company by name, read a person, add one.

``GET MDOList/phonesearch?query=`` and ``GET MDOList/contact?query=``
(``rest/List_MDO/v1MDOList_GetList.md``: ``query`` "Search terms (implies flat=true)",
``additional`` "Extra context for the provider"; the providers'
pages ``docs/api/mdo-providers/reference/phonesearch.md`` and ``…/contact.md``),
``GET Person/{id}`` (``rest/Person/v1PersonEntity_GetPersonEntity.md``), ``GET Person/default``
then ``POST Person`` (``v1PersonEntity_DefaultPersonEntity.md``: "NetServer calculates default
values on the entity, which is required when creating/storing a new instance";
``v1PersonEntity_PostPersonEntity.md``). A mixin of
:class:`screenpop.superoffice.client.SuperOfficeClient`, which supplies ``_request``.
"""

from __future__ import annotations

import logging
from typing import Any

from screenpop.core.errors import DecodeError
from screenpop.core.person import HitKind, ListItem, Person
from screenpop.superoffice.errors import BadResponseError

log = logging.getLogger(__name__)

_KIB = 1024
LIST_MAX_BYTES = 4 * 1024 * _KIB
"""A list answer this big is thousands of hits: refused rather than read."""
PERSON_MAX_BYTES = 1024 * _KIB
_ONLY = {HitKind.PERSON: "P", HitKind.CONTACT: "C"}


def _items(raw: Any, what: str) -> list[ListItem]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise BadResponseError(f"SuperOffice sent {what} of an unknown shape.")
    items: list[ListItem] = []
    for entry in raw:
        try:
            items.append(ListItem.from_wire(entry))
        except DecodeError:
            continue
    if len(items) < len(raw):
        log.info("%s: %d of %d items could not be read", what, len(raw) - len(items), len(raw))
    return items


def _person(raw: Any) -> Person:
    try:
        return Person.from_wire(raw)
    except DecodeError as err:
        raise BadResponseError(f"SuperOffice sent a person of an unknown shape: {err}") from None


class PersonCalls:
    async def _request(
        self,
        method: str,
        path: str,
        max_bytes: int,
        *,
        interactive: bool = False,
        retry: bool = True,
        **kwargs: Any,
    ) -> Any:
        raise NotImplementedError  # the client's

    async def search_phone(self, digits: str, *, only: HitKind | None = None) -> list[ListItem]:
        """Persons and companies with a phone whose stripped number matches ``digits``."""
        params = {"query": digits}
        if only is not None:
            params["additional"] = _ONLY[only]
        raw = await self._request(
            "GET", "MDOList/phonesearch", LIST_MAX_BYTES, interactive=True, params=params
        )
        return _items(raw, "a phone search")

    async def search_companies(self, text: str) -> list[ListItem]:
        """Companies whose name matches ``text`` (``Id`` is the contact id)."""
        raw = await self._request(
            "GET", "MDOList/contact", LIST_MAX_BYTES, interactive=True, params={"query": text}
        )
        return _items(raw, "a company search")

    async def get_person(self, person_id: int) -> Person:
        raw = await self._request("GET", f"Person/{person_id}", PERSON_MAX_BYTES, interactive=True)
        return _person(raw)

    async def default_person(self) -> dict[str, Any]:
        """A new PersonEntity with the tenant's defaults, to fill in and send back."""
        raw = await self._request("GET", "Person/default", PERSON_MAX_BYTES, interactive=True)
        if not isinstance(raw, dict):
            raise BadResponseError("SuperOffice sent a new person of an unknown shape.")
        return raw

    async def create_person(self, entity: dict[str, Any]) -> Person:
        """``POST Person``; sent once (a retry could add the person twice)."""
        raw = await self._request(
            "POST", "Person", PERSON_MAX_BYTES, interactive=True, retry=False, json=entity
        )
        return _person(raw)
