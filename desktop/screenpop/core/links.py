"""Deep links into the SuperOffice web client (SoProtocol, DESIGN §3).

``…/{tenant}/default.aspx?{WHERE}?{WHAT}`` (``ui/soprotocol/index.md``): ``contact.main``
(``howto/open-contact.md``), ``appointment.main`` (``howto/open-follow-up.md``),
``document.main`` (``howto/open-document.md``), ``ticket.main`` (``howto/requests.md``, which
also writes ``person.main…?person_id=``), and the ``sale`` target with its ``sale_id``
(``navigation-points.md``). A chat target exists but no id parameter for it is documented, so
there is no chat link.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WebClientLinks:
    """``base`` is the tenant's web-client root, e.g. ``https://online.superoffice.com/Cust1``."""

    base: str

    def _link(self, page: str, key: str, value: int) -> str:
        return f"{self.base.rstrip('/')}/default.aspx?{page}?{key}={value}"

    def contact(self, contact_id: int) -> str:
        return self._link("contact.main", "contact_id", contact_id)

    def person(self, person_id: int) -> str:
        return self._link("person.main", "person_id", person_id)

    def new_contact(self) -> str:
        """The web client's form for a new company (``howto/create-contact.md``)."""
        return self._link("contact.main[mode=edit&new=true]", "contact_id", 0)

    def appointment(self, appointment_id: int) -> str:
        return self._link("appointment.main", "appointment_id", appointment_id)

    def document(self, document_id: int) -> str:
        return self._link("document.main", "document_id", document_id)

    def ticket(self, ticket_id: int) -> str:
        return self._link("ticket.main", "ticket_id", ticket_id)

    def sale(self, sale_id: int) -> str:
        return self._link("sale.main", "sale_id", sale_id)
