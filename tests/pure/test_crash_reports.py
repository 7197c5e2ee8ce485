"""A crash report (an error nobody caught) lands in the log, and never with a secret in it."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop.config.logs import log_uncaught_exceptions, setup_logging

SECRETS = ("hunter2", "eyJhbGciOi.secret-token", "dGhlLXRpY2tldA")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    hooks = sys.excepthook, threading.excepthook
    setup_logging(tmp_path, verbose=False)
    log_uncaught_exceptions()
    try:
        yield tmp_path / "screenpop.log"
    finally:
        for handler in root.handlers[len(handlers) :]:
            handler.close()
            root.removeHandler(handler)
        root.setLevel(level)
        sys.excepthook, threading.excepthook = hooks


def _leaky() -> RuntimeError:
    try:
        raise RuntimeError(
            f"request failed: Authorization: Bearer {SECRETS[1]} password={SECRETS[0]} "
            f"'authorization': 'SOTicket {SECRETS[2]}'"
        )
    except RuntimeError as err:
        return err


@pytest.mark.log_warnings
def test_an_uncaught_error_is_logged_without_its_secrets(log_file: Path) -> None:
    err = _leaky()
    sys.excepthook(type(err), err, err.__traceback__)
    text = log_file.read_text()
    assert "CRITICAL" in text and "unexpected error: RuntimeError" in text
    assert "Traceback" in text and "_leaky" in text  # still useful to whoever reads it
    assert not [s for s in SECRETS if s in text], text


@pytest.mark.log_warnings
def test_a_thread_that_dies_is_logged_without_its_secrets(log_file: Path) -> None:
    def work() -> None:
        raise _leaky()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    text = log_file.read_text()
    assert "unexpected error: RuntimeError" in text
    assert not [s for s in SECRETS if s in text], text


@pytest.mark.log_warnings
def test_a_logged_exception_is_redacted_too(log_file: Path) -> None:
    try:
        raise _leaky()
    except RuntimeError:
        logging.getLogger("screenpop.test").exception("summary failed")
    text = log_file.read_text()
    assert "summary failed" in text and "RuntimeError" in text
    assert not [s for s in SECRETS if s in text], text
