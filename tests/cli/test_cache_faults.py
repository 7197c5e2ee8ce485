"""The cache survives what machines do: damaged and foreign files, full disks, read-only
profiles. A sync that cannot write keeps the old cache; an unusable file is moved aside."""

from __future__ import annotations

import logging
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop.store.cache import SCHEMA_VERSION, CacheDamagedError, CacheError, CallerIdCache
from tests.helpers import configure_demo, demo_tenant, run_cli

SECRET = {"SCREENPOP_SECRET": "demo"}


@pytest.fixture(scope="module")
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", "2000", "--seed", "3") as url:
        yield url


def _synced_profile(profile: Path, tenant: str, selection: int = 0) -> tuple[int, str]:
    configure_demo(profile, tenant, "--selection", str(selection))
    result = run_cli(profile, "sync", env=SECRET)
    assert result.returncode == 0, result.stderr
    return _state(profile / "cache.sqlite3")


def _state(path: Path) -> tuple[int, str]:
    with CallerIdCache(path) as cache:
        return cache.count(), cache.meta("caller_id_hash") or ""


def _aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.unusable-*[0-9]"))


@pytest.mark.log_warnings
def test_a_file_that_is_not_a_database_is_moved_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is no SQLite file, just junk " * 400)
    with caplog.at_level(logging.WARNING), CallerIdCache(path) as cache:
        assert cache.count() == 0
    (moved,) = _aside(path)
    assert moved.read_bytes().startswith(b"this is no SQLite file")
    assert "moved it to" in caplog.text and "next sync rebuilds it" in caplog.text


@pytest.mark.log_warnings
@pytest.mark.parametrize(
    ("pragma", "reason"),
    [
        ("CREATE TABLE photos (id INTEGER PRIMARY KEY, jpeg BLOB)", "another application"),
        ("PRAGMA application_id = 1234", "another application"),
        (f"PRAGMA user_version = {SCHEMA_VERSION + 1}", "newer Screenpop"),
    ],
)
def test_a_foreign_or_newer_file_is_moved_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, pragma: str, reason: str
) -> None:
    path = tmp_path / "cache.sqlite3"
    with CallerIdCache(path):
        pass  # ours, then made foreign or newer below
    if pragma.startswith("CREATE"):
        path.unlink()
    foreign = sqlite3.connect(path)
    foreign.execute(pragma)
    foreign.commit()
    foreign.close()
    with caplog.at_level(logging.WARNING), CallerIdCache(path) as cache:
        assert cache.count() == 0
    assert len(_aside(path)) == 1 and reason in caplog.text


@pytest.mark.log_warnings
def test_damaged_pages_are_reported_then_a_sync_rebuilds(
    tmp_path: Path, tenant: str, caplog: pytest.LogCaptureFixture
) -> None:
    count, hash_ = _synced_profile(tmp_path, tenant)
    path = tmp_path / "cache.sqlite3"
    with CallerIdCache(path) as cache:
        number = cache.sample(1)[0].e164
    # Everything after the schema page is overwritten: the table's pages are junk.
    with path.open("r+b") as raw:
        raw.seek(4096)
        raw.write(b"\xa5" * (path.stat().st_size - 4096))
    with pytest.raises(CacheDamagedError), CallerIdCache(path) as cache:
        cache.find_e164(number)

    with caplog.at_level(logging.WARNING):
        result = run_cli(tmp_path, "sync", env=SECRET)
    assert result.returncode == 0, result.stderr
    assert _state(path) == (count, hash_)
    assert len(_aside(path)) == 1
    log = (tmp_path / "logs" / "screenpop.log").read_text()
    assert "was unusable" in log


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _whole_set(profile: Path) -> None:
    # The profile cached a selection; the user's own caller IDs are another, bigger set.
    assert run_cli(profile, "configure", "--selection", "0").returncode == 0


def test_a_full_disk_keeps_the_old_cache(tmp_path: Path, tenant: str) -> None:
    before = _synced_profile(tmp_path, tenant, selection=3)
    _whole_set(tmp_path)
    cache_file = tmp_path / "cache.sqlite3"
    # No file of the profile may grow past its size now (plus a little): the disk is full.
    limit = max(cache_file.stat().st_size, 64 * 1024) + 16 * 1024

    def full_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **SECRET}
    result = subprocess.run(
        [sys.executable, "-m", "screenpop", "--profile", str(tmp_path), "sync"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
        preexec_fn=full_disk,
    )
    assert result.returncode == 1
    line = _one_line(result)
    assert "caller-ID cache" in line and "disk" in line, line
    assert _state(cache_file) == before
    with sqlite3.connect(cache_file) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _read_only(paths: list[Path], on: bool) -> None:
    """Root writes anywhere, so for root the files are made immutable instead of read-only."""
    if os.geteuid() == 0:
        for path in paths:
            subprocess.run(["chattr", "+i" if on else "-i", str(path)], check=True)
    else:
        for path in paths:
            path.chmod(
                (0o555 if path.is_dir() else 0o444) if on else 0o755 if path.is_dir() else 0o644
            )


def test_a_read_only_profile_is_a_clear_error_and_the_cache_stays(
    tmp_path: Path, tenant: str
) -> None:
    profile = tmp_path / "profile"
    before = _synced_profile(profile, tenant, selection=3)
    _whole_set(profile)
    frozen = [profile, *profile.glob("cache.sqlite3*")]
    _read_only(frozen, True)
    try:
        result = run_cli(profile, "sync", env=SECRET)
    finally:
        _read_only(frozen, False)
    assert result.returncode == 1
    line = _one_line(result)
    assert "cannot be written" in line or "read-only" in line or "readonly" in line, line
    assert _state(profile / "cache.sqlite3") == before


def test_cache_errors_name_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(CacheError) as caught:
        CallerIdCache(blocker / "cache.sqlite3")
    assert str(blocker) in caught.value.message


def test_a_leftover_copy_does_not_confuse_a_fresh_start(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with CallerIdCache(path):
        pass
    shutil.copy(path, tmp_path / "cache.sqlite3.unusable-20260101-000000")
    with CallerIdCache(path) as cache:
        assert cache.count() == 0
