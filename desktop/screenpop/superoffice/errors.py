"""Failures talking to SuperOffice, each with a one-line message fit for a user."""

from screenpop.core.errors import ScreenpopError


class SuperOfficeError(ScreenpopError):
    """Any failure of a Web API request."""


class TenantUnreachableError(SuperOfficeError):
    """No HTTP answer at all: DNS, refused connection, TLS, timeout."""


class AuthenticationError(SuperOfficeError):
    """401/403: the credentials were refused; a person must act."""


class NotFoundError(SuperOfficeError):
    """404: the thing asked for does not exist (or is not visible to this user)."""


class ServerError(SuperOfficeError):
    """An HTTP error status other than the ones above."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class BadResponseError(SuperOfficeError):
    """An answer that is not the documented JSON."""
