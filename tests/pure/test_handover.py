"""The softphone hook's quick path (cli/handover.py) reads argv as argparse would, or leaves it
to argparse; what it writes by hand (JSON, the profile's folder and key) is what the modules it
avoids would have written."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from screenpop.cli.handover import CALL_STATES, DIRECTIONS, call_line, open_line, read_argv
from screenpop.cli.main import _build_parser, _command, _links_as_calls
from screenpop.cli.summary import contact_id_arg
from screenpop.config import profile_root as roots
from screenpop.config.profile import Profile
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.triggers.instance_client import Reply, exchange, is_listening, json_string
from screenpop.triggers.messages import OpenContact, decode, encode

WORDS = [
    "call", "open", "sync", "tel:+4722334455", "TEL:+47", " sip:1@x", "+4722334455", "42",
    "0042", "-1", "", "--profile", "/p", "--profile=/q", "--verbose", "--state", "ringing",
    "answered", "ended", "bogus", "--state=ended", "--state=", "--call-id", "c-1", "--call-id=",
    "--call-id=x=y", "--direction", "outgoing", "--direction=incoming", "--sta", "--", "-h",
    "--help", "--json", "--call",
]  # fmt: skip


def _argparse_line(args: list[str]) -> tuple[str | None, bytes] | None:
    """What the full command line would send for ``args``; None where it refuses them."""
    try:
        parsed = _build_parser(_command(args)).parse_args(args)
    except SystemExit:
        return None
    profile = getattr(parsed, "profile", None)
    if parsed.command == "call":
        return profile, call_line(parsed.number, parsed.state, parsed.call_id, parsed.direction)
    if parsed.command == "open":
        contact_id = contact_id_arg(parsed.contact_id)
        return None if contact_id is None else (profile, open_line(contact_id))
    return profile, b"not handed over"


VALUES = ["+4722334455", "42", "0042", "", "-1", "ringing", "ended", "bogus", "outgoing", "/p"]
OPTIONS = ["--state", "--call-id", "--direction", "--profile", "--json", "--sta", "--verbose"]
PLAIN_VALUES = {
    "--state": CALL_STATES,
    "--direction": DIRECTIONS,
    "--call-id": ("c1", "", "a=b", "x y"),
    "--profile": ("/p", "rel/dir", "~/p"),
}


@st.composite
def _plain_argv(draw: st.DrawFn) -> list[str]:
    """The shapes the quick path reads: options in any order, as pairs or with =."""
    head = draw(st.sampled_from([[], ["--profile", "/p"], ["--profile=/q"]]))
    command = draw(st.sampled_from([["call", "+47 22"], ["call", ""], ["tel:+47"], ["open", "9"]]))
    names = draw(st.lists(st.sampled_from(sorted(PLAIN_VALUES)), unique=True, max_size=3))
    groups = [command[1:]] if len(command) > 1 else []
    for name in names:
        value = draw(st.sampled_from(PLAIN_VALUES[name]))
        groups.append(draw(st.sampled_from([[name, value], [f"{name}={value}"]])))
    ordered = draw(st.permutations(groups))
    return [*head, command[0], *(token for group in ordered for token in group)]


@st.composite
def _noisy_argv(draw: st.DrawFn) -> list[str]:
    """Near misses: options bare, twice, abbreviated, with odd values, words left over."""
    head = draw(st.sampled_from([[], ["--profile", "/p"], ["--verbose"]]))
    command = draw(st.sampled_from(["call", "open", "tel:+47", " SIP:1@x", "sync", "lookup"]))
    groups = [[value] for value in draw(st.lists(st.sampled_from(VALUES), max_size=2))]
    for option in draw(st.lists(st.sampled_from(OPTIONS), max_size=3)):
        value = draw(st.sampled_from(VALUES))
        groups.append(draw(st.sampled_from([[option, value], [f"{option}={value}"], [option]])))
    ordered = draw(st.permutations(groups))
    return [*head, command, *(token for group in ordered for token in group)]


@given(st.one_of(_plain_argv(), _noisy_argv(), st.lists(st.sampled_from(WORDS), max_size=7)))
def test_the_quick_path_reads_argv_as_argparse_does(words: list[str]) -> None:
    args = _links_as_calls(words)
    quick = read_argv(args)
    if quick is None:
        return  # argparse reads it (and says what is wrong with it)
    profile, line, _timeout = quick
    assert _argparse_line(args) == (profile, line)


@pytest.mark.parametrize(
    "args",
    [
        ["call", "+4722334455"],
        ["--profile", "/p", "tel:+4722334455", "--state", "answered"],
        ["call", "--call-id=c1", "+47 22 33 44 55", "--direction", "outgoing", "--profile", "/p"],
        ["open", "42"],
    ],
)
def test_the_plain_shapes_take_the_quick_path(args: list[str]) -> None:
    assert read_argv(_links_as_calls(args)) is not None


@pytest.mark.parametrize(
    "args",
    [
        ["--verbose", "call", "+47"],  # logs to stderr: the full command line's logging
        ["call", "+47", "--sta", "ended"],  # an abbreviation
        ["call", "+47", "--state", "on-hold"],  # not a state
        ["call", "+47", "--call-id", "a", "--call-id", "b"],
        ["call", "+47", "extra"],
        ["open", "0042"],
        ["open", "42", "--json"],
        ["call", "--help"],
        ["sync"],
        [],
    ],
)
def test_anything_else_is_left_to_argparse(args: list[str]) -> None:
    assert read_argv(_links_as_calls(args)) is None


def test_the_call_words_are_the_enums() -> None:
    assert tuple(state.value for state in CallState) == CALL_STATES
    assert tuple(direction.value for direction in Direction) == DIRECTIONS


def test_the_lines_written_by_hand_are_the_apps_messages() -> None:
    line = call_line('"Ola" <sip:+47@x>', "answered", "id\n1", "outgoing")
    assert decode(line) == CallEvent(
        '"Ola" <sip:+47@x>', CallState.ANSWERED, "id\n1", "", "cli", Direction.OUTGOING
    )
    assert decode(open_line(7)) == OpenContact(7)
    assert encode(OpenContact(7)) == open_line(7)


@given(st.text())
def test_json_strings_as_json_writes_them(text: str) -> None:
    assert json_string(text) == json.dumps(text)


@pytest.mark.parametrize(
    "reply",
    [Reply(), Reply.refused("'x' is not a phone number.", bad_input=True), Reply.refused("Nö")],
)
def test_replies_round_trip(reply: Reply) -> None:
    assert Reply.decode(reply.encode()) == reply


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (b'{"v": 1, "ok": false}\n', "the running Screenpop refused the request"),
        (b"garbage\n", "the running Screenpop sent an answer it should not have"),
        (b'{"v": 2, "ok": true}\n', "the running Screenpop sent an answer it should not have"),
        (b'{"v": 1, "ok": false, "error": "two\\nlines"}\n', "two lines"),
    ],
)
def test_odd_replies_are_refusals_that_say_so(line: bytes, error: str) -> None:
    assert Reply.decode(line) == Reply.refused(error)


# -- the profile's folder and key -----------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [
        {"XDG_DATA_HOME": "/data/home", "HOME": "/home/kari"},
        {"XDG_DATA_HOME": "", "HOME": "/home/kari"},
        {"XDG_DATA_HOME": "relative/data", "HOME": "/home/kari/"},
        {"HOME": "/home/kari"},
    ],
)
def test_the_default_profile_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert roots._user_data_dir() == platformdirs.user_data_dir("screenpop", appauthor=False)


def test_profile_and_key_as_the_profile_has_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    monkeypatch.chdir(tmp_path)
    for given_path in ("link/", str(tmp_path / "link"), "./real//"):
        root = roots.profile_root(given_path)
        assert root == str(Profile.resolve(given_path).root) == str((tmp_path / "real").resolve())
    assert roots.instance_key(root) == Profile.resolve("real").instance_key
    import hashlib

    assert roots.instance_key(root) == hashlib.sha256(root.encode()).hexdigest()[:16]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "link"))
    assert roots.profile_root(demo=True) == str(tmp_path / "real" / "screenpop" / "demo")


# -- the client, against a plain socket server -----------------------------------------------


@pytest.fixture
def address(tmp_path: Path) -> Iterator[str]:
    path = Path(f"/tmp/sp-test-{os.getpid()}-{time.monotonic_ns()}.sock")
    yield str(path)
    path.unlink(missing_ok=True)


def _serve_once(address: str, answer: bytes | None) -> list[bytes]:
    """A listener that takes one line and answers it (or never does)."""
    got: list[bytes] = []
    server = socket.socket(socket.AF_UNIX)
    server.bind(address)
    server.listen(1)

    def run() -> None:
        peer, _ = server.accept()
        with peer, server:
            got.append(peer.recv(65536))
            if answer is None:
                peer.recv(1)  # until the client gives up and closes
            else:
                peer.sendall(answer)

    threading.Thread(target=run, daemon=True).start()
    return got


def test_exchange_with_a_listening_app(address: str) -> None:
    got = _serve_once(address, Reply.refused("no", bad_input=True).encode())
    assert exchange(address, open_line(3)) == Reply.refused("no", bad_input=True)
    assert got == [open_line(3)]


def test_an_app_that_never_answers_is_given_up_on(address: str) -> None:
    _serve_once(address, None)
    started = time.monotonic()
    assert exchange(address, open_line(3), timeout_s=0.3) is None
    assert time.monotonic() - started < 2


def test_nobody_listening(address: str) -> None:
    assert exchange(address, open_line(3)) is None
    assert not is_listening(address)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(address)  # a socket file nobody accepts on (a crashed app's)
    stale.close()
    assert exchange(address, open_line(3)) is None
    assert not is_listening(address)
