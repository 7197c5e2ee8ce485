"""`screenpop dial` and the call logging options of `screenpop configure`, by their contract:
exit 2 for bad input, 1 for a failure, one line on stderr, never a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from screenpop.config.profile import Profile
from screenpop.config.settings_files import load_settings
from screenpop.core.call_log import LogCalls
from screenpop.triggers.messages import Dial, decode, encode
from tests.helpers import run_cli


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _no_tel_handler(tmp_path: Path) -> dict[str, str]:
    """An environment where no app opens tel: links (an empty XDG configuration)."""
    for folder in ("config", "data"):
        (tmp_path / folder).mkdir(exist_ok=True)
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_DIRS": str(tmp_path / "none"), "XDG_DATA_DIRS": str(tmp_path / "none"),
            "XDG_CURRENT_DESKTOP": ""}  # fmt: skip


@pytest.mark.parametrize("number", ["anonymous", "Kari Nordmann", "tel:"])
def test_a_number_that_cannot_be_dialled_exits_2(tmp_path: Path, number: str) -> None:
    result = run_cli(tmp_path / "profile", "dial", number)
    assert result.returncode == 2
    assert _one_line(result).startswith("screenpop: ")


def test_no_way_to_dial_exits_1(tmp_path: Path) -> None:
    env = _no_tel_handler(tmp_path)
    result = run_cli(tmp_path / "profile", "dial", "+47 22 33 44 55", env=env)
    assert result.returncode == 1
    assert "No app on this computer opens tel: links" in _one_line(result)


def test_screenpop_is_never_asked_to_dial_through_itself(tmp_path: Path) -> None:
    env = _no_tel_handler(tmp_path)
    (tmp_path / "config" / "mimeapps.list").write_text(
        "[Default Applications]\nx-scheme-handler/tel=no.screenpop.Screenpop.Links.desktop;\n"
    )
    apps = tmp_path / "data" / "applications"
    apps.mkdir()
    (apps / "no.screenpop.Screenpop.Links.desktop").write_text(
        "[Desktop Entry]\nType=Application\nExec=screenpop %u\nMimeType=x-scheme-handler/tel;\n"
    )
    result = run_cli(tmp_path / "profile", "dial", "22334455", env=env)
    assert result.returncode == 1
    assert "Screenpop itself opens tel: links" in _one_line(result)


def test_the_dial_message_round_trips() -> None:
    assert decode(encode(Dial("+4722334455"))) == Dial("+4722334455")


def test_configure_log_calls_and_task(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    assert load_settings(Profile(profile)).log_calls is LogCalls.ASK  # the default
    task = ("--log-task", "Phone call (incoming)")
    done = run_cli(profile, "configure", "--log-calls", "all", *task)
    assert done.returncode == 0, done.stderr
    settings = load_settings(Profile(profile))
    assert (settings.log_calls, settings.log_task) == (LogCalls.ALL, "Phone call (incoming)")
    assert "[calls]\nlog=all\n" in Profile(profile).settings_file.read_text()
    back = run_cli(profile, "configure", "--log-task", "")
    assert back.returncode == 0 and load_settings(Profile(profile)).log_task == ""


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--log-calls", "sometimes"], "invalid choice: 'sometimes'"),
        (["--log-task", "x" * 101], "--log-task takes a task name"),
    ],
)
def test_bad_call_logging_settings_exit_2(tmp_path: Path, args: list[str], says: str) -> None:
    result = run_cli(tmp_path / "profile", "configure", *args)
    assert result.returncode == 2 and says in _one_line(result)
