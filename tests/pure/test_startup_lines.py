"""The tray app keeps no source lines (PySide6 reads every imported module's source), yet a
traceback still shows them, for files on disk and for modules from an archive (the frozen app)."""

from __future__ import annotations

import linecache
import sys
import traceback
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop.app import startup


@pytest.fixture
def lines_not_kept() -> Iterator[None]:
    kept = linecache.cache
    # From nothing: whatever ran before in this process (PySide6 reads sources) filled it.
    linecache.cache = {}
    startup._keep_no_source_lines()
    startup._keep_no_source_lines()  # a second start in the same process changes nothing
    try:
        yield
    finally:
        linecache.cache = kept


def _fail() -> None:
    raise ValueError("on purpose")


def test_lines_are_read_but_not_kept(lines_not_kept: None) -> None:
    assert isinstance(linecache.cache, startup._LinesNotKept)
    assert linecache.getline(__file__, 1).startswith('"""The tray app keeps no source')
    assert linecache.getline(startup.__file__, 1).startswith('"""The tray app')
    # The lines of the file read last, no more.
    assert __file__ not in linecache.cache and startup.__file__ in linecache.cache
    try:
        _fail()
    except ValueError:
        shown = traceback.format_exc()
    assert 'raise ValueError("on purpose")' in shown


def test_modules_from_an_archive_still_show_their_lines(
    lines_not_kept: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("bundled_mod.py", "def boom():\n    raise KeyError('in the archive')\n")
    monkeypatch.syspath_prepend(str(archive))
    import bundled_mod  # type: ignore[import-not-found]

    try:
        bundled_mod.boom()
    except KeyError:
        shown = traceback.format_exc()
    finally:
        sys.modules.pop("bundled_mod", None)
    assert "raise KeyError('in the archive')" in shown
