"""The Inno Setup script and build.ps1 checked against the app: they cannot run here, so
what they say (names, version, schemes, registry values, files) is read and compared."""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from screenpop.integration.autostart import RUN_KEY, STARTUP_APPROVED_KEY, windows_command_line
from screenpop.integration.identity import (
    APP_FULL_NAME,
    APP_ID,
    APP_NAME,
    CLI_EXECUTABLE,
    EXECUTABLE,
    URL_SCHEMES,
    WINDOWS_RUN_VALUE,
)
from tests.packaging.support import PACKAGING, ROOT

ISS = PACKAGING / "windows" / "screenpop.iss"
BUILD_PS1 = PACKAGING / "windows" / "build.ps1"
Entry = dict[str, str]


def _fields(line: str) -> Entry:
    """``Name: "a"; Flags: b c`` into fields, honouring quotes ("" is a quote inside)."""
    fields: Entry = {}
    for part in re.findall(r'(?:[^;"]|"(?:[^"]|"")*")+', line):
        key, _, value = part.strip().partition(":")
        value = value.strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1].replace('""', '"')
        fields[key.strip()] = value
    return fields


def parse_iss(text: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The ``#define``s, and each section's lines (comments dropped)."""
    defines = dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', text, re.MULTILINE))
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return defines, sections


def expand(value: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)


@pytest.fixture(scope="module")
def iss() -> tuple[dict[str, str], dict[str, list[str]]]:
    return parse_iss(ISS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry(iss: tuple[dict[str, str], dict[str, list[str]]]) -> list[Entry]:
    defines, sections = iss
    return [
        {k: expand(v, defines) for k, v in _fields(line).items()} for line in sections["Registry"]
    ]


def _setup(iss: tuple[dict[str, str], dict[str, list[str]]]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss[1]["Setup"])


def test_names_agree_with_the_app(
    iss: tuple[dict[str, str], dict[str, list[str]]], spec_support: ModuleType
) -> None:
    defines, _ = iss
    assert defines["AppId"] == APP_ID
    assert defines["AppName"] == APP_NAME
    assert defines["AppFullName"] == APP_FULL_NAME
    assert defines["RunValue"] == WINDOWS_RUN_VALUE
    # The programs the spec builds on Windows.
    programs = [f"{name}.exe" for name, _console in spec_support.executables("win32")]
    assert programs == [defines["AppExe"], defines["CliExe"]]
    assert defines["AppExe"] == f"{EXECUTABLE}.exe" and defines["CliExe"] == f"{CLI_EXECUTABLE}.exe"


def test_a_per_user_install_without_admin_rights(
    iss: tuple[dict[str, str], dict[str, list[str]]], registry: list[Entry]
) -> None:
    setup = _setup(iss)
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert setup["CloseApplications"] == "yes" and setup["ChangesAssociations"] == "yes"
    assert {entry["Root"] for entry in registry} == {"HKCU"}


def test_the_version_comes_from_the_build_script(
    iss: tuple[dict[str, str], dict[str, list[str]]],
) -> None:
    text = ISS.read_text(encoding="utf-8")
    assert "#ifndef AppVersion\n  #error" in text, "no default version: it must be passed"
    setup = _setup(iss)
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["VersionInfoVersion"] == "{#FileVersion}"
    assert "{#AppVersion}" in setup["OutputBaseFilename"]
    script = BUILD_PS1.read_text(encoding="utf-8")
    assert r"packaging\pyinstaller\spec_support.py" in script
    assert "spec_support.py --file-version" in script
    assert '"/DAppVersion=$version"' in script and '"/DFileVersion=$fileVersion"' in script
    # The frozen CLI must say the same version before it is packed.
    assert 'screenpop-cli.exe") --version' in script
    assert r"packaging\windows\screenpop.iss" in script
    assert (PACKAGING / "pyinstaller" / "screenpop.spec").is_file()


def test_the_paths_it_packs_are_where_the_build_puts_them(
    iss: tuple[dict[str, str], dict[str, list[str]]], spec_support: ModuleType
) -> None:
    defines, sections = iss
    windows_dir = ISS.parent
    source = (windows_dir / defines["SourceDir"].replace("\\", "/")).resolve()
    assert source == ROOT / "build" / "pyinstaller" / "dist" / "screenpop"
    assert r"build\pyinstaller\dist" in BUILD_PS1.read_text(encoding="utf-8")
    icon = (windows_dir / defines["IconFile"].replace("\\", "/")).resolve()
    assert icon == spec_support.ICONS / "screenpop.ico"
    files = [_fields(line) for line in sections["Files"]]
    assert files == [
        {
            "Source": "{#SourceDir}\\*",
            "DestDir": "{app}",
            "Flags": "ignoreversion recursesubdirs createallsubdirs",
        }
    ]


def test_every_link_scheme_opens_the_gui_program(registry: list[Entry]) -> None:
    def values(subkey: str) -> dict[str, str]:
        return {e["ValueName"]: e["ValueData"] for e in registry if e["Subkey"] == subkey}

    command = f'"{{app}}\\{EXECUTABLE}.exe" "%1"'
    capabilities = values(r"Software\Screenpop\Capabilities\URLAssociations")
    for scheme in URL_SCHEMES:
        for key in (rf"Software\Classes\{scheme}", rf"Software\Classes\{APP_ID}.{scheme}"):
            assert values(key)["URL Protocol"] == "", key
            assert values(rf"{key}\shell\open\command")[""] == command, key
            roots = [
                e for e in registry if e["Subkey"] == key and "uninsdeletekey" in e.get("Flags", "")
            ]
            assert roots, f"{key} is not removed on uninstall"
        assert capabilities[scheme] == f"{APP_ID}.{scheme}"
    assert values(r"Software\RegisteredApplications")[APP_NAME] == (
        r"Software\Screenpop\Capabilities"
    )
    assert all(e.get("Tasks") == "links" for e in registry if "Classes" in e["Subkey"])


def test_start_at_login_writes_what_the_app_setting_writes(registry: list[Entry]) -> None:
    run = [e for e in registry if e["Subkey"] == RUN_KEY]
    task = next(e for e in run if e.get("Tasks") == "startatlogin")
    assert task["ValueName"] == WINDOWS_RUN_VALUE
    assert task["ValueData"] == windows_command_line([f"{{app}}\\{EXECUTABLE}.exe"])
    assert "uninsdeletevalue" in task["Flags"]
    # Removed on uninstall even when the app, not the installer, wrote it.
    cleanup = [e for e in registry if e.get("ValueType") == "none"]
    assert {(e["Subkey"], e["ValueName"]) for e in cleanup} == {
        (RUN_KEY, WINDOWS_RUN_VALUE),
        (STARTUP_APPROVED_KEY, WINDOWS_RUN_VALUE),
    }
    assert all("Tasks" not in e and "uninsdeletevalue" in e["Flags"] for e in cleanup)


def test_start_menu_entry_carries_the_app_user_model_id(
    iss: tuple[dict[str, str], dict[str, list[str]]],
) -> None:
    defines, sections = iss
    icons = [
        {k: expand(v, defines) for k, v in _fields(line).items()} for line in sections["Icons"]
    ]
    assert icons == [
        {
            "Name": f"{{autoprograms}}\\{APP_NAME}",
            "Filename": f"{{app}}\\{EXECUTABLE}.exe",
            "WorkingDir": "{app}",
            "Comment": APP_FULL_NAME,
            "AppUserModelID": APP_ID,
        }
    ]
    tasks = {_fields(line)["Name"] for line in sections["Tasks"]}
    assert tasks == {"links", "startatlogin"}


def test_an_upgrade_removes_the_old_bundle_and_uninstall_asks_about_user_data(
    iss: tuple[dict[str, str], dict[str, list[str]]],
) -> None:
    _, sections = iss
    assert [_fields(line) for line in sections["InstallDelete"]] == [
        {"Type": "filesandordirs", "Name": "{app}\\_internal"}
    ]
    code = "\n".join(sections["Code"])
    assert "UninstallSilent" in code and r"{localappdata}\screenpop" in code
