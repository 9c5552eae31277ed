import base64
import datetime

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.saraban_module.tests.common import MINIMAL_PDF
from odoo.addons.saraban_mail.tools import ecms

from .common import CENTRAL_A, CENTRAL_B, SarabanMailCase, real_smtp

REFUSED = "saraban@amphoe-nowhere.go.th"
BOUNCES = "saraban@gone.go.th"
CORRECTED = "saraban2@amphoe-bansuan.go.th"


@tagged("post_install", "-at_install", "saraban_mail")
class TestExchange(SarabanMailCase):
    """Two agencies in one database, each with its own central mailbox, through real SMTP and IMAP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.smtp = cls.start_smtp(
            {CENTRAL_A: "a", CENTRAL_B: "b", CORRECTED: "b"},
            refuse=[REFUSED],
            bounce_later=[BOUNCES],
        )
        # Agency B: อำเภอบ้านสวน, running the same system.
        cls.company_b = cls.env["res.company"].create(
            {"name": "อำเภอบ้านสวน", "saraban_central_email": CENTRAL_B, "saraban_agency_code": "ชบ 0318"}
        )
        cls.officer_b = new_test_user(
            cls.env, login="t_officer_b", groups="saraban_module.group_saraban_officer",
            company_id=cls.company_b.id, company_ids=[cls.company_b.id], tz="Asia/Bangkok",
        )
        cls.agency_a = cls.env["res.partner"].create(
            {"name": "เทศบาลตำบลทดสอบ", "is_company": True, "saraban_is_agency": True,
             "saraban_email": CENTRAL_A, "saraban_agency_code": "ชบ 52701"}
        )
        model = cls.env["ir.model"]._get("saraban.document")
        cls.server_b = cls.env["fetchmail.server"].create(
            {"name": "Central mailbox B", "server_type": "imap", "server": cls.dovecot.host,
             "port": cls.dovecot.port, "is_ssl": False, "user": "b", "password": "secret-b",
             "object_id": model.id, "saraban_company_id": cls.company_b.id, "state": "done"}
        )
        cls.refusing = cls.env["res.partner"].create(
            {"name": "อำเภอที่ไม่มีอยู่", "saraban_is_agency": True, "saraban_email": REFUSED}
        )
        cls.bouncing = cls.env["res.partner"].create(
            {"name": "หน่วยงานที่ยุบแล้ว", "saraban_is_agency": True, "saraban_email": BOUNCES}
        )

    def outgoing(self, recipients, user=None, **values):
        """A signed outgoing letter (signing belongs to another addon: it is entered as signed)."""
        me = self.company.partner_id.id
        older = self.env["saraban.document"].create(
            {"name": "หนังสือฉบับก่อน", "direction": "outgoing", "letter_number": "ชบ 52701/100",
             "letter_date": "2026-10-01", "state": "sent", "sender_id": me}
        )
        enclosure = self.env["ir.attachment"].create(
            {"name": "วาระการประชุม.pdf", "raw": MINIMAL_PDF.replace(b"595", b"596")}
        )
        vals = {
            "name": "ขอเชิญประชุมคณะกรรมการพัฒนาท้องถิ่น",
            "direction": "outgoing",
            "letter_number": "ชบ 52701/123",
            "letter_date": "2026-11-16",
            "urgency": "very_urgent",
            "sender_id": me,
            "recipient_ids": [fields.Command.set(recipients.ids)],
            "main_file": base64.b64encode(MINIMAL_PDF),
            "main_filename": "หนังสือเชิญประชุม.pdf",
            "reference_ids": [fields.Command.set(older.ids)],
            "enclosure_text": "ระเบียบวาระการประชุม",
            "attachment_ids": [fields.Command.set(enclosure.ids)],
            "state": "signed",
        }
        vals.update(values)
        return self.env["saraban.document"].with_user(user or self.officer).create(vals)

    def send_queue(self):
        with real_smtp():
            self.env["mail.mail"].search([("state", "=", "outgoing")]).send()

    def test_letter_exchanged_end_to_end(self):
        doc = self.outgoing(self.agency)
        deliveries = doc.with_user(self.officer).action_send_email()
        self.assertEqual(doc.state, "sent")
        self.assertEqual(deliveries.state, "queued")
        self.send_queue()
        self.assertEqual(deliveries.state, "sent")
        self.assertTrue(deliveries.sent_at)
        self.assertEqual(len(self.smtp.received), 1)
        self.assertEqual(self.dovecot.status("b"), (1, 1), "the letter is in B's central mailbox")

        # B's system reads its mailbox: the letter with all its metadata, nothing retyped.
        self.server_b.fetch_mail()
        letter_b = self.env["saraban.document"].search([("company_id", "=", self.company_b.id)])
        self.assertEqual(len(letter_b), 1)
        self.assertEqual(letter_b.source, "exchange")
        self.assertEqual(letter_b.state, "draft")
        self.assertEqual(letter_b.letter_number, "ชบ 52701/123")
        self.assertEqual(str(letter_b.letter_date), "2026-11-16")
        self.assertEqual(letter_b.name, "ขอเชิญประชุมคณะกรรมการพัฒนาท้องถิ่น")
        self.assertEqual(letter_b.urgency, "very_urgent")
        self.assertEqual(letter_b.secrecy, "normal")
        self.assertEqual(letter_b.sender_id, self.agency_a)
        self.assertIn("ชบ 52701/100", letter_b.reference_text)
        self.assertEqual(letter_b.enclosure_text, "ระเบียบวาระการประชุม")
        self.assertEqual(letter_b.main_filename, "หนังสือเชิญประชุม.pdf")
        self.assertEqual(base64.b64decode(letter_b.main_file), MINIMAL_PDF)
        self.assertEqual(
            sorted(letter_b.attachment_ids.mapped("name")), ["วาระการประชุม.pdf", "หนังสือเชิญประชุม.pdf"]
        )
        self.assertEqual(letter_b.email_message_id, deliveries.message_id)

        # B's system confirmed the arrival at once (ReceiveLetterNotifier).
        self.send_queue()
        self.fetch()
        self.assertEqual(deliveries.state, "delivered")
        self.assertTrue(deliveries.delivered_at)

        # B registers: A learns "received by B, number N, at time T".
        letter_b.with_user(self.officer_b).with_context(allowed_company_ids=[self.company_b.id]).action_register()
        self.assertTrue(letter_b.receive_number)
        self.assertTrue(letter_b.receipt_mail_id)
        self.send_queue()
        self.assertEqual(self.dovecot.status("a")[1], 1)
        self.fetch()
        self.assertEqual(deliveries.state, "received")
        self.assertEqual(deliveries.receiver_number, str(letter_b.receive_number))
        self.assertEqual(deliveries.received_at, letter_b.registered_at.replace(microsecond=0))
        self.assertFalse(self.letters(), "answers do not become letters at A")
        self.assertIn(
            "ตอบรับหนังสือ", " ".join(doc.message_ids.mapped("subject") or [""]) + " ".join(
                doc.message_ids.mapped(lambda m: m.subject or "")),
        )
        self.assertEqual(doc.delivery_received_count, 1)

    def test_refusal_and_later_bounce_mark_failed(self):
        doc = self.outgoing(self.agency | self.refusing | self.bouncing)
        deliveries = doc.with_user(self.officer).action_send_email()
        self.assertEqual(len(deliveries), 3)
        with mute_logger("odoo.addons.mail.models.mail_mail"):
            self.send_queue()
        by_partner = {d.partner_id: d for d in deliveries}
        refused, bounced, good = by_partner[self.refusing], by_partner[self.bouncing], by_partner[self.agency]
        self.assertEqual(refused.state, "failed")
        self.assertEqual(refused.failure_kind, "smtp")
        self.assertIn("550", refused.failure_reason)
        self.assertEqual(bounced.state, "sent", "accepted first")
        self.assertEqual(good.state, "sent")

        # The remote server's DSN arrives later in A's central mailbox.
        self.assertEqual(self.dovecot.status("a")[1], 1)
        self.fetch()
        self.assertEqual(bounced.state, "failed")
        self.assertEqual(bounced.failure_kind, "bounce")
        self.assertEqual(good.state, "sent")
        self.assertFalse(self.letters(), "a bounce is not a letter")
        self.assertEqual(doc.delivery_failed_count, 2)

        # Shown automatically: an activity for the sender on the letter, and the failed-deliveries menu.
        activities = doc.activity_ids.filtered(lambda a: a.user_id == self.officer)
        self.assertEqual(len(activities), 2)
        self.assertEqual(set(activities.ids), set((refused | bounced).activity_id.ids))
        action = self.env.ref("saraban_mail.action_saraban_delivery_failed")
        failed = self.env["saraban.delivery"].with_user(self.officer).search([("state", "in", ("failed", "rejected"))])
        self.assertEqual(failed, refused | bounced)
        self.assertEqual(action.res_model, "saraban.delivery")

        # One click after correcting the address.
        refused.with_user(self.officer).write({"email": CORRECTED})
        refused.with_user(self.officer).action_resend()
        self.assertEqual(refused.state, "queued")
        self.assertEqual(refused.attempt, 2)
        self.send_queue()
        self.assertEqual(refused.state, "sent")
        self.assertEqual(len(doc.activity_ids.filtered(lambda a: a.user_id == self.officer)), 1)

    def test_rejected_by_receiver(self):
        doc = self.outgoing(self.agency)
        delivery = doc.with_user(self.officer).action_send_email()
        self.send_queue()
        self.server_b.fetch_mail()
        letter_b = self.env["saraban.document"].search([("company_id", "=", self.company_b.id)])
        letter_b.with_user(self.officer_b).with_context(allowed_company_ids=[self.company_b.id]).action_reject_letter("ส่งผิดหน่วยงาน")
        self.assertEqual(letter_b.state, "cancelled")
        self.send_queue()
        self.fetch()
        self.assertEqual(delivery.state, "rejected")
        self.assertIn("ส่งผิดหน่วยงาน", delivery.failure_reason)
        self.assertTrue(delivery.activity_id)

    def test_secret_letters_refused(self):
        top = self.outgoing(self.agency, user=self.secret_officer, secrecy="top_secret")
        with self.assertRaises(UserError):
            top.with_user(self.secret_officer).action_send_email()
        secret = self.outgoing(self.agency, user=self.secret_officer, secrecy="secret")
        with self.assertRaises(UserError):  # the test SMTP server has no TLS (R15)
            secret.with_user(self.secret_officer).action_send_email()
        self.assertFalse(secret.sudo().delivery_ids)

    def test_envelope_xml(self):
        doc = self.outgoing(self.agency)
        delivery = doc.with_user(self.officer).action_send_email()
        xml = delivery.mail_mail_id.attachment_ids.filtered(lambda a: a.name == ecms.XML_FILENAME)
        parsed = ecms.parse(xml.raw)
        self.assertEqual(parsed["kind"], "CorrespondenceLetter")
        self.assertEqual(parsed["id"], "ชบ 52701/123")
        self.assertEqual(parsed["date"], datetime.date(2026, 11, 16))
        self.assertEqual(parsed["urgency"], "very_urgent")
        self.assertEqual(parsed["main"][1], MINIMAL_PDF)
        self.assertEqual(len(parsed["attachments"]), 1)
        self.assertEqual(parsed["references"][0]["id"], "ชบ 52701/100")
        self.assertIn(b"<ram:SpeedCode>003</ram:SpeedCode>", xml.raw)
        # The other spelling of the ram namespace (DGA's notifier client) reads the same.
        other = xml.raw.replace(ecms.NS_RAM.encode(), ecms.NS_RAM_NOTIFIER.encode())
        self.assertEqual(ecms.parse(other)["id"], "ชบ 52701/123")
