"""Each command loads what it needs and nothing more (issue 16): the command line in a process
of its own, as scripts run it, against the demo tenant, reporting the modules it loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import configure_demo, demo_tenant

# Online sign-in, the demo tenant, Qt, and what httpx loads for its own command line.
NEVER = {
    "PySide6", "shiboken6", "qasync", "authlib", "joserfc", "cryptography", "starlette",
    "uvicorn", "click", "rich", "pygments",
}  # fmt: skip
_CHILD = (
    "import json, sys\n"
    "from screenpop.cli.main import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "except SystemExit as done:  # --help\n"
    "    code = done.code\n"
    # Not the None that stands for httpx's command line (screenpop/__init__.py).
    "real = [name for name, module in sys.modules.items() if module is not None]\n"
    "names = sorted({name.split('.')[0] for name in real} | set(real))\n"
    "print(json.dumps(names), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@pytest.fixture(scope="module")
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", "200", "--seed", "3") as url:
        yield url


def _loaded(profile: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env["SCREENPOP_SECRET"] = "demo"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, "--profile", str(profile), *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    return done, set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_importing_the_command_line_loads_only_the_hand_over() -> None:
    code = (
        "import sys; before = set(sys.modules); import screenpop.cli.main; "
        "print(' '.join(sorted(m for m in set(sys.modules) - before if sys.modules[m])))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert set(done.stdout.split()) == {
        "__future__", "screenpop", "screenpop.cli", "screenpop.cli.main", "screenpop.cli.handover",
        "screenpop.config", "screenpop.config.profile_root", "screenpop.core",
        "screenpop.core.errors", "screenpop.triggers", "screenpop.triggers.instance_address",
        "screenpop.triggers.instance_client",
    }  # fmt: skip


def test_sync_loads_no_sign_in_no_demo_no_qt(tmp_path: Path, tenant: str) -> None:
    configure_demo(tmp_path, tenant)
    done, loaded = _loaded(tmp_path, "sync")
    assert done.returncode == 0, done.stderr
    assert not loaded & NEVER
    assert "keyring" not in loaded  # the secret came from SCREENPOP_SECRET
    assert {"httpx", "msgspec", "phonenumbers", "sqlite3"} <= loaded  # what a sync needs


def test_summary_loads_no_sign_in_no_demo_no_qt(tmp_path: Path, tenant: str) -> None:
    configure_demo(tmp_path, tenant)
    done, loaded = _loaded(tmp_path, "summary", "1", "--json")
    assert done.returncode == 0, done.stderr
    assert not loaded & NEVER


@pytest.mark.parametrize(
    "args",
    [
        ["lookup", "+47 22 33 44 55", "--json"],
        ["configure", "--pop", "answer", "--region", "SE"],
        ["--help"],
        ["configure", "--help"],
    ],
)
def test_commands_without_the_network_load_no_http(tmp_path: Path, args: list[str]) -> None:
    done, loaded = _loaded(tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert not loaded & (NEVER | {"httpx", "httpcore", "anyio", "asyncio", "ssl", "keyring"})
    if args == ["--help"]:
        # The commands' names and what they do, none of their options' code.
        assert not loaded & {"phonenumbers", "sqlite3", "screenpop.config.settings"}
        assert "configure" in done.stdout and "summary" in done.stdout


def test_lookup_knows_a_synced_cache_as_the_sync_marks_it() -> None:
    from screenpop.cli.main import SYNCED_MARK
    from screenpop.sync.result import META_HASH

    assert SYNCED_MARK == META_HASH


def test_configure_help_lists_every_setting(tmp_path: Path) -> None:
    from screenpop.config.settings import FIELDS

    done, _loaded_names = _loaded(tmp_path, "configure", "--help")
    flags = [spec.flag for spec in FIELDS if spec.flag]
    assert flags and all(flag in done.stdout for flag in flags)
    assert "--password-stdin" in done.stdout
