"""What one setting is: its key in ``settings.ini``, its default, the values it may take,
whether an administrator may lock it, a line of help and its ``screenpop configure`` option.

:class:`screenpop.config.settings.Settings` declares every setting with :func:`setting`, one
entry each; loading, ``configure``, the Settings dialog and the system-wide defaults all read
that table, so they cannot disagree about what a value may be.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, TypeVar

import phonenumbers

from screenpop.core.errors import ConfigError, InvalidInputError

T = TypeVar("T")
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})
_METADATA_KEY = "screenpop.setting"


class InvalidSettingError(InvalidInputError, ConfigError):
    """A value a setting can never take (out of range, not one of its choices, not a number)."""


class Check(Protocol):
    def allows(self, value: Any) -> bool: ...

    def describe(self) -> str:
        """What the setting takes, to finish "--flag takes …"."""
        ...


@dataclass(frozen=True, slots=True)
class Between:
    low: int
    high: int

    def allows(self, value: Any) -> bool:
        return bool(self.low <= value <= self.high)

    def describe(self) -> str:
        return f"a whole number from {self.low} to {self.high}"


@dataclass(frozen=True, slots=True)
class OneOf:
    values: tuple[str, ...]

    def allows(self, value: Any) -> bool:
        return value in self.values

    def describe(self) -> str:
        return "one of " + ", ".join(v or repr(v) for v in self.values)


@dataclass(frozen=True, slots=True)
class Matches:
    pattern: str
    what: str

    def allows(self, value: Any) -> bool:
        return re.fullmatch(self.pattern, str(value)) is not None

    def describe(self) -> str:
        return self.what


@dataclass(frozen=True, slots=True)
class RegionCode:
    """A region phonenumbers knows (NO, SE, GB…), or "" for the system's."""

    def allows(self, value: Any) -> bool:
        return value == "" or value in phonenumbers.SUPPORTED_REGIONS

    def describe(self) -> str:
        return "a region code such as NO, SE or GB"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One row of the settings table. ``name`` is the attribute of Settings; ``key`` the
    ``section/name`` of the INI file, which administrators' files already use."""

    name: str
    key: str
    default: Any
    check: Check | None = None
    lockable: bool = True
    help: str = ""
    flag: str = ""
    metavar: str = ""
    upper: bool = False

    @property
    def kind(self) -> type:
        return type(self.default)

    def parse(self, raw: str | bool | int, *, label: str = "") -> Any:
        """The value ``raw`` (text from a file or the command line) stands for; raises
        InvalidSettingError naming ``label`` (the option or the key) when it can be none."""
        label = label or self.key
        text = raw.strip() if isinstance(raw, str) else raw
        kind = self.kind
        value: Any
        try:
            if kind is bool:
                value = _boolean(text)
            elif kind is int:
                value = int(text)
                if isinstance(text, bool):
                    raise ValueError(text)
            elif issubclass(kind, StrEnum):
                value = kind(str(text).lower())
            else:
                value = str(text).upper() if self.upper else str(text)
        except ValueError:
            raise self._refused(label, raw) from None
        if self.check is not None and not self.check.allows(value):
            raise self._refused(label, raw)
        return value

    def allows(self, value: Any) -> bool:
        """Whether ``value`` (already of the setting's type) may be kept."""
        if isinstance(value, bool) is not (self.kind is bool) or not isinstance(value, self.kind):
            return False
        return self.check is None or self.check.allows(value)

    def to_text(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value.value if isinstance(value, StrEnum) else value)

    def describe(self) -> str:
        if self.check is not None:
            return self.check.describe()
        kind = self.kind
        if kind is bool:
            return "true or false"
        if issubclass(kind, StrEnum):
            return "one of " + ", ".join(member.value for member in kind)
        return "a whole number" if kind is int else "text"

    def range(self) -> tuple[int, int]:
        """The smallest and largest value of a number setting (for a spin box)."""
        if not isinstance(self.check, Between):
            raise TypeError(f"{self.name} has no range")
        return self.check.low, self.check.high

    def pattern(self) -> str:
        """The regular expression a text setting matches (for a field's validator)."""
        if not isinstance(self.check, Matches):
            raise TypeError(f"{self.name} has no pattern")
        return self.check.pattern

    def _refused(self, label: str, raw: object) -> InvalidSettingError:
        return InvalidSettingError(f"{label} takes {self.describe()}, not {str(raw)!r}.")


def _boolean(text: object) -> bool:
    if isinstance(text, bool):
        return text
    lowered = str(text).lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(text)


def setting(
    key: str,
    default: T,
    check: Check | None = None,
    *,
    lockable: bool = True,
    help: str = "",
    flag: str = "",
    metavar: str = "",
    upper: bool = False,
) -> T:
    """A field of the Settings dataclass that carries its row of the table."""
    spec = FieldSpec("", key, default, check, lockable, help, flag, metavar, upper)
    return dataclasses.field(default=default, metadata={_METADATA_KEY: spec})


def table(settings_class: type) -> tuple[FieldSpec, ...]:
    """The rows declared with :func:`setting`, in declaration order, each named."""
    rows = []
    for field in dataclasses.fields(settings_class):
        spec = field.metadata[_METADATA_KEY]
        rows.append(dataclasses.replace(spec, name=field.name))
    return tuple(rows)
