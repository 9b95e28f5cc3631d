"""Publication dates as written in metadata, to ISO 8601.

Sidecars, front matter and page metadata write dates every which way: ``2025-11-26T09:30:00Z``,
``26.11.2025``, ``26/11/2025``, ``November 26, 2025``, ``26 ноября 2025``, ``26 de noviembre de
2025``. Day-first is assumed for ``26/11/2025`` unless the first number cannot be a day's month
partner (``11/26/2025`` is read month-first because 26 is no month).
"""

from __future__ import annotations

import re
from datetime import date

# Month names and common abbreviations in the languages our outlets write in; keys are lower
# case without a trailing dot. Genitive forms (Russian, Ukrainian, Polish...) are listed too.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
        "janeiro", "januari", "styczeń", "stycznia", "января", "январь", "янв", "січня", "ocak",
        "ιανουαρίου", "ιανουάριος"),
    2: ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio",
        "fevereiro", "februari", "luty", "lutego", "февраля", "февраль", "фев", "лютого", "şubat",
        "φεβρουαρίου", "φεβρουάριος"),
    3: ("march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "marzec",
        "marca", "марта", "март", "березня", "mart", "μαρτίου", "μάρτιος"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia",
        "апреля", "апрель", "апр", "квітня", "nisan", "απριλίου", "απρίλιος"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "мая", "май",
        "травня", "mayıs", "μαΐου", "μάιος"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca",
        "июня", "июнь", "червня", "haziran", "ιουνίου", "ιούνιος"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec",
        "lipca", "июля", "июль", "липня", "temmuz", "ιουλίου", "ιούλιος"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpień", "sierpnia",
        "августа", "август", "авг", "серпня", "ağustos", "αυγούστου", "αύγουστος"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro",
        "wrzesień", "września", "сентября", "сентябрь", "сен", "вересня", "eylül",
        "σεπτεμβρίου", "σεπτέμβριος"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
         "out", "październik", "października", "октября", "октябрь", "окт", "жовтня", "ekim",
         "οκτωβρίου", "οκτώβριος"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada",
         "ноября", "ноябрь", "ноя", "листопада", "kasım", "νοεμβρίου", "νοέμβριος"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic",
         "dicembre", "dezembro", "grudzień", "grudnia", "декабря", "декабрь", "дек", "грудня",
         "aralık", "δεκεμβρίου", "δεκέμβριος"),
}
MONTHS: dict[str, int] = {name: n for n, names in _MONTH_NAMES.items() for name in names}

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_WORD = r"([^\W\d_]+)\.?"
_DAY_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?" + _WORD
                             + r",?\s+(?:de\s+)?(\d{4})")
_MONTH_DAY_YEAR = re.compile(_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """``text`` read as a date (or date and time), in ISO 8601; ``None`` when it is not one.

    Keeps the time and zone of an ISO timestamp (``2025-11-26T09:30:00+06:00``); every other
    form gives the date alone.
    """
    text = " ".join(text.split())
    if not text or len(text) > 200:
        return None
    m = _ISO.search(text)
    if m:
        d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d is not None:
            if m.group(4):
                zone = m.group(7) or ""
                if zone and zone != "Z" and ":" not in zone:
                    zone = zone[:3] + ":" + zone[3:]
                seconds = m.group(6) or "00"
                return f"{d.isoformat()}T{m.group(4)}:{m.group(5)}:{seconds}{zone}"
            return d.isoformat()
    lowered = text.lower()
    m2 = _DAY_MONTH_YEAR.search(lowered)
    if m2 and m2.group(2) in MONTHS:
        d = _valid(int(m2.group(3)), MONTHS[m2.group(2)], int(m2.group(1)))
        if d is not None:
            return d.isoformat()
    for m3 in _MONTH_DAY_YEAR.finditer(lowered):
        if m3.group(1) in MONTHS:
            d = _valid(int(m3.group(3)), MONTHS[m3.group(1)], int(m3.group(2)))
            if d is not None:
                return d.isoformat()
    m4 = _NUMERIC.search(text)
    if m4:
        a, b, y = int(m4.group(1)), int(m4.group(2)), int(m4.group(3))
        if len(m4.group(3)) == 2:
            y += 2000 if y < 70 else 1900
        # Day first (26.11.2025, 26/11/2025) unless that cannot be: 11/26/2025.
        d = _valid(y, b, a) or _valid(y, a, b)
        if d is not None:
            return d.isoformat()
    m5 = _COMPACT.fullmatch(text)
    if m5:
        d = _valid(int(m5.group(1)), int(m5.group(2)), int(m5.group(3)))
        if d is not None:
            return d.isoformat()
    return None


__all__ = ["MONTHS", "parse_date"]
