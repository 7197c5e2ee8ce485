"""SuperOffice Online from the command line, end to end against the demo tenant: configure,
sign in with the (played) browser, sync and look up with Bearer tokens; no secret in any file
of the profile after a run with --verbose."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import demo_tenant, run_cli

SUPPORT = Path(__file__).parent.parent / "support"
CLIENT_ID = "screenpop-demo"


@pytest.fixture(scope="module")
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", "200", "--seed", "9", "--token-lifetime", "60") as url:
        yield url


def _env(keyring_file: Path) -> dict[str, str]:
    return {
        "PYTHON_KEYRING_BACKEND": "tests.support.file_keyring.FileKeyring",
        "SCREENPOP_TEST_KEYRING": str(keyring_file),
        "BROWSER": f"{sys.executable} {SUPPORT / 'follow_browser.py'} %s",
    }


def test_sign_in_then_sync_and_lookup_with_bearer_tokens(tmp_path: Path, tenant: str) -> None:
    profile, keys = tmp_path / "profile", tmp_path / "keyring.json"
    env = _env(keys)
    configured = run_cli(profile, "configure", "--tenant", tenant, "--auth", "online",
                         "--client-id", CLIENT_ID, "--region", "NO", env=env)  # fmt: skip
    assert configured.returncode == 0, configured.stderr

    before = run_cli(profile, "sync", env=env)
    assert before.returncode == 1 and "screenpop sign-in" in before.stderr, before.stderr

    signed = run_cli(profile, "--verbose", "sign-in", env=env)
    assert signed.returncode == 0, signed.stderr
    assert "Signed in to SuperOffice Online." in signed.stdout

    synced = run_cli(profile, "--verbose", "sync", env=env)
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.startswith("changed: ")
    found = run_cli(profile, "lookup", "+47 22 33 44 55", "--json", env=env)
    assert [c["ContactId"] for c in json.loads(found.stdout)][:1] == [1]

    secrets = list(json.loads(keys.read_text()).values())
    assert secrets, "the refresh token was not kept in the keyring"
    logged = signed.stderr + synced.stderr
    for path in profile.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            assert not [s for s in secrets if s in text], path
    assert not [s for s in secrets if s in logged]


def test_sign_in_is_for_online_only(tmp_path: Path, tenant: str) -> None:
    run_cli(tmp_path, "configure", "--tenant", tenant, "--user", "demo")
    result = run_cli(tmp_path, "sign-in")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "sign-in is for SuperOffice Online" in result.stderr


def test_app_secrets_need_a_client_id_and_go_to_the_keyring(tmp_path: Path) -> None:
    keys = tmp_path / "keyring.json"
    refused = run_cli(tmp_path / "p", "configure", "--client-secret-stdin", stdin="s3cret\n",
                      env=_env(keys))  # fmt: skip
    assert refused.returncode == 1 and "--client-id" in refused.stderr
    stored = run_cli(tmp_path / "p", "configure", "--client-id", "abc", "--client-secret-stdin",
                     "--app-token-stdin", stdin="s3cret\napptoken\n", env=_env(keys))  # fmt: skip
    assert stored.returncode == 0, stored.stderr
    assert sorted(json.loads(keys.read_text()).values()) == ["apptoken", "s3cret"]
    settings_text = (tmp_path / "p" / "settings.ini").read_text()
    assert "client_id=abc" in settings_text and "s3cret" not in settings_text


def test_a_bare_customer_id_lives_in_the_chosen_environment(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "configure", "--tenant", "cust777", "--environment", "sod")
    assert result.returncode == 0, result.stderr
    assert "url=https://sod.superoffice.com/Cust777" in (tmp_path / "settings.ini").read_text()
