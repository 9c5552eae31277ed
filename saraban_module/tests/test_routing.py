import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SarabanCase


@tagged("post_install", "-at_install")
class TestRouting(SarabanCase):
    def test_route_acknowledge_close_with_timeline(self):
        with freeze_time("2026-11-23 02:00:00"):
            doc = self.new_letter(urgency="urgent")
            doc.with_user(self.officer).action_register()
            routes = doc.with_user(self.officer).action_route(
                units=self.unit_works, instruction="เพื่อโปรดพิจารณาดำเนินการ"
            )
        self.assertEqual(doc.state, "in_progress")
        self.assertEqual(routes.unit_id, self.unit_works)
        self.assertEqual(routes.instruction, "เพื่อโปรดพิจารณาดำเนินการ")
        # Urgent letters are due 3 days after registration (company setting).
        self.assertEqual(routes.due_date, datetime.date(2026, 11, 26))
        # The division clerk sees the letter and has an activity for it.
        Doc = self.env["saraban.document"].with_user(self.clerk_works)
        self.assertIn(doc, Doc.search([("is_routed_to_me", "=", True)]))
        self.assertNotIn(doc, Doc.with_user(self.clerk_finance).search([]))
        self.assertEqual(doc.activity_ids.user_id, self.clerk_works)
        # Someone else cannot acknowledge for the division.
        with self.assertRaises(UserError):
            doc.with_user(self.clerk_finance).action_acknowledge()
        with self.assertRaises(AccessError):
            routes.with_user(self.officer).action_acknowledge()
        with freeze_time("2026-11-23 03:00:00"):
            doc.with_user(self.clerk_works).action_acknowledge()
        self.assertEqual(routes.state, "acknowledged")
        self.assertEqual(routes.acknowledged_by_id, self.clerk_works)
        self.assertEqual(str(routes.acknowledged_at), "2026-11-23 03:00:00")
        self.assertFalse(doc.activity_ids)
        self.assertNotIn(doc, Doc.search([("is_routed_to_me", "=", True)]))
        # The executive comments and orders, the clerk closes.
        doc.with_user(self.executive).action_comment("ควรเร่งดำเนินการก่อนฤดูฝน")
        doc.with_user(self.executive).action_route(
            users=self.clerk_works, instruction="ให้กองช่างรายงานผลภายใน ๗ วัน", kind="order"
        )
        with self.assertRaises(AccessError):
            doc.with_user(self.officer).action_route(users=self.clerk_works, kind="order")
        doc.with_user(self.clerk_works).action_close("ดำเนินการแล้ว")
        self.assertEqual(doc.state, "done")
        history = doc.action_ids.sorted("id")
        self.assertEqual(
            history.mapped("action"),
            ["created", "registered", "forwarded", "acknowledged", "commented", "ordered", "closed"],
        )
        forwarded = history.filtered(lambda a: a.action == "forwarded")
        self.assertEqual(forwarded.user_id, self.officer)
        self.assertEqual(forwarded.target_unit_ids, self.unit_works)
        self.assertEqual(forwarded.comment, "เพื่อโปรดพิจารณาดำเนินการ")
        ordered = history.filtered(lambda a: a.action == "ordered")
        self.assertEqual(ordered.target_user_ids, self.clerk_works)
        self.assertEqual(ordered.user_id, self.executive)
        # History is queryable and cannot be rewritten.
        Action = self.env["saraban.document.action"]
        self.assertEqual(
            Action.search_count([("document_id", "=", doc.id), ("user_id", "=", self.executive.id)]), 2
        )
        with self.assertRaises(UserError):
            history[0].write({"comment": "x"})
        with self.assertRaises(UserError):
            history[0].unlink()

    def test_route_needs_registration_and_target(self):
        doc = self.new_letter()
        with self.assertRaises(UserError):
            doc.with_user(self.officer).action_route(units=self.unit_works)
        doc.with_user(self.officer).action_register()
        with self.assertRaises(UserError):
            doc.with_user(self.officer).action_route()
        # A clerk of another unit cannot route a letter that is not theirs.
        doc.with_user(self.officer).action_route(units=self.unit_works)
        with self.assertRaises(AccessError):
            doc.with_user(self.clerk_finance).action_route(units=self.unit_finance)
        # The receiving division passes it on to a person.
        doc.with_user(self.clerk_works).action_route(users=self.clerk_finance, instruction="ช่วยตรวจ")
        self.assertEqual(len(doc.route_ids), 2)

    def test_due_date_follows_urgency(self):
        with freeze_time("2026-11-23 02:00:00"):
            docs = {
                urgency: self.new_letter(urgency=urgency)
                for urgency in ("normal", "urgent", "very_urgent", "most_urgent")
            }
            deadline = self.new_letter(urgency="most_urgent", urgency_deadline="2026-11-23 09:00:00")
        due = {u: d.due_date for u, d in docs.items()}
        self.assertEqual(due["normal"], datetime.date(2026, 11, 30))
        self.assertEqual(due["urgent"], datetime.date(2026, 11, 26))
        self.assertEqual(due["very_urgent"], datetime.date(2026, 11, 25))
        self.assertEqual(due["most_urgent"], datetime.date(2026, 11, 24))
        self.assertEqual(deadline.due_date, datetime.date(2026, 11, 23))

    def test_route_wizard(self):
        doc = self.new_letter()
        doc.with_user(self.officer).action_register()
        action = doc.with_user(self.officer).action_open_route_wizard()
        wizard = (
            self.env["saraban.route.wizard"]
            .with_user(self.officer)
            .with_context(**action["context"])
            .create({"unit_ids": [(6, 0, self.unit_works.ids)], "instruction": "ทราบ"})
        )
        wizard.action_confirm()
        self.assertEqual(doc.route_ids.unit_id, self.unit_works)
        self.assertEqual(doc.route_ids.from_user_id, self.officer)
