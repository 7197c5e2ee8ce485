"""Where the running app listens for later `screenpop` processes of the same user and profile,
without Qt (a client need not load it to find the app).

On Linux and macOS a Unix-domain socket in the user's runtime folder (``$XDG_RUNTIME_DIR``,
private to the user and emptied at logout, so a stale socket does not outlive the session);
where there is none, a folder of the user's own in the temporary folder, made private and
checked to be the user's. On Windows a named pipe, which the OS names per session.
"""

from __future__ import annotations

import getpass
import logging
import os
import stat
import sys
import tempfile
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "screenpop"
# sun_path holds 104 bytes on macOS, 108 on Linux, the terminating NUL included.
_MAX_SOCKET_PATH = 100


def _user() -> str:
    return "".join(c for c in getpass.getuser() if c.isalnum()) or "user"


def _private_folder(path: Path) -> bool:
    """``path`` exists (made if need be), is a folder of this user's that no one else may
    enter; False when it cannot be made so."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = path.lstat()
        if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
            return False
        if stat.S_IMODE(found.st_mode) & 0o077:
            path.chmod(0o700)
    except OSError:
        return False
    return True


def _folders() -> list[Path]:
    folders = []
    if os.environ.get("XDG_RUNTIME_DIR") or sys.platform == "darwin":
        folders.append(Path(platformdirs.user_runtime_dir(APP_NAME, appauthor=False)))
    folders.append(Path(tempfile.gettempdir(), f"{APP_NAME}-{_user()}"))
    return folders


def instance_address(instance_key: str) -> str:
    """The full socket path (Linux, macOS) or pipe name (Windows) for ``instance_key``."""
    name = f"{APP_NAME}-{_user()}-{instance_key}"
    if sys.platform == "win32":
        return name
    for folder in _folders():
        path = folder / f"{instance_key}.sock"
        if len(os.fsencode(path)) <= _MAX_SOCKET_PATH and _private_folder(folder):
            return str(path)
        log.debug("not using %s for the single-instance socket", folder)
    # No private folder at all: Qt's own default place, as before.
    return name
