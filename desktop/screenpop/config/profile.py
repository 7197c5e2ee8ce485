"""Where a user's settings, cache and logs live (``--profile DIR`` or ``SCREENPOP_PROFILE``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from screenpop.config.profile_root import PROFILE_ENV, instance_key, profile_root
from screenpop.core.errors import ConfigError

__all__ = ["PROFILE_ENV", "Profile"]


@dataclass(frozen=True, slots=True)
class Profile:
    root: Path

    @classmethod
    def resolve(cls, explicit: str | None = None, *, demo: bool = False) -> Profile:
        """``--profile``, else ``SCREENPOP_PROFILE``, else the user's own (or demo) profile."""
        return cls(Path(profile_root(explicit, demo=demo)))

    def ensure(self) -> Profile:
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.log_dir.mkdir(exist_ok=True, mode=0o700)
        except OSError as err:
            raise ConfigError(
                f"Cannot use the profile folder {self.root}: {err.strerror}"
            ) from None
        return self

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.ini"

    @property
    def window_state_file(self) -> Path:
        """Window geometry: the UI's own state, apart from the settings people edit."""
        return self.root / "windows.ini"

    @property
    def cache_file(self) -> Path:
        return self.root / "cache.sqlite3"

    @property
    def ticket_statuses_file(self) -> Path:
        """The tenant's ticket status names (:mod:`screenpop.store.ticket_statuses`)."""
        return self.root / "ticket-statuses.json"

    @property
    def history_file(self) -> Path:
        return self.root / "history.sqlite3"

    @property
    def outbox_file(self) -> Path:
        """Call logs on their way to SuperOffice (:mod:`screenpop.store.outbox`)."""
        return self.root / "outbox.sqlite3"

    @property
    def log_dir(self) -> Path:
        return self.root / "logs"

    @property
    def instance_key(self) -> str:
        """Tells one profile's running app from another's (tests run many side by side)."""
        return instance_key(str(self.root))
