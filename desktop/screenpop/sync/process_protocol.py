"""What the tray app and the sync process it starts say to each other: one line each way.

The tray app syncs in a process of its own (``screenpop sync-process``, not for people): a
million caller IDs keep a process busy for seconds, and in the app's own they would share
Python's lock with the UI thread, which then misses frames however the work is sliced. The
two share nothing but the cache file, where SQLite keeps the old set for readers until the
new one commits.

The app writes a :class:`Handover` on the child's standard input (never its command line or
environment, which other processes can read): what the child cannot look up itself, the
credential (the password or ticket the app found, or the Online session's access token, so
the child neither asks the keyring nor signs in) and the language SuperOffice answers in. The
child loads the settings from the profile, as ``screenpop sync`` does, and prints one line:
its :class:`SyncResult`, or the error that ended it, by class and message, which the app
raises again so that the tray says "sign-in needed" or "offline" as for a sync of its own.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from screenpop.core.errors import ConfigError, DecodeError, InvalidInputError, ScreenpopError
from screenpop.superoffice import errors as superoffice_errors
from screenpop.sync.result import SyncResult

COMMAND = "sync-process"
"""The hidden command the app starts (``screenpop --profile DIR sync-process``)."""


def _known_errors() -> dict[str, type[ScreenpopError]]:
    classes: list[type[ScreenpopError]] = [
        ScreenpopError,
        ConfigError,
        DecodeError,
        InvalidInputError,
    ]
    for value in vars(superoffice_errors).values():
        if isinstance(value, type) and issubclass(value, ScreenpopError):
            classes.append(value)
    return {cls.__name__: cls for cls in classes}


_ERRORS = _known_errors()
"""The errors a sync may end with, by name: the app raises the same class again."""


class SyncProcessError(ScreenpopError):
    """The sync process ended without saying how (killed, crashed, or not startable)."""


@dataclass(frozen=True, slots=True)
class Handover:
    credential: str | None = None
    """The password or ticket (Onsite, or a ticket on Online), or the access token (Online
    sign-in); None: the child looks it up as ``screenpop sync`` would."""
    language: str = "en"

    def encode(self) -> bytes:
        return (json.dumps(asdict(self)) + "\n").encode()

    @classmethod
    def decode(cls, line: bytes | str) -> Handover:
        try:
            value = json.loads(line)
            credential, language = value["credential"], value["language"]
        except (ValueError, TypeError, KeyError):
            raise InvalidInputError("the sync process was handed no valid hand-over") from None
        if not (credential is None or isinstance(credential, str)) or not isinstance(language, str):
            raise InvalidInputError("the sync process was handed no valid hand-over")
        return cls(credential, language)


def encode_result(result: SyncResult) -> bytes:
    return (json.dumps({"result": asdict(result)}) + "\n").encode()


def encode_error(err: ScreenpopError) -> bytes:
    # The nearest class the app knows: a subclass it does not is still, say, a SuperOfficeError.
    kind = next(cls.__name__ for cls in type(err).__mro__ if cls.__name__ in _ERRORS)
    return (json.dumps({"error": kind, "message": err.message}) + "\n").encode()


def decode_answer(output: bytes, exit_code: int) -> SyncResult:
    """The child's result; raises the error it reported, or :class:`SyncProcessError` when it
    said nothing readable."""
    lines = output.strip().splitlines()
    try:
        answer = json.loads(lines[-1]) if lines else None
    except ValueError:
        answer = None
    if isinstance(answer, dict) and isinstance(answer.get("result"), dict):
        try:
            return SyncResult(**answer["result"])
        except TypeError:
            pass
    elif isinstance(answer, dict) and isinstance(answer.get("message"), str):
        error = _ERRORS.get(str(answer.get("error")), ScreenpopError)
        try:
            raise error(answer["message"])
        except TypeError:  # a class that wants more than a message (ServerError's status)
            raise ScreenpopError(answer["message"]) from None
    raise SyncProcessError(f"the sync stopped unexpectedly (exit code {exit_code})")
