"""A keyring kept in a JSON file, for CLI tests whose processes must share secrets.

Never for real use: it keeps secrets in plain text. Selected with
``PYTHON_KEYRING_BACKEND=tests.support.file_keyring.FileKeyring`` and
``SCREENPOP_TEST_KEYRING=/path/to/file``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        return Path(os.environ["SCREENPOP_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        return json.loads(self._path.read_text()) if self._path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._load()
        entries[f"{service}\x1f{username}"] = password
        self._path.write_text(json.dumps(entries))

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        entries.pop(f"{service}\x1f{username}", None)
        self._path.write_text(json.dumps(entries))
