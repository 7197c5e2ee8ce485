"""Start at login, the way each desktop expects it.

- Linux: an XDG autostart entry ``$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop``. An entry IT
  installed for everyone (``$XDG_CONFIG_DIRS/autostart``) is switched off for this user by a
  ``Hidden=true`` entry of the same name, as the spec says; removing ours would not do it.
- Windows: the value ``Screenpop`` under ``HKCU\\...\\CurrentVersion\\Run`` (the installer's
  "start at login" task writes the same value). Task Manager's Startup tab switches entries off
  in ``...\\Explorer\\StartupApproved\\Run`` without removing them: that counts as off, and
  switching on again clears it.
- macOS: a LaunchAgent ``~/Library/LaunchAgents/<APP_ID>.plist`` with RunAtLoad.

The settings UI calls :func:`set_start_at_login` and :func:`is_start_at_login`.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol
from xml.parsers.expat import ExpatError

from screenpop.integration import desktop_entry
from screenpop.integration.identity import APP_ID, APP_NAME, WINDOWS_RUN_VALUE, app_command

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
STARTUP_APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"


class Autostart(Protocol):
    def enable(self, command: Sequence[str]) -> None: ...
    def disable(self) -> None: ...
    def is_enabled(self) -> bool: ...


def login_command(profile: Path | None = None) -> list[str]:
    """What runs at login: the GUI program (no console window), with the profile when it is
    not the user's default one."""
    command = app_command()
    if profile is not None:
        command += ["--profile", str(profile)]
    return command


# -- Linux ---------------------------------------------------------------------------------


def _xdg_config_home() -> Path:
    value = os.environ.get("XDG_CONFIG_HOME", "")
    # The spec: a relative value is invalid and ignored.
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".config"


def _xdg_config_dirs() -> list[Path]:
    value = os.environ.get("XDG_CONFIG_DIRS", "") or "/etc/xdg"
    return [Path(part) for part in value.split(":") if part and Path(part).is_absolute()]


def autostart_entry(command: Sequence[str]) -> str:
    return desktop_entry.render(
        {
            "Type": "Application",
            "Name": APP_NAME,
            "Comment": "Caller screen pops for SuperOffice, in the system tray",
            "Exec": desktop_entry.exec_line(command),
            "Icon": APP_ID,
            "Terminal": "false",
            "X-GNOME-Autostart-enabled": "true",
            # The app waits for a tray anyway; starting after the panel saves it the retries.
            "X-KDE-autostart-after": "panel",
        }
    )


class XdgAutostart:
    def __init__(self, config_home: Path | None = None, config_dirs: list[Path] | None = None):
        self.config_home = config_home or _xdg_config_home()
        self.config_dirs = _xdg_config_dirs() if config_dirs is None else config_dirs

    @property
    def path(self) -> Path:
        return self.config_home / "autostart" / f"{APP_ID}.desktop"

    def _system_entries(self) -> list[Path]:
        found = (folder / "autostart" / f"{APP_ID}.desktop" for folder in self.config_dirs)
        return [path for path in found if path.is_file()]

    def enable(self, command: Sequence[str]) -> None:
        desktop_entry.write_atomically(self.path, autostart_entry(command))

    def disable(self) -> None:
        if self._system_entries():
            hidden = {"Type": "Application", "Name": APP_NAME, "Hidden": "true"}
            desktop_entry.write_atomically(self.path, desktop_entry.render(hidden))
        else:
            self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        # The first entry of this name on the search path decides, the user's own first.
        for path in [self.path, *self._system_entries()]:
            if path.is_file():
                entry = desktop_entry.read(path)
                if desktop_entry.is_true(entry.get("Hidden")):
                    return False
                # GNOME's Startup Applications switches an entry off with this key.
                return entry.get("X-GNOME-Autostart-enabled", "true").strip().lower() != "false"
        return False


# -- Windows -------------------------------------------------------------------------------


class Registry(Protocol):
    """The few HKEY_CURRENT_USER operations autostart needs (tests pass a dict-backed one)."""

    def get(self, key: str, name: str) -> str | bytes | None: ...
    def set_string(self, key: str, name: str, value: str) -> None: ...
    def delete(self, key: str, name: str) -> None: ...


