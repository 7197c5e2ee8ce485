"""Recent calls as the tray menu and the main window show them: one line each, with an icon."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu

from screenpop.core.recent import MAX_RECENT_CALLS, RecentCall
from screenpop.ui.icons import load_icon
from screenpop.ui.text import mnemonic_safe, one_line, when_text

NO_CALLS = "No calls yet"
UNKNOWN = "Unknown caller"


def recent_call_who(call: RecentCall) -> str:
    return one_line(call.who) or UNKNOWN


def recent_call_line(call: RecentCall) -> str:
    """ "Ola Nordmann — Acme AS · +47 22 33 44 55"."""
    return f"{recent_call_who(call)} · {one_line(call.number)}"


def recent_call_status(call: RecentCall) -> str:
    return "Answered" if call.answered else "Missed"


def recent_call_icon(call: RecentCall) -> QIcon:
    return load_icon("call-answered" if call.answered else "call-missed")


def recent_call_tooltip(call: RecentCall, now: datetime | None = None) -> str:
    action = "open the contact" if call.is_known else "search for the number"
    return f"{recent_call_status(call)} call, {when_text(call.when, now)}: {action}"


def fill_recent_menu(
    menu: QMenu,
    calls: Sequence[RecentCall],
    chosen: Callable[[RecentCall], None],
    now: datetime | None = None,
) -> list[QAction]:
    """Put the newest ``MAX_RECENT_CALLS`` of ``calls`` in ``menu``: who and number, the time
    right-aligned (after a tab, where menus put shortcuts), answered or missed as the icon."""
    menu.clear()
    actions: list[QAction] = []
    for call in list(calls)[:MAX_RECENT_CALLS]:
        text = f"{mnemonic_safe(recent_call_line(call))}\t{when_text(call.when, now)}"
        action = menu.addAction(recent_call_icon(call), text)
        # Menus show tooltips only where the style asks; the status is in the icon's name too.
        action.setToolTip(recent_call_tooltip(call, now))
        action.setStatusTip(recent_call_status(call))
        action.triggered.connect(lambda _=False, call=call: chosen(call))
        actions.append(action)
    if not actions:
        empty = menu.addAction(NO_CALLS)
        empty.setEnabled(False)
    return actions
