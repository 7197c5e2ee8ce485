"""tel:, callto: and sip: links the operating system hands to the running app as events.

On macOS a link opened while the app runs arrives as an Apple event (Qt's ``FileOpen``), not
as a new process with the link as its argument (as on Linux and Windows, where the CLI hands
it over through the single instance).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from screenpop.core.call_uri import has_call_scheme
from screenpop.core.calls import CallEvent


class OsLinkEvents(QObject):
    def __init__(self, app: QCoreApplication, on_call: Callable[[CallEvent], object]) -> None:
        super().__init__(app)
        self._on_call = on_call
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url().toString()
            if has_call_scheme(url):
                self._on_call(CallEvent(url, source="link"))
                return True
        return super().eventFilter(watched, event)
