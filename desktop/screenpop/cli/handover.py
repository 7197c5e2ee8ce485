"""`screenpop call`, call links and `screenpop open` as softphones and desktops run them: handed
to the running app in a few milliseconds, before argparse is even imported.

From a hook's start to the toast on screen is the figure agents feel (issue 16: within 3× a
bare Python start, which is a few dozen milliseconds on a busy desktop), and argparse, Qt,
httpx or phonenumbers each cost more than that budget allows. So only argv of these plain
shapes is read here::

    [--profile DIR] call NUMBER [--state S] [--call-id ID] [--direction D]
    [--profile DIR] tel:…|callto:…|sip:…|sips:… [the same options as call]
    [--profile DIR] open CONTACT_ID

(options also as ``--name=value``, and ``--profile`` after the command too). Anything else —
``--verbose``, help, a typo, an abbreviation, an option twice, a value that starts with "-",
a link whose scheme is not plain ASCII — is left to the full command line, which reads it
with argparse and says what is wrong. The app reads the number with its settings and answers
a refusal over the socket, printed here as the one-line error with exit code 2; an unknown
contact exits 1. When no app answers, the full command line takes over too: it checks the
input itself and starts the app, which takes seconds anyway.
"""

from __future__ import annotations

import sys

from screenpop.config.profile_root import instance_key, profile_root
from screenpop.triggers.instance_address import instance_address
from screenpop.triggers.instance_client import Reply, exchange, message_line

# The values of screenpop.core.calls' CallState and Direction (a test holds them together):
# the enums' module costs a hook more than it can spare.
CALL_STATES = ("ringing", "answered", "ended")
DIRECTIONS = ("incoming", "outgoing")
CALL_SCHEMES = ("tel:", "callto:", "sip:", "sips:")
CALL_REPLY_S = 3.0
# The app checks the contact with SuperOffice for up to 5 s (app/instance_answers.py).
OPEN_REPLY_S = 10.0
EXIT_FAILED = 1
EXIT_USAGE = 2

_CALL_OPTIONS = {"--state": CALL_STATES, "--call-id": None, "--direction": DIRECTIONS}
_DEFAULTS = {"--state": "ringing", "--call-id": "", "--direction": "incoming"}


def call_line(number: str, state: str, call_id: str, direction: str) -> bytes:
    """A call event as sent to the app; the app reads the caller's name from a link itself."""
    return message_line(
        "call",
        number=number,
        state=state,
        call_id=call_id,
        display_name="",
        source="cli",
        direction=direction,
    )


def open_line(contact_id: int) -> bytes:
    return message_line("open", contact_id=contact_id)


def is_plain_link(text: str) -> bool:
    """A call link whose scheme is plain ASCII (what desktops hand over)."""
    head = text.lstrip()[:7]
    return head.isascii() and head.lower().startswith(CALL_SCHEMES)


def _contact_id(text: str) -> int | None:
    if not (text.isascii() and text.isdigit()) or len(text) > 10 or text.startswith("0"):
        return None
    return int(text)


def read_argv(args: list[str]) -> tuple[str | None, bytes, float] | None:
    """(the --profile given or None, the message, how long to wait for the answer) for argv
    of the plain shapes above; None for anything else."""
    options: dict[str, str] = {}
    positionals: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if not arg.startswith("-"):
            positionals.append(arg)
            index += 1
            continue
        name, equals, value = arg.partition("=")
        if not equals:
            if index + 1 >= len(args):
                return None
            value = args[index + 1]
            index += 1
        index += 1
        if name in options or value.startswith("-") or not (name == "--profile" or positionals):
            return None
        options[name] = value
    if not positionals:
        return None
    profile = options.pop("--profile", None)
    command, rest = positionals[0], positionals[1:]
    if command == "open" and len(rest) == 1 and not options:
        contact_id = _contact_id(rest[0])
        return None if contact_id is None else (profile, open_line(contact_id), OPEN_REPLY_S)
    if command == "call" and len(rest) == 1:
        number = rest[0]
    elif is_plain_link(command) and not rest:
        number = command
    else:
        return None
    for name, value in options.items():
        if name not in _CALL_OPTIONS:
            return None
        allowed = _CALL_OPTIONS[name]
        if allowed is not None and value not in allowed:
            return None
    chosen = {**_DEFAULTS, **options}
    line = call_line(number, chosen["--state"], chosen["--call-id"], chosen["--direction"])
    return profile, line, CALL_REPLY_S


def exit_code(reply: Reply) -> int:
    """What the command exits with for the app's answer (its refusal printed, one line)."""
    if reply.ok:
        return 0
    print(f"screenpop: {reply.error}", file=sys.stderr)
    return EXIT_USAGE if reply.bad_input else EXIT_FAILED


def hand_over_quickly(args: list[str]) -> int | None:
    """The exit code when a running app took the event; None when the full command line
    must read ``args`` (not of a plain shape, or no app answered)."""
    read = read_argv(args)
    if read is None:
        return None
    profile, line, timeout_s = read
    address = instance_address(instance_key(profile_root(profile)))
    reply = exchange(address, line, timeout_s)
    return None if reply is None else exit_code(reply)
