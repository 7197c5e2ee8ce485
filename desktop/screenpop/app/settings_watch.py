"""Settings changed outside the app reach it too: `screenpop configure` in a terminal, an edit by
hand, an administrator's new system-wide file.

The folders are watched rather than the files: a settings file is replaced whole (a new file
renamed over the old), which ends a watch on the file itself. A folder also changes for other
files (the cache's journal), so a change counts only when a settings file's own size, time or
identity did; several in a row are read once, after a short quiet.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

log = logging.getLogger(__name__)

QUIET_MS = 250

Fingerprint = tuple[int, int, int] | None


def _fingerprint(path: Path) -> Fingerprint:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


class SettingsWatch(QObject):
    """Calls ``changed()`` once after any of ``files`` changed (or appeared, or went)."""

    def __init__(
        self, files: Sequence[Path], changed: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._files = tuple(files)
        self._changed = changed
        self._seen = {path: _fingerprint(path) for path in self._files}
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self.check)
        self._watcher = QFileSystemWatcher(self)
        folders = sorted({str(path.parent) for path in self._files if path.parent.is_dir()})
        if folders:
            self._watcher.addPaths(folders)
        self._watcher.directoryChanged.connect(lambda _folder: self._quiet.start())

    def check(self) -> bool:
        """Look now; True (and ``changed()`` called) when a settings file is not as it was."""
        now = {path: _fingerprint(path) for path in self._files}
        if now == self._seen:
            return False
        self._seen = now
        log.info("settings changed on disk: %s", ", ".join(
            os.fspath(path) for path in self._files if now[path] is not None))  # fmt: skip
        self._changed()
        return True

    def stop(self) -> None:
        self._quiet.stop()
        paths = self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
