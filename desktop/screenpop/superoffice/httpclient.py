"""The one shared HTTP client of a process: timeouts, and TLS verified by the system's trust
store (so corporate TLS-inspecting proxies whose CA IT installed just work), plus an optional
company CA file for the machines where IT did not."""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import truststore

from screenpop import __version__
from screenpop.core.errors import ConfigError

# Connect fails fast (an agent waits for the pop); read is per chunk, not per answer, so a
# 150 MB caller-ID set is fine within it.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def tls_context(ca_file: str | Path | None = None) -> ssl.SSLContext:
    """The OS trust store (truststore), plus ``ca_file`` (PEM) where one is configured."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file:
        path = Path(ca_file).expanduser()
        try:
            context.load_verify_locations(cafile=str(path))
        except (OSError, ssl.SSLError) as err:
            reason = getattr(err, "strerror", None) or "not a PEM certificate file"
            raise ConfigError(f"Cannot use the company CA file {path}: {reason}.") from None
    return context


def make_http_client(
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    *,
    ca_file: str | Path | None = None,
    threaded: bool = False,
) -> httpx.AsyncClient:
    """The one shared HTTP client of a process; ``ca_file`` is the Settings key ``ca_file``.

    ``threaded``: its network I/O on a loop of its own in a worker thread
    (:mod:`screenpop.superoffice.loop_thread`), for a process whose loop is the UI's."""
    headers = {"User-Agent": f"Screenpop/{__version__}"}
    context = tls_context(ca_file)
    if not threaded:
        return httpx.AsyncClient(
            timeout=timeout, verify=context, headers=headers, follow_redirects=False
        )
    from screenpop.superoffice.loop_thread import LoopThreadTransport

    def worker_client() -> httpx.AsyncClient:
        # Verifies TLS and follows the environment's proxies; the client below builds the
        # requests (headers, auth, timeouts) and reads the answers.
        return httpx.AsyncClient(verify=context, follow_redirects=False)

    return httpx.AsyncClient(
        timeout=timeout,
        headers=headers,
        follow_redirects=False,
        transport=LoopThreadTransport(worker_client, name="http"),
    )
