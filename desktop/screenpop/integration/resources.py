"""Where the bundled resources are: in a checkout, an installed wheel and a frozen app.

- frozen (PyInstaller): ``<bundle>/resources`` next to the bundled modules (``sys._MEIPASS``:
  ``_internal/`` in the one-folder app, ``Contents/Frameworks`` in the macOS bundle),
- wheel: ``screenpop/resources``, force-included next to the package (pyproject.toml),
- checkout or editable install: ``resources/`` at the top of the repository.
"""

from __future__ import annotations

import logging
import sys
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)


def _candidates() -> list[Path]:
    package = Path(__file__).resolve().parents[1]
    candidates = [package / "resources", package.parent.parent / "resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "resources")
    return candidates


@cache
def resources_dir() -> Path:
    candidates = _candidates()
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            # Once per process: tells IT (and the packaging tests) which copy an install uses.
            log.info("resources in %s", candidate)
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"the app's resources folder is missing (looked in {searched})")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
