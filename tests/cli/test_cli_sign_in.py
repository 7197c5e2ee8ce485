"""Onsite sign-in end to end: `configure`, then `sync` against a real demo tenant with Basic and
SOTicket, and a wrong password refused in one line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import demo_tenant, run_cli


@pytest.fixture(scope="module")
def jane() -> Iterator[str]:
    """A demo tenant whose Basic account is jane / s3cret (its SOTicket is the password)."""
    with demo_tenant("--persons", "40", "--user", "jane", "--password", "s3cret") as url:
        yield url


@pytest.mark.parametrize("auth", ["basic", "ticket"])
def test_onsite_sign_in_end_to_end(tmp_path: Path, jane: str, auth: str) -> None:
    configured = run_cli(tmp_path, "configure", "--tenant", jane, "--auth", auth,
                         "--user", "jane")  # fmt: skip
    assert configured.returncode == 0, configured.stderr
    synced = run_cli(tmp_path, "sync", env={"SCREENPOP_SECRET": "s3cret"})
    assert synced.returncode == 0 and synced.stdout.startswith("changed: "), synced.stderr
    refused = run_cli(tmp_path, "sync", env={"SCREENPOP_SECRET": "demo"})
    assert refused.returncode == 1 and "refused the sign-in" in refused.stderr
