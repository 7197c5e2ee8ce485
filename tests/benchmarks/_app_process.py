"""The running app as a whole process, for the call logging benchmarks: a profile set up by the
real `screenpop configure` and `screenpop sync`, the tray app started (offscreen: no display
is needed), call events handed to it over its single-instance socket as `screenpop call` hands
them, and the demo tenant's appointments read back over HTTP.

Not a benchmark itself (the leading underscore keeps it out of pytest).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from screenpop.config.profile import Profile
from screenpop.core.calls import CallEvent, CallState
from screenpop.triggers.single_instance import is_running, send, server_name

USER = "demo"
PASSWORD = "demo"


def cli(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "SCREENPOP_SECRET": PASSWORD}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "screenpop", "--profile", str(profile), *args],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip


def set_up(profile: Path, tenant: str, *options: str) -> None:
    done = cli(profile, "configure", "--tenant", tenant, "--user", USER, "--region", "NO", *options)
    if done.returncode != 0:
        raise RuntimeError(f"configure failed: {done.stderr.strip()}")
    synced = cli(profile, "sync")
    if synced.returncode != 0:
        raise RuntimeError(f"sync failed: {synced.stderr.strip()}")


class App:
    """``screenpop`` for one profile, started, killed and restarted at will."""

    def __init__(self, profile: Path) -> None:
        self.profile = profile
        self.name = server_name(Profile(profile).instance_key)
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, timeout_s: float = 60.0) -> float:
        """Start it and wait until it takes events; returns the seconds that took."""
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SCREENPOP_SECRET": PASSWORD,
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # fmt: skip
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "screenpop", "--profile", str(self.profile)],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.starts += 1
        deadline = started + timeout_s
        while not is_running(self.name):
            if self.process.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"the app did not start (exit {self.process.poll()})")
            time.sleep(0.05)
        return time.perf_counter() - started

    def kill(self) -> None:
        """``kill -9``: no clean-up of any kind."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()

    def hand(self, number: str, state: CallState, call_id: str) -> bool:
        """One call event, as `screenpop call` hands it; True once the app said it has it."""
        return send(self.name, CallEvent(number, state, call_id, source="cli"), timeout_ms=5000)


def appointments(tenant: str, *, timeout_s: float = 10.0) -> list[dict[str, Any]]:
    """Every appointment the demo tenant's FindAppointment archive has, by id."""
    answer = httpx.get(
        f"{tenant}/api/v1/Appointment",
        params={"$select": "appointmentId,text,registeredDate,contactId"},
        auth=(USER, PASSWORD), timeout=timeout_s,
    )  # fmt: skip
    answer.raise_for_status()
    rows: list[dict[str, Any]] = answer.json()["value"]
    return rows


def created_at(row: dict[str, Any]) -> float:
    """When the tenant made the appointment (its registered date), in seconds since the epoch."""
    return datetime.fromisoformat(str(row["registeredDate"])).timestamp()


def set_faults(tenant: str, faults: list[str], seed: int = 1) -> None:
    origin = tenant.rsplit("/", 1)[0]
    answer = httpx.post(f"{origin}/_demo/control", json={"faults": faults, "fault_seed": seed},
                        timeout=10)  # fmt: skip
    answer.raise_for_status()
