"""Where the running app listens for later `screenpop` processes of the same user and profile,
without Qt (a client need not load it to find the app).

On Linux and macOS a Unix-domain socket in the user's runtime folder (``$XDG_RUNTIME_DIR``,
private to the user and emptied at logout, so a stale socket does not outlive the session);
where there is none, a folder of the user's own in the temporary folder (where QLocalServer
would put it otherwise), made private and checked to be the user's. On Windows a named pipe,
which the OS names per session.

A softphone hook computes this on every call, so the common case (Linux with a runtime
folder) uses ``os`` alone: platformdirs, tempfile, getpass and pathlib cost a few
milliseconds each to import, which a hook that must finish in a few dozen does not have.
"""

from __future__ import annotations

import os
import stat
import sys

APP_NAME = "screenpop"
# sun_path holds 104 bytes on macOS, 108 on Linux, the terminating NUL included.
_MAX_SOCKET_PATH = 100


def _user() -> str:
    import getpass

    return "".join(c for c in getpass.getuser() if c.isalnum()) or "user"


def _private_folder(path: str) -> bool:
    """``path`` exists (made if need be), is a folder of this user's that no one else may
    enter; False when it cannot be made so."""
    try:
        try:
            found = os.lstat(path)
        except FileNotFoundError:
            os.makedirs(path, mode=0o700, exist_ok=True)
            found = os.lstat(path)
        if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
            return False
        if stat.S_IMODE(found.st_mode) & 0o077:
            os.chmod(path, 0o700)
    except OSError:
        return False
    return True


def _runtime_folder() -> str | None:
    if sys.platform == "darwin":
        import platformdirs

        return platformdirs.user_runtime_dir(APP_NAME, appauthor=False)
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    # platformdirs' answer where the variable is set, without importing it.
    return os.path.join(runtime, APP_NAME) if runtime else None


def _socket_in(folder: str, instance_key: str) -> str | None:
    path = os.path.join(folder, f"{instance_key}.sock")
    if len(os.fsencode(path)) <= _MAX_SOCKET_PATH and _private_folder(folder):
        return path
    import logging

    logging.getLogger(__name__).debug("not using %s for the single-instance socket", folder)
    return None


def temp_folder() -> str:
    """The temporary folder as Qt names it on Unix (QDir::tempPath(): $TMPDIR, else /tmp);
    tempfile's answer costs a hook the import of random, shutil and the compressors."""
    return (os.environ.get("TMPDIR") or "/tmp").rstrip("/") or "/"


def _qt_default(instance_key: str) -> str:
    """A bare name: QLocalServer's own place for it (the temporary folder; on Windows, a pipe)."""
    return f"{APP_NAME}-{_user()}-{instance_key}"


def instance_address(instance_key: str) -> str:
    """The full socket path (Linux, macOS) or pipe name (Windows) for ``instance_key``."""
    if sys.platform == "win32":
        return _qt_default(instance_key)
    runtime = _runtime_folder()
    if runtime is not None and (path := _socket_in(runtime, instance_key)):
        return path
    own = os.path.join(temp_folder(), f"{APP_NAME}-{_user()}")
    # No private folder at all: Qt's own default place, as before.
    return _socket_in(own, instance_key) or _qt_default(instance_key)
