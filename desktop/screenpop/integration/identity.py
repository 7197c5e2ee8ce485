"""The names the operating systems know the app by, and the command that starts this install.

The installers (packaging/) repeat these names in their own formats; tests/packaging checks
that they agree with this module, so a rename starts here.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Reverse-DNS id: the .desktop file and AppStream component (Linux), CFBundleIdentifier and
# the LaunchAgent label (macOS), and the AppUserModelID that Windows groups notifications by.
APP_ID = "no.screenpop.Screenpop"
APP_NAME = "Screenpop"
APP_FULL_NAME = "Screenpop for SuperOffice"
# The one-folder app and its main executable.
EXECUTABLE = "screenpop"
# Windows only: a GUI program has no console, so the command line gets a console twin.
CLI_EXECUTABLE = "screenpop-cli"
# Links the app takes over: `screenpop tel:+4722334455` is the same as `screenpop call`.
URL_SCHEMES = ("tel", "callto", "sip", "sips")
# The value under HKCU\Software\Microsoft\Windows\CurrentVersion\Run (the installer's
# "start at login" task and the app's own setting write the same one).
WINDOWS_RUN_VALUE = APP_NAME


def is_frozen() -> bool:
    """Whether this is the PyInstaller build (no Python installed, no ``-m``)."""
    return bool(getattr(sys, "frozen", False))


def app_command(*, console: bool = False) -> list[str]:
    """The argv prefix that starts this installation of the app: add a subcommand and its
    arguments. ``console`` asks for the program whose output a caller reads (on Windows the
    GUI program has no stdout); otherwise it is the one that shows no console window."""
    if not is_frozen():
        python = Path(sys.executable)
        if sys.platform == "win32" and not console:
            # pythonw.exe: the same interpreter without a console window.
            windowless = python.with_name("pythonw.exe")
            python = windowless if windowless.is_file() else python
        return [str(python), "-m", "screenpop"]
    program = Path(sys.executable)
    if sys.platform == "win32":
        twin = program.with_name(f"{CLI_EXECUTABLE if console else EXECUTABLE}.exe")
        if twin.is_file():
            return [str(twin)]
    return [str(program)]


def apply_app_user_model_id() -> bool:
    """Windows: give this process the AppUserModelID the Start-menu shortcut carries, so its
    notifications and taskbar buttons show the app's name and icon however it was started
    (at sign-in, by a tel: link, by `screenpop call`). Call it before the first window.
    Returns whether it was set (False elsewhere, or when Windows refused)."""
    if sys.platform != "win32":
        return False
    import ctypes

    result = ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)
    return bool(result == 0)  # S_OK
