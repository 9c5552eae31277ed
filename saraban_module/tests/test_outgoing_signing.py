import base64
import datetime
import hashlib
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_outgoing_common import PASSWORD, OutgoingCase


@tagged("post_install", "-at_install")
class TestOutgoingSigning(OutgoingCase):
    def entries(self, register_type):
        return self.env["saraban.register.entry"].search(
            [("register_type", "=", register_type), ("unit_id", "=", False)]
        )

    def test_wrong_password_refused_nothing_numbered(self):
        sent_before = self.entries("send")
        doc = self.draft()
        self.approve_until_signature(doc)
        for password in ("wrong-password", "", None):
            with self.assertRaisesRegex(UserError, "password|รหัสผ่าน"):
                doc.with_user(self.mayor).action_sign(password)
        # Another person's password does not sign for the mayor.
        with self.assertRaisesRegex(UserError, "password|รหัสผ่าน"):
            doc.with_user(self.mayor).action_sign("t_clerk_works")
        self.assertEqual(doc.state, "approval")
        self.assertFalse(doc.letter_number)
        self.assertFalse(doc.signed_pdf)
        self.assertEqual(self.entries("send"), sent_before)
        # The wizard shows the refusal, keeps no password and signs nothing.
        wizard = self.env["saraban.sign.wizard"].with_user(self.mayor).create(
            {"document_id": doc.id, "password": "wrong-password"}
        )
        result = wizard.action_sign()
        self.assertEqual(result["tag"], "display_notification")
        self.assertRegex(result["params"]["message"], "password|รหัสผ่าน")
        self.assertFalse(wizard.password)
        self.assertEqual(doc.state, "approval")
        self.assertEqual(self.entries("send"), sent_before)
        wizard.password = PASSWORD
        wizard.action_sign()
        self.assertFalse(wizard.password)
        self.assertEqual(doc.state, "signed")

    def test_signing_numbers_and_keeps_a_copy(self):
        doc = self.draft()
        self.approve_until_signature(doc)
        with freeze_time("2026-11-22 03:15:00"):
            self.sign(doc)
        self.assertEqual(doc.state, "signed")
        self.assertEqual(doc.letter_number, "ชบ ๕๒๗๐๑/๑")
        self.assertEqual(doc.letter_date, datetime.date(2026, 11, 22))
        self.assertEqual(doc.letter_date_display, "๒๒ พฤศจิกายน ๒๕๖๙")
        self.assertEqual(str(doc.signed_at), "2026-11-22 03:15:00")
        self.assertEqual(doc.signer_id, self.mayor)
        self.assertEqual(doc.signer_name, "นายนายก สุขใจ")
        self.assertEqual(doc.signer_position, "นายกเทศมนตรีตำบลบ้านสวน")
        self.assertFalse(doc.signer_acting_text)
        entry = doc.send_entry_id
        self.assertEqual(entry.register_id, self.send_register)
        self.assertEqual((entry.number, entry.year), (1, 2026))
        self.assertEqual(doc.sudo().register_entry_ids, entry)
        self.assertEqual(entry.document_letter_number, "ชบ ๕๒๗๐๑/๑")
        pdf = base64.b64decode(doc.signed_pdf)
        self.assertTrue(pdf.startswith(b"%PDF-"))
        self.assertEqual(doc.signed_pdf_sha256, hashlib.sha256(pdf).hexdigest())
        # The signed copy is the letter's file, the one sent.
        self.assertEqual(base64.b64decode(doc.main_file), pdf)
        self.assertEqual(doc.main_filename, "ชบ_๕๒๗๐๑-๑.pdf")
        version = doc.current_version_id
        self.assertEqual(version.version_no, 1)
        self.assertEqual(version.sha256, doc.signed_pdf_sha256)
        self.assertEqual(version.signed_by_id, self.mayor)
        self.assertEqual(version.letter_number, "ชบ ๕๒๗๐๑/๑")
        self.assertEqual(entry.version_id, version)
        self.assertTrue(version._check_pdf(pdf))
        self.assertTrue(doc.verification_url.endswith(f"/saraban/verify/{doc.verification_token}"))
        self.assertEqual(
            doc.action_ids.sorted("id").mapped("action")[-2:], ["signed", "numbered"]
        )
        numbered = doc.action_ids.filtered(lambda a: a.action == "numbered")
        self.assertEqual(numbered.entry_id, entry)
        self.assertEqual(numbered.comment, "ชบ ๕๒๗๐๑/๑")
        self.assertFalse(doc.activity_ids)
        # Signed twice? No.
        with self.assertRaises(UserError):
            self.sign(doc, user=self.mayor)

    def test_consecutive_signings_gapless_across_the_year(self):
        docs = [self.draft(name=f"หนังสือ {i}") for i in range(5)]
        for doc in docs:
            self.approve_until_signature(doc)
        with freeze_time("2025-12-31 16:59:58"):
            self.sign(docs[0])
        with freeze_time("2025-12-31 16:59:59"):
            self.sign(docs[1])
        with freeze_time("2025-12-31 17:00:00"):
            self.sign(docs[2])
        with freeze_time("2026-01-02 02:00:00"):
            self.sign(docs[3])
            self.sign(docs[4])
        got = [(d.send_entry_id.year, d.send_entry_id.number, d.letter_number, d.letter_date) for d in docs]
        self.assertEqual(
            got,
            [
                (2025, 1, "ชบ ๕๒๗๐๑/๑", datetime.date(2025, 12, 31)),
                (2025, 2, "ชบ ๕๒๗๐๑/๒", datetime.date(2025, 12, 31)),
                (2026, 1, "ชบ ๕๒๗๐๑/๑", datetime.date(2026, 1, 1)),
                (2026, 2, "ชบ ๕๒๗๐๑/๒", datetime.date(2026, 1, 2)),
                (2026, 3, "ชบ ๕๒๗๐๑/๓", datetime.date(2026, 1, 2)),
            ],
        )
        self.assertEqual(docs[2].letter_date_display, "๑ มกราคม ๒๕๖๙")

    def test_number_formats_and_registers(self):
        mayor = {"signer_id": self.mayor.id, "owner_unit_id": self.unit_finance.id}
        with freeze_time("2026-03-01 03:00:00"):
            letter = self.draft_and_sign(**mayor)
            circular = self.draft_and_sign(is_circular=True, **mayor)
            circular2 = self.draft_and_sign(letter_type="internal", is_circular=True, **mayor)
            order = self.draft_and_sign(letter_type="directive", letter_subtype="order", **mayor)
            regulation = self.draft_and_sign(
                letter_type="directive", letter_subtype="regulation",
                name="ระเบียบเทศบาลตำบลบ้านสวน ว่าด้วยการใช้อาคารอเนกประสงค์", **mayor
            )
            bylaw = self.draft_and_sign(letter_type="directive", letter_subtype="bylaw", **mayor)
            statement = self.draft_and_sign(
                letter_type="public", letter_subtype="statement", issue_no=3, **mayor
            )
        self.assertEqual(letter.letter_number, "ชบ ๕๒๗๐๑/๑")
        self.assertEqual(circular.letter_number, "ชบ ๕๒๗๐๑/ว ๑")
        self.assertEqual(circular2.letter_number, "ชบ ๕๒๗๐๑/ว ๒")
        self.assertEqual(order.letter_number, "๑/๒๕๖๙")
        self.assertEqual(regulation.letter_number, "(ฉบับที่ ๑) พ.ศ. ๒๕๖๙")
        self.assertEqual(regulation.issue_no, 1)
        self.assertEqual(bylaw.issue_no, 1)
        self.assertEqual(statement.issue_no, 3, "a statement keeps the issue number typed on it")
        self.assertEqual(statement.letter_number, "ชบ ๕๒๗๐๑/๒")
        self.assertEqual(
            [d.send_entry_id.register_id.register_type for d in (letter, circular, order, regulation, bylaw)],
            ["send", "circular", "directive", "regulation", "bylaw"],
        )
        # Arabic digits when the agency prefers them, also for a code typed in Thai digits.
        self.company.saraban_thai_digits = False
        self.company.saraban_agency_code = "ชบ ๕๒๗๐๑"
        with freeze_time("2026-03-02 03:00:00"):
            letter = self.draft_and_sign(**mayor)
            circular = self.draft_and_sign(is_circular=True, **mayor)
            order = self.draft_and_sign(letter_type="directive", letter_subtype="order", **mayor)
            regulation = self.draft_and_sign(letter_type="directive", letter_subtype="regulation", **mayor)
        self.assertEqual(letter.letter_number, "ชบ 52701/3")
        self.assertEqual(circular.letter_number, "ชบ 52701/ว 3")
        self.assertEqual(order.letter_number, "2/2569")
        self.assertEqual(regulation.letter_number, "(ฉบับที่ 2) พ.ศ. 2569")
        self.assertEqual(letter.letter_date_display, "2 มีนาคม 2569")

    def test_agency_code_required(self):
        self.company.saraban_agency_code = False
        doc = self.draft()
        self.approve_until_signature(doc)
        with self.assertRaisesRegex(UserError, "agency code|รหัสส่วนราชการ"):
            self.sign(doc)
        self.assertFalse(doc.letter_number)

    def test_number_taken_meanwhile_copy_rendered_again(self):
        """Another signer took the expected number: the copy shows the number obtained."""
        first = self.draft_and_sign()
        doc = self.draft()
        self.approve_until_signature(doc)
        rendered = []

        def render(letter):
            rendered.append(letter.letter_number)
            return f"%PDF-1.4 {letter.letter_number}".encode()

        # Patched on the registry's classes, whatever other addons override.
        Register = type(self.env["saraban.register"])
        Document = type(self.env["saraban.document"])
        with patch.object(Register, "_next_number_start", lambda self, year: 1), patch.object(
            Document, "_render_official_pdf", render
        ):
            self.sign(doc)
        self.assertEqual(rendered, ["ชบ ๕๒๗๐๑/๑", "ชบ ๕๒๗๐๑/๒"])
        self.assertEqual(doc.send_entry_id.number, 2)
        self.assertEqual(doc.letter_number, "ชบ ๕๒๗๐๑/๒")
        self.assertEqual(doc.current_version_id.letter_number, "ชบ ๕๒๗๐๑/๒")
        pdf = base64.b64decode(doc.signed_pdf)
        self.assertEqual(pdf, "%PDF-1.4 ชบ ๕๒๗๐๑/๒".encode(), "the kept copy shows the number obtained")
        self.assertEqual(hashlib.sha256(pdf).hexdigest(), doc.signed_pdf_sha256)
        self.assertEqual(doc.current_version_id.sha256, doc.signed_pdf_sha256)
        self.assertEqual(base64.b64decode(doc.current_version_id.pdf), pdf)
        self.assertEqual(doc.action_ids.filtered(lambda a: a.action == "numbered").comment, "ชบ ๕๒๗๐๑/๒")
        self.assertEqual(first.letter_number, "ชบ ๕๒๗๐๑/๑")

    def test_kept_copy_immutable_correction_new_version(self):
        doc = self.draft_and_sign()
        v1 = doc.current_version_id
        sha1 = doc.signed_pdf_sha256
        number = doc.letter_number
        for values in (
            {"body": "<p>แก้ไขภายหลัง</p>"},
            {"name": "เรื่องใหม่"},
            {"letter_number": "ชบ 52701/999"},
            {"letter_date": datetime.date(2020, 1, 1)},
            {"signed_pdf": base64.b64encode(b"%PDF-1.4 forged")},
            {"signed_pdf_sha256": "0" * 64},
            {"main_file": base64.b64encode(b"%PDF-1.4 forged")},
        ):
            with self.assertRaisesRegex(UserError, "signed|ลงนามแล้ว"):
                doc.with_user(self.officer).write(values)
        with self.assertRaises(UserError):
            v1.write({"sha256": "0" * 64})
        with self.assertRaises(UserError):
            v1.unlink()
        with self.assertRaises(UserError):
            doc.send_entry_id.write({"version_id": False})
        # A correction: the text opens again, never the number or the kept copy.
        with self.assertRaises(UserError):
            doc.with_user(self.drafter).action_start_correction("")
        doc.with_user(self.drafter).action_start_correction("แก้ไขชื่อผู้รับ")
        self.assertTrue(doc.correction_pending)
        doc.with_user(self.drafter).write({"salutation": "เรียน นายอำเภอเมืองชลบุรี"})
        with self.assertRaises(UserError):
            doc.with_user(self.drafter).write({"letter_number": "ชบ 52701/2"})
        self.assertTrue(doc.with_user(self.mayor).can_sign)
        self.assertFalse(doc.with_user(self.palad).can_sign)
        Doc = self.env["saraban.document"]
        self.assertIn(doc, Doc.with_user(self.mayor).search([("is_awaiting_my_approval", "=", True)]))
        self.assertNotIn(doc, Doc.with_user(self.palad).search([("is_awaiting_my_approval", "=", True)]))
        self.assertIn(doc, Doc.with_user(self.palad).search([("is_awaiting_my_approval", "=", False)]))
        with self.assertRaisesRegex(UserError, "password|รหัสผ่าน"):
            doc.with_user(self.mayor).action_sign("wrong")
        doc.with_user(self.mayor).action_sign(PASSWORD)
        doc.invalidate_recordset()
        self.assertFalse(doc.correction_pending)
        self.assertEqual(doc.state, "signed")
        self.assertEqual(doc.letter_number, number, "a correction keeps the number")
        v2 = doc.current_version_id
        self.assertEqual(v2.version_no, 2)
        self.assertEqual(v2.reason, "แก้ไขชื่อผู้รับ")
        self.assertNotEqual(v2.sha256, sha1)
        self.assertEqual(doc.signed_pdf_sha256, v2.sha256)
        self.assertEqual(base64.b64decode(doc.main_file), base64.b64decode(v2.pdf))
        self.assertEqual(v1.sha256, sha1, "the first version is kept as it was")
        self.assertEqual(doc.version_ids, v1 | v2)
        self.assertEqual(doc.send_entry_id.version_id, v2, "the register points to the version sent")
        self.assertEqual(len(doc.sudo().register_entry_ids), 1, "no new number")
        self.assertIn("correction", doc.action_ids.mapped("action"))
        self.assertNotIn(doc, Doc.with_user(self.mayor).search([("is_awaiting_my_approval", "=", True)]))
        with self.assertRaises(UserError):
            doc.with_user(self.drafter).write({"salutation": "เรียน คนอื่น"})
