import logging
from unittest.mock import patch

from odoo.tests import tagged

from .common import FORMS_DIR, SarabanReportsCase, assert_in_order, html_text, normalise

_logger = logging.getLogger(__name__)

SIGNER = {
    "signer_name": "นายสมชาย ใจดี",
    "signer_position": "นายกเทศมนตรีตำบลบ้านสวน",
}
LONG_BODY = "".join(
    f"<p>ข้อ {n} ให้ผู้อำนวยการกองช่างสำรวจถนน ท่อระบายน้ำ และไฟฟ้าสาธารณะในเขตเทศบาล "
    "แล้วรายงานผลต่อนายกเทศมนตรีภายในสามสิบวันนับแต่วันที่ได้รับคำสั่งนี้</p>"
    for n in range(1, 41)
)


@tagged("post_install", "-at_install")
class TestLetterForms(SarabanReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _logger.info("PNG renders of the forms are written to %s", FORMS_DIR)

    def check_form(self, doc, name, html_parts, pdf_parts=None):
        """Render ``doc``'s form; check PDF, A4, fonts, parts in order in HTML and PDF text."""
        report = doc._saraban_form_report()
        pdf, htmls = self.render(report, doc, name)
        self.assert_a4(pdf)
        self.assert_thai_fonts_embedded(pdf)
        self.assertEqual(len(htmls), 1)
        assert_in_order(self, html_text(htmls[0]), html_parts, f"{name} (HTML)")
        text = normalise(self.pdf_text(pdf))
        assert_in_order(self, text, [normalise(p) for p in (pdf_parts or html_parts)], f"{name} (PDF text)")
        return pdf, htmls[0]

    def test_external(self):
        doc = self.letter(
            "external",
            reference_text="หนังสืออำเภอบ้านสวน ที่ ชบ 0318/1234 ลงวันที่ 1 พฤศจิกายน 2569",
            enclosure_text="แบบสำรวจข้อมูลถนน จำนวน 1 ชุด\nแผนที่เขตเทศบาล จำนวน 1 แผ่น",
            optional=dict(SIGNER, owner_phone="0 3827 4001", owner_fax="0 3827 4002",
                          owner_email="works@bansuan.go.th", copy_to="ผู้อำนวยการกองช่าง"),
        )
        parts = [
            "ที่ ชบ ๕๒๗๐๑/๑๒๓",
            "เทศบาลตำบลบ้านสวน",
            "๒๒ พฤศจิกายน ๒๕๖๙",
            "เรื่อง",
            "ขอความร่วมมือสำรวจข้อมูลถนนในเขตเทศบาล",
            "เรียน",
            "นายอำเภอบ้านสวน",
            "อ้างถึง",
            "สิ่งที่ส่งมาด้วย",
            "๑. แบบสำรวจข้อมูลถนน",
            "ด้วยเทศบาลตำบลบ้านสวน",
            "ขอแสดงความนับถือ",
        ]
        if "signer_name" in doc._fields:
            parts += ["(นายสมชาย ใจดี)", "นายกเทศมนตรีตำบลบ้านสวน"]
        parts += ["กองช่าง", "โทร."]
        if "copy_to" in doc._fields:
            parts += ["สำเนาส่ง", "ผู้อำนวยการกองช่าง"]
        pdf, html = self.check_form(doc, "01_external", parts)
        self.assertIn("s-garuda-lg", html)
        self.assertEqual(len(self.pages(pdf)), 1)

    def test_internal_memo(self):
        doc = self.letter("internal", letter_number="ชบ 52701.04/45", salutation="เรียน นายกเทศมนตรี",
                          optional=dict(SIGNER, signer_position="ผู้อำนวยการกองช่าง"))
        parts = ["บันทึกข้อความ", "ส่วนราชการ", "กองช่าง", "ที่", "ชบ ๕๒๗๐๑.๐๔/๔๕", "วันที่",
                 "๒๒ พฤศจิกายน ๒๕๖๙", "เรื่อง", "ขอความร่วมมือสำรวจ", "เรียน", "นายกเทศมนตรี",
                 "ด้วยเทศบาลตำบลบ้านสวน"]
        if "signer_name" in doc._fields:
            parts += ["(นายสมชาย ใจดี)", "ผู้อำนวยการกองช่าง"]
        pdf, html = self.check_form(doc, "02_internal_memo", parts)
        self.assertIn("s-garuda-sm", html)
        self.assertNotIn("s-garuda-lg", html)

    def test_stamped(self):
        doc = self.letter("stamped", recipient_name="ที่ว่าการอำเภอบ้านสวน",
                          name="ส่งสำเนาคำสั่งแต่งตั้งคณะกรรมการ")
        parts = ["ที่ ชบ ๕๒๗๐๑/๑๒๓", "ถึง", "ที่ว่าการอำเภอบ้านสวน", "ด้วยเทศบาลตำบลบ้านสวน",
                 "เทศบาลตำบลบ้านสวน", "๒๒ พฤศจิกายน ๒๕๖๙", "กองช่าง", "โทร."]
        pdf, html = self.check_form(doc, "03_stamped", parts)
        self.assertIn("s-agency-stamp", html)

    def test_directive_order(self):
        doc = self.letter("directive", "order", letter_number="15", name="แต่งตั้งคณะกรรมการสำรวจถนน",
                          salutation=False, optional=SIGNER)
        parts = ["คำสั่งเทศบาลตำบลบ้านสวน", "ที่ ๑๕/๒๕๖๙", "เรื่อง แต่งตั้งคณะกรรมการสำรวจถนน",
                 "ด้วยเทศบาลตำบลบ้านสวน", "สั่ง ณ วันที่ ๒๒ พฤศจิกายน ๒๕๖๙"]
        if "signer_name" in doc._fields:
            parts += ["(นายสมชาย ใจดี)", "นายกเทศมนตรีตำบลบ้านสวน"]
        self.check_form(doc, "04_directive_order", parts)

    def test_directive_regulation(self):
        doc = self.letter("directive", "regulation", name="ว่าด้วยการใช้ถนนสาธารณะ", salutation=False,
                          optional=dict(SIGNER, issue_no="2"))
        parts = ["ระเบียบเทศบาลตำบลบ้านสวน", "ว่าด้วยการใช้ถนนสาธารณะ"]
        if "issue_no" in doc._fields:
            parts.append("(ฉบับที่ ๒)")
        parts += ["พ.ศ. ๒๕๖๙", "ด้วยเทศบาลตำบลบ้านสวน", "ประกาศ ณ วันที่ ๒๒ พฤศจิกายน ๒๕๖๙"]
        self.check_form(doc, "05_directive_regulation", parts)

    def test_directive_bylaw(self):
        doc = self.letter("directive", "bylaw", name="การประชุมสภาเทศบาล", salutation=False)
        parts = ["ข้อบังคับเทศบาลตำบลบ้านสวน", "ว่าด้วยการประชุมสภาเทศบาล", "พ.ศ. ๒๕๖๙",
                 "ประกาศ ณ วันที่ ๒๒ พฤศจิกายน ๒๕๖๙"]
        self.check_form(doc, "06_directive_bylaw", parts)

    def test_public_announcement(self):
        doc = self.letter("public", "announcement", name="รับสมัครพนักงานจ้าง", salutation=False,
                          optional=SIGNER)
        parts = ["ประกาศเทศบาลตำบลบ้านสวน", "เรื่อง รับสมัครพนักงานจ้าง", "ด้วยเทศบาลตำบลบ้านสวน",
                 "ประกาศ ณ วันที่ ๒๒ พฤศจิกายน ๒๕๖๙"]
        if "signer_name" in doc._fields:
            parts += ["(นายสมชาย ใจดี)"]
        self.check_form(doc, "07_public_announcement", parts)

    def test_public_statement(self):
        doc = self.letter("public", "statement", name="สถานการณ์น้ำท่วม", salutation=False,
                          optional={"issue_no": "3"})
        parts = ["แถลงการณ์เทศบาลตำบลบ้านสวน", "เรื่อง สถานการณ์น้ำท่วม"]
        if "issue_no" in doc._fields:
            parts.append("ฉบับที่ ๓")
        parts += ["ด้วยเทศบาลตำบลบ้านสวน", "เทศบาลตำบลบ้านสวน", "๒๒ พฤศจิกายน ๒๕๖๙"]
        self.check_form(doc, "08_public_statement", parts)

    def test_public_news(self):
        doc = self.letter("public", "news", name="กิจกรรมวันเด็ก", salutation=False)
        parts = ["ข่าวเทศบาลตำบลบ้านสวน", "เรื่อง กิจกรรมวันเด็ก", "ด้วยเทศบาลตำบลบ้านสวน",
                 "๒๒ พฤศจิกายน ๒๕๖๙"]
        self.check_form(doc, "09_public_news", parts)

    def test_evidence_certificate(self):
        doc = self.letter("evidence", "certificate", name="รับรองการทำงาน", salutation=False,
                          optional=SIGNER)
        parts = ["ที่ ชบ ๕๒๗๐๑/๑๒๓", "เทศบาลตำบลบ้านสวน", "หนังสือรับรอง", "ด้วยเทศบาลตำบลบ้านสวน",
                 "ให้ไว้ ณ วันที่ ๒๒ พฤศจิกายน ๒๕๖๙"]
        if "signer_name" in doc._fields:
            parts += ["(นายสมชาย ใจดี)"]
        self.check_form(doc, "10_evidence_certificate", parts)

    def test_evidence_minutes(self):
        doc = self.letter(
            "evidence", "minutes", name="คณะกรรมการสำรวจถนน", salutation=False,
            optional={
                "meeting_no": "1/2569",
                "meeting_place": "ห้องประชุมเทศบาลตำบลบ้านสวน",
                "meeting_attendees": "นายสมชาย ใจดี ประธานกรรมการ\nนางสาวสมศรี ดีงาม กรรมการ",
                "meeting_absentees": "นายสมศักดิ์ มั่นคง (ลาป่วย)",
                "meeting_recorder": "นางสาวสมศรี ดีงาม",
                "minutes_taker": "นางสาวสมศรี ดีงาม",
                "meeting_date": "2026-11-20",
                "meeting_start": 9.5,
                "meeting_end": 12.0,
            },
        )
        parts = ["รายงานการประชุมคณะกรรมการสำรวจถนน"]
        if "meeting_no" in doc._fields:
            parts.append("ครั้งที่ ๑/๒๕๖๙")
        parts += ["เมื่อ"]
        if "meeting_place" in doc._fields:
            parts.append("ณ ห้องประชุมเทศบาลตำบลบ้านสวน")
        parts += ["ผู้มาประชุม"]
        if "meeting_attendees" in doc._fields:
            parts.append("นายสมชาย ใจดี")
        parts += ["เริ่มประชุมเวลา"]
        if "meeting_start" in doc._fields:
            parts.append("๐๙.๓๐ น.")
        parts += ["ด้วยเทศบาลตำบลบ้านสวน", "เลิกประชุมเวลา"]
        if "meeting_end" in doc._fields:
            parts.append("๑๒.๐๐ น.")
        if "minutes_taker" in doc._fields:
            parts.append("(นางสาวสมศรี ดีงาม)")
        parts += ["ผู้จดรายงานการประชุม"]
        self.check_form(doc, "11_evidence_minutes", parts)

    def test_evidence_note(self):
        doc = self.letter("evidence", "note", name="บันทึกการตรวจสถานที่", salutation="เรียน ปลัดเทศบาล")
        parts = ["บันทึก", "เรียน", "ปลัดเทศบาล", "ด้วยเทศบาลตำบลบ้านสวน", "๒๒ พฤศจิกายน ๒๕๖๙"]
        self.check_form(doc, "12_evidence_note", parts)

    def test_secrecy_and_page_numbers(self):
        """ลับมาก at top and bottom of every page; "- ๒ -" only from page 2; ด่วนที่สุด in red on page 1."""
        doc = self.letter("directive", "order", letter_number="16", body=LONG_BODY, salutation=False,
                          secrecy="secret", urgency="most_urgent", name="สำรวจถนนในเขตเทศบาล")
        pdf, htmls = self.render(doc._saraban_form_report(), doc, "13_secret_urgent_two_pages")
        pages = self.pages(pdf)
        self.assertGreaterEqual(len(pages), 2)
        html = htmls[0]
        self.assertIn('class="s-secrecy">ลับมาก<', html)
        self.assertIn('class="s-page-thai"', html)
        self.assertIn("ด่วนที่สุด", html)
        for number in range(1, len(pages) + 1):
            text = self.pdf_text(pdf, number)
            lines = [normalise(line) for line in text.splitlines() if line.strip()]
            self.assertEqual(lines[0], normalise("ลับมาก"), f"no secrecy mark at the top of page {number}")
            self.assertEqual(lines[-1], normalise("ลับมาก"), f"no secrecy mark at the bottom of page {number}")
            mark = normalise(f"- {'๐๑๒๓๔๕๖๗๘๙'[number]} -")
            if number == 1:
                self.assertNotIn(normalise("- ๑ -"), normalise(text))
                self.assertIn(normalise("ด่วนที่สุด"), normalise(text))
            else:
                self.assertEqual(lines[1], mark, f"page number missing on page {number}")

    def test_arabic_digits_setting(self):
        self.company.saraban_thai_digits = False
        doc = self.letter("external")
        pdf, htmls = self.render(doc._saraban_form_report(), doc)
        text = html_text(htmls[0])
        self.assertIn("ที่ ชบ 52701/123", text)
        self.assertIn("22 พฤศจิกายน 2569", text)

    def test_print_menu(self):
        """The forms are bound to letters, filtered by type, and print through the Print path."""
        doc = self.letter("external")
        memo = self.letter("internal")
        model = self.env["ir.model"]._get("saraban.document")
        reports = self.Report.search([("binding_model_id", "=", model.id), ("binding_type", "=", "report")])
        external = self.env.ref("saraban_reports.action_report_letter_external")
        internal = self.env.ref("saraban_reports.action_report_letter_internal")
        self.assertIn(external, reports)
        self.assertEqual(external.report_type, "qweb-pdf")
        valid = reports.get_valid_action_reports("saraban.document", doc.ids)
        self.assertIn(external.id, valid)
        self.assertNotIn(internal.id, valid)
        self.assertIn(internal.id, reports.get_valid_action_reports("saraban.document", memo.ids))
        # Without force_report_rendering, test mode keeps Odoo's HTML fallback.
        _content, report_type = self.Report._render_qweb_pdf(external, doc.ids)
        self.assertEqual(report_type, "html")
        # Several letters: one document each (page numbers restart), merged.
        doc2 = self.letter("external", name="เรื่องที่สอง")
        pdf, htmls = self.render(external, doc | doc2)
        self.assertEqual(len(htmls), 2)
        self.assertEqual(len(self.pages(pdf)), 2)
        action = doc.action_print_official_form()
        self.assertEqual(action["report_name"], "saraban_reports.report_letter_external")

    def test_render_official_pdf(self):
        doc = self.letter("internal")
        pdf = doc._render_official_pdf()
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertIn("pdfaid:part", self.run_tool(["pdfinfo", "-meta"], pdf), "not a PDF/A document")
        self.assert_thai_fonts_embedded(pdf)

    def test_no_network_fetch(self):
        """An image in the letter text pointing elsewhere is not fetched by the engine."""
        doc = self.letter("internal", body='<p>ทดสอบ</p><p><img src="http://198.51.100.1/x.png"></p>')
        with patch("weasyprint.urls.urlopen", side_effect=AssertionError("network fetch")) as urlopen:
            pdf = doc._render_official_pdf()
        urlopen.assert_not_called()
        self.assertTrue(pdf.startswith(b"%PDF"))
