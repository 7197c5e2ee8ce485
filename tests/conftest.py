"""Shared fixtures: every test gets its own profile, an in-memory keyring and a clean env.

The tests are arranged by what they need, one folder each and a marker of the same name:
``pure`` (in-process, no Qt, no other process: the inner loop), ``cli`` (the real command line
and demo tenant in processes of their own), ``ui`` (widgets, offscreen Qt), ``e2e`` (a real X
server, tray and softphone), ``packaging`` (the frozen app and installers).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from screenpop.config.profile import Profile


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


HERE = Path(__file__).resolve().parent
NEEDS = ("pure", "cli", "ui", "e2e", "packaging")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "log_warnings: the test provokes warnings from the app's loggers on purpose"
    )
    for need in NEEDS:
        config.addinivalue_line("markers", f"{need}: a test of tests/{need}/")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = Path(item.path).resolve().relative_to(HERE).parts[0]
        if folder in NEEDS:
            item.add_marker(folder)


def _uses_qt(module: object) -> bool:
    return any(
        str(getattr(value, "__module__", "") or getattr(value, "__name__", "")).startswith(
            ("PySide6", "shiboken6")
        )
        for value in list(vars(module).values())
    )


def pytest_collection_finish(session: pytest.Session) -> None:
    """The inner loop stays pure: with only tests/pure collected, no module of the app that
    uses Qt may have been imported (pytest-qt itself loads Qt, so the app's modules tell)."""
    folders = {Path(item.path).resolve().relative_to(HERE).parts[0] for item in session.items}
    if folders != {"pure"}:
        return
    with_qt = sorted(
        name
        for name, module in list(sys.modules.items())
        if name.startswith("screenpop.") and module is not None and _uses_qt(module)
    )
    if with_qt:
        raise pytest.UsageError(f"tests/pure imports Qt through {', '.join(with_qt)}")


@pytest.fixture(autouse=True)
def _fail_on_unexpected_log_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """A warning the app logs is a bug unless the test provokes it on purpose."""
    yield
    if request.node.get_closest_marker("log_warnings"):
        return
    unexpected = [
        f"{r.name}: {r.getMessage()}"
        for r in caplog.get_records("call")
        if r.levelno >= logging.WARNING and r.name.startswith(("screenpop", "qt"))
    ]
    if unexpected:
        pytest.fail("unexpected log warnings:\n" + "\n".join(unexpected), pytrace=False)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SCREENPOP_PROFILE", "SCREENPOP_SECRET"):
        monkeypatch.delenv(name, raising=False)
    # No administrator's defaults from the machine running the tests (tests set their own).
    monkeypatch.setenv("SCREENPOP_SYSTEM_SETTINGS", "/nonexistent/screenpop/settings.ini")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile").ensure()


@pytest.fixture
def system_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An administrator's system-wide settings file for this test (not written yet)."""
    path = tmp_path / "system" / "settings.ini"
    path.parent.mkdir()
    monkeypatch.setenv("SCREENPOP_SYSTEM_SETTINGS", str(path))
    return path
