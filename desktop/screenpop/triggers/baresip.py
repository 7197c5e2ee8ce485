"""baresip as a call source: its ``ctrl_tcp`` control socket, read with asyncio streams.

baresip sends each event as a JSON netstring, e.g.
``{"event":true,"type":"CALL_INCOMING","direction":"incoming","peeruri":"sip:+47…@pbx",
"peerdisplayname":"Kari Nordmann","id":"1-9923@127.0.0.1",…}``, and answers commands
(``{"command":"accept","token":"t1"}``) with ``{"response":true,"ok":true,"token":"t1",…}``.
ctrl_tcp serves one client at a time: a second client takes the socket from the first.

The link reconnects by itself, with exponential backoff and jitter, when baresip is not
running, restarts, or sends something that breaks the framing (the stream cannot be
resynchronised, so the connection is dropped and made anew). It talks to this computer only
unless the user allowed another host: the socket carries call events and accepts commands.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import itertools
import json
import logging
import random
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.errors import ConfigError, ScreenpopError
from screenpop.triggers.netstring import NetstringDecoder, NetstringError, encode

log = logging.getLogger(__name__)

DEFAULT_PORT = 4444
_READ_SIZE = 65536
_MAX_FIELD = 512
_EVENTS = {
    "CALL_INCOMING": (CallState.RINGING, Direction.INCOMING),
    "CALL_OUTGOING": (CallState.RINGING, Direction.OUTGOING),
    # The far end rings (outgoing calls only): baresip 1.0 reports a dialled call first with
    # this, having no CALL_OUTGOING yet, so the call is followed from its ring.
    "CALL_RINGING": (CallState.RINGING, Direction.OUTGOING),
    "CALL_ESTABLISHED": (CallState.ANSWERED, Direction.INCOMING),
    "CALL_CLOSED": (CallState.ENDED, Direction.INCOMING),
}
_HOST_NAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9\-.]*[A-Za-z0-9])?\.?$")


class LinkState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"


class BaresipError(ScreenpopError):
    """A command baresip did not carry out (not connected, refused, no answer)."""


@dataclass(frozen=True, slots=True)
class BaresipAddress:
    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    @property
    def is_loopback(self) -> bool:
        """This computer by name or address; other names are not resolved (DNS can say
        anything), so they count as remote."""
        if self.host.lower().rstrip(".") == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def parse_address(text: str) -> BaresipAddress:
    """``HOST:PORT`` (``[::1]:4444`` for IPv6; a bare port means 127.0.0.1) for settings and
    the command line. Raises ConfigError with a one-line reason."""
    value = text.strip()
    bad = ConfigError(f"{text.strip()[:60]!r} is not a baresip address such as 127.0.0.1:4444.")
    if value.isdigit():
        host, port_text = "127.0.0.1", value
    elif value.startswith("["):
        host, _, rest = value[1:].partition("]")
        if not rest.startswith(":"):
            raise bad
        port_text = rest[1:]
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise bad from None
    else:
        host, colon, port_text = value.rpartition(":")
        if not colon or not _valid_host(host):
            raise bad
    if not port_text.isascii() or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise ConfigError(f"{port_text[:12]!r} is not a port number (1–65535).")
    return BaresipAddress(host, int(port_text))


def _valid_host(host: str) -> bool:
    try:
        ipaddress.IPv4Address(host)
    except ValueError:
        return _HOST_NAME.match(host) is not None
    return True


def check_allowed(address: BaresipAddress, allow_remote: bool) -> None:
    """Raises ConfigError for another computer unless the user allowed it."""
    if not allow_remote and not address.is_loopback:
        raise ConfigError(
            f"{address.host} is not this computer: baresip's control socket is only used on "
            "127.0.0.1 unless you allow another host (--baresip-allow-remote)."
        )


def _text(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key, "")
    return value if isinstance(value, str) and len(value) <= _MAX_FIELD else None


def event_from_message(body: dict[str, Any]) -> CallEvent | None:
    """The call event a ctrl_tcp message carries, or None for anything the app does not follow
    (other event types, events without a peer)."""
    mapped = _EVENTS.get(str(body.get("type")))
    if mapped is None or body.get("event") is not True:
        return None
    if body.get("type") == "CALL_RINGING" and body.get("direction") != "outgoing":
        return None
    state, direction = mapped
    number, call_id, name = (
        _text(body, "peeruri"),
        _text(body, "id"),
        _text(body, "peerdisplayname"),
    )
    if not number or call_id is None or name is None:
        return None
    if body.get("direction") in ("incoming", "outgoing"):
        direction = Direction(body["direction"])
    return CallEvent(
        number=number,
        state=state,
        call_id=call_id,
        display_name=name,
        source="baresip",
        direction=direction,
    )


def _describe(err: BaseException) -> str:
    if isinstance(err, TimeoutError):
        return "no answer"
    if isinstance(err, ConnectionRefusedError):
        return "connection refused"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return str(err) or type(err).__name__


class BaresipLink:
    """One baresip control socket: events in, commands out, reconnecting until stopped.

    ``on_event`` gets each call event in order; ``on_state`` each change of the link's state
    with a one-line reason fit for the tray ("connection refused"). Both are called on the
    event loop's thread and must not block.
    """

    def __init__(
        self,
        host: str,
        port: int,
        on_event: Callable[[CallEvent], None],
        on_state: Callable[[LinkState, str], None],
        *,
        allow_remote: bool = False,
        backoff_s: float = 0.5,
        max_backoff_s: float = 30.0,
        connect_timeout_s: float = 5.0,
        stable_after_s: float = 5.0,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.address = BaresipAddress(host, port)
        check_allowed(self.address, allow_remote)
        self._on_event = on_event
        self._on_state = on_state
        self._backoff_s = backoff_s
        self._max_backoff_s = max_backoff_s
        self._connect_timeout_s = connect_timeout_s
        self._stable_after_s = stable_after_s
        self._jitter = jitter
        self._state: tuple[LinkState, str] | None = None
        self._task: asyncio.Task[None] | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._pending: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._tokens = itertools.count(1)
        self._last_failure = ""

    @property
    def state(self) -> LinkState:
        return self._state[0] if self._state else LinkState.DISCONNECTED

    def _set_state(self, state: LinkState, detail: str) -> None:
        if self._state == (state, detail):
            return
        self._state = (state, detail)
        try:
            self._on_state(state, detail)
        except Exception:
            log.exception("the baresip link state handler failed")

    # -- running -------------------------------------------------------------------------------

    def start(self) -> asyncio.Task[None]:
        """Run the link in a task of its own (kept here; :meth:`stop` ends it)."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(
                self.run(), name=f"baresip link {self.address}"
            )
        return self._task

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def run(self) -> None:
        """Connect, read, reconnect, until cancelled (or :meth:`stop`)."""
        self._task = self._task or asyncio.current_task()
        loop = asyncio.get_running_loop()
        delay = self._backoff_s
        try:
            while True:
                self._set_state(LinkState.CONNECTING, f"connecting to {self.address}")
                connected_at = None
                try:
                    reader, writer = await asyncio.wait_for(
                        asyncio.open_connection(self.address.host, self.address.port),
                        self._connect_timeout_s,
                    )
                except (OSError, TimeoutError) as err:
                    reason = f"baresip is not reachable at {self.address}: {_describe(err)}"
                else:
                    connected_at = loop.time()
                    reason = await self._serve(reader, writer)
                if connected_at is not None and loop.time() - connected_at >= self._stable_after_s:
                    delay = self._backoff_s  # it was up a while: this is a fresh failure
                self._log_failure(reason)
                self._set_state(LinkState.DISCONNECTED, reason)
                # Full jitter between half and all of the delay: many desktops whose baresip
                # restarted together do not reconnect in step.
                await asyncio.sleep(delay * (0.5 + self._jitter() / 2))
                delay = min(delay * 2, self._max_backoff_s)
        except asyncio.CancelledError:
            self._set_state(LinkState.DISCONNECTED, "stopped")
            raise

    def _log_failure(self, reason: str) -> None:
        # Once per new reason: baresip being off all day is one line, not one per retry.
        if reason != self._last_failure:
            log.info("baresip link: %s; retrying", reason)
            self._last_failure = reason
        else:
            log.debug("baresip link: %s; retrying", reason)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> str:
        """Read until the connection ends; returns why it ended."""
        sock = writer.get_extra_info("socket")
        if sock is not None:
            # A remote baresip that vanished (a laptop closed) is noticed, not waited for.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        self._writer = writer
        self._last_failure = ""
        self._set_state(LinkState.CONNECTED, f"connected to {self.address}")
        log.info("baresip link: connected to %s", self.address)
        decoder = NetstringDecoder()
        try:
            while True:
                data = await reader.read(_READ_SIZE)
                if not data:
                    return "baresip closed the connection"
                try:
                    payloads = decoder.feed(data)
                except NetstringError as err:
                    self._dispatch_all(err.payloads)
                    return self._bad_data(f"data that is not a netstring ({err.message})")
                bad = self._dispatch_all(payloads)
                if bad:
                    return self._bad_data(bad)
        except OSError as err:
            return f"the connection to baresip broke: {_describe(err)}"
        finally:
            self._writer = None
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(BaresipError("The connection to baresip was lost."))
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()

    @staticmethod
    def _bad_data(what: str) -> str:
        # Once per connection: the connection ends here, and the stream cannot be resynced.
        reason = f"baresip sent {what}"
        log.warning("baresip link: dropping the connection: %s", reason)
        return reason

    def _dispatch_all(self, payloads: list[bytes]) -> str:
        """Hand each message on; stops at one that is no JSON object and says what it was."""
        for payload in payloads:
            try:
                body = json.loads(payload)
            except (ValueError, RecursionError):  # RecursionError: nested thousands deep
                return f"a message that is not JSON ({payload[:40]!r})"
            if not isinstance(body, dict):
                return f"a message that is not a JSON object ({payload[:40]!r})"
            self._dispatch(body)
        return ""

    def _dispatch(self, body: dict[str, Any]) -> None:
        if body.get("response") is True:
            future = self._pending.get(str(body.get("token")))
            if future is not None and not future.done():
                future.set_result(body)
            return
        event = event_from_message(body)
        if event is None:
            log.debug("baresip link: ignoring %s", str(body.get("type", "a message"))[:40])
            return
        try:
            self._on_event(event)
        except Exception:
            log.exception("the baresip call event handler failed")

    # -- commands ------------------------------------------------------------------------------

    async def command(self, command: str, params: str = "", *, timeout_s: float = 5.0) -> str:
        """Send a ctrl_tcp command (``"accept"`` answers the ringing call, with baresip's menu
        module loaded); returns baresip's answer text. Raises BaresipError."""
        writer = self._writer
        if writer is None:
            raise BaresipError(f"Not connected to baresip at {self.address}.")
        token = f"screenpop-{next(self._tokens)}"
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[token] = future
        body = {"command": command, "params": params, "token": token}
        try:
            writer.write(encode(json.dumps(body).encode()))
            await writer.drain()
            response = await asyncio.wait_for(future, timeout_s)
        except TimeoutError:
            raise BaresipError(f"baresip did not answer {command!r} in time.") from None
        except OSError as err:
            raise BaresipError(f"Cannot send {command!r} to baresip: {_describe(err)}") from None
        finally:
            self._pending.pop(token, None)
        data = response.get("data", "")
        answer = data.strip() if isinstance(data, str) else ""
        if response.get("ok") is not True:
            raise BaresipError(f"baresip refused {command!r}: {answer or 'no reason given'}")
        return answer
