"""Failures talking to SuperOffice, each with a one-line message fit for a user.

Two families matter to the app: :class:`AuthenticationError` (and :class:`SignInNeededError`)
means a person must act ("sign-in needed"); every other :class:`SuperOfficeError` means the
tenant cannot be used right now ("offline") and the app retries by itself.
"""

from screenpop.core.errors import ScreenpopError


class SuperOfficeError(ScreenpopError):
    """Any failure of a Web API request."""


class TenantUnreachableError(SuperOfficeError):
    """No HTTP answer at all: DNS, refused connection, TLS, timeout, a dropped connection."""


class AuthenticationError(SuperOfficeError):
    """401/403: the credentials were refused; a person must act."""


class ForbiddenError(AuthenticationError):
    """403: signed in, but this user lacks the right to do that."""


class SignInNeededError(AuthenticationError):
    """Online: no usable token, and refreshing it did not help; run the browser sign-in
    (silently first, ``prompt=none``, where the browser session allows)."""


class NotFoundError(SuperOfficeError):
    """404: the thing asked for does not exist (or is not visible to this user)."""


class ServerError(SuperOfficeError):
    """An HTTP error status other than the ones above."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class BadResponseError(SuperOfficeError):
    """An answer that is not the documented JSON."""


class ResponseTooLargeError(BadResponseError):
    """An answer bigger than the cap for its call; refused before it is all read."""


class TenantStateError(SuperOfficeError):
    """SuperOffice Online says the tenant is not running (maintenance, suspended, …)."""

    def __init__(self, message: str, state: str) -> None:
        super().__init__(message)
        self.state = state
