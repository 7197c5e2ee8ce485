"""The PyInstaller spec's inputs (spec_support.py) against the code they build."""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType
from typing import Any

from screenpop import __version__
from screenpop.integration.identity import CLI_EXECUTABLE, EXECUTABLE
from tests.packaging.support import PACKAGING, ROOT

PACKAGE = ROOT / "desktop" / "screenpop"
SPEC = PACKAGING / "pyinstaller" / "screenpop.spec"


def _imported_modules() -> set[str]:
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return names


def test_the_version_lives_in_the_package(spec_support: ModuleType) -> None:
    assert spec_support.read_version() == __version__


def test_only_the_qt_modules_the_code_imports(spec_support: ModuleType) -> None:
    used = {name.split(".")[1] for name in _imported_modules() if name.startswith("PySide6.")}
    assert used == set(spec_support.QT_MODULES), "update QT_MODULES in spec_support.py"
    excluded = spec_support.qt_excludes(["QtCore", "QtQml", "QtSvg", "QtMultimedia"])
    assert excluded == ["PySide6.QtQml", "PySide6.QtMultimedia"]


def test_nothing_the_app_imports_is_excluded(spec_support: ModuleType) -> None:
    tops = {name.split(".")[0] for name in _imported_modules()}
    assert not tops & set(spec_support.EXCLUDES)


def test_every_resource_is_shipped_under_resources(spec_support: ModuleType) -> None:
    datas = spec_support.resource_datas()
    shipped = {Path(folder) / Path(source).name for source, folder in datas}
    for svg in (ROOT / "resources" / "icons").glob("*.svg"):
        assert Path("resources", "icons", svg.name) in shipped
    for source, folder in datas:
        assert Path(source).is_file() and Path(folder).parts[0] == "resources"
        assert "screenshots" not in Path(source).parts


def test_compiled_translations_ship_and_their_sources_do_not(
    spec_support: ModuleType, tmp_path: Path
) -> None:
    translations = tmp_path / "resources" / "translations"
    translations.mkdir(parents=True)
    (translations / "screenpop_nb.ts").write_text("<TS/>")
    (translations / "screenpop_nb.qm").write_bytes(b"\x3c\xb8\x64\x18")
    datas = spec_support.resource_datas(tmp_path)
    assert datas == [(str(translations / "screenpop_nb.qm"), str(Path("resources/translations")))]


def test_one_program_per_os_and_a_console_twin_on_windows(spec_support: ModuleType) -> None:
    assert spec_support.executables("linux") == [(EXECUTABLE, True)]
    # A console program in a macOS bundle would be background-only (no windows at all).
    assert spec_support.executables("darwin") == [(EXECUTABLE, False)]
    assert spec_support.executables("win32") == [(EXECUTABLE, False), (CLI_EXECUTABLE, True)]


def test_the_spec_hands_those_inputs_to_pyinstaller(spec_support: ModuleType) -> None:
    text = SPEC.read_text(encoding="utf-8")
    compile(text, str(SPEC), "exec")
    for used in ("S.resource_datas()", "S.qt_excludes(", "S.executables()",
                 "S.info_plist(version)", "S.windows_version_info(version)",
                 'collect_submodules("screenpop")', "bundle_identifier=S.APP_ID",
                 "generate.py", "name=S.EXECUTABLE"):  # fmt: skip
        assert used in text, used
    assert spec_support.SCRIPT.is_file()


def test_version_numbers_for_windows(spec_support: ModuleType) -> None:
    assert spec_support.version_numbers("1.2.3") == (1, 2, 3, 0)
    assert spec_support.version_numbers("2.0rc1") == (2, 0, 0, 0)
    assert spec_support.version_numbers("0.1") == (0, 1, 0, 0)


def test_the_windows_version_resource_names_the_app(spec_support: ModuleType) -> None:
    # The text PyInstaller evaluates on Windows, evaluated here with recording stand-ins.
    def record(kind: str) -> Any:
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
             "StringStruct", "VarFileInfo", "VarStruct")  # fmt: skip
    info = eval(spec_support.windows_version_info("1.4.2"), {n: record(n) for n in names})
    fixed = info[2]["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 4, 2, 0)
    table = info[2]["kids"][0][1][0][0]
    strings = dict(entry[1] for entry in table[1][1])
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == f"{EXECUTABLE}.exe"
