"""Helpers the test folders share: running the real CLI and the real demo tenant."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from screenpop.app.demo_launcher import start_demo_server


def run_cli(
    profile: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    full_env.pop("SCREENPOP_SECRET", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "screenpop", "--profile", str(profile), *args],
        capture_output=True, text=True, env=full_env, input=stdin, timeout=timeout, check=False,
    )


def configure_demo(profile: Path, tenant: str, *extra: str) -> None:
    """Point ``profile`` at a demo tenant (user demo, home region NO), plus ``extra`` options."""
    args = ("configure", "--tenant", tenant, "--user", "demo", "--region", "NO", *extra)
    result = run_cli(profile, *args)
    assert result.returncode == 0, result.stderr


@contextmanager
def demo_tenant(*extra_args: str) -> Iterator[str]:
    """A real demo tenant served by uvicorn on 127.0.0.1; yields its tenant URL."""
    child, url = start_demo_server(list(extra_args))
    try:
        yield url
    finally:
        child.terminate()
        child.wait(10)
        deadline = time.monotonic() + 10
        while child.stdout is not None and not child.stdout.closed:
            if time.monotonic() > deadline:
                raise TimeoutError("the demo tenant's output was never closed")
            time.sleep(0.01)
