"""The Qt binding itself must be sound enough to run all day."""

import sys

from PySide6.QtCore import QTimer


def test_void_qt_calls_keep_none_alive() -> None:
    # PySide6 6.12.0 released a reference to None on every call of a void Qt method; on
    # Python 3.11 the app then died with "none_dealloc" after a few thousand calls.
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(500):
        timer.stop()
    assert sys.getrefcount(None) - before > -100
