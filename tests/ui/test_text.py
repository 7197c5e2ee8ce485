from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextDocument

from screenpop.core.matching import Candidate
from screenpop.ui.text import (
    candidate_line,
    mnemonic_safe,
    money,
    number,
    plain_tooltip,
    relative_time,
    short_date,
    short_time,
    title_safe,
    when_text,
)

NOW = datetime(2025, 3, 5, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(seconds=-20), "just now"),
        (timedelta(minutes=-1), "1 minute ago"),
        (timedelta(minutes=-5), "5 minutes ago"),
        (timedelta(minutes=30), "in 30 minutes"),
        (timedelta(hours=-2), "2 hours ago"),
        (timedelta(hours=1), "in 1 hour"),
        (timedelta(days=-1), "yesterday {time}"),
        (timedelta(days=1), "tomorrow {time}"),
        (timedelta(days=3), "in 3 days"),
        (timedelta(days=-6), "6 days ago"),
    ],
)
def test_relative_time(delta: timedelta, expected: str):
    time = short_time(NOW + delta)
    assert relative_time(NOW + delta, NOW) == expected.format(time=time)


def test_times_follow_the_locale():
    moment = datetime(2025, 3, 5, 14, 5, tzinfo=UTC).astimezone().replace(hour=14, minute=5)
    assert short_time(moment, QLocale("en_GB")) == "14:05"
    assert short_time(moment, QLocale("en_US")).replace("\u202f", " ") == "2:05 PM"


def test_call_times_say_the_day_when_it_is_not_today(use_locale: Callable[[str], None]):
    # Noon local time: a minute earlier is the same day wherever the test runs.
    now = datetime.now().astimezone().replace(hour=12, minute=0)
    earlier = now - timedelta(minutes=1)
    assert when_text(earlier, now) == short_time(earlier)
    yesterday = now - timedelta(days=1)
    assert when_text(yesterday, now) == f"yesterday {short_time(yesterday)}"
    old = now - timedelta(days=10)
    assert when_text(old, now) == f"{short_date(old)} {short_time(old)}"


def test_older_dates_are_shown_as_a_short_date(use_locale: Callable[[str], None]):
    moment = NOW - timedelta(days=30)

    assert relative_time(moment, NOW) == short_date(moment)
    assert relative_time(moment, NOW) == "03/02/2025"


def test_missing_dates_are_blank():
    assert relative_time(None, NOW) == ""


@pytest.mark.parametrize(
    ("locale", "amount", "currency", "expected"),
    [
        ("nb_NO", 12500, "NOK", "NOK 12 500,00"),
        ("en_GB", 1250, "£", "£1,250.00"),
        ("en_US", 1250.5, "USD", "USD 1,250.50"),
        ("de_DE", 99.9, "EUR", "99,90 EUR"),
    ],
)
def test_money(locale: str, amount: float, currency: str, expected: str):
    assert re.sub(r"\s", " ", money(amount, currency, QLocale(locale))) == expected


def test_the_c_locale_still_groups_digits():
    assert money(1068400, "NOK", QLocale.c()) == "1,068,400.00\u00a0NOK"
    assert number(3980200, QLocale.c()) == "3,980,200.00"


def test_tooltips_show_markup_as_text():
    text = "<b>x</b> & <img src=x>\nline two"

    tooltip = plain_tooltip(text)

    assert "<b>" not in tooltip and "<img" not in tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    assert document.toPlainText() == text


def test_menu_and_title_escapes():
    assert mnemonic_safe("R&D") == "R&&D"
    assert title_safe("Acme [*] AS") == "Acme [*][*] AS"


def test_candidate_lines(make_candidate: Callable[..., Candidate]):
    assert candidate_line(make_candidate()) == (
        "Mr Ola Nordmann — Acme Logistics AS · +47 22 33 44 55"
    )
    assert candidate_line(make_candidate(person_id=0, person_name="", mrmrs="")) == (
        "Acme Logistics AS · +47 22 33 44 55"
    )


def test_the_c_locale_gets_iso_dates_not_a_jumble():
    moment = datetime(2026, 8, 28, 10, 0, tzinfo=UTC)
    assert short_date(moment, QLocale.c()) == "2026-08-28"
