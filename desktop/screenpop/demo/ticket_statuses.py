"""The demo tenant's own ticket statuses: ``GET List/TicketStatus/Items``.

As in a real tenant the ids are the tenant's (not the base statuses' numbers), the names are
its own, in the language asked for (``SO-Language``, else ``Accept-Language``), and ``Status``
is the base status by name (``restful/rest/List_TicketStatus/
v1TicketStatusList_GetAllTicketStatusEntity.md``; ``SuperOffice.WebApi.Data.TicketBaseStatus.yml``).
Every base status a ticket can have is among them.
"""

from __future__ import annotations

from collections.abc import Mapping

from screenpop.core.ticket_status import TicketBaseStatus, TicketStatusItem

B = TicketBaseStatus
LANGUAGES = ("en", "nb", "sv", "da", "nl", "de")
# id: (base status, default for it, time counter, names in LANGUAGES' order)
_STATUSES: Mapping[int, tuple[TicketBaseStatus, bool, str, tuple[str, ...]]] = {
    12: (B.ACTIVE, True, "Queue",
         ("New", "Ny", "Ny", "Ny", "Nieuw", "Neu")),
    15: (B.ACTIVE, False, "Internally",
         ("In progress", "Under arbeid", "Pågående", "I gang", "In behandeling",
          "In Bearbeitung")),
    17: (B.POSTPONED, False, "Externally",
         ("Waiting for customer", "Venter på kunde", "Väntar på kund", "Afventer kunde",
          "Wacht op klant", "Wartet auf Kunde")),
    19: (B.POSTPONED, True, "Externally",
         ("Postponed", "Utsatt", "Uppskjuten", "Udsat", "Uitgesteld", "Zurückgestellt")),
    21: (B.CLOSED, True, "Externally",
         ("Closed", "Lukket", "Stängd", "Lukket", "Gesloten", "Geschlossen")),
    23: (B.CLOSED, False, "Externally",
         ("Solved by phone", "Løst på telefon", "Löst per telefon", "Løst pr. telefon",
          "Telefonisch opgelost", "Telefonisch gelöst")),
    31: (B.DELETED, True, "Externally",
         ("Deleted", "Slettet", "Raderad", "Slettet", "Verwijderd", "Gelöscht")),
    33: (B.MERGED, True, "Externally",
         ("Merged", "Slått sammen", "Sammanslagen", "Sammenlagt", "Samengevoegd",
          "Zusammengeführt")),
    35: (B.SPAM, True, "Externally",
         ("Spam", "Søppelpost", "Skräppost", "Spam", "Spam", "Spam")),
}  # fmt: skip

NEW, IN_PROGRESS, WAITING, POSTPONED, CLOSED, BY_PHONE, DELETED, MERGED, SPAM = _STATUSES


def language_of(so_language: str | None, accept_language: str | None) -> str:
    """The iso2 code SuperOffice would answer in: SO-Language overrides Accept-Language."""
    for header in (so_language, accept_language):
        for part in (header or "").split(","):
            code = part.split(";")[0].strip().lower()[:2]
            if code == "no":
                code = "nb"
            if code in LANGUAGES:
                return code
    return "en"


def ticket_status_items(language: str = "en") -> list[TicketStatusItem]:
    column = LANGUAGES.index(language) if language in LANGUAGES else 0
    return [
        TicketStatusItem(
            ticket_status_id=status_id,
            name=names[column],
            status=base,
            time_counter=counter,
            no_email_reopen=base in (B.DELETED, B.SPAM),
            is_default=default,
            used_in_queue=base is B.ACTIVE,
        )
        for status_id, (base, default, counter, names) in _STATUSES.items()
    ]


def base_of(status_id: int) -> TicketBaseStatus:
    return _STATUSES[status_id][0]
