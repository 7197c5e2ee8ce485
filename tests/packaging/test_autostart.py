"""Start at login: the XDG autostart entry for real (files, validator); the Windows Run value
through a dict-backed registry; the macOS LaunchAgent by its generated plist."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path

import pytest

from screenpop.integration import autostart, desktop_entry
from screenpop.integration.autostart import (
    RUN_KEY,
    STARTUP_APPROVED_KEY,
    LaunchAgentAutostart,
    WindowsAutostart,
    XdgAutostart,
)
from screenpop.integration.identity import APP_ID, WINDOWS_RUN_VALUE, app_command
from tests.packaging.test_linux_files import validate_desktop_file

AWKWARD = ['/opt/Screen pop/screen"pop$`x`', "--profile", "/home/a b/100%\\d"]


def parse_exec(value: str) -> list[str]:
    """An Exec value back into argv, by the Desktop Entry Specification (as desktops do)."""
    unescaped = value.replace("\\\\", "\0").replace("\\s", " ").replace("\0", "\\")
    args: list[str] = []
    current, quoted, escape, started = "", False, False, False
    for char in unescaped:
        if escape:
            current, escape = current + char, False
        elif quoted and char == "\\":
            escape = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started or current:
                args.append(current)
            current, started = "", False
        else:
            current += char
    if started or current:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


# -- Linux: real files ----------------------------------------------------------------------


def test_the_xdg_entry_round_trips_any_path_and_validates(tmp_path: Path) -> None:
    xdg = XdgAutostart(config_home=tmp_path / "config", config_dirs=[])
    assert not xdg.is_enabled()
    xdg.enable(AWKWARD)
    assert xdg.path == tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    validate_desktop_file(xdg.path)
    entry = desktop_entry.read(xdg.path)
    assert parse_exec(entry["Exec"]) == AWKWARD
    assert entry["Icon"] == APP_ID and entry["Terminal"] == "false"
    assert xdg.is_enabled()
    xdg.disable()
    assert not xdg.path.exists() and not xdg.is_enabled()
    xdg.disable()  # again: nothing to remove, no error


def test_an_entry_switched_off_in_the_desktop_settings_counts_as_off(tmp_path: Path) -> None:
    xdg = XdgAutostart(config_home=tmp_path, config_dirs=[])
    xdg.enable(["screenpop"])
    xdg.path.write_text(xdg.path.read_text().replace("enabled=true", "enabled=false"))
    assert not xdg.is_enabled()
    xdg.enable(["screenpop"])
    assert xdg.is_enabled()


def test_an_entry_it_installed_for_everyone_is_hidden_for_this_user(tmp_path: Path) -> None:
    system = tmp_path / "etc-xdg"
    (system / "autostart").mkdir(parents=True)
    (system / "autostart" / f"{APP_ID}.desktop").write_text(autostart.autostart_entry(["x"]))
    xdg = XdgAutostart(config_home=tmp_path / "home", config_dirs=[system])
    assert xdg.is_enabled()
    xdg.disable()
    validate_desktop_file(xdg.path)
    assert desktop_entry.read(xdg.path)["Hidden"] == "true"
    assert not xdg.is_enabled()
    xdg.enable(["x"])
    assert xdg.is_enabled()


def test_the_setting_writes_this_installs_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "none"))
    if sys.platform != "linux":
        pytest.skip("the real entry is checked on Linux")
    autostart.set_start_at_login(True, profile=tmp_path / "my profile")
    assert autostart.is_start_at_login()
    entry = desktop_entry.read(tmp_path / "config" / "autostart" / f"{APP_ID}.desktop")
    assert parse_exec(entry["Exec"]) == [*app_command(), "--profile", str(tmp_path / "my profile")]
    autostart.set_start_at_login(False)
    assert not autostart.is_start_at_login()
    assert not (tmp_path / "config" / "autostart" / f"{APP_ID}.desktop").exists()


def test_a_relative_xdg_config_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert XdgAutostart().path == tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"


# -- Windows: a registry that is a dict ------------------------------------------------------


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str | bytes] = {}

    def get(self, key: str, name: str) -> str | bytes | None:
        return self.values.get((key, name))

    def set_string(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def delete(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)


def test_the_run_value_quotes_the_program_and_its_arguments() -> None:
    registry = FakeRegistry()
    windows = WindowsAutostart(registry)
    assert not windows.is_enabled()
    program = r"C:\Users\Ann Lee\AppData\Local\Programs\Screenpop\screenpop.exe"
    windows.enable([program, "--profile", r"C:\Users\Ann Lee\profile"])
    assert registry.values == {
        (RUN_KEY, WINDOWS_RUN_VALUE): f'"{program}" --profile "C:\\Users\\Ann Lee\\profile"'
    }
    assert windows.is_enabled()
    windows.disable()
    assert registry.values == {} and not windows.is_enabled()


def test_switched_off_in_task_manager_is_off_until_switched_on_again() -> None:
    registry = FakeRegistry()
    windows = WindowsAutostart(registry)
    windows.enable([r"C:\S\screenpop.exe"])
    registry.values[(STARTUP_APPROVED_KEY, WINDOWS_RUN_VALUE)] = b"\x03" + bytes(11)
    assert not windows.is_enabled()
    registry.values[(STARTUP_APPROVED_KEY, WINDOWS_RUN_VALUE)] = b"\x02" + bytes(11)
    assert windows.is_enabled()
    registry.values[(STARTUP_APPROVED_KEY, WINDOWS_RUN_VALUE)] = b"\x03" + bytes(11)
    windows.enable([r"C:\S\screenpop.exe"])
    assert (STARTUP_APPROVED_KEY, WINDOWS_RUN_VALUE) not in registry.values
    assert windows.is_enabled()


def test_the_real_registry_is_windows_only() -> None:
    if sys.platform == "win32":
        pytest.skip("this checks the refusal elsewhere")
    with pytest.raises(OSError, match="Windows only"):
        autostart.WindowsRegistry().get(RUN_KEY, WINDOWS_RUN_VALUE)


# -- macOS: the LaunchAgent -----------------------------------------------------------------


def test_the_launch_agent_runs_the_app_at_login(tmp_path: Path) -> None:
    mac = LaunchAgentAutostart(home=tmp_path)
    assert not mac.is_enabled()
    command = ["/Applications/Screenpop.app/Contents/MacOS/screenpop"]
    mac.enable(command)
    assert mac.path == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    agent = plistlib.loads(mac.path.read_bytes())
    assert agent["Label"] == APP_ID
    assert agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True and agent["LimitLoadToSessionType"] == "Aqua"
    assert mac.is_enabled()
    mac.disable()
    assert not mac.path.exists() and not mac.is_enabled()


def test_a_damaged_launch_agent_counts_as_off(tmp_path: Path) -> None:
    mac = LaunchAgentAutostart(home=tmp_path)
    mac.path.parent.mkdir(parents=True)
    mac.path.write_bytes(b"<plist><dict><key>Label</key>")
    assert not mac.is_enabled()
    mac.enable(["/x"])
    assert mac.is_enabled()


def test_each_platform_gets_its_own_kind() -> None:
    assert isinstance(autostart.autostart_for("linux"), XdgAutostart)
    assert isinstance(autostart.autostart_for("darwin"), LaunchAgentAutostart)
    assert isinstance(autostart.autostart_for("freebsd14"), XdgAutostart)
