"""The sign-in schemes, apart from their httpx code so that settings and the command line
can name them without importing an HTTP stack (`screenpop call` must start fast)."""

from enum import StrEnum


class AuthKind(StrEnum):
    BASIC = "basic"
    TICKET = "ticket"
    ONLINE = "online"
