"""Logging to a rotating file in the profile; to stderr too with ``--verbose``."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path
from types import TracebackType

# Header values, "name: value"/"name=value" pairs (JSON, forms, query strings) whose name
# ends in password/secret/token/verifier (access_token, refresh_token, id_token, client_secret,
# code_verifier, SO-AppToken…), a bare "Bearer …", and an authorization code in a URL.
_SECRET = re.compile(
    r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?(?:basic|bearer|soticket)\s+)[^\s'\",]+"
    r"|((?:password|secret|token|verifier)['\"]?\s*[:=]\s*['\"]?)[^\s'\",&]+"
    r"|(\b(?:bearer|soticket)\s+)[^\s'\",]+"
    r"|([?&](?:code|assertion)=)[^\s&'\"]+"
)


class RedactSecrets(logging.Filter):
    """A last line of defence: credentials that slip into a message are masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info:
            # A crash report's exception text can carry a header or a URL: mask it as well.
            # Another handler may have formatted it already (exc_text caches it).
            text = record.exc_text or _TRACEBACK.formatException(record.exc_info)
            record.exc_text = _redact(text)
        return True


_TRACEBACK = logging.Formatter()


def _redact(text: str) -> str:
    return _SECRET.sub(lambda m: next(g for g in m.groups() if g) + "***", text)


def log_uncaught_exceptions() -> None:
    """Errors nobody caught (a slot, a thread) go to the log, redacted, and the app goes on."""
    crash = logging.getLogger("screenpop.crash")

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        crash.critical("unexpected error: %s", kind.__name__, exc_info=(kind, value, tb))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


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
