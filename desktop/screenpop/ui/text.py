"""CRM data and dates as text that Qt shows literally, in the user's locale and time zone.

Every string from SuperOffice is data. Labels are set to plain text by the widgets; the helpers
here cover the places where Qt would otherwise interpret it: tooltips (rich text when they look
like HTML), button and menu texts ("&" is a mnemonic) and window titles ("[*]" is a placeholder).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject

from screenpop.core.matching import Candidate, MatchedBy
from screenpop.core.phone import format_e164
from screenpop.core.text import one_line as one_line
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg, plural

_MATCHED_BY = {
    MatchedBy.EXACT: QT_TRANSLATE_NOOP("text", "Exact number"),
    MatchedBy.NATIONAL: QT_TRANSLATE_NOOP("text", "Same national number"),
    MatchedBy.TRAILING: QT_TRANSLATE_NOOP("text", "Last digits match"),
    MatchedBy.LIVE: QT_TRANSLATE_NOOP("text", "Found in SuperOffice"),
}
_RECENT_DAYS = 6


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` verbatim.

    Escaping alone is not enough: escaped text no longer looks like HTML, so Qt would show the
    entities themselves. Wrapping it in a paragraph makes Qt decode them back to the original.
    """
    if not text:
        return ""
    import html  # its entity tables (0.3 MB) wait for the first tooltip

    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def mnemonic_safe(text: str) -> str:
    """Text for a button, tab or menu entry, where a single "&" marks a shortcut key."""
    return text.replace("&", "&&")


def title_safe(text: str) -> str:
    """Text for a window title, where "[*]" is the "unsaved changes" placeholder."""
    return text.replace("[*]", "[*][*]")


def person_name(mrmrs: str, name: str) -> str:
    return one_line(f"{mrmrs} {name}") if name else ""


def caller_name(candidate: Candidate) -> str:
    """The person with their title, or the company for a company number."""
    if candidate.is_company:
        return one_line(candidate.contact_name)
    return person_name(candidate.mrmrs, candidate.person_name) or one_line(candidate.contact_name)


def matched_by_text(candidate: Candidate) -> str:
    known = _MATCHED_BY.get(candidate.matched_by)
    if known is None:
        return str(candidate.matched_by).capitalize()
    return QCoreApplication.translate("text", known)


def candidate_line(candidate: Candidate) -> str:
    """One row of a result list: "Name — Company · +47 22 33 44 55"."""
    number = format_e164(candidate.number) if candidate.number else ""
    company = one_line(candidate.contact_name)
    if candidate.is_company:
        head = company
    else:
        head = person_name(candidate.mrmrs, candidate.person_name)
        if company:
            head = f"{head} — {company}"
    return f"{head} · {number}" if number else head


def local_datetime(moment: datetime) -> datetime:
    """``moment`` in the user's time zone; a naive datetime is taken to be local already."""
    return moment.astimezone()


def to_qdatetime(moment: datetime) -> QDateTime:
    # Through the epoch, so Qt never has to interpret a Python tzinfo.
    return QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))


def moment_key(moment: datetime | None) -> float:
    """A number that orders datetimes of any zone; missing dates sort first."""
    return moment.timestamp() if moment is not None else float("-inf")


def exact_time(moment: datetime | None, locale: QLocale | None = None) -> str:
    if moment is None:
        return ""
    return (locale or QLocale()).toString(to_qdatetime(moment), QLocale.FormatType.LongFormat)


def short_date(moment: datetime, locale: QLocale | None = None) -> str:
    chosen = locale or QLocale()
    date = to_qdatetime(moment).date()
    if chosen.language() == QLocale.Language.C:
        # The C locale (no LANG, as on servers and in CI) formats dates as "28 08 2026".
        return date.toString("yyyy-MM-dd")
    return chosen.toString(date, QLocale.FormatType.ShortFormat)


def _ago_or_in(count: int, unit: str, future: bool) -> str:
    return plural(_RelativeTime().phrase(count, unit, future), count)


