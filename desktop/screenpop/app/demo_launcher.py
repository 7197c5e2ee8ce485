"""`screenpop demo`: the bundled demo tenant in a child process and the app against it."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

from screenpop.app.demo_callers import DEMO_PERSONS, DEMO_SEED
from screenpop.app.startup import run_app
from screenpop.config.credentials import SECRET_ENV
from screenpop.config.profile import Profile
from screenpop.config.settings_files import load_settings, save_settings
from screenpop.core.errors import ConfigError
from screenpop.demo.data import DemoData
from screenpop.demo.persons import outside_callers
from screenpop.integration.identity import app_command
from screenpop.superoffice.auth_kind import AuthKind

DEMO_USER = "demo"
DEMO_PASSWORD = "demo"
DEMO_REGION = "NO"
_START_TIMEOUT_S = 60.0
_URL = re.compile(r"listening on (http://\S+)")


def start_demo_server(extra_args: list[str] | None = None) -> tuple[subprocess.Popen[str], str]:
    """Start `screenpop demo-server` on a free loopback port; return it and its tenant URL."""
    # Its output is read, so on Windows the console program (see integration.identity).
    command = [*app_command(console=True), "demo-server", "--port", "0"]
    command += extra_args or ["--seed", str(DEMO_SEED), "--persons", str(DEMO_PERSONS)]
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True, bufsize=1
    )
    found: list[str] = []
    ready = threading.Event()

    def watch() -> None:
        assert child.stdout is not None
        # Reads to the end so the child never blocks on a full pipe, then closes it.
        with child.stdout:
            for line in child.stdout:
                match = _URL.search(line)
                if match and not found:
                    found.append(match.group(1))
                    ready.set()
        ready.set()

    threading.Thread(target=watch, name="demo-server output", daemon=True).start()
    ready.wait(_START_TIMEOUT_S)
    if not found:
        child.terminate()
        raise ConfigError("The demo tenant did not start; run `screenpop demo-server` to see why.")
    return child, found[0]


def run_demo(profile: Profile, *, verbose: bool = False) -> int:
    child, url = start_demo_server()
    try:
        settings = replace(
            load_settings(profile),
            tenant_url=url,
            auth=AuthKind.BASIC,
            user=DEMO_USER,
            region=DEMO_REGION,
        )
        save_settings(profile, settings)
        # The demo password is public; it is given for this run only, never stored.
        os.environ[SECRET_ENV] = DEMO_PASSWORD
        print(f"Demo tenant: {url} (user {DEMO_USER}, password {DEMO_PASSWORD})")
        print(f"Profile: {profile.root}")
        print("Ring a demo caller from the tray menu (Simulate a call), or from a terminal:")
        # As invoked (e.g. .venv/bin/screenpop): the venv's bin is rarely on PATH.
        program = sys.argv[0] if Path(sys.argv[0]).name == "screenpop" else "screenpop"
        data = DemoData(DEMO_SEED, DEMO_PERSONS, date.today(), DEMO_PERSONS)
        live = [(f"{label}, known only to SuperOffice", n) for label, n in outside_callers(data, 1)]
        for label, number in [*data.sample_numbers(4), *live]:
            where = shlex.quote(str(profile.root))
            print(f"  {program} --profile {where} call {number}  # {label}")
        sys.stdout.flush()  # before the app runs for hours: a pipe would hold these back
        return run_app(profile, verbose=verbose, demo=True)
    finally:
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
