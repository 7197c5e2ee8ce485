"""Settings from the command line, in a process of its own as scripts run it: a locked value is
refused in one line, and neither settings nor `configure` load Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import run_cli
from tests.pure.test_settings_precedence import ADMIN


def test_configure_refuses_a_locked_value_in_one_line(tmp_path: Path, system_file: Path) -> None:
    system_file.write_text(ADMIN)
    result = run_cli(tmp_path / "p", "configure", "--pop", "never")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "screenpop: Your administrator has locked pop/mode; it cannot be changed here."
    ]
    assert run_cli(tmp_path / "p", "configure", "--no-auto-open").returncode == 0


def test_settings_and_configure_load_no_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from screenpop.cli.main import main\n"
        f"p = {str(tmp_path)!r}\n"
        "assert main(['--profile', p, 'configure', '--pop', 'answer', '--region', 'se']) == 0\n"
        "assert main(['--profile', p, 'lookup', '+46 8 123 456 78']) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
