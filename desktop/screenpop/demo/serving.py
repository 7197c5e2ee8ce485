"""Serving the demo tenant with uvicorn on loopback: in the foreground (`screenpop
demo-server`), or in a background thread for tests (:func:`running`)."""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import uvicorn

from screenpop.demo.server import DemoApp, DemoConfig, create_app, validate_config

_START_TIMEOUT_S = 30.0


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self._on_started()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # uvicorn re-raises a caught SIGINT/SIGTERM after shutting down, which ends in a
        # KeyboardInterrupt traceback or a kill; a demo server should just return.
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        names = ("SIGINT", "SIGTERM", "SIGBREAK")
        handled = [getattr(signal, name) for name in names if hasattr(signal, name)]

        def stop(signum: int, frame: object) -> None:
            if self.should_exit and signum == signal.SIGINT:
                self.force_exit = True  # a second Ctrl+C: stop waiting for requests
            self.should_exit = True

        previous = {sig: signal.signal(sig, stop) for sig in handled}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


ONLINE_HOSTS = 2  # extra ports playing the numbered hosts "online2" and "online3"


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if sys.platform != "win32":  # on Windows this would let another process share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit it: uvicorn writes a reply's headers and body apart, and
        # with Nagle the body waits for the client's delayed ACK, 40 ms on every kept-alive
        # request (asyncio leaves it unset on sockets it did not create).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # Bound here rather than by uvicorn, which logs a failed bind and calls sys.exit.
        sock.bind((host, port))
    except BaseException:
        sock.close()
        raise
    return sock


def _origin(host: str, sock: socket.socket) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{sock.getsockname()[1]}"


def listen(
    config: DemoConfig,
    host: str = "127.0.0.1",
    port: int = 0,
    ready: Callable[[str], None] | None = None,
) -> tuple[uvicorn.Server, list[socket.socket], DemoConfig]:
    """Bind the main port and the Online hosts' ports, and make the server (not started).
    The returned config has ``online_hosts`` filled in; the caller closes the sockets."""
    validate_config(config)
    sockets = [_bind(host, port)]
    try:
        sockets += [_bind(host, 0) for _ in range(ONLINE_HOSTS)]
        config = replace(config, online_hosts=tuple(_origin(host, s) for s in sockets[1:]))
        url = f"{_origin(host, sockets[0])}/{config.customer}"
        settings = uvicorn.Config(
            create_app(config),
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=1,
        )
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    server = _Server(settings, lambda: ready(url) if ready is not None else None)
    return server, sockets, config


def serve(
    config: DemoConfig,
    host: str = "127.0.0.1",
    port: int = 0,
    ready: Callable[[str], None] | None = None,
    hosts_ready: Callable[[tuple[str, ...]], None] | None = None,
) -> None:
    """Blocking: serve with uvicorn until SIGINT/SIGTERM. When listening, call
    ``ready(tenant_url)`` with the bound port, e.g. ``http://127.0.0.1:43123/Cust12345``,
    after ``hosts_ready(origins)`` with the Online hosts' origins.

    Raises ConfigError for a bad config and OSError when the address cannot be bound.
    """
    server, sockets, bound = listen(config, host, port, ready)
    if hosts_ready is not None:
        hosts_ready(bound.online_hosts)
    try:
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C before the handlers are in
            server.run(sockets=sockets)
    finally:
        for sock in sockets:
            sock.close()


@dataclass(frozen=True)
class Running:
    """A demo tenant serving in this process: its URL, Online hosts and app."""

    url: str
    online_hosts: tuple[str, ...]
    app: DemoApp

    @property
    def origin(self) -> str:
        return self.url.rsplit("/", 1)[0]


@contextlib.contextmanager
def running(config: DemoConfig, host: str = "127.0.0.1") -> Iterator[Running]:
    """Serve in a background thread until the block ends (tests: real sockets and real
    connection drops, without a child process)."""
    started = threading.Event()
    server, sockets, bound = listen(config, host, 0, lambda url: started.set())
    app = server.config.app
    assert isinstance(app, DemoApp)
    url = f"{_origin(host, sockets[0])}/{bound.customer}"
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": sockets}, name="demo tenant", daemon=True
    )
    thread.start()
    try:
        if not started.wait(_START_TIMEOUT_S):
            raise TimeoutError("the demo tenant did not start")
        yield Running(url, bound.online_hosts, app)
    finally:
        server.should_exit = True
        thread.join(_START_TIMEOUT_S)
        for sock in sockets:
            sock.close()
