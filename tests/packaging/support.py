"""Helpers for the packaging tests: the build scripts' data, a clean environment, children."""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
FROZEN_CACHE = ROOT / "build" / "test-frozen"
BUILD_TIMEOUT_S = 900


def load_spec_support() -> ModuleType:
    """packaging/pyinstaller/spec_support.py, the data the spec builds from."""
    path = PACKAGING / "pyinstaller" / "spec_support.py"
    spec = importlib.util.spec_from_file_location("spec_support", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_generate() -> ModuleType:
    path = PACKAGING / "generate.py"
    spec = importlib.util.spec_from_file_location("packaging_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What `env -i` leaves, plus a home: the frozen app must need nothing else."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), **extra}


def inputs_digest() -> str:
    digest = hashlib.sha256()
    sources = [
        *sorted((ROOT / "desktop" / "screenpop").rglob("*.py")),
        *sorted(p for p in (ROOT / "resources").rglob("*") if p.is_file()),
        *sorted(p for p in (PACKAGING / "pyinstaller").iterdir() if p.is_file()),
        PACKAGING / "generate.py",
        ROOT / "pyproject.toml",
    ]
    for path in sources:
        # Compiled translations come from the *.ts, which count; the build rewrites them.
        if "__pycache__" in path.parts or "screenshots" in path.parts or path.suffix == ".qm":
            continue
        try:
            content = path.read_bytes()
        except FileNotFoundError:  # removed while we looked (others edit this checkout too)
            continue
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(content)
    installed = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join([sys.version, *installed]).encode())
    return digest.hexdigest()


class Child:
    """A long-running process whose stdout lines are read as they come (with deadlines);
    its stderr goes to a file, so a chatty child never blocks on a full pipe."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path) -> None:
        self.name = Path(command[0]).name
        self.stderr_path = cwd / f"stderr-{len(list(cwd.glob('stderr-*')))}.txt"
        with self.stderr_path.open("w") as stderr:
            self.process = subprocess.Popen(
                command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=stderr, text=True,
            )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout:
            for line in self.process.stdout:
                self.lines.put(line.rstrip("\n"))

    def next_line(self, timeout: float) -> str:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no output from {self.name} within {timeout:.0f} s")

    def stop(self, timeout: float = 30) -> tuple[int, str]:
        """SIGTERM, then the exit code and stderr (killed if it ignores the signal)."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"{self.name} ignored SIGTERM for {timeout:.0f} s")
        self._reader.join(5)
        return code, self.stderr_path.read_text(errors="replace")


def wait_for_file_text(path: Path, needle: str, timeout: float) -> str:
    """Poll ``path`` until it contains ``needle`` (a deadline, never a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = path.read_text(errors="replace") if path.is_file() else ""
        if needle in text:
            return text
        time.sleep(0.1)
    pytest.fail(f"{path.name} never said {needle!r} within {timeout:.0f} s")


def processes_running(executable: Path) -> list[int]:
    """Pids of live processes started from ``executable`` (read from /proc)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (proc / "exe").readlink() == executable.resolve():
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids
