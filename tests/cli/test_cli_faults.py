"""`screenpop sync` against a failing tenant (`demo-server --fault`): real processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers import demo_tenant, run_cli

SECRET = {"SCREENPOP_SECRET": "demo"}


@pytest.fixture(scope="module")
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", "80", "--seed", "9", "--fault", "503:0.5") as url:
        yield url


def _faults(url: str, *faults: str) -> None:
    origin = url.rsplit("/", 1)[0]
    answer = httpx.post(f"{origin}/_demo/control", json={"faults": list(faults), "fault_seed": 1})
    assert answer.status_code == 200, answer.text


def _lookup(profile: Path, number: str) -> list[dict[str, object]]:
    found = run_cli(profile, "lookup", number, "--json")
    assert found.returncode == 0, found.stderr
    result: list[dict[str, object]] = json.loads(found.stdout)
    return result


def test_sync_survives_a_tenant_failing_half_the_time_and_says_so_when_it_fails(
    tmp_path: Path, tenant: str
) -> None:
    configured = run_cli(tmp_path, "configure", "--tenant", tenant, "--user", "demo",
                         "--region", "NO")  # fmt: skip
    assert configured.returncode == 0
    # Started with --fault 503:0.5: the sync retries and succeeds.
    first = run_cli(tmp_path, "sync", env=SECRET)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("changed: ")

    from screenpop.store.cache import CallerIdCache

    with CallerIdCache(tmp_path / "cache.sqlite3") as cache:
        entry = next(iter(cache.sample(5)))
    before = _lookup(tmp_path, entry.e164)
    assert before
    cache_bytes = (tmp_path / "cache.sqlite3").read_bytes()

    _faults(tenant, "truncated")  # every answer now dies mid-body
    failed = run_cli(tmp_path, "sync", env=SECRET)
    assert failed.returncode == 1 and failed.stdout == ""
    lines = failed.stderr.strip().splitlines()
    assert lines == [
        "screenpop: sync failed: Cannot reach SuperOffice at "
        f"{tenant.split('//')[1].split('/')[0]} (the connection was dropped mid-answer)."
    ], failed.stderr
    assert "Traceback" not in failed.stderr
    # The cache still answers as before, unchanged.
    assert _lookup(tmp_path, entry.e164) == before
    assert (tmp_path / "cache.sqlite3").read_bytes() == cache_bytes
    _faults(tenant, "503:0.5")


def test_a_verbose_run_leaves_no_secret_in_the_profile(tmp_path: Path, tenant: str) -> None:
    run_cli(tmp_path, "configure", "--tenant", tenant, "--user", "demo")
    secret = "demo"  # the demo's password; also look for its Basic form
    result = run_cli(tmp_path, "--verbose", "sync", env=SECRET)
    assert result.returncode == 0, result.stderr
    import base64

    basic = base64.b64encode(f"demo:{secret}".encode())
    for path in tmp_path.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert basic not in content and b"password" not in content.lower(), path
    assert basic.decode() not in result.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--fault", "504"], "the kind is one of"),
        (["--fault", "503:2"], "the rate"),
        (["--fault", "503:0.7", "--fault", "reset:0.7"], "add up to more than 1"),
        (["--token-lifetime", "0"], "--token-lifetime"),
    ],
)
def test_bad_demo_server_options_get_one_line(tmp_path: Path, args: list[str], says: str) -> None:
    result = run_cli(tmp_path, "demo-server", *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in result.stderr
