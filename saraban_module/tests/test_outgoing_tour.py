import base64

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from ..tools import bangkok_year

# Shared with saraban_module/static/tests/tours/saraban_outgoing_tour.js.
TEMPLATE = "แบบหนังสือขอข้อมูลถนน (ทดสอบ)"
SUBJECT = "ขอความอนุเคราะห์ข้อมูลถนนสาธารณะในเขตเทศบาล"
RECIPIENT = "นายอำเภอบ้านสวน"
PASSWORD = "Tour-sign-2569"


@tagged("post_install", "-at_install")
class TestOutgoingTour(HttpCase):
    """In Chromium: a clerk drafts a letter from a template and submits it, the head
    of the division approves it, the mayor signs it with their password and sees
    its number."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        company = cls.env.company
        if not company.saraban_agency_code:
            company.saraban_agency_code = "ชบ 52701"
        cls.unit = cls.env["saraban.unit"].create({"name": "กองทดสอบหนังสือส่ง"})

        def person(login, groups, name, position, units=None):
            return new_test_user(
                cls.env, login=login, groups=groups, name=name, password=PASSWORD, lang="en_US",
                tz="Asia/Bangkok", saraban_position=position,
                saraban_unit_ids=[Command.set(units.ids)] if units else False,
            )

        cls.drafter = person("tour_drafter", "saraban_module.group_saraban_clerk",
                             "Tour Drafter", "นักวิชาการ", cls.unit)
        cls.approver = person("tour_head", "saraban_module.group_saraban_clerk",
                              "Tour Head of Division", "ผู้อำนวยการกอง", cls.unit)
        cls.signer = person("tour_mayor", "saraban_module.group_saraban_executive",
                            "Tour Mayor", "นายกเทศมนตรี")
        cls.env["saraban.approval.chain"].create(
            {
                "name": "Tour chain",
                "unit_id": cls.unit.id,
                "step_ids": [
                    Command.create({"role_label": "ผู้อำนวยการกอง", "user_id": cls.approver.id}),
                    Command.create({"role_label": "นายกเทศมนตรี", "user_id": cls.signer.id}),
                ],
            }
        )
        cls.env["saraban.letter.template"].create(
            {
                "name": TEMPLATE,
                "letter_type": "external",
                "subject": SUBJECT,
                "salutation": "เรียน นายอำเภอบ้านสวน",
                "body": "<p>ด้วยเทศบาลมีความประสงค์ขอข้อมูลถนนสาธารณะ</p>",
                "closing": "ขอแสดงความนับถือ",
            }
        )
        cls.send_register = company.saraban_central_register("send")

    def _letter(self):
        self.env.invalidate_all()
        letter = self.env["saraban.document"].search([("name", "=", SUBJECT)])
        self.assertEqual(len(letter), 1)
        return letter

    def test_draft_approve_sign(self):
        year = bangkok_year(fields.Datetime.now())
        expected = self.send_register._next_number_start(year)
        self.start_tour(
            "/odoo/action-saraban_module.action_saraban_document_outgoing",
            "saraban_outgoing_tour",
            login="tour_drafter",
        )
        letter = self._letter()
        self.assertEqual(letter.state, "approval")
        self.assertEqual(letter.create_uid, self.drafter)
        self.assertEqual(letter.owner_unit_id, self.unit)
        self.assertEqual(letter.recipient_name, RECIPIENT)
        self.assertEqual(letter.closing, "ขอแสดงความนับถือ")
        self.assertIn("ข้อมูลถนนสาธารณะ", letter.body)
        self.assertFalse(letter.letter_number)

        self.start_tour(
            "/odoo/action-saraban_module.action_saraban_document_awaiting_approval",
            "saraban_outgoing_approve_tour",
            login="tour_head",
        )
        letter = self._letter()
        self.assertEqual(letter.current_step_id.approver_id, self.signer)
        self.assertFalse(letter.letter_number)

        self.start_tour(
            "/odoo/action-saraban_module.action_saraban_document_awaiting_approval",
            "saraban_outgoing_sign_tour",
            login="tour_mayor",
        )
        letter = self._letter()
        self.assertEqual(letter.state, "signed")
        self.assertEqual(letter.signer_id, self.signer)
        entry = letter.send_entry_id
        self.assertEqual(entry.register_id, self.send_register)
        self.assertEqual(entry.number, expected)
        self.assertEqual(letter.letter_number, letter._number_values(self.send_register, expected,
                                                                     letter.signed_at)["letter_number"])
        self.assertTrue(base64.b64decode(letter.signed_pdf).startswith(b"%PDF-"))
        self.assertEqual(entry.version_id, letter.current_version_id)
        self.assertFalse(
            self.env["saraban.sign.wizard"].search([("password", "!=", False)]),
            "no typed password is kept",
        )
        self.assertEqual(
            letter.action_ids.sorted("id").mapped("action"),
            ["created", "submitted", "approved", "signed", "numbered"],
        )
