"""Logging to a rotating file in the profile; to stderr too with ``--verbose``."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

_SECRET = re.compile(
    r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?(?:basic|bearer|soticket)\s+)[^\s'\",]+"
    r"|((?:password|secret|token)['\"]?\s*[:=]\s*['\"]?)[^\s'\",]+"
)


class RedactSecrets(logging.Filter):
    """A last line of defence: credentials that slip into a message are masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _SECRET.sub(lambda m: (m.group(1) or m.group(2)) + "***", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def setup_logging(log_dir: Path | None, verbose: bool) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    redact = RedactSecrets()
    if log_dir is not None:
        try:
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                log_dir / "screenpop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(fmt)
        handler.addFilter(redact)
        root.addHandler(handler)
    if verbose:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(fmt)
        stream.addFilter(redact)
        root.addHandler(stream)
    # httpx logs every request at INFO; keep that for --verbose.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.INFO)
    # qasync logs every callback with its arguments, whole caller-ID sets included.
    logging.getLogger("qasync").setLevel(logging.INFO)
