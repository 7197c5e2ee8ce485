"""Which program opens tel: links, read as the freedesktop.org MIME applications spec says
(mimeapps.list, through xdg-mime where it is installed), and whether it is Screenpop itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from screenpop.integration.tel_handler import TelHandler, refusal, tel_handler


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data")):
        (tmp_path / folder).mkdir()
        monkeypatch.setenv(name, str(tmp_path / folder))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "no-system-config"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "no-system-data"))
    monkeypatch.delenv("XDG_CURRENT_DESKTOP", raising=False)
    return tmp_path


def _handler(xdg: Path, desktop_id: str, exec_line: str, name: str = "") -> None:
    (xdg / "config" / "mimeapps.list").write_text(
        f"[Default Applications]\nx-scheme-handler/tel={desktop_id};\n"
    )
    applications = xdg / "data" / "applications"
    applications.mkdir(exist_ok=True)
    lines = ["[Desktop Entry]", "Type=Application", f"Exec={exec_line}",
             "MimeType=x-scheme-handler/tel;"]  # fmt: skip
    if name:
        lines.append(f"Name={name}")
    (applications / desktop_id).write_text("\n".join(lines) + "\n")


def test_another_app_for_tel_links_is_used(xdg: Path) -> None:
    _handler(xdg, "org.example.Phone.desktop", "phone %u", "Example Phone")
    handler = tel_handler("linux")
    assert handler == TelHandler("Example Phone", ours=False) and handler.usable
    assert refusal(handler) == ""


@pytest.mark.parametrize(
    ("desktop_id", "exec_line"),
    [
        ("no.screenpop.Screenpop.Links.desktop", "/opt/screenpop/screenpop %u"),  # ours
        ("no.screenpop.Screenpop.desktop", "screenpop %u"),  # the packages'
        ("call-links.desktop", '"/home/kari/.venv/bin/python" -m screenpop --profile x %u'),
    ],
)
def test_screenpop_itself_is_never_handed_a_dial(
    xdg: Path, desktop_id: str, exec_line: str
) -> None:
    _handler(xdg, desktop_id, exec_line)
    handler = tel_handler("linux")
    assert handler.ours and not handler.usable
    assert refusal(handler).startswith("Screenpop itself opens tel: links on this computer")


def test_no_handler_at_all(xdg: Path) -> None:
    handler = tel_handler("linux")
    assert handler == TelHandler() and not handler.usable
    assert refusal(handler).startswith("No app on this computer opens tel: links")


def test_without_xdg_utils_mimeapps_list_is_read(
    xdg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _handler(xdg, "org.example.Phone.desktop", "phone %u", "Example Phone")
    bare = xdg / "bin"
    bare.mkdir()
    monkeypatch.setenv("PATH", str(bare))
    assert shutil.which("xdg-mime") is None
    assert tel_handler("linux") == TelHandler("Example Phone", ours=False)


def test_an_unknown_platform_has_no_handler_it_can_trust() -> None:
    assert tel_handler("sunos5") == TelHandler()
