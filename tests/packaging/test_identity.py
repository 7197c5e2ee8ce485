"""The command that starts this install: `python -m screenpop` from source, the program itself
when frozen, and on Windows the GUI or console twin as asked (the frozen Linux app runs this
for real in test_frozen.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from screenpop.integration import identity
from screenpop.integration.identity import CLI_EXECUTABLE, EXECUTABLE, app_command


def test_from_source_it_is_this_python_with_dash_m() -> None:
    if sys.platform == "win32":
        pytest.skip("pythonw.exe stands in for the GUI on Windows")
    assert app_command() == [sys.executable, "-m", "screenpop"]
    assert app_command(console=True) == [sys.executable, "-m", "screenpop"]


def test_frozen_it_is_the_program_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / EXECUTABLE
    program.touch()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.setattr(sys, "platform", "linux")
    assert identity.is_frozen()
    assert app_command() == app_command(console=True) == [str(program)]


def test_frozen_on_windows_the_gui_or_the_console_twin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gui, console = tmp_path / f"{EXECUTABLE}.exe", tmp_path / f"{CLI_EXECUTABLE}.exe"
    gui.touch()
    console.touch()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    # Started as the console twin (a terminal), it still starts the app without a console.
    monkeypatch.setattr(sys, "executable", str(console))
    assert app_command() == [str(gui)]
    assert app_command(console=True) == [str(console)]
    # A build without the twin falls back to the program that runs.
    console.unlink()
    monkeypatch.setattr(sys, "executable", str(gui))
    assert app_command(console=True) == [str(gui)]


def test_the_app_user_model_id_is_a_windows_matter() -> None:
    if sys.platform == "win32":
        pytest.skip("sets the real process's id on Windows")
    assert identity.apply_app_user_model_id() is False
