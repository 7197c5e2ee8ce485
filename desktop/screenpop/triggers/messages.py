"""The versioned JSON messages a second `screenpop` process sends to the running app."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.errors import ScreenpopError
from screenpop.triggers.instance_client import MAX_MESSAGE_BYTES, PROTOCOL_VERSION, message_line

__all__ = ["MAX_MESSAGE_BYTES", "PROTOCOL_VERSION", "Message", "MessageError", "decode", "encode"]


class MessageError(ScreenpopError):
    """A message that is not one of ours."""


@dataclass(frozen=True, slots=True)
class OpenContact:
    contact_id: int


@dataclass(frozen=True, slots=True)
class ShowApp:
    pass


@dataclass(frozen=True, slots=True)
class SyncNow:
    """Sync the caller IDs now (a script after a CRM import; the soak benchmark)."""


@dataclass(frozen=True, slots=True)
class Dial:
    """Dial ``number`` (`screenpop dial`): through the softphone, else the OS tel: handler."""

    number: str


Message = CallEvent | OpenContact | ShowApp | SyncNow | Dial


def encode(message: Message) -> bytes:
    if isinstance(message, CallEvent):
        return message_line(
            "call",
            number=message.number,
            state=message.state.value,
            call_id=message.call_id,
            display_name=message.display_name,
            source=message.source,
            direction=message.direction.value,
        )
    if isinstance(message, OpenContact):
        return message_line("open", contact_id=message.contact_id)
    if isinstance(message, Dial):
        return message_line("dial", number=message.number)
    return message_line("sync" if isinstance(message, SyncNow) else "show")


def _text(body: dict[str, Any], key: str, limit: int = 512) -> str:
    value = body.get(key, "")
    if not isinstance(value, str) or len(value) > limit:
        raise MessageError(f"bad {key!r} in message")
    return value


def decode(line: bytes) -> Message:
    if len(line) > MAX_MESSAGE_BYTES:
        raise MessageError("message too large")
    try:
        body = json.loads(line)
    except (ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        raise MessageError("message is not JSON") from None
    if not isinstance(body, dict) or body.get("v") != PROTOCOL_VERSION:
        raise MessageError("message of an unknown version")
    kind = body.get("type")
    if kind == "call":
        try:
            state = CallState(body.get("state", "ringing"))
            # Added to version 1 later: a sender from before says nothing, and meant incoming.
            direction = Direction(body.get("direction", "incoming"))
        except ValueError:
            raise MessageError("unknown call state or direction") from None
        return CallEvent(
            number=_text(body, "number"),
            state=state,
            call_id=_text(body, "call_id"),
            display_name=_text(body, "display_name"),
            source=_text(body, "source", 32) or "ipc",
            direction=direction,
        )
    if kind == "open":
        contact_id = body.get("contact_id")
        if not isinstance(contact_id, int) or isinstance(contact_id, bool) or contact_id <= 0:
            raise MessageError("bad contact id")
        return OpenContact(contact_id)
    if kind == "sync":
        return SyncNow()
    if kind == "dial":
        number = _text(body, "number")
        if not number.strip():
            raise MessageError("no number to dial")
        return Dial(number)
    if kind == "show":
        return ShowApp()
    raise MessageError(f"unknown message type {kind!r}")
