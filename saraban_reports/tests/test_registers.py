import io

import openpyxl

from odoo.tests import tagged

from .common import SarabanReportsCase, assert_in_order, html_text, normalise


@tagged("post_install", "-at_install")
class TestRegisters(SarabanReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.incoming = cls.env["saraban.document"]
        for n in range(3):
            cls.incoming |= cls.new_letter(
                name=f"ขอความร่วมมือสำรวจข้อมูลถนน ฉบับที่ {n + 1}",
                letter_number=f"ชบ 0318/{1200 + n}",
                letter_date=f"2026-11-{10 + n:02d}",
            )
        cls.entries = cls.incoming.with_user(cls.officer).action_register()
        cls.incoming[0].with_user(cls.officer).action_route(units=cls.unit_works, instruction="ดำเนินการ")
        cls.entries[2].with_user(cls.officer).action_cancel("ลงทะเบียนซ้ำ")

    def test_receipt_stamp(self):
        doc = self.incoming[0]
        report = self.env.ref("saraban_reports.action_report_receipt_stamp")
        valid = report.get_valid_action_reports("saraban.document", doc.ids)
        self.assertIn(report.id, valid)
        pdf, htmls = self.render(report, doc, "20_receipt_stamp")
        self.assert_a4(pdf)
        self.assert_thai_fonts_embedded(pdf)
        stamp = doc._saraban_stamp_values()
        parts = ["เทศบาลตำบลบ้านสวน", "เลขรับ", stamp["number"], "วันที่", stamp["date"], "เวลา", stamp["time"]]
        assert_in_order(self, html_text(htmls[0]), parts, "receipt stamp (HTML)")
        assert_in_order(self, normalise(self.pdf_text(pdf)), [normalise(p) for p in parts], "receipt stamp (PDF)")

    def test_printed_receive_register(self):
        report = self.env.ref("saraban_reports.action_report_register_book")
        entries = self.entries.sorted("number")
        pdf, htmls = self.render(report, entries, "21_receive_register")
        self.assert_a4(pdf, landscape=True)
        self.assert_thai_fonts_embedded(pdf)
        text = html_text(htmls[0])
        columns = ["เลขทะเบียนรับ", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ"]
        assert_in_order(self, text, ["ทะเบียนหนังสือรับ"] + columns, "register headings")
        first = entries[0]
        assert_in_order(
            self, text,
            [first.number_display, "ชบ ๐๓๑๘/๑๒๐๐", "ที่ว่าการอำเภอบ้านสวน", "ขอความร่วมมือสำรวจข้อมูลถนน ฉบับที่ 1",
             "ส่ง กองช่าง"],
            "register row",
        )
        self.assertIn("ยกเลิก: ลงทะเบียนซ้ำ", text)
        assert_in_order(self, normalise(self.pdf_text(pdf)),
                        [normalise(c) for c in ["ทะเบียนหนังสือรับ", "เลขทะเบียนรับ", "หมายเหตุ"]], "register PDF")

    def test_printed_send_register(self):
        send = self.company.saraban_central_register("send")
        doc = self.letter("external")
        entry = send._claim_entry(doc)
        report = self.env.ref("saraban_reports.action_report_register_book")
        pdf, htmls = self.render(report, entry, "22_send_register")
        self.assert_a4(pdf, landscape=True)
        assert_in_order(self, html_text(htmls[0]), ["ทะเบียนหนังสือส่ง", "เลขทะเบียนส่ง", "หมายเหตุ",
                                                    "ชบ ๕๒๗๐๑/๑๒๓", "เทศบาลตำบลบ้านสวน"], "send register")

    def test_register_xlsx(self):
        data = self.entries._saraban_register_xlsx()
        self.assertTrue(data.startswith(b"PK"))
        book = openpyxl.load_workbook(io.BytesIO(data))
        sheet = book.worksheets[0]
        self.assertIn("ทะเบียนหนังสือรับ", sheet.cell(1, 1).value)
        headings = [sheet.cell(3, col).value for col in range(1, 9)]
        self.assertEqual(
            headings, ["เลขทะเบียนรับ", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ"]
        )
        self.assertEqual(sheet.max_row, 3 + len(self.entries))
        subjects = {sheet.cell(row, 6).value for row in range(4, 4 + len(self.entries))}
        self.assertEqual(subjects, set(self.incoming.mapped("name")))
        action = self.entries.action_export_register_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn("/saraban_reports/register.xlsx?ids=", action["url"])
