"""The signing workflow of saraban_module keeps the official form as the signed copy."""

import base64
from unittest.mock import patch

import qrcode
import qrcode.image.svg

from odoo.tests import tagged

from odoo.addons.saraban_module.tests import test_outgoing_common

from .common import SarabanReportsCase, assert_in_order, html_text


@tagged("post_install", "-at_install")
class TestSignedCopy(test_outgoing_common.OutgoingCase, SarabanReportsCase):
    def test_signed_copy_is_the_official_form(self):
        doc = self.draft(copy_to="ผู้อำนวยการกองช่าง")
        self.approve_until_signature(doc)
        Report = type(self.env["ir.actions.report"])
        captured = []
        original = Report._saraban_html_to_pdf

        def spy(report_self, html):
            captured.append(html)
            return original(report_self, html)

        with patch.object(Report, "_saraban_html_to_pdf", spy):
            self.sign(doc)
        self.assertEqual(doc.state, "signed")
        pdf = base64.b64decode(doc.signed_pdf)
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertIn("pdfaid:part", self.run_tool(["pdfinfo", "-meta"], pdf))
        self.assert_a4(pdf)
        self.assert_thai_fonts_embedded(pdf)
        self.assertTrue(captured, "the signed copy was not rendered from the official form")
        assert_in_order(
            self,
            html_text(captured[-1]),
            ["ที่", doc.letter_number, doc.letter_date_display, "เรื่อง", doc.name, "เรียน",
             "ขอแสดงความนับถือ", f"({doc.signer_name})", doc.signer_position, "กองช่าง", "สำเนาส่ง"],
            "signed copy",
        )
        # The QR code on the first page leads to the public verification page.
        self.assertTrue(doc.verification_url)
        qr = doc._saraban_verification_qr()
        self.assertIn(qr, captured[-1])
        svg = base64.b64decode(qr.split(",", 1)[1])
        self.assertEqual(
            svg,
            qrcode.make(
                doc.verification_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=1
            ).to_string(),
        )
        self.assertIn("ตรวจสอบหนังสือ", html_text(captured[-1]))
        self.save_png(pdf, "30_signed_external")
