"""Thai formatting shared by every e-Saraban addon.

Dates are stored in UTC and in the Common Era; they are shown in
Asia/Bangkok and in the Buddhist Era (CE + 543), with Thai month names and,
on printed letters, Thai digits (regulation R19).
"""

import datetime

import pytz

SARABAN_TZ = "Asia/Bangkok"
BE_OFFSET = 543

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits(value, enabled=True):
    """Return ``value`` as text with Arabic digits replaced by Thai digits."""
    if value is None or value is False:
        return ""
    text = str(value)
    return text.translate(_THAI_DIGITS) if enabled else text


def to_bangkok(value):
    """A naive UTC datetime (as Odoo stores it) converted to Asia/Bangkok."""
    if not value:
        return value
    if value.tzinfo is None:
        value = pytz.utc.localize(value)
    return value.astimezone(pytz.timezone(SARABAN_TZ))


def bangkok_year(value):
    """The calendar year (CE) of a UTC datetime, as seen in Asia/Bangkok."""
    return to_bangkok(value).year


def format_thai_date(value, digits=True, short=False):
    """``22 พฤศจิกายน 2569`` for a date (or the Bangkok date of a UTC datetime).

    The date line of a letter carries no "พ.ศ." (R19).
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = to_bangkok(value).date()
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    text = f"{value.day} {months[value.month - 1]} {value.year + BE_OFFSET}"
    return thai_digits(text, digits)


def format_thai_time(value, digits=True):
    """``10.30 น.`` for the Bangkok time of a UTC datetime."""
    if not value:
        return ""
    local = to_bangkok(value)
    return thai_digits(f"{local:%H.%M} น.", digits)


def format_thai_datetime(value, digits=True, short=False):
    """``22 พฤศจิกายน 2569 เวลา 10.30 น.`` for a UTC datetime."""
    if not value:
        return ""
    return f"{format_thai_date(value, digits, short)} เวลา {format_thai_time(value, digits)}"
