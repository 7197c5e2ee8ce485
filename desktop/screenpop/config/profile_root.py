"""Which folder a profile is, and the key its running app is found by, with ``os`` alone.

A softphone hook (`screenpop call`) needs both on every call and has a few dozen milliseconds
in all; pathlib, dataclasses, platformdirs and hashlib cost several each to import on a busy
desktop. :class:`screenpop.config.profile.Profile` is built on these, so the hook and the app
always agree on the folder and the key.
"""

from __future__ import annotations

import os
import posixpath
import sys

APP_NAME = "screenpop"
PROFILE_ENV = "SCREENPOP_PROFILE"


def _user_data_dir() -> str:
    """platformdirs' ``user_data_dir("screenpop")``; its common cases on Linux without
    importing it (tests/pure/test_handover.py holds the two to each other)."""
    if sys.platform.startswith("linux"):
        data_home = os.environ.get("XDG_DATA_HOME", "")
        if posixpath.isabs(data_home):
            return os.path.join(data_home, APP_NAME)
        if posixpath.isabs(os.environ.get("HOME", "")):
            return os.path.join(os.path.expanduser("~/.local/share"), APP_NAME)
    import platformdirs

    return platformdirs.user_data_dir(APP_NAME, appauthor=False)


def profile_root(explicit: str | None = None, *, demo: bool = False) -> str:
    """``--profile``, else ``SCREENPOP_PROFILE``, else the user's own (or demo) profile, as an
    absolute path with its links resolved (so every process names it alike)."""
    chosen = explicit or os.environ.get(PROFILE_ENV)
    if chosen:
        return os.path.realpath(os.path.expanduser(chosen))
    root = os.path.realpath(_user_data_dir())
    # The demo never touches the real profile's settings or cache.
    return os.path.join(root, "demo") if demo else root


def instance_key(root: str) -> str:
    """Tells one profile's running app from another's (tests run many side by side)."""
    data = root.encode()
    # The interpreter's own SHA-256 (Python 3.11, 3.12 and later): hashlib loads OpenSSL.
    for builtin in ("_sha256", "_sha2"):
        try:
            return str(__import__(builtin).sha256(data).hexdigest())[:16]
        except ImportError:
            continue
    import hashlib

    return hashlib.sha256(data).hexdigest()[:16]
