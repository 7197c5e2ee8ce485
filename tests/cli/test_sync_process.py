"""The tray app's sync in a process of its own (``app/sync_process.py``): a real child
(``python -m screenpop sync-process``, as the app starts it) against the demo tenant served on
127.0.0.1, handed the app's credential on its standard input."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import keyring
import pytest

from screenpop.app.sync_process import stored_secret, sync_command, sync_in_a_process
from screenpop.config.profile import Profile
from screenpop.config.settings_files import load_settings
from screenpop.core.errors import ConfigError
from screenpop.store.cache import CallerIdCache
from screenpop.superoffice.errors import AuthenticationError
from screenpop.sync.process_protocol import SyncProcessError
from tests.helpers import configure_demo, demo_tenant


@pytest.fixture(scope="module")
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", "400", "--seed", "3") as url:
        yield url


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    # The child inherits this: whatever it needs, it is handed. This process's keyring (the
    # tests' own, chosen when first asked for) is chosen before, not from this variable.
    keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def _profile(tmp_path: Path, tenant: str) -> Profile:
    profile = Profile(tmp_path / "profile").ensure()
    configure_demo(profile.root, tenant)
    return profile


def _count(profile: Profile) -> int:
    with CallerIdCache(profile.cache_file) as cache:
        return cache.count()


def test_the_app_starts_its_own_program_for_its_profile(tmp_path: Path) -> None:
    profile = Profile(tmp_path)
    assert sync_command(profile)[-3:] == ["--profile", str(tmp_path), "sync-process"]


@pytest.mark.usefixtures("memory_keyring")
def test_the_app_finds_the_secret_without_an_http_stack(
    tmp_path: Path, tenant: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(_profile(tmp_path, tenant))
    assert stored_secret(settings) is None  # nothing stored: the child says what is missing
    monkeypatch.setenv("SCREENPOP_SECRET", "demo")
    assert stored_secret(settings) == "demo"
    assert stored_secret(replace(settings, tenant_url="not a tenant address")) is None


async def test_a_missing_secret_is_the_childs_one_line_error(tmp_path: Path, tenant: str) -> None:
    profile = _profile(tmp_path, tenant)
    # (Its keyring fails here: either way it names what to do.)
    with pytest.raises(ConfigError, match="set SCREENPOP_SECRET"):
        await sync_in_a_process(profile, "en")


async def test_the_child_fills_the_cache_and_says_what_changed(
    tmp_path: Path, tenant: str
) -> None:
    profile = _profile(tmp_path, tenant)
    first = await sync_in_a_process(profile, "en", secret="demo")
    again = await sync_in_a_process(profile, "en", secret="demo")
    assert first.changed and first.added == first.total == _count(profile) > 600
    assert not again.changed and again.unchanged == first.total


async def test_a_refused_password_is_the_apps_error_and_the_cache_stays(
    tmp_path: Path, tenant: str
) -> None:
    profile = _profile(tmp_path, tenant)
    synced = (await sync_in_a_process(profile, "en", secret="demo")).total
    with pytest.raises(AuthenticationError, match="refused the sign-in"):
        await sync_in_a_process(profile, "en", secret="not the password")
    assert _count(profile) == synced


class _Session:
    """An Online session as far as the sync uses one: its token was revoked meanwhile."""

    def __init__(self) -> None:
        self.refreshed_after: list[str] = []
        self.rejected: list[str] = []

    async def access_token(self) -> str:
        return "revoked"

    async def after_unauthorized(self, rejected: str) -> str:
        self.refreshed_after.append(rejected)
        return "demo"

    def reject(self, token: str) -> None:
        self.rejected.append(token)


async def test_a_token_refused_mid_way_is_refreshed_once_and_the_sync_tried_again(
    tmp_path: Path, tenant: str
) -> None:
    # Basic on the demo tenant stands in for the token: the child sends what it is handed.
    profile = _profile(tmp_path, tenant)
    session = _Session()
    result = await sync_in_a_process(profile, "en", session=session)  # type: ignore[arg-type]
    assert session.refreshed_after == ["revoked"] and session.rejected == []
    assert result.total == _count(profile) > 0


async def test_cancelling_the_sync_ends_the_child_and_keeps_the_old_set(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with demo_tenant("--persons", "400", "--seed", "3", "--latency", "30000") as slow:
        profile = _profile(tmp_path, slow)
        caplog.set_level(logging.INFO, "screenpop.app.sync_process")
        syncing = asyncio.ensure_future(sync_in_a_process(profile, "en", secret="demo"))
        pid = await _started(caplog, syncing)
        syncing.cancel()
        with pytest.raises(asyncio.CancelledError):
            await syncing
        await _ended(pid)
    assert _count(profile) == 0


async def _started(caplog: pytest.LogCaptureFixture, syncing: asyncio.Future[object]) -> int:
    deadline = asyncio.get_running_loop().time() + 30
    while asyncio.get_running_loop().time() < deadline:
        assert not syncing.done()
        for record in caplog.records:
            if record.getMessage().startswith("sync started in process"):
                return int(record.getMessage().rsplit(" ", 1)[1])
        await asyncio.sleep(0.01)
    raise AssertionError("the sync process never started")


async def _ended(pid: int) -> None:
    deadline = asyncio.get_running_loop().time() + 30
    while asyncio.get_running_loop().time() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return  # ended, and reaped by the thread that waited for it
        await asyncio.sleep(0.01)
    raise AssertionError(f"the sync process {pid} is still running")


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ([sys.executable, "-c", "raise SystemExit(3)"], r"stopped unexpectedly \(exit code 3\)"),
        (["/nonexistent/screenpop"], "Cannot start the sync"),
    ],
)
async def test_a_child_that_cannot_say_how_it_went_is_a_clear_failure(
    tmp_path: Path, tenant: str, command: list[str], words: str
) -> None:
    profile = _profile(tmp_path, tenant)
    with pytest.raises(SyncProcessError, match=words):
        await sync_in_a_process(profile, "en", secret="demo", command=command)


_APP_AFTER_ITS_SYNC = r"""
import json, logging, os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from screenpop.app.startup import run_app
from screenpop.config.profile import Profile

out = Path(sys.argv[1])
app = QApplication(sys.argv[:1])

class AfterTheSync(logging.Handler):
    def emit(self, record):
        if record.getMessage().startswith("sync done"):
            loaded = ("httpx", "httpcore", "authlib", "screenpop.superoffice.client")
            out.write_text(json.dumps({"line": record.getMessage(),
                                       "loaded": [m for m in loaded if m in sys.modules]}))
            os.kill(os.getpid(), 15)

logging.getLogger("screenpop").addHandler(AfterTheSync(level=logging.INFO))
logging.getLogger("screenpop").setLevel(logging.INFO)
sys.exit(run_app(Profile(Path(sys.argv[2]))))
"""


def test_the_tray_app_syncs_through_the_child_and_idles_without_an_http_stack(
    tmp_path: Path, tenant: str
) -> None:
    profile = _profile(tmp_path, tenant)
    out = tmp_path / "after-the-sync.json"
    env = {**os.environ, "SCREENPOP_SECRET": "demo", "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", _APP_AFTER_ITS_SYNC, str(out), str(profile.root)]
    app = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert out.exists(), app.stderr
    after = json.loads(out.read_text())
    assert after["line"].startswith("sync done: changed") and _count(profile) > 600
    assert after["loaded"] == []  # the child did the HTTP; this process loads it for a call
