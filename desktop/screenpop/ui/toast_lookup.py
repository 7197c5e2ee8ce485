"""What a toast says while an unknown number is looked up in SuperOffice, and after.

The toast is painted from the cache's miss at once; the lookup runs behind it and the toast
is filled in place (:meth:`screenpop.ui.toast.CallToast.set_candidates`) or says calmly why
not: not found, or could not look up (the tenant's reason, in one line).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg
from screenpop.ui.text import one_line


class LookupState(StrEnum):
    NONE = "none"  # no lookup (live lookup off, or nothing to look up)
    LOOKING = "looking"
    NOT_FOUND = "not found"
    FAILED = "failed"


LOOKING_TEXT = QT_TRANSLATE_NOOP("CallToast", "Looking up in SuperOffice…")
NOT_FOUND_TEXT = QT_TRANSLATE_NOOP("CallToast", "Not found in SuperOffice")
FAILED_TEXT = QT_TRANSLATE_NOOP("CallToast", "Could not look up: %1")
ADD_TEXT = QT_TRANSLATE_NOOP("CallToast", "Add to SuperOffice…")
ADD_TIP = QT_TRANSLATE_NOOP("CallToast", "Add this caller to SuperOffice as a new person")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CallToast", text)


def lookup_detail(state: LookupState, reason: str) -> str:
    """How the lookup of an unknown number stands, for the toast's detail line ("" for none)."""
    if state is LookupState.LOOKING:
        return _tr(LOOKING_TEXT)
    if state is LookupState.NOT_FOUND:
        return _tr(NOT_FOUND_TEXT)
    if state is LookupState.FAILED:
        return arg(_tr(FAILED_TEXT), one_line(reason))
    return ""
