"""Recent calls as the tray menu and the main window show them: one line each, with an icon."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu

from screenpop.core.recent import MAX_RECENT_CALLS, RecentCall
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg
from screenpop.ui.icons import load_icon
from screenpop.ui.text import mnemonic_safe, one_line, when_text

NO_CALLS = QT_TRANSLATE_NOOP("recent_calls", "No calls yet")
UNKNOWN = QT_TRANSLATE_NOOP("recent_calls", "Unknown caller")


def _tr(text: str) -> str:
    return QCoreApplication.translate("recent_calls", text)


def recent_call_who(call: RecentCall) -> str:
    return one_line(call.who) or _tr(UNKNOWN)


def recent_call_line(call: RecentCall) -> str:
    """ "Ola Nordmann — Acme AS · +47 22 33 44 55"."""
    return f"{recent_call_who(call)} · {one_line(call.number)}"


def recent_call_status(call: RecentCall) -> str:
    return (
        QCoreApplication.translate("recent_calls", "Answered")
        if call.answered
        else QCoreApplication.translate("recent_calls", "Missed")
    )


def recent_call_icon(call: RecentCall) -> QIcon:
    return load_icon("call-answered" if call.answered else "call-missed")


def recent_call_tooltip(call: RecentCall, now: datetime | None = None) -> str:
    # Whole sentences: how the parts combine differs between languages.
    if call.answered and call.is_known:
        text = QCoreApplication.translate("recent_calls", "Answered call, %1: open the contact")
    elif call.answered:
        text = QCoreApplication.translate(
            "recent_calls", "Answered call, %1: search for the number"
        )
    elif call.is_known:
        text = QCoreApplication.translate("recent_calls", "Missed call, %1: open the contact")
    else:
        text = QCoreApplication.translate("recent_calls", "Missed call, %1: search for the number")
    return arg(text, when_text(call.when, now))


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
        empty = menu.addAction(_tr(NO_CALLS))
        empty.setEnabled(False)
    return actions
