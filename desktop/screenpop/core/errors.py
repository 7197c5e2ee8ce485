"""The project's own exceptions: each carries a one-line message fit to show a user."""


class ScreenpopError(Exception):
    """Base of every error the app expects; ``str(err)`` is the user-facing line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInputError(ScreenpopError):
    """Input that can never be right, whatever the tenant or the machine say (the command line
    exits 2 for it)."""


class InvalidNumberError(InvalidInputError):
    """Input that cannot be a phone number at all."""


class DecodeError(ScreenpopError):
    """A CRM answer (or one entry of it) that does not have the documented shape."""


class ConfigError(ScreenpopError):
    """The app is not configured well enough to do what was asked."""
