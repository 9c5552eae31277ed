import base64
import datetime

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from ..tools import bangkok_year

# Shared with saraban_module/static/tests/tours/saraban_register_tour.js.
SUBJECT = "ขอเชิญประชุมคณะกรรมการพัฒนาเมือง ครั้งที่ 3/2568"
LETTER_NUMBER = "ศธ 0521/ว 123"
SENDER = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1"
UNIT = "กองช่าง"
INSTRUCTION = "มอบกองช่างพิจารณาดำเนินการและรายงานผลภายใน 7 วัน"
FILENAME = "scan_letter.pdf"


@tagged("post_install", "-at_install")
class TestSarabanTour(HttpCase):
    """In Chromium: the central officer registers a scanned paper letter and routes
    it to a division with an instruction; the division clerk sees it, with its
    receive number, and acknowledges it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The tours type dates as an English-speaking user does (MM/DD/YYYY).
        cls.env["res.lang"]._activate_lang("en_US")
        # The demo data may already hold a Division of Works: route to that one then.
        Unit = cls.env["saraban.unit"]
        cls.unit = Unit.search(
            [("name", "=", UNIT), ("parent_id", "=", False), ("company_id", "=", cls.env.company.id)],
            limit=1,
        ) or Unit.create({"name": UNIT})
        cls.clerk = new_test_user(
            cls.env,
            login="tour_clerk",
            groups="saraban_module.group_saraban_clerk",
            name="Tour Clerk of the Division of Works",
            lang="en_US",
            tz="Asia/Bangkok",
            saraban_unit_ids=[Command.set(cls.unit.ids)],
        )
        cls.officer = new_test_user(
            cls.env,
            login="tour_officer",
            groups="saraban_module.group_saraban_officer",
            name="Tour Central Saraban Officer",
            lang="en_US",
            tz="Asia/Bangkok",
        )
        cls.central_register = cls.env.company.saraban_central_register("receive")

    def _letter(self):
        self.env.invalidate_all()
        letter = self.env["saraban.document"].search([("name", "=", SUBJECT)])
        self.assertEqual(len(letter), 1, "the tour should have created exactly one letter")
        return letter

    def test_register_route_acknowledge(self):
        year = bangkok_year(fields.Datetime.now())
        expected_number = self.central_register._next_number_start(year)

        # The central officer registers the scanned paper letter and routes it.
        self.start_tour(
            "/odoo/action-saraban_module.action_saraban_document_to_register",
            "saraban_register_scanned_letter",
            login="tour_officer",
        )
        letter = self._letter()
        self.assertEqual(letter.direction, "incoming")
        self.assertEqual(letter.source, "paper")
        self.assertEqual(letter.letter_number, LETTER_NUMBER)
        self.assertEqual(letter.letter_date, datetime.date(2025, 1, 15))
        self.assertEqual(letter.sender_name, SENDER)
        self.assertEqual(letter.create_uid, self.officer)

        self.assertTrue(letter.main_file, "the scan should be stored on the letter")
        self.assertEqual(letter.main_filename, FILENAME)
        self.assertTrue(base64.b64decode(letter.main_file).startswith(b"%PDF-"))
        scan = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "saraban.document"),
                ("res_id", "=", letter.id),
                ("res_field", "=", "main_file"),
            ]
        )
        self.assertEqual(scan.mimetype, "application/pdf")

        entry = letter.register_entry_ids
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.register_id, self.central_register)
        self.assertEqual(entry.number, expected_number)
        self.assertEqual(entry.year, year)
        self.assertEqual(letter.receive_number, entry.number)
        self.assertEqual(letter.receive_register_id, self.central_register)
        self.assertEqual(letter.registered_by_id, self.officer)

        route = letter.route_ids
        self.assertEqual(len(route), 1)
        self.assertEqual(route.unit_id, self.unit)
        self.assertFalse(route.user_id)
        self.assertEqual(route.instruction, INSTRUCTION)
        self.assertEqual(route.from_user_id, self.officer)
        self.assertEqual(route.state, "pending")
        self.assertEqual(letter.state, "in_progress")
        self.assertEqual(
            set(letter.action_ids.mapped("action")), {"created", "registered", "forwarded"}
        )
        self.assertTrue(
            letter.activity_ids.filtered(lambda a: a.user_id == self.clerk),
            "the division clerk should have an activity to act on the letter",
        )

        # The division clerk finds it in "To Act On" and acknowledges it.
        self.start_tour(
            "/odoo/action-saraban_module.action_saraban_document_routed_to_me",
            "saraban_acknowledge_routed_letter",
            login="tour_clerk",
        )
        letter = self._letter()
        route = letter.route_ids
        self.assertEqual(len(route), 1)
        self.assertEqual(route.state, "acknowledged")
        self.assertEqual(route.acknowledged_by_id, self.clerk)
        self.assertTrue(route.acknowledged_at)
        self.assertEqual(letter.receive_number, expected_number, "acknowledging keeps the number")
        actions = letter.action_ids.mapped("action")
        self.assertTrue({"registered", "forwarded", "acknowledged"} <= set(actions))
        acknowledged = letter.action_ids.filtered(lambda a: a.action == "acknowledged")
        self.assertEqual(acknowledged.user_id, self.clerk)
        self.assertEqual(acknowledged.route_id, route)
        self.assertFalse(
            letter.activity_ids.filtered(lambda a: a.user_id == self.clerk),
            "the clerk's activity should be done once acknowledged",
        )
