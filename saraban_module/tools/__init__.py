from .thai import (  # noqa: F401
    SARABAN_TZ,
    bangkok_year,
    format_thai_date,
    format_thai_datetime,
    format_thai_time,
    thai_digits,
    to_bangkok,
)
