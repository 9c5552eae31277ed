import io

import openpyxl

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRegisterDownload(HttpCase):
    """The spreadsheet register is downloaded through its route, with the user's rights."""

    def test_register_xlsx_route(self):
        officer = new_test_user(self.env, login="t_rep_officer", groups="saraban_module.group_saraban_officer")
        new_test_user(self.env, login="t_rep_outsider", groups="base.group_user")
        agency = self.env["res.partner"].create({"name": "ที่ว่าการอำเภอบ้านสวน", "is_company": True})
        doc = self.env["saraban.document"].create(
            {"name": "ขอความร่วมมือสำรวจข้อมูลถนน", "direction": "incoming", "sender_id": agency.id,
             "letter_number": "ชบ 0318/1234"}
        )
        entries = doc.with_user(officer).action_register()
        url = entries.action_export_register_xlsx()["url"]

        self.authenticate("t_rep_officer", "t_rep_officer")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
        self.assertEqual(sheet.cell(3, 1).value, "เลขทะเบียนรับ")
        self.assertEqual(sheet.cell(4, 6).value, "ขอความร่วมมือสำรวจข้อมูลถนน")

        self.authenticate("t_rep_outsider", "t_rep_outsider")
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
