from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

SUBJECT = "ขอเชิญร่วมงานวันท้องถิ่นไทย"


@tagged("post_install", "-at_install")
class TestPrintTour(HttpCase):
    """In Chromium: an officer opens a signed letter and prints its official form."""

    def test_print_signed_letter(self):
        officer = new_test_user(
            self.env, login="print_officer", groups="saraban_module.group_saraban_officer"
        )
        doc = self.env["saraban.document"].create(
            {
                "name": SUBJECT,
                "direction": "outgoing",
                "letter_type": "external",
                "state": "signed",
                "letter_number": "ชบ ๕๒๗๐๑/๙๙",
                "letter_date": "2026-11-22",
                "sender_id": self.env.company.partner_id.id,
            }
        )
        Report = type(self.env["ir.actions.report"])
        original = Report._render_qweb_pdf
        printed = []

        def spy(report_self, report_ref, res_ids=None, data=None):
            printed.append((self.env["ir.actions.report"]._get_report(report_ref).report_name, res_ids))
            return original(report_self, report_ref, res_ids=res_ids, data=data)

        with patch.object(Report, "_render_qweb_pdf", spy):
            self.start_tour(
                "/odoo/action-saraban_module.action_saraban_document_outgoing",
                "saraban_print_signed_letter",
                login=officer.login,
            )
        self.assertIn(("saraban_reports.report_letter_external", [doc.id]), printed)
