"""A tel: link macOS hands to the running app (a FileOpen event) pops like a call."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from screenpop.core.calls import CallEvent
from screenpop.triggers.os_links import OsLinkEvents


def test_call_links_become_call_events_and_files_do_not(qapp: QApplication) -> None:
    calls: list[CallEvent] = []
    links = OsLinkEvents(qapp, calls.append)
    try:
        for url in ("tel:+47-22-33-44-55;ext=12", "file:///tmp/report.pdf", "sip:100@pbx"):
            QApplication.sendEvent(qapp, QFileOpenEvent(QUrl(url)))
    finally:
        qapp.removeEventFilter(links)
        links.deleteLater()
    assert [(c.number, c.source) for c in calls] == [
        ("tel:+47-22-33-44-55;ext=12", "link"),
        ("sip:100@pbx", "link"),
    ]
