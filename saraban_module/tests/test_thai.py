import datetime

from odoo.tests import TransactionCase, tagged

from ..tools import (
    bangkok_year,
    format_thai_date,
    format_thai_datetime,
    format_thai_time,
    thai_digits,
)


@tagged("post_install", "-at_install")
class TestThaiFormat(TransactionCase):
    def test_thai_digits(self):
        self.assertEqual(thai_digits("มท 0808.2/123"), "มท ๐๘๐๘.๒/๑๒๓")
        self.assertEqual(thai_digits(2569), "๒๕๖๙")
        self.assertEqual(thai_digits("12", enabled=False), "12")
        self.assertEqual(thai_digits(False), "")

    def test_date_line_buddhist_era(self):
        self.assertEqual(format_thai_date(datetime.date(2026, 11, 22)), "๒๒ พฤศจิกายน ๒๕๖๙")
        self.assertEqual(
            format_thai_date(datetime.date(2026, 11, 22), digits=False), "22 พฤศจิกายน 2569"
        )
        self.assertEqual(format_thai_date(datetime.date(2024, 2, 29), short=True), "๒๙ ก.พ. ๒๕๖๗")

    def test_utc_shown_in_bangkok(self):
        # 31 Dec 2025 17:30 UTC is 1 Jan 2026 00:30 in Bangkok (UTC+7).
        moment = datetime.datetime(2025, 12, 31, 17, 30)
        self.assertEqual(bangkok_year(moment), 2026)
        self.assertEqual(format_thai_date(moment, digits=False), "1 มกราคม 2569")
        self.assertEqual(format_thai_time(moment, digits=False), "00.30 น.")
        self.assertEqual(
            format_thai_datetime(moment), "๑ มกราคม ๒๕๖๙ เวลา ๐๐.๓๐ น."
        )
        self.assertEqual(bangkok_year(datetime.datetime(2025, 12, 31, 16, 59, 59)), 2025)
