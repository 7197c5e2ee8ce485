"""Call links handed to the app: ``tel:`` (RFC 3966), ``callto:``, ``sip:``/``sips:`` (RFC 3261).

Only the structure is read here: which part of the link carries the number, its extension,
phone-context and ISDN subaddress, the display name of a SIP header value. Whether the
number part is a phone number is for :func:`screenpop.core.phone.parse_incoming` to say (a
SIP user part may be a name, or ``anonymous``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from screenpop.core.errors import InvalidNumberError

MAX_INPUT_LENGTH = 256
SCHEMES = ("tel", "callto", "sip", "sips")
_SCHEME = re.compile(r"^\s*(tel|callto|sips?):", re.IGNORECASE)
# A %-escape is "%" and two hex digits; anything else after "%" is a broken link.
_BROKEN_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Control characters never belong in a link; a newline would also split a log line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# RFC 3966 phonedigits and visual separators, "*" and "#" of local numbers; whitespace too,
# as links pasted from documents carry it.
_TEL_CHARS = re.compile(r"^[\d+\-.()*#\s\u00a0]*$")


@dataclass(frozen=True, slots=True)
class CallUri:
    """The parts of a call link (or of plain number text, with ``scheme`` "").

    ``number`` is %-decoded with its visual separators kept; the parameters that say how to
    read it (``phone_context``, ``extension``, ``isub``) are split off. ``host`` is the SIP
    host ("" otherwise); ``user_phone`` says a SIP URI declared its user part a telephone
    number (``;user=phone``).
    """

    raw: str
    scheme: str
    number: str
    extension: str = ""
    phone_context: str = ""
    isub: str = ""
    display_name: str = ""
    host: str = ""
    user_phone: bool = False


def _short(text: str) -> str:
    return repr(_CONTROL.sub(" ", text.strip())[:40])


def _refuse(raw: str, why: str) -> InvalidNumberError:
    return InvalidNumberError(f"{_short(raw)} is not a call link: {why}.")


def has_call_scheme(text: str) -> bool:
    """Whether ``text`` starts with tel:, callto:, sip: or sips: (in any case)."""
    return _SCHEME.match(text) is not None


def parse_call_uri(text: str) -> CallUri:
    """A tel:/callto:/sip:/sips: link, split. Raises InvalidNumberError for anything else."""
    if len(text) > MAX_INPUT_LENGTH:
        raise InvalidNumberError("That link is far too long to be a phone number.")
    if not has_call_scheme(_strip_display_name(text, text)[0]):
        raise _refuse(text, "it does not start with tel:, callto:, sip: or sips:")
    uri = split_call_text(text)
    if uri.scheme in ("tel", "callto") and not _TEL_CHARS.match(uri.number):
        if uri.scheme == "callto":
            raise _refuse(text, "a callto: link to a name (e.g. a Skype name) has no number")
        raise _refuse(text, "a tel: number has only digits, +, *, # and separators")
    if not uri.number.strip():
        raise _refuse(text, "it carries no number")
    return uri


def split_call_text(text: str) -> CallUri:
    """Any text a phone system or the desktop sends: a link, a SIP header value
    (``"Kari" <sip:+47…@pbx>;tag=1``) or a plain number with ``;ext=`` parameters.

    Raises InvalidNumberError for text that cannot be read at all (far too long, control
    characters or broken %-escapes in a link, an unclosed ``<``).
    """
    raw = text
    if len(text) > MAX_INPUT_LENGTH:
        raise InvalidNumberError("That is far too long to be a phone number.")
    text, display_name = _strip_display_name(text.strip(), raw)
    match = _SCHEME.match(text)
    if match is None:
        # Plain text: parameters as in a tel: link, no further rules (the number parser's).
        return _with_params(raw, "", text, display_name=display_name)
    scheme = match.group(1).lower()
    body = text[match.end() :].strip()
    if _CONTROL.search(body):
        raise _refuse(raw, "it contains control characters")
    if _BROKEN_ESCAPE.search(body):
        raise _refuse(raw, "it has a broken %-escape")
    if scheme in ("sip", "sips"):
        return _split_sip(raw, scheme, body, display_name)
    # "callto://+47…/" and "tel://…": the slashes browsers and Windows add mean nothing.
    body = body.strip("/")
    body = body.split("?", 1)[0]
    return _with_params(raw, scheme, body, display_name=display_name)


def _strip_display_name(text: str, raw: str) -> tuple[str, str]:
    """(the URI inside <…>, the display name before it); a bare link or plain text without
    "<" is returned as is."""
    if "<" not in text or _SCHEME.match(text):
        return text, ""
    before, _, rest = text.partition("<")
    inside, closed, _ = rest.partition(">")
    if not closed:
        raise _refuse(raw, "its < is never closed")
    return inside.strip(), _display_name(before)


def _display_name(text: str) -> str:
    text = _CONTROL.sub(" ", text).strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        # A quoted-string: \" and \\ are escapes (RFC 3261 §25.1).
        return re.sub(r"\\(.)", r"\1", text[1:-1]).strip()
    return " ".join(text.split())


def _split_sip(raw: str, scheme: str, body: str, display_name: str) -> CallUri:
    """The user part of sip:user;tel-params:password@host:port;uri-params?headers."""
    body = body.lstrip("/").split("?", 1)[0]
    user, at, hostport = body.partition("@")
    # Without a host ("sip:+4722334455;user=phone") the parameters are the user part's.
    host, _, uri_params = hostport.partition(";") if at else ("", "", user)
    user_phone = "user=phone" in (p.strip().lower() for p in uri_params.split(";"))
    return _with_params(
        raw,
        scheme,
        _drop_password(user),
        display_name=display_name,
        host=host.strip(),
        user_phone=user_phone,
    )


def _drop_password(user: str) -> str:
    """ "+47…;ext=1:secret" → "+47…;ext=1": a password follows the telephone parameters."""
    number, semicolon, params = user.partition(";")
    return number.split(":", 1)[0] + semicolon + params.split(":", 1)[0]


def _with_params(
    raw: str,
    scheme: str,
    text: str,
    *,
    display_name: str = "",
    host: str = "",
    user_phone: bool = False,
) -> CallUri:
    number, *params = text.split(";")
    values: dict[str, str] = {}
    for param in params:
        name, equals, value = param.partition("=")
        name = name.strip().lower()
        if not scheme and not equals and name.isdecimal() and "ext" not in values:
            # Plain text "22 33 44 55;12": a phone's auto-dial marker (as libphonenumber reads it).
            name, value = "ext", name
        if name in ("ext", "phone-context", "isub") and name not in values:
            values[name] = unquote(value.strip())
    if "%" in number:
        number = unquote(number)
    return CallUri(
        raw=raw,
        scheme=scheme,
        number=number.strip(),
        extension=values.get("ext", ""),
        phone_context=values.get("phone-context", ""),
        isub=values.get("isub", ""),
        display_name=display_name,
        host=host,
        user_phone=user_phone,
    )