class _RelativeTime(QObject):
    """A translation context: Qt's lupdate takes plural forms only from ``tr`` in a QObject."""

    def phrase(self, count: int, unit: str, future: bool) -> str:
        # Whole phrases, not pieces: word order and plural forms differ between languages.
        if unit == "minute":
            if future:
                return self.tr("in %n minute(s)", "", count)
            return self.tr("%n minute(s) ago", "", count)
        if unit == "hour":
            if future:
                return self.tr("in %n hour(s)", "", count)
            return self.tr("%n hour(s) ago", "", count)
        if future:
            return self.tr("in %n day(s)", "", count)
        return self.tr("%n day(s) ago", "", count)


def relative_time(
    moment: datetime | None, now: datetime | None = None, locale: QLocale | None = None
) -> str:
    """How far ``moment`` is from now, the way people say it; older than a week: the date."""
    if moment is None:
        return ""
    now = now or datetime.now(UTC)
    delta = moment.timestamp() - now.timestamp()
    future = delta > 0
    seconds = abs(delta)
    if seconds < 60:
        return QCoreApplication.translate("text", "just now")
    if seconds < 3600:
        return _ago_or_in(int(seconds // 60), "minute", future)
    days = (local_datetime(moment).date() - local_datetime(now).date()).days
    if days == 0 or seconds < 6 * 3600:
        return _ago_or_in(int(seconds // 3600), "hour", future)
    # Yesterday and tomorrow are said with the time: "yesterday 14:05" is what people look for.
    if days == -1:
        return arg(QCoreApplication.translate("text", "yesterday %1"), short_time(moment, locale))
    if days == 1:
        return arg(QCoreApplication.translate("text", "tomorrow %1"), short_time(moment, locale))
    if abs(days) <= _RECENT_DAYS:
        return _ago_or_in(abs(days), "day", future)
    return short_date(moment, locale)


def short_time(moment: datetime, locale: QLocale | None = None) -> str:
    """The wall-clock time in the user's zone, as the locale writes it ("14:05", "2:05 PM")."""
    return (locale or QLocale()).toString(
        to_qdatetime(moment).time(), QLocale.FormatType.ShortFormat
    )


def when_text(moment: datetime, now: datetime | None = None, locale: QLocale | None = None) -> str:
    """A past moment for a list of calls: "14:05" today, "yesterday 14:05", then the date."""
    now = now or datetime.now(UTC)
    days = (local_datetime(moment).date() - local_datetime(now).date()).days
    if days == 0:
        return short_time(moment, locale)
    if days == -1:
        return arg(QCoreApplication.translate("text", "yesterday %1"), short_time(moment, locale))
    return f"{short_date(moment, locale)} {short_time(moment, locale)}"


def _number_locale(locale: QLocale | None) -> QLocale:
    chosen = QLocale(locale or QLocale())
    if chosen.language() == QLocale.Language.C:
        # The C locale (no LANG) leaves out group separators: 1068400.00 is hard to read.
        chosen.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return chosen


def money(amount: float, currency: str, locale: QLocale | None = None) -> str:
    """An amount in the locale's currency format, e.g. "NOK 12 500,00" or "£1,250.00"."""
    locale = _number_locale(locale)
    symbol = currency.strip()
    text = locale.toCurrencyString(float(amount), symbol)
    if len(symbol) > 1 and symbol.isalpha():
        # Locales glue their own symbol to the digits ("$1.00"); a currency code needs a gap.
        text = _separate(text, symbol)
    return text


def _separate(text: str, symbol: str) -> str:
    at = text.find(symbol)
    if at < 0:
        return text
    end = at + len(symbol)
    if end < len(text) and text[end].isdigit():
        text = f"{text[:end]}\u00a0{text[end:]}"
    if at > 0 and text[at - 1].isdigit():
        text = f"{text[:at]}\u00a0{text[at:]}"
    return text


def number(amount: float, locale: QLocale | None = None) -> str:
    return _number_locale(locale).toString(float(amount), "f", 2)


def percent(value: int, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return f"{locale.toString(value)}{locale.percent()}"
