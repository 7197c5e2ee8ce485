"""The tenant's ticket status list, kept in the profile (``Profile.ticket_statuses_file``), so
the contact window names statuses offline and from the first pop after a start.

One small JSON file: a set of statuses per language the list was fetched in (SuperOffice
answers in the language asked for), for one tenant at a time. It is replaced whole and
atomically (a temporary file, then a rename), so a crash or a full disk leaves the previous
list. A file that cannot be read is a copy of tenant data that the next sync fetches again:
it is ignored, never an error.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screenpop.core.errors import DecodeError, ScreenpopError
from screenpop.core.ticket_status import TicketStatuses, TicketStatusItem

log = logging.getLogger(__name__)

FILE_VERSION = 1


class TicketStatusStoreError(ScreenpopError):
    """The list could not be written (read-only profile, full disk)."""


@dataclass(frozen=True, slots=True)
class StoredStatuses:
    """``language`` is the one the set was fetched in ("" when nothing is kept);
    ``fetched_at`` when (epoch seconds)."""

    statuses: TicketStatuses
    language: str = ""
    fetched_at: float | None = None


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as err:
        log.info("ticket status list %s not read (%s); the next sync fetches it", path, err)
        return {}
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    if not isinstance(body, dict) or body.get("version") != FILE_VERSION:
        log.info("ticket status list %s is not one this version reads; ignored", path)
        return {}
    return body


def _items(raw: Any) -> list[TicketStatusItem]:
    items = []
    for entry in raw if isinstance(raw, list) else []:
        with contextlib.suppress(DecodeError):
            items.append(TicketStatusItem.from_wire(entry))
    return items


def load_ticket_statuses(path: Path, tenant: str, language: str) -> StoredStatuses:
    """The set in ``language``, else the most recent one in another (the tenant's own names
    in another language say more than a number); empty when none is kept for ``tenant``."""
    body = _read(path)
    sets = body.get("sets") if body.get("tenant") == tenant else None
    if not isinstance(sets, dict) or not sets:
        return StoredStatuses(TicketStatuses())
    chosen = language if isinstance(sets.get(language), dict) else None
    if chosen is None:
        fetched: dict[str, float] = {
            code: float(entry["fetched_at"])
            for code, entry in sets.items()
            if isinstance(entry, dict) and isinstance(entry.get("fetched_at"), int | float)
        }
        if not fetched:
            return StoredStatuses(TicketStatuses())
        chosen = max(fetched, key=lambda code: fetched[code])
    entry = sets[chosen]
    fetched_at = entry.get("fetched_at")
    return StoredStatuses(
        TicketStatuses(_items(entry.get("items"))),
        chosen,
        float(fetched_at) if isinstance(fetched_at, int | float) else None,
    )


def save_ticket_statuses(
    path: Path, tenant: str, language: str, items: Sequence[TicketStatusItem], fetched_at: float
) -> None:
    """Keep ``items`` as the ``language`` set of ``tenant`` (another tenant's sets go)."""
    body = _read(path)
    sets = body.get("sets") if body.get("tenant") == tenant else None
    kept = dict(sets) if isinstance(sets, dict) else {}
    kept[language] = {"fetched_at": fetched_at, "items": [item.to_wire() for item in items]}
    content = json.dumps(
        {"version": FILE_VERSION, "tenant": tenant, "sets": kept}, ensure_ascii=False, indent=1
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            Path(temporary).replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            raise
    except OSError as err:
        raise TicketStatusStoreError(
            f"Cannot keep the ticket status list in {path.parent}: {err.strerror or err}"
        ) from None
