"""The command line for phones: baresip settings, link registration, links as calls."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from screenpop.cli.main import _links_as_calls
from screenpop.config.profile import Profile
from screenpop.config.settings_files import load_settings
from screenpop.integration.linux_links import DESKTOP_FILE, MIME_TYPES, exec_line, link_entry
from tests.helpers import run_cli


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_configure_baresip_then_turn_it_off(tmp_path: Path) -> None:
    on = run_cli(tmp_path, "configure", "--baresip", " localhost:4444 ")
    assert on.returncode == 0, on.stderr
    settings = load_settings(Profile(tmp_path))
    assert (settings.baresip, settings.baresip_allow_remote) == ("localhost:4444", False)
    assert run_cli(tmp_path, "configure", "--no-baresip").returncode == 0
    assert load_settings(Profile(tmp_path)).baresip == ""


def test_another_computer_needs_allow_remote(tmp_path: Path) -> None:
    refused = run_cli(tmp_path, "configure", "--baresip", "10.0.0.5:4444")
    assert refused.returncode == 1
    assert "10.0.0.5 is not this computer" in _one_line_error(refused)
    assert load_settings(Profile(tmp_path)).baresip == ""  # nothing was saved

    allowed = run_cli(tmp_path, "configure", "--baresip", "10.0.0.5:4444", "--baresip-allow-remote")
    assert allowed.returncode == 0, allowed.stderr
    settings = load_settings(Profile(tmp_path))
    assert (settings.baresip, settings.baresip_allow_remote) == ("10.0.0.5:4444", True)
    # Taking the permission back while the address is remote is refused too.
    back = run_cli(tmp_path, "configure", "--no-baresip-allow-remote")
    assert back.returncode == 1 and "not this computer" in _one_line_error(back)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--baresip", "nonsense"], "is not a baresip address"),
        (["--baresip", "127.0.0.1:99999"], "is not a port number"),
        (["--baresip", "127.0.0.1:4444", "--no-baresip"], "not both"),
    ],
)
def test_bad_baresip_settings_get_one_line(tmp_path: Path, args: list[str], says: str) -> None:
    result = run_cli(tmp_path, "configure", *args)
    assert result.returncode == 2
    assert says in _one_line_error(result)


@pytest.mark.parametrize(
    ("link", "says"),
    [
        ("tel:hello", "a tel: number has only digits"),
        ("callto:echo123", "a callto: link to a name"),
        ("sip:ola.nordmann@pbx.example", "not a phone number"),
        ("tel:+47%zz", "broken %-escape"),
    ],
)
def test_a_junk_link_is_refused_before_waking_the_app(tmp_path: Path, link: str, says: str) -> None:
    result = run_cli(tmp_path, link)
    assert result.returncode == 2
    assert says in _one_line_error(result)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["tel:+4722334455"], ["call", "tel:+4722334455"]),
        (["--profile", "/p", "SIP:1@x"], ["--profile", "/p", "call", "SIP:1@x"]),
        (["--verbose", "callto://+47/"], ["--verbose", "call", "callto://+47/"]),
        (["lookup", "tel:+4722334455"], ["lookup", "tel:+4722334455"]),
        (["call", "sips:1@x", "--state", "ended"], ["call", "sips:1@x", "--state", "ended"]),
        (["--profile", "tel:odd-folder", "sync"], ["--profile", "tel:odd-folder", "sync"]),
        ([], []),
    ],
)
def test_only_a_link_in_the_commands_place_is_a_call(argv: list[str], expected: list[str]) -> None:
    assert _links_as_calls(argv) == expected


def test_lookup_of_a_link_is_still_a_lookup(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "lookup", "tel:+47-22-33-44-55", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_exec_line_quotes_as_the_desktop_entry_spec_says() -> None:
    assert exec_line(["/usr/bin/screenpop"]) == "/usr/bin/screenpop %u"
    assert exec_line(["/opt/my apps/python", "-m", "screenpop"]) == (
        '"/opt/my apps/python" -m screenpop %u'
    )
    # "$" and "\" escaped for the quoting, and the backslashes again for the string value.
    assert exec_line(["/p/$HOME\\x", "100%"]) == '"/p/\\\\$HOME\\\\\\\\x" 100%% %u'


@pytest.fixture
def xdg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        # xdg-mime writes the desktop-neutral mimeapps.list without these.
        "XDG_CURRENT_DESKTOP": "",
        "DESKTOP_SESSION": "",
        "KDE_FULL_SESSION": "",
        "GNOME_DESKTOP_SESSION_ID": "",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


def test_register_links_for_the_current_user(tmp_path: Path, xdg_home: dict[str, str]) -> None:
    profile = tmp_path / "my profile"
    result = run_cli(profile, "configure", "--register-links", env=xdg_home)
    assert result.returncode == 0, result.stderr
    entry = Path(xdg_home["XDG_DATA_HOME"]) / "applications" / DESKTOP_FILE
    text = entry.read_text()
    assert f"MimeType={''.join(t + ';' for t in MIME_TYPES)}" in text
    assert f'--profile "{profile.resolve()}" %u' in text
    assert str(entry) in result.stdout

    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
    if shutil.which("xdg-mime"):
        for mime in MIME_TYPES:
            default = subprocess.run(
                ["xdg-mime", "query", "default", mime],
                capture_output=True, text=True, check=False, env={**os.environ, **xdg_home},
            )  # fmt: skip
            assert default.stdout.strip() == DESKTOP_FILE
        assert "the default for tel:, callto:, sip:, sips:" in result.stdout
    # Registering again replaces the entry rather than adding another.
    assert run_cli(profile, "configure", "--register-links", env=xdg_home).returncode == 0
    assert [p.name for p in entry.parent.glob("*.desktop")] == [DESKTOP_FILE]


def test_the_entry_validates_with_any_command(tmp_path: Path) -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils)")
    entry = tmp_path / DESKTOP_FILE
    entry.write_text(link_entry(["/home/kari o'hara/100% $x\\y/python", "-m", "screenpop"]))
    checked = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout


def test_register_links_off_linux_says_why() -> None:
    from screenpop.core.errors import ConfigError
    from screenpop.integration.linux_links import register_links

    with pytest.raises(ConfigError, match="installers register them"):
        register_links(["screenpop"], platform="win32")
