"""packaging/linux/build.sh and the install.sh inside its tarball: a per-user install that
owns tel:/callto:/sip:/sips: links, and an uninstall that leaves nothing of ours behind."""

from __future__ import annotations

import configparser
import platform
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from screenpop import __version__
from screenpop.integration import desktop_entry
from screenpop.integration.identity import APP_ID, URL_SCHEMES
from tests.packaging.support import ROOT, clean_env

pytestmark = [
    pytest.mark.timeout(900),
    pytest.mark.skipif(sys.platform != "linux", reason="the Linux tarball"),
]

OTHER_HANDLERS = """[Default Applications]
text/html=firefox.desktop
x-scheme-handler/tel=softphone.desktop

[Added Associations]
x-scheme-handler/sip=softphone.desktop;
"""


def _defaults(mimeapps: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(mimeapps.read_text())
    return (
        dict(parser["Default Applications"]) if parser.has_section("Default Applications") else {}
    )


@pytest.fixture(scope="module")
def unpacked(frozen_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tarball")
    build = subprocess.run(
        ["packaging/linux/build.sh", "--frozen", str(frozen_app), "--out", str(out)],
        cwd=ROOT, env={**clean_env(out), "GZIP_LEVEL": "1", "PYTHON": sys.executable},
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    name = f"screenpop-{__version__}-linux-{platform.machine()}"
    tarball = out / f"{name}.tar.gz"
    assert build.stdout.strip().splitlines()[-1] == str(tarball)
    with tarfile.open(tarball) as archive:
        members = archive.getnames()
        assert all(m == name or m.startswith(f"{name}/") for m in members), "one top folder"
        archive.extractall(out / "unpacked", filter="tar")
    return out / "unpacked" / name


def test_the_tarball_holds_the_app_and_its_desktop_files(unpacked: Path) -> None:
    assert (unpacked / "screenpop" / "screenpop").is_file()
    assert (unpacked / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (unpacked / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    icons = unpacked / "share" / "icons" / "hicolor"
    assert (icons / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (unpacked / "install.sh").stat().st_mode & 0o111


def test_installs_for_the_user_owns_the_links_and_uninstalls(
    unpacked: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home with space"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "mimeapps.list").write_text(OTHER_HANDLERS)
    profile = home / ".local" / "share" / "screenpop"
    profile.mkdir(parents=True)
    (profile / "settings.ini").write_text("[tenant]\n")
    env = clean_env(home)

    install = subprocess.run(
        ["sh", str(unpacked / "install.sh")], env=env, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    assert f"Screenpop {__version__} is installed" in install.stdout

    lib = home / ".local" / "lib" / "screenpop"
    version = subprocess.run(
        [str(home / ".local" / "bin" / "screenpop"), "--version"], env=env,
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert version.stdout.strip() == f"screenpop {__version__}"

    data = home / ".local" / "share"
    entry_file = data / "applications" / f"{APP_ID}.desktop"
    validate = subprocess.run(
        ["desktop-file-validate", str(entry_file)], capture_output=True, text=True, check=False
    )
    assert validate.returncode == 0 and not validate.stdout.strip(), validate.stdout
    entry = desktop_entry.read(entry_file)
    # The path has a space: quoted, so the desktop runs this program and not "/…/home".
    assert entry["Exec"] == f'"{lib / "screenpop"}" %u'
    mime_types = {m for m in entry["MimeType"].split(";") if m}
    assert mime_types == {f"x-scheme-handler/{scheme}" for scheme in URL_SCHEMES}
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()

    defaults = _defaults(home / ".config" / "mimeapps.list")
    for scheme in URL_SCHEMES:
        assert defaults[f"x-scheme-handler/{scheme}"] == f"{APP_ID}.desktop"
    assert defaults["text/html"] == "firefox.desktop", "other handlers are kept"

    # What the app's "start at login" setting writes; the uninstall takes it away too.
    autostart = home / ".config" / "autostart" / f"{APP_ID}.desktop"
    autostart.parent.mkdir()
    autostart.write_text("[Desktop Entry]\nType=Application\nName=Screenpop\nExec=x\n")

    uninstall = subprocess.run(
        ["sh", str(lib / "uninstall.sh")], env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert uninstall.returncode == 0, uninstall.stderr
    assert not lib.exists()
    assert not (home / ".local" / "bin" / "screenpop").exists()
    assert not entry_file.exists() and not autostart.exists()
    leftovers = [p for p in data.rglob(f"{APP_ID}*") if p.is_file()]
    assert leftovers == []
    defaults = _defaults(home / ".config" / "mimeapps.list")
    assert not any(key.startswith("x-scheme-handler/") for key in defaults)
    assert defaults["text/html"] == "firefox.desktop"
    assert (
        "x-scheme-handler/sip=softphone.desktop;"
        in (home / ".config" / "mimeapps.list").read_text()
    )
    assert (profile / "settings.ini").is_file(), "the user's settings are kept"


def test_no_links_leaves_the_default_handlers_alone(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "mimeapps.list").write_text(OTHER_HANDLERS)
    install = subprocess.run(
        ["sh", str(unpacked / "install.sh"), "--no-links"], env=clean_env(home),
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    assert (home / ".config" / "mimeapps.list").read_text() == OTHER_HANDLERS


def test_install_refuses_unknown_options_in_one_line(unpacked: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        ["sh", str(unpacked / "install.sh"), "--frobnicate"], env=clean_env(tmp_path),
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == "install.sh: unknown option --frobnicate (see --help)"
    assert not (tmp_path / ".local").exists()
