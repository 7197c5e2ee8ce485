"""``kill -9`` during a sync of 200,000 caller IDs, at several moments: the next start finds
the old set whole or the new one, never a mix, never a damaged file."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from screenpop.store.cache import CallerIdCache
from tests.helpers import configure_demo, demo_tenant, run_cli

SECRET = {"SCREENPOP_SECRET": "demo"}
# About 1.61 caller IDs per demo person: 124,000 persons give about 200,000.
PERSONS = 124_000
FILES = ("cache.sqlite3", "cache.sqlite3-wal", "cache.sqlite3-shm")
# Moments as fractions of an undisturbed sync: fetching, normalising, writing, committing.
MOMENTS = (0.15, 0.45, 0.7, 0.85, 0.95)


@pytest.fixture(scope="module")
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", str(PERSONS), "--seed", "5") as url:
        # The tenant builds its big answer once; that build is not what is killed here.
        httpx.post(
            f"{url}/api/v1/Agents/Pocket/GetMyCallerIDs",
            json={},
            auth=("demo", "demo"),
            timeout=120,
        ).raise_for_status()
        yield url


def _state(profile: Path) -> tuple[int, str, str]:
    with CallerIdCache(profile / "cache.sqlite3") as cache:
        return cache.count(), cache.meta("caller_id_hash") or "", cache.meta("count") or ""


def _copy(source: Path, target: Path) -> None:
    for name in FILES:
        (target / name).unlink(missing_ok=True)
        if (source / name).exists():
            shutil.copy2(source / name, target / name)


def _start_sync(profile: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **SECRET}
    return subprocess.Popen(
        [sys.executable, "-m", "screenpop", "--profile", str(profile), "sync"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_kill_9_at_any_moment_leaves_the_old_set_or_the_new(tmp_path: Path, tenant: str) -> None:
    profile = tmp_path / "profile"
    configure_demo(profile, tenant, "--selection", "3")
    assert run_cli(profile, "sync", env=SECRET, timeout=120).returncode == 0
    old = _state(profile)
    saved = tmp_path / "old"
    saved.mkdir()
    _copy(profile, saved)

    assert run_cli(profile, "configure", "--selection", "0").returncode == 0
    started = time.monotonic()
    full = run_cli(profile, "sync", env=SECRET, timeout=120)
    undisturbed = time.monotonic() - started
    assert full.returncode == 0, full.stderr
    new = _state(profile)
    assert new[0] >= 190_000 and new[0] != old[0]

    seen = set()
    for moment in MOMENTS:
        _copy(saved, profile)
        sync = _start_sync(profile)
        deadline = time.monotonic() + moment * undisturbed
        while time.monotonic() < deadline and sync.poll() is None:
            time.sleep(0.005)  # the moment to kill at, not a synchronisation
        sync.send_signal(signal.SIGKILL)
        sync.communicate(timeout=30)

        assert not list(profile.glob("cache.sqlite3.unusable-*")), "the cache was damaged"
        after = _state(profile)
        assert after in (old, new), (moment, after)
        with sqlite3.connect(profile / "cache.sqlite3") as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        seen.add(after == new)

    # The next sync finishes the job whatever the kill left.
    again = run_cli(profile, "sync", env=SECRET, timeout=120)
    assert again.returncode == 0, again.stderr
    assert _state(profile) == new
    assert False in seen, "no kill landed before the swap: the moments test nothing"
