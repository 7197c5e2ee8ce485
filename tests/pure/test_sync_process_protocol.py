"""What the tray app and its sync process say to each other: the hand-over in, one line out,
and every way that line can be missing or wrong."""

from __future__ import annotations

import pytest

from screenpop.cli.main import _HIDDEN_COMMANDS
from screenpop.core.errors import ConfigError, InvalidInputError, ScreenpopError
from screenpop.superoffice.errors import (
    AuthenticationError,
    ServerError,
    SignInNeededError,
    TenantUnreachableError,
)
from screenpop.sync.process_protocol import (
    COMMAND,
    Handover,
    SyncProcessError,
    decode_answer,
    encode_error,
    encode_result,
)
from screenpop.sync.result import SyncResult


def test_the_command_is_one_the_command_line_takes() -> None:
    assert COMMAND in _HIDDEN_COMMANDS


def test_the_hand_over_goes_through_one_line_whole() -> None:
    handover = Handover("pä$$word\nwith a newline", "nb")
    line = handover.encode()
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert Handover.decode(line) == handover
    assert Handover.decode(Handover(None).encode()) == Handover(None, "en")


@pytest.mark.parametrize(
    "line", [b"", b"not json", b"[]", b'{"credential": 5, "language": "en"}', b'{"language": 1}']
)
def test_a_garbled_hand_over_is_bad_input(line: bytes) -> None:
    with pytest.raises(InvalidInputError, match="no valid hand-over"):
        Handover.decode(line)


def test_the_result_comes_back_as_the_child_counted_it() -> None:
    result = SyncResult(3, 1, 10, 2, 13, 0.25, changed=True)
    assert decode_answer(b"some log noise\n" + encode_result(result), 0) == result


@pytest.mark.parametrize(
    "error",
    [
        AuthenticationError("SuperOffice refused the sign-in."),
        SignInNeededError("Sign in again."),
        ConfigError("No tenant is set up."),
        TenantUnreachableError("nothing answered at that address"),
    ],
)
def test_the_error_comes_back_as_the_same_class_and_words(error: ScreenpopError) -> None:
    with pytest.raises(type(error)) as raised:
        decode_answer(encode_error(error), 1)
    assert type(raised.value) is type(error)
    assert raised.value.message == error.message


def test_an_error_the_app_cannot_rebuild_keeps_its_words() -> None:
    class Unknown(TenantUnreachableError):
        pass

    with pytest.raises(TenantUnreachableError, match="gone"):
        decode_answer(encode_error(Unknown("gone")), 1)
    with pytest.raises(ScreenpopError, match="HTTP 500"):
        decode_answer(encode_error(ServerError("HTTP 500", 500)), 1)


@pytest.mark.parametrize(
    "output",
    [b"", b"Traceback (most recent call last):\n", b'{"result": {"added": 1}}\n', b'{"x": 1}'],
)
def test_a_child_that_says_nothing_readable_is_a_clear_failure(output: bytes) -> None:
    with pytest.raises(SyncProcessError, match=r"stopped unexpectedly \(exit code -9\)"):
        decode_answer(output, -9)