_NOT_WINDOWS = "the Windows registry exists on Windows only"


class WindowsRegistry:
    """HKEY_CURRENT_USER through winreg (Windows only)."""

    def get(self, key: str, name: str) -> str | bytes | None:
        if sys.platform != "win32":
            raise OSError(_NOT_WINDOWS)
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                value, _kind = winreg.QueryValueEx(handle, name)
        except FileNotFoundError:
            return None
        return value if isinstance(value, str | bytes) else str(value)

    def set_string(self, key: str, name: str, value: str) -> None:
        if sys.platform != "win32":
            raise OSError(_NOT_WINDOWS)
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as handle:
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)

    def delete(self, key: str, name: str) -> None:
        if sys.platform != "win32":
            raise OSError(_NOT_WINDOWS)
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
                winreg.DeleteValue(handle, name)
        except FileNotFoundError:
            pass


def windows_command_line(command: Sequence[str]) -> str:
    """The Run value: the program always in quotes (a path with spaces must never run
    ``C:\\Program.exe``), then its arguments quoted the way the C runtime splits them."""
    program, *arguments = command
    quoted = [f'"{program}"']
    if arguments:
        quoted.append(subprocess.list2cmdline(arguments))
    return " ".join(quoted)


class WindowsAutostart:
    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or WindowsRegistry()

    def enable(self, command: Sequence[str]) -> None:
        self.registry.set_string(RUN_KEY, WINDOWS_RUN_VALUE, windows_command_line(command))
        # Switched off in Task Manager earlier: switching on in the app wins.
        self.registry.delete(STARTUP_APPROVED_KEY, WINDOWS_RUN_VALUE)

    def disable(self) -> None:
        self.registry.delete(RUN_KEY, WINDOWS_RUN_VALUE)
        self.registry.delete(STARTUP_APPROVED_KEY, WINDOWS_RUN_VALUE)

    def is_enabled(self) -> bool:
        if not self.registry.get(RUN_KEY, WINDOWS_RUN_VALUE):
            return False
        approved = self.registry.get(STARTUP_APPROVED_KEY, WINDOWS_RUN_VALUE)
        # Task Manager writes 12 bytes: 0x02 first when on, 0x03 (odd) when switched off.
        return not (isinstance(approved, bytes) and approved[:1] and approved[0] & 1)


# -- macOS ---------------------------------------------------------------------------------


def launch_agent(command: Sequence[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": APP_ID,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            # Only in a graphical login, as an app the user works with (not throttled).
            "LimitLoadToSessionType": "Aqua",
            "ProcessType": "Interactive",
            # macOS 13+ shows the app's own name and icon in Login Items.
            "AssociatedBundleIdentifiers": [APP_ID],
        }
    )


class LaunchAgentAutostart:
    def __init__(self, home: Path | None = None) -> None:
        self.home = home or Path.home()

    @property
    def path(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"

    def enable(self, command: Sequence[str]) -> None:
        # Read at the next login; loading it now would start a second app.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        temporary.write_bytes(launch_agent(command))
        temporary.replace(self.path)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        try:
            agent = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError, ExpatError):
            return False
        return isinstance(agent, dict) and agent.get("Disabled") is not True


# -- the setting ---------------------------------------------------------------------------


def autostart_for(platform: str = sys.platform) -> Autostart:
    if platform == "win32":
        return WindowsAutostart()
    if platform == "darwin":
        return LaunchAgentAutostart()
    return XdgAutostart()


def set_start_at_login(enabled: bool, *, profile: Path | None = None) -> None:
    """Start this installation of the app when the user logs in (or stop doing so).
    ``profile``: start with that ``--profile`` (None: the user's default profile).
    Raises OSError when the entry cannot be written."""
    autostart = autostart_for()
    if enabled:
        autostart.enable(login_command(profile))
    else:
        autostart.disable()


def is_start_at_login() -> bool:
    return autostart_for().is_enabled()
