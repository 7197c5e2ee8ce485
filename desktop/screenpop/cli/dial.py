"""`screenpop dial NUMBER`: dial as a click in the contact window does.

The running app dials (it holds baresip's control socket, which serves one client at a time,
and follows the outgoing call into Recent calls and the call log); the app is started when it
is not running, as for `screenpop call`. What can be known here is checked first, so a script
hears of it: a number that cannot be dialled exits 2, no way to dial (no softphone and no
other app for ``tel:`` links) exits 1, each with one line. A softphone that fails to dial is
told in the tray.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from screenpop.config.profile import Profile
from screenpop.config.settings_files import load_settings
from screenpop.core.errors import ScreenpopError
from screenpop.triggers.messages import Dial


def run_dial(args: argparse.Namespace, profile: Profile, hand_over: Callable[[Dial], int]) -> int:
    from screenpop.app.dialing import dial_target
    from screenpop.integration.tel_handler import refusal, tel_handler

    settings = load_settings(profile)
    target = dial_target(args.number, settings)  # InvalidNumberError: exit 2
    if not settings.baresip:
        why = refusal(tel_handler())
        if why:
            raise ScreenpopError(why)
    return hand_over(Dial(target))
