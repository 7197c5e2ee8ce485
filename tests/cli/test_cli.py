"""The command line as scripts and softphones use it: real processes, real demo tenant."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop import __version__
from tests.helpers import configure_demo, demo_tenant, run_cli

SECRET = {"SCREENPOP_SECRET": "demo"}


@pytest.fixture(scope="module")
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", "300", "--seed", "7") as url:
        yield url


def _one_line_error(result: object) -> str:
    stderr = result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return str(lines[0])


def test_version(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"screenpop {__version__}"


def test_sync_then_lookup_json(tmp_path: Path, tenant: str) -> None:
    assert run_cli(tmp_path, "configure", "--tenant", tenant, "--user", "demo",
                   "--region", "NO").returncode == 0
    first = run_cli(tmp_path, "sync", env=SECRET)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("changed: ") and " 0 removed" in first.stdout
    again = run_cli(tmp_path, "sync", env=SECRET)
    assert again.returncode == 0 and again.stdout.startswith("no change: 0 added, 0 removed")

    from screenpop.store.cache import CallerIdCache

    with CallerIdCache(tmp_path / "cache.sqlite3") as cache:
        entry = next(e for e in cache.sample(50) if not e.caller.is_company)
    found = run_cli(tmp_path, "lookup", entry.e164, "--json")
    assert found.returncode == 0
    candidates = json.loads(found.stdout)
    assert {"PersonId", "ContactId", "PersonName", "ContactName", "MatchedBy"} <= set(candidates[0])
    assert entry.caller.person_id in [c["PersonId"] for c in candidates]

    none = run_cli(tmp_path, "lookup", "+4721000000", "--json")
    assert none.returncode == 0 and json.loads(none.stdout) == []


def test_junk_number_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "lookup", "call me maybe", "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "not a phone number" in _one_line_error(result)


def test_unreachable_tenant(tmp_path: Path) -> None:
    run_cli(tmp_path, "configure", "--tenant", "http://127.0.0.1:9/Cust1", "--user", "demo")
    result = run_cli(tmp_path, "sync", env=SECRET)
    assert result.returncode == 1
    assert "Cannot reach SuperOffice at 127.0.0.1:9" in _one_line_error(result)


def test_wrong_credentials(tmp_path: Path, tenant: str) -> None:
    run_cli(tmp_path, "configure", "--tenant", tenant, "--user", "demo")
    result = run_cli(tmp_path, "sync", env={"SCREENPOP_SECRET": "wrong"})
    assert result.returncode == 1
    assert "refused the sign-in" in _one_line_error(result)


def test_no_keyring_and_no_secret(tmp_path: Path, tenant: str) -> None:
    run_cli(tmp_path, "configure", "--tenant", tenant, "--user", "demo")
    result = run_cli(tmp_path, "sync")
    assert result.returncode == 1
    line = _one_line_error(result)
    assert "keyring is not available" in line and "SCREENPOP_SECRET" in line


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["configure", "--region", "XX"], "--region takes a region code such as NO"),
        (["configure", "--tenant", "not a url"], "not a tenant address"),
        (["configure", "--outside-line-prefix", "abc"], "--outside-line-prefix takes one to four"),
        (["open", "abc"], "not a contact id"),
        (["call", "hello"], "not a phone number"),
        (["frobnicate"], "invalid choice"),
        (["demo-server", "--persons", "0"], "--persons"),
    ],
)
def test_bad_input_gets_one_line(tmp_path: Path, args: list[str], says: str) -> None:
    result = run_cli(tmp_path, *args)
    assert result.returncode != 0
    assert says in _one_line_error(result)


def test_password_goes_to_the_keyring_not_the_settings(tmp_path: Path, tenant: str) -> None:
    # With no usable keyring, storing fails: the user hears so in one line, and no file holds it.
    result = run_cli(tmp_path, "configure", "--tenant", tenant, "--user", "demo",
                     "--password-stdin", stdin="s3cret-pw\n")
    assert result.returncode == 1
    assert "keyring" in _one_line_error(result)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"s3cret-pw" not in path.read_bytes()


def test_open_an_unknown_contact(tmp_path: Path, tenant: str) -> None:
    run_cli(tmp_path, "configure", "--tenant", tenant, "--user", "demo")
    result = run_cli(tmp_path, "open", "987654321", env=SECRET)
    assert result.returncode == 1
    assert _one_line_error(result) == "screenpop: SuperOffice has no contact 987654321"


def test_call_when_the_app_cannot_start(tmp_path: Path) -> None:
    # No display at all: the app dies at once, and `call` says so instead of hanging.
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":999"}
    result = run_cli(tmp_path, "call", "+4722334455", env=env, timeout=40)
    assert result.returncode == 1
    assert "Screenpop could not start" in _one_line_error(result)


def test_sync_a_selection_then_back(tmp_path: Path, tenant: str) -> None:
    run_cli(tmp_path, "configure", "--tenant", tenant, "--user", "demo", "--region", "NO")
    mine = run_cli(tmp_path, "sync", env=SECRET)
    assert run_cli(tmp_path, "configure", "--selection", "4", "--min-days", "90").returncode == 0
    chosen = run_cli(tmp_path, "sync", env=SECRET)
    assert chosen.returncode == 0 and chosen.stdout.startswith("changed: ")

    def total(line: str) -> int:
        return int(line.split("(")[1].split()[0])

    assert 0 < total(chosen.stdout) < total(mine.stdout)
    settings = (tmp_path / "settings.ini").read_text()
    assert "selection_id=4" in settings and "min_days=90" in settings


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--selection", "-1"], "--selection takes a whole number from 0 to 2147483647, not '-1'."),
        (["--min-days", "99999"], "--min-days takes a whole number from 0 to 3650"),
        (["--sync-interval", "0"], "--sync-interval takes a whole number from 1 to 1440"),
        (["--summary-limit", "-3"], "--summary-limit takes a whole number from 5 to 200"),
        (["--language", "xx"], "--language takes one of '', en, nb, sv, da, nl, de"),
    ],
)
def test_configure_refuses_values_outside_the_table(
    tmp_path: Path, args: list[str], says: str
) -> None:
    # Bad input: exit 2, one line, and nothing written.
    result = run_cli(tmp_path, "configure", *args)
    assert result.returncode == 2
    assert not (tmp_path / "settings.ini").exists()
    assert says in _one_line_error(result)


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path: Path, tenant: str) -> None:
    """`screenpop summary 1 | head -0`: the pipe closes before the answer is written."""
    import os
    import subprocess
    import sys

    configure_demo(tmp_path, tenant)
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **SECRET}
    child = subprocess.Popen(
        [sys.executable, "-m", "screenpop", "--profile", str(tmp_path), "summary", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    with child.stderr:
        stderr = child.stderr.read().decode()
    assert child.wait(timeout=60) == 1
    assert stderr == ""
