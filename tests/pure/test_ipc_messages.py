import pytest

from screenpop.core.calls import CallEvent, CallState
from screenpop.triggers.messages import MessageError, OpenContact, ShowApp, SyncNow, decode, encode


@pytest.mark.parametrize(
    "message",
    [
        CallEvent("+4722334455", CallState.ANSWERED, "abc", "Kari", "cli"),
        OpenContact(42),
        ShowApp(),
        SyncNow(),
    ],
)
def test_round_trip(message: object) -> None:
    assert decode(encode(message).strip()) == message  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "line",
    [
        b"not json",
        b"[]",
        b'{"v": 2, "type": "show"}',
        b'{"v": 1, "type": "reboot"}',
        b'{"v": 1, "type": "open", "contact_id": "5"}',
        b'{"v": 1, "type": "open", "contact_id": -1}',
        b'{"v": 1, "type": "call", "number": 5}',
        b'{"v": 1, "type": "call", "number": "1", "state": "exploded"}',
        b"{" + b" " * 70000 + b"}",
    ],
)
def test_junk_is_refused(line: bytes) -> None:
    with pytest.raises(MessageError):
        decode(line)
