import datetime

from odoo.tests import HttpCase, new_test_user, tagged

SUBJECT = "ทดสอบวันที่พุทธศักราช"


@tagged("post_install", "-at_install")
class TestBuddhistEraDates(HttpCase):
    """A Thai user reads and types dates in the Buddhist Era; the server keeps CE."""

    def test_buddhist_era_in_the_web_client(self):
        self.env["res.lang"]._activate_lang("th_TH")
        user = new_test_user(
            self.env,
            login="be_officer",
            groups="saraban_module.group_saraban_officer",
            lang="th_TH",
            tz="Asia/Bangkok",
        )
        doc = self.env["saraban.document"].create(
            {"name": SUBJECT, "letter_date": "2026-11-22", "direction": "incoming"}
        )
        self.assertEqual(self.env["res.lang"]._lang_get("th_TH").date_format, "%d/%m/%Y")
        self.start_tour(
            "/odoo/action-saraban_module.action_saraban_document_all",
            "saraban_buddhist_era_dates",
            login=user.login,
        )
        doc.invalidate_recordset()
        self.assertEqual(doc.letter_date, datetime.date(2026, 12, 1))
