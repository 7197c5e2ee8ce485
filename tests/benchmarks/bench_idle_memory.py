"""The tray app's resident memory when idle with 100,000+ cached caller IDs, against a bare
PySide6 tray app started beside it (issue 16, goal 2).

Run by hand: ``.venv/bin/python tests/benchmarks/bench_idle_memory.py [--caller-ids N]``
(needs Xvfb and trayer; ``--settle S`` waits longer before measuring).

Set-up: an Xvfb of its own with trayer (a real XEmbed tray), a demo tenant of about N caller
IDs (default 160,000, as the issue measured: ``--persons 100000`` gives 161,082), a profile
configured and filled by ``screenpop sync`` (real processes), then, at the same moment:

* the app: ``python -m screenpop --profile DIR`` into the tray, against the same tenant, so
  its first sync is the usual one (nothing changed since the last);
* a bare tray app: ``QApplication``, ``QSystemTrayIcon`` with the app's icon and a menu of as
  many actions as the app's, shown, and the event loop running (nothing else).

Both run as installed (bytecode compiled; ``PYTHONDONTWRITEBYTECODE`` dropped). Once the app
has logged its first sync and ``--settle`` seconds have passed (nothing is built ahead while
no call rings), each one's ``VmRSS`` is read from /proc five times a second apart;
the medians are printed with RssAnon/RssFile and their ratio (target ≤ 1.5).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _support as s

TARGET = 1.5
SETTLE_S = 15.0
_BARE_TRAY = """
import sys
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon
app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
tray = QSystemTrayIcon(QIcon(sys.argv[1]))
menu = QMenu()
for text in ("Find contact…", "Recent calls", "Sync now", "Do not disturb", "Settings…",
             "About", "Quit"):
    menu.addAction(text)
tray.setContextMenu(menu)
tray.setToolTip("a bare tray app")
tray.show()
sys.exit(app.exec())
"""


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and its parts (RssAnon, RssFile, RssShmem) of ``pid``, in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
            fields[name] = int(value.split()[0])
    return fields


def _wait_for_sync(log: Path, app: subprocess.Popen[bytes], timeout_s: float = 120) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        text = log.read_text() if log.exists() else ""
        for line in text.splitlines():
            if "sync done" in line or "sync failed" in line:
                return line.split(": ", 1)[-1]
        if app.poll() is not None:
            raise RuntimeError(f"the app exited with {app.returncode}; see {log}")
        time.sleep(0.2)
    raise RuntimeError(f"the app did not sync within {timeout_s:.0f} s; see {log}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--caller-ids", type=int, default=160_000, help="about this many cached")
    parser.add_argument("--persons", type=int, help="the demo tenant's persons (overrides)")
    parser.add_argument("--settle", type=float, default=SETTLE_S, help="idle seconds first")
    args = parser.parse_args()
    for tool in ("Xvfb", "trayer"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (packaging/linux/bootstrap.sh --tests)")
    persons = args.persons or s.persons_for(args.caller_ids)
    s.compile_package()
    from screenpop.integration.resources import resource_path

    icon = str(resource_path("icons", "screenpop.svg"))
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    with (
        tempfile.TemporaryDirectory(prefix="sp-mem-", dir="/tmp") as tmp,
        s.x_server(tray=True) as display,
        s.demo_tenant(persons) as url,
    ):
        root = Path(tmp)
        runtime = root / "run"
        runtime.mkdir(mode=0o700)
        env = s.installed_env(XDG_RUNTIME_DIR=str(runtime), SCREENPOP_SECRET=s.PASSWORD)
        profile = root / "profile"
        program = [sys.executable, "-m", "screenpop"]
        s.configure_profile(profile, url, env, program)
        print(f"Xvfb {display}; filling the cache from a tenant of {persons:,} persons …",
              flush=True)  # fmt: skip
        done = subprocess.run([*program, "--profile", str(profile), "sync"], env=env,
                              check=True, capture_output=True, text=True)  # fmt: skip
        print(f"  {done.stdout.strip()}", flush=True)
        quiet = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL,
                 "stderr": subprocess.DEVNULL}  # fmt: skip
        bare = subprocess.Popen([sys.executable, "-c", _BARE_TRAY, icon], env=env, **quiet)
        app = subprocess.Popen([*program, "--profile", str(profile)], env=env, **quiet)
        try:
            synced = _wait_for_sync(profile / "logs" / "screenpop.log", app)
            print(f"the app's first sync: {synced}; idle for {args.settle:.0f} s …", flush=True)
            time.sleep(args.settle)
            samples: dict[str, list[dict[str, int]]] = {"app": [], "bare": []}
            for _ in range(5):
                for label, child in (("app", app), ("bare", bare)):
                    if child.poll() is not None:
                        raise RuntimeError(f"the {label} tray app exited ({child.returncode})")
                    samples[label].append(memory_kib(child.pid))
                time.sleep(1.0)
        finally:
            for child in (app, bare):
                child.send_signal(signal.SIGTERM)
            for child in (app, bare):
                try:
                    child.wait(20)
                except subprocess.TimeoutExpired:
                    child.kill()

    print()
    print(f"load average {os.getloadavg()[0]:.2f} afterwards")
    print("resident memory when idle (medians of 5 readings, MB)")
    figures = {}
    for label, readings in samples.items():
        parts = {key: s.median([r[key] for r in readings]) / 1024 for key in readings[0]}
        figures[label] = parts["VmRSS"]
        name = "screenpop, 100k+ cached" if label == "app" else "bare PySide6 tray app"
        print(f"  {name:<26} RSS {parts['VmRSS']:6.1f}   anonymous {parts['RssAnon']:6.1f}   "
              f"files {parts['RssFile']:6.1f}   shared {parts['RssShmem']:5.1f}")  # fmt: skip
    ratio = figures["app"] / figures["bare"]
    print(f"  ratio {ratio:.2f}×")
    print(
        s.verdict(f"idle RSS ≤ {TARGET}× a bare PySide6 tray app ({ratio:.2f}×)", ratio <= TARGET)
    )


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
