import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from ..models.saraban_document import LAYOUT_PARTS
from .test_outgoing_common import OutgoingCase


@tagged("post_install", "-at_install")
class TestOutgoingDrafting(OutgoingCase):
    def test_layout_parts_per_letter_type(self):
        cases = {
            ("external", False): {"number", "agency", "salutation", "reference", "enclosure",
                                  "closing", "signature", "owner_department", "owner_fax_email",
                                  "copy_to"},
            ("internal", False): {"owner_department", "owner_phone", "number", "salutation",
                                  "signature"},
            ("stamped", False): {"number", "recipient", "stamp", "owner_department"},
            ("directive", "order"): {"number", "subject", "date", "signature"},
            ("directive", "regulation"): {"issue_no", "date", "signature"},
            ("public", "statement"): {"issue_no", "subject", "signature"},
            ("evidence", "certificate"): {"number", "agency", "date", "signature"},
            ("evidence", "minutes"): {"meeting", "minutes_taker", "subject", "body"},
        }
        absent = {
            ("internal", False): {"closing", "copy_to", "reference", "agency"},
            ("stamped", False): {"signature", "salutation", "closing"},
            ("directive", "regulation"): {"number", "salutation"},
            ("evidence", "minutes"): {"signature", "number", "date"},
        }
        for (letter_type, subtype), parts in cases.items():
            doc = self.draft(letter_type=letter_type, letter_subtype=subtype)
            shown = set(doc.layout_parts.strip(",").split(","))
            self.assertLessEqual(parts, shown, (letter_type, subtype))
            self.assertFalse(absent.get((letter_type, subtype), set()) & shown, (letter_type, subtype))
            self.assertEqual(tuple(doc.layout_parts.strip(",").split(",")), doc._layout_parts())
        # The incoming form is left as it was.
        self.assertFalse(self.new_letter().layout_parts)
        self.assertEqual(LAYOUT_PARTS[("external", False)][0], "number")
        arch = self.env["saraban.document"].get_view(view_type="form")["arch"]
        for name in ("closing", "signer_name", "signer_position", "owner_department", "owner_fax",
                     "copy_to", "is_circular", "issue_no", "meeting_no", "meeting_attendees",
                     "meeting_absentees", "meeting_participants", "meeting_start", "meeting_end",
                     "minutes_taker", "stamp_initials", "agency_address", "template_id"):
            self.assertIn(f'name="{name}"', arch)

    def test_form_defaults_for_an_outgoing_letter(self):
        self.company.phone = "038 123 456"
        form = Form(
            self.env["saraban.document"].with_user(self.drafter).with_context(default_direction="outgoing")
        )
        form.name = "ทดสอบ"
        self.assertEqual(form.closing, "ขอแสดงความนับถือ")
        self.assertEqual(form.salutation, "เรียน")
        self.assertEqual(form.owner_unit_id, self.unit_works)
        self.assertEqual(form.owner_department, "กองช่าง")
        self.assertEqual(form.owner_phone, "038 123 456")
        form.letter_type = "internal"
        doc = form.save()
        self.assertEqual(doc.direction, "outgoing")
        self.assertEqual(doc.sender_id, self.company.partner_id)
        self.assertFalse(doc.letter_number)

    def test_template_applied(self):
        template = self.env["saraban.letter.template"].create(
            {
                "name": "เชิญประชุม",
                "letter_type": "external",
                "subject": "ขอเชิญประชุมคณะกรรมการ",
                "salutation": "เรียน นายอำเภอ",
                "body": "<p>ด้วยเทศบาลกำหนดประชุม</p>",
                "closing": "ขอแสดงความนับถือ",
            }
        )
        form = Form(
            self.env["saraban.document"].with_user(self.drafter).with_context(default_direction="outgoing")
        )
        form.template_id = template
        self.assertEqual(form.name, "ขอเชิญประชุมคณะกรรมการ")
        self.assertEqual(form.salutation, "เรียน นายอำเภอ")
        self.assertIn("กำหนดประชุม", str(form.body))
        doc = form.save()
        self.assertEqual(doc.template_id, template)
        other = self.draft(name="อื่น", salutation=False, closing=False)
        other.action_apply_template(template)
        self.assertEqual(other.name, "ขอเชิญประชุมคณะกรรมการ")
        self.assertEqual(other.closing, "ขอแสดงความนับถือ")

    def test_reply_to_an_incoming_letter(self):
        incoming = self.new_letter(letter_date=datetime.date(2025, 1, 15), owner_unit_id=self.unit_works.id)
        incoming.with_user(self.officer).action_register()
        action = incoming.with_user(self.drafter).action_reply()
        reply = self.env["saraban.document"].browse(action["res_id"])
        self.assertEqual(reply.direction, "outgoing")
        self.assertEqual(reply.state, "draft")
        self.assertEqual(reply.reference_ids, incoming)
        self.assertEqual(
            reply.reference_text,
            "หนังสือ ที่ว่าการอำเภอบ้านสวน ที่ ชบ 0318/1234 ลงวันที่ ๑๕ มกราคม ๒๕๖๘",
        )
        self.assertEqual(reply.recipient_ids, self.agency)
        self.assertEqual(reply.salutation, "เรียน ที่ว่าการอำเภอบ้านสวน")
        self.assertEqual(reply.owner_unit_id, self.unit_works)
        self.assertEqual(reply.create_uid, self.drafter)
        self.assertFalse(reply.letter_number)
        with self.assertRaises(UserError):
            reply.action_reply()

    def test_no_number_before_signing(self):
        doc = self.draft(letter_number="ชบ 52701/99", letter_date=datetime.date(2026, 1, 1))
        self.assertFalse(doc.letter_number)
        self.assertFalse(doc.letter_date)
        with self.assertRaises(UserError):
            doc.write({"letter_number": "ชบ 52701/100"})
        Entry = self.env["saraban.register.entry"]
        outgoing_types = ("send", "circular", "directive", "regulation", "bylaw")
        before = Entry.search_count([("register_type", "in", outgoing_types)])
        self.approve_until_signature(doc)
        self.assertEqual(doc.state, "approval")
        self.assertFalse(doc.letter_number)
        self.assertFalse(doc.letter_date)
        self.assertFalse(doc.sudo().register_entry_ids)
        self.assertEqual(Entry.search_count([("register_type", "in", outgoing_types)]), before)
        # The outgoing letter is never registered as received either.
        with self.assertRaises(UserError):
            doc.with_user(self.officer).action_register()

    def test_submit_requires_the_layout_parts(self):
        doc = self.draft(salutation=False, closing=False)
        with self.assertRaisesRegex(UserError, "Salutation, Closing"):
            doc.action_submit()
        directive = self.draft(letter_type="directive", letter_subtype=False, signer_id=self.mayor.id)
        with self.assertRaisesRegex(UserError, "Sub-type"):
            directive.action_submit()

    def test_outgoing_letter_entered_as_signed_is_sent_by_its_agency(self):
        # A letter signed on paper and entered afterwards keeps its number and gets
        # its own agency as sender, like a drafted one.
        docs = self.env["saraban.document"].create(
            [
                {
                    "name": "หนังสือที่ลงนามแล้วบนกระดาษ",
                    "direction": "outgoing",
                    "state": "signed",
                    "letter_number": "ชบ 52701/77",
                    "letter_date": "2026-11-20",
                },
                {"name": "ร่างหนังสือ", "direction": "outgoing"},
            ]
        )
        self.assertEqual(docs.sender_id, self.company.partner_id)
        self.assertEqual(docs[0].letter_number, "ชบ 52701/77")
        self.assertFalse(docs[1].letter_number)
        self.assertEqual(docs.action_ids.mapped("action"), ["created", "created"])
