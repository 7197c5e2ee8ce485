"""`screenpop lookup NUMBER --live`: the cache first, then the whole CRM; the plain `lookup`
stays cache-only. Real processes against a real demo tenant on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from screenpop.config.profile import Profile
from screenpop.config.settings_files import load_settings
from screenpop.core.phone import format_e164
from screenpop.demo.data import DemoData
from screenpop.demo.persons import outside_callers
from screenpop.store.cache import CallerIdCache
from tests.helpers import configure_demo, demo_tenant, run_cli

SECRET = {"SCREENPOP_SECRET": "demo"}
SEED, PERSONS = 11, 120


@pytest.fixture(scope="module")
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", str(PERSONS), "--seed", str(SEED)) as url:
        yield url


@pytest.fixture
def synced(tmp_path: Path, tenant: str) -> Path:
    configure_demo(tmp_path, tenant)
    assert run_cli(tmp_path, "sync", env=SECRET).returncode == 0
    return tmp_path


def _outsider() -> tuple[str, str]:
    [(label, number)] = outside_callers(DemoData(SEED, PERSONS, date.today(), PERSONS), 1)
    return label, number


def test_a_caller_only_superoffice_knows(synced: Path) -> None:
    label, number = _outsider()
    cached = run_cli(synced, "lookup", number, "--json")
    assert cached.returncode == 0 and json.loads(cached.stdout) == []  # the cache alone

    live = run_cli(synced, "lookup", number, "--live", "--json", env=SECRET)
    assert live.returncode == 0, live.stderr
    [found] = json.loads(live.stdout)
    assert found["MatchedBy"] == "live"
    assert f"{found['PersonName']} ({found['ContactName']})" == label
    assert found["ContactId"] > 0 and found["Number"] == number

    text = run_cli(synced, "lookup", number, "--live", env=SECRET)
    assert text.returncode == 0
    assert f"{found['PersonName']} — {found['ContactName']}" in text.stdout
    assert "live match" in text.stdout


def test_the_cache_answers_first(synced: Path) -> None:
    with CallerIdCache(synced / "cache.sqlite3") as cache:
        entry = next(e for e in cache.sample(50) if not e.caller.is_company)
    found = run_cli(synced, "lookup", entry.e164, "--live", "--json", env=SECRET)
    assert found.returncode == 0
    assert {c["MatchedBy"] for c in json.loads(found.stdout)} == {"exact"}


def test_nobody_has_it(synced: Path) -> None:
    none = run_cli(synced, "lookup", "+4721000000", "--live", "--json", env=SECRET)
    assert none.returncode == 0 and json.loads(none.stdout) == []


def test_an_unreachable_tenant_is_one_line_and_exit_1(tmp_path: Path) -> None:
    configure_demo(tmp_path, "http://127.0.0.1:9/Cust12345")
    _label, number = _outsider()
    failed = run_cli(tmp_path, "lookup", number, "--live", "--json", env=SECRET)
    assert failed.returncode == 1 and failed.stdout == ""
    # The never-synced cache says so first; then the one line of the failure.
    never, reason = failed.stderr.strip().splitlines()
    assert never.startswith("screenpop: the caller-ID cache was never synced")
    assert reason == (
        f"screenpop: could not look up {format_e164(number)}: "
        "Cannot reach SuperOffice at 127.0.0.1:9 (nothing answered at that address)."
    )
    assert "Traceback" not in failed.stderr


def test_live_lookup_is_a_setting(tmp_path: Path) -> None:
    assert load_settings(Profile(tmp_path)).live_lookup is True
    assert (
        run_cli(tmp_path, "configure", "--no-live-lookup", "--ringing-timeout", "30").returncode
        == 0
    )
    settings = load_settings(Profile(tmp_path))
    assert (settings.live_lookup, settings.ringing_timeout_s) == (False, 30)
    refused = run_cli(tmp_path, "configure", "--ringing-timeout", "3")
    assert (
        refused.returncode == 2
        and "--ringing-timeout takes a whole number from 10" in refused.stderr
    )


def test_a_number_with_no_digits_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "lookup", "call me", "--live", "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == "screenpop: 'call me' is not a phone number."


def test_the_live_lookup_loads_no_window_toolkit(synced: Path) -> None:
    _label, number = _outsider()
    probe = (
        "import sys; from screenpop.cli.main import main; code = main(sys.argv[1:]); "
        "gui = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', "
        "'screenpop.ui', 'screenpop.app'))); print(gui); sys.exit(code)"
    )
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **SECRET}
    result = subprocess.run(
        [sys.executable, "-c", probe, "--profile", str(synced), "lookup", number, "--live"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "live match" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_demo_servers_others_are_checked(tmp_path: Path) -> None:
    refused = run_cli(tmp_path, "demo-server", "--persons", "600000", "--others", "500000")
    assert refused.returncode == 1
    assert (
        refused.stderr.strip()
        == "screenpop: --persons and --others are at most 1,000,000 together."
    )
