"""`screenpop summary CONTACT_ID [--json]`: what the contact window would show, for
administrators troubleshooting a tenant and for scripts.

Built by the code the window uses (:mod:`screenpop.core.summary_view`): the same titles,
status words, dates, links and amounts, the same summary size (the ``summary_limit``
setting) and the same kept ticket status names, asked for again when the summary names a
status the kept list lacks. ``--json`` prints the object of DESIGN §5; without it, a text form
for people. Both are English, and neither loads the UI.

Exit codes: 2 for an id that is no contact id, 1 for a contact SuperOffice does not have, a
tenant that cannot be reached or a sign-in that is needed (one line on stderr, as ever).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from screenpop.core.errors import ScreenpopError

if TYPE_CHECKING:  # imported when the command runs: other commands build its parser
    import argparse
    from datetime import datetime

    from screenpop.config.profile import Profile
    from screenpop.core.summary_view import ContactView, ItemView, SummaryView

EXIT_FAILED = 1
EXIT_USAGE = 2
_LIST_TITLES = {
    "tickets": "Tickets",
    "followups": "Follow-ups",
    "documents": "Documents",
    "sales": "Sales",
    "chats": "Chats",
}
_DETAILS = (
    ("Phone", "phone"),
    ("E-mail", "email"),
    ("Web site", "web_site"),
    ("Org. number", "org_nr"),
    ("Number", "number1"),
    ("Address", "address"),
    ("Our contact", "our_contact"),
    ("Link", "link"),
)


def add_arguments(summary: argparse.ArgumentParser) -> None:
    summary.add_argument("contact_id")
    summary.add_argument("--json", action="store_true", help="one JSON object (DESIGN §5)")


def contact_id_arg(text: str) -> int | None:
    """A CONTACT_ID argument as a contact id; None (and the one-line reason on stderr) for
    anything else."""
    try:
        contact_id = int(text)
    except ValueError:
        contact_id = 0
    if contact_id <= 0:
        print(f"screenpop: {text!r} is not a contact id", file=sys.stderr)
        return None
    return contact_id


def run_summary(args: argparse.Namespace, profile: Profile) -> int:
    contact_id = contact_id_arg(args.contact_id)
    if contact_id is None:
        return EXIT_USAGE
    import asyncio
    import json

    from screenpop.superoffice.errors import NotFoundError, SignInNeededError

    try:
        view, limit = asyncio.run(_fetch(profile, contact_id))
    except NotFoundError:
        print(f"screenpop: SuperOffice has no contact {contact_id}", file=sys.stderr)
        return EXIT_FAILED
    except SignInNeededError as err:
        err.message += " (run `screenpop sign-in`)"
        raise
    except ScreenpopError as err:
        err.message = f"summary of contact {contact_id} failed: {err.message}"
        raise
    if args.json:
        print(json.dumps(view.to_json(), ensure_ascii=False, indent=2))
    else:
        print(text_form(view, limit))
    return 0


async def _fetch(profile: Profile, contact_id: int) -> tuple[SummaryView, int]:
    from screenpop.config.settings_files import load_settings
    from screenpop.core.summary_view import ViewContext, summary_view
    from screenpop.services.connection import make_client
    from screenpop.services.http import http_client
    from screenpop.sync.ticket_statuses import TicketStatusBook

    settings = load_settings(profile)
    async with http_client(settings, strict=True) as http:
        client = make_client(settings, http)
        found = await client.get_contact_summary(contact_id, settings.summary_limit)
        book = TicketStatusBook(profile.ticket_statuses_file)
        await book.refresh_for_unknown(client, {ticket.status for ticket in found.tickets})
        context = ViewContext(client.links, book.statuses(client), contact_id)
        return summary_view(found, context), settings.summary_limit


# -- the text form -------------------------------------------------------------------------------


def _when(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _contact_lines(contact: ContactView) -> list[str]:
    lines = [contact.name or f"Contact {contact.id}"]
    if not contact.name:
        lines[0] += " (company details unavailable)"
    if contact.subtitle_parts:
        lines.append(" · ".join(contact.subtitle_parts))
    width = max(len(caption) for caption, _key in _DETAILS)
    for caption, key in _DETAILS:
        value = getattr(contact, key) or ""
        for i, part in enumerate(value.splitlines()):
            lines.append(f"{caption if i == 0 else '':<{width}}  {part}")
    return lines


def _amount(item: ItemView) -> str:
    if item.amount is None:
        return ""
    return f"{item.currency or ''} {item.amount:,.2f}".strip()


def _item_lines(key: str, items: tuple[ItemView, ...], limit: int) -> list[str]:
    more = "+" if len(items) >= limit else ""
    lines = [f"{_LIST_TITLES[key]} ({len(items)}{more})"]
    if not items:
        return [*lines, "  none"]
    statuses = [item.status.english if item.status else "" for item in items]
    status_width = max(len(status) for status in statuses)
    amounts = [_amount(item) for item in items]
    amount_width = max(len(amount) for amount in amounts)
    for item, status, amount in zip(items, statuses, amounts, strict=True):
        parts = [f"{_when(item.date):<16}"]
        if status_width:
            parts.append(f"{status:<{status_width}}")
        if key == "sales":
            parts += [f"{item.probability or 0:>3}%", f"{amount:>{amount_width}}"]
        parts.append(item.title)
        lines.append("  " + "  ".join(parts).rstrip())
    return lines


def text_form(view: SummaryView, limit: int) -> str:
    """What the window shows, for a terminal: the company, then each list newest first as
    SuperOffice sent it (dates in this computer's time zone)."""
    lines = _contact_lines(view.contact)
    for key, items in view.lists.items():
        lines += ["", *_item_lines(key, items, limit)]
    if view.skipped:
        lines += ["", f"{view.skipped} item(s) could not be read."]
    return "\n".join(lines)
