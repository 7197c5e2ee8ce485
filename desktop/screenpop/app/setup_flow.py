"""The Settings dialog and the first-run window, wired to what they change: the settings file
(one key at a time), the keyring, start at login, link registration and the Online sign-in.

What the new settings mean for the running app (a new connection, another softphone, pops)
is the app's to apply: :class:`SetupFlow` hands it the settings kept.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import fields, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from screenpop.config.credentials import store_secret
from screenpop.config.profile import Profile
from screenpop.config.settings import Settings
from screenpop.config.settings_files import locked_settings, save_setting
from screenpop.core.errors import ConfigError, ScreenpopError
from screenpop.core.tasks import BackgroundTasks
from screenpop.integration.identity import app_command
from screenpop.superoffice.tenant import parse_tenant_address
from screenpop.ui.i18n import arg
from screenpop.ui.widgets import bring_up

if TYPE_CHECKING:  # the dialogs are loaded when first opened, not by an app idle in the tray
    import httpx

    from screenpop.ui.settings_dialog import SettingsDialog
    from screenpop.ui.setup_dialog import SetupDialog

log = logging.getLogger(__name__)


def _normalised(settings: Settings) -> Settings:
    """The tenant as its root address, which the keyring's entries are keyed by."""
    try:
        base = parse_tenant_address(settings.tenant_url, settings.environment).tenant.base
    except ConfigError:
        return settings
    return replace(settings, tenant_url=base) if settings.tenant_url else settings


class SetupFlow:
    def __init__(
        self,
        profile: Profile,
        settings: Callable[[], Settings],
        apply: Callable[[Settings], None],
        http: Callable[[], httpx.AsyncClient],
        tasks: BackgroundTasks,
        open_browser: Callable[[str], None],
        *,
        task_names: Callable[[], Awaitable[list[str]]] | None = None,
    ) -> None:
        self._profile = profile
        self._settings = settings
        self._apply = apply
        self._http = http
        self._tasks = tasks
        self._open_browser = open_browser
        self._task_names = task_names
        self.dialog: SetupDialog | None = None

    def open_settings(self) -> None:
        if self.dialog is None:
            from screenpop.ui.settings_dialog import SettingsDialog

            dialog = SettingsDialog(
                self._settings(), locked=locked_settings(), start_at_login=_start_at_login()
            )
            dialog.register_links_requested.connect(lambda: self._register_links(dialog))
            dialog.tasks_requested.connect(lambda: self._request_tasks(dialog))
            self._wire(dialog)
            if self._task_names is not None:
                dialog.load_tasks()
        self._present()

    def open_first_run(self, on_demo: Callable[[], None]) -> None:
        from screenpop.ui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self._settings(), locked=locked_settings())
        dialog.demo_requested.connect(on_demo)
        self._wire(dialog)
        self._present()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()

    def _wire(self, dialog: SetupDialog) -> None:
        dialog.accepted.connect(lambda: self._keep(dialog))
        dialog.sign_in_requested.connect(
            lambda: self._tasks.spawn(self._sign_in(dialog), name="sign-in from settings")
        )
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog

    def _present(self) -> None:
        assert self.dialog is not None
        bring_up(self.dialog)

    # -- what OK keeps ---------------------------------------------------------------------

    def _keep(self, dialog: SetupDialog) -> None:
        chosen = _normalised(dialog.chosen())
        before = self._settings()
        # One key at a time: `screenpop configure` may have changed others meanwhile.
        for field in fields(Settings):
            value = getattr(chosen, field.name)
            if value != getattr(before, field.name):
                try:
                    save_setting(self._profile, field.name, value)
                except ConfigError as err:
                    log.warning("setting %s not saved: %s", field.name, err.message)
                    chosen = replace(chosen, **{field.name: getattr(before, field.name)})
        secret = dialog.entered_secret()
        if secret:
            try:
                store_secret(chosen.tenant_url, chosen.user, secret)
            except ConfigError as err:
                log.warning("password not kept: %s", err.message)
        wanted = dialog.chosen_start_at_login()
        if wanted != _start_at_login():
            from screenpop.integration.autostart import set_start_at_login

            try:
                set_start_at_login(wanted, profile=self._profile.root)
            except OSError as err:
                log.warning("start at login not changed: %s", err)
        self._apply(chosen)

    # -- buttons in the dialog -------------------------------------------------------------

    async def _sign_in(self, dialog: SetupDialog) -> None:
        chosen = _normalised(dialog.chosen())
        dialog.set_sign_in_state(
            QCoreApplication.translate("SetupFlow", "Signing in: finish in your browser…")
        )
        try:
            from screenpop.services.connection import make_connection

            session = make_connection(chosen, self._http()).session
            if session is None:
                return
            await session.sign_in(self._open_browser)
        except ScreenpopError as err:
            dialog.set_sign_in_state(
                arg(QCoreApplication.translate("SetupFlow", "Sign-in failed: %1"), err.message)
            )
            return
        dialog.set_sign_in_state(QCoreApplication.translate("SetupFlow", "Signed in."))

    def _request_tasks(self, dialog: SettingsDialog) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop to ask with (a dialog shown outside the app)
        self._tasks.spawn(self._load_tasks(dialog), name="task list")

    async def _load_tasks(self, dialog: SettingsDialog) -> None:
        if self._task_names is None:
            return
        try:
            names = await self._task_names()
        except ScreenpopError as err:
            dialog.set_task_error(err.message)
            return
        dialog.set_task_names(names)

    def _register_links(self, dialog: SettingsDialog) -> None:
        try:
            from screenpop.integration.linux_links import register_links

            registration = register_links([*app_command(), "--profile", str(self._profile.root)])
        except ConfigError as err:
            dialog.set_links_state(err.message)
            return
        dialog.set_links_state(registration.detail)


def _start_at_login() -> bool:
    try:
        from screenpop.integration.autostart import is_start_at_login

        return is_start_at_login()
    except OSError:
        return False
