from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SarabanCase


@tagged("post_install", "-at_install")
class TestNumbering(SarabanCase):
    def register(self, user=None, **values):
        # Unit clerks register the letters they receive themselves.
        doc = self.new_letter(user=user if user and user != self.officer else None, **values)
        entries = doc.with_user(user or self.officer).action_register()
        return doc, entries

    def test_sequential_in_central_register(self):
        numbers = []
        for i in range(5):
            doc, entry = self.register(name=f"หนังสือที่ {i}")
            numbers.append(entry.number)
            self.assertEqual(entry.register_id, self.central)
            self.assertEqual(doc.receive_number, entry.number)
            self.assertEqual(doc.state, "registered")
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 5)))
        self.assertEqual(numbers[0], 1)

    def test_year_rollover_bangkok_time(self):
        # 31 Dec 2025 23:59:59 in Bangkok is 16:59:59 UTC.
        with freeze_time("2025-12-31 16:59:58"):
            _doc, first = self.register()
        with freeze_time("2025-12-31 16:59:59"):
            doc_last, last = self.register()
        with freeze_time("2025-12-31 17:00:00"):
            doc_new, new = self.register()
        with freeze_time("2026-01-01 03:00:00"):
            _doc, second = self.register()
        self.assertEqual((first.year, first.number), (2025, 1))
        self.assertEqual((last.year, last.number), (2025, 2))
        self.assertEqual((new.year, new.number), (2026, 1))
        self.assertEqual((second.year, second.number), (2026, 2))
        self.assertEqual(doc_last.stamp_date, "๓๑ ธันวาคม ๒๕๖๘")
        self.assertEqual(doc_last.stamp_time, "๒๓.๕๙ น.")
        self.assertEqual(doc_new.stamp_date, "๑ มกราคม ๒๕๖๙")
        self.assertEqual(doc_new.stamp_time, "๐๐.๐๐ น.")

    def test_unit_register_independent_of_central(self):
        for _i in range(3):
            self.register()
        doc, unit_entry = self.register(user=self.clerk_works)
        self.assertEqual(unit_entry.register_id.unit_id, self.unit_works)
        self.assertEqual(unit_entry.number, 1)
        self.assertEqual(doc.owner_unit_id, self.unit_works)
        # The same letter registered again in the central register keeps both lines.
        central_entry = doc.with_user(self.officer).action_register()
        self.assertEqual(central_entry.register_id, self.central)
        self.assertEqual(central_entry.number, 4)
        self.assertEqual(len(doc.sudo().register_entry_ids), 2)
        # The unit clerk sees the line of their own register only.
        doc.invalidate_recordset()
        seen = doc.with_user(self.clerk_works).read(["register_entry_ids"])[0]
        self.assertEqual(seen["register_entry_ids"], unit_entry.ids)
        # The finance clerk's register starts at 1 too.
        _doc, finance_entry = self.register(user=self.clerk_finance)
        self.assertEqual(finance_entry.number, 1)
        self.assertNotEqual(finance_entry.register_id, unit_entry.register_id)

    def test_cancelled_number_kept_never_reused(self):
        entries = [self.register()[1] for _i in range(3)]
        entries[1].with_user(self.officer).action_cancel("ลงทะเบียนซ้ำ")
        _doc, after = self.register()
        self.assertEqual(after.number, 4)
        self.assertTrue(entries[1].cancelled)
        self.assertEqual(entries[1].number, 2)
        self.assertEqual(entries[1].cancel_reason, "ลงทะเบียนซ้ำ")
        numbers = self.env["saraban.register.entry"].search(
            [("register_id", "=", self.central.id)]
        ).mapped("number")
        self.assertEqual(sorted(numbers), [1, 2, 3, 4])
        self.assertIn(
            "registration_cancelled", entries[1].document_id.action_ids.mapped("action")
        )
        with self.assertRaises(UserError):
            entries[0].with_user(self.officer).action_cancel("")
        # The letter of the cancelled entry waits to be registered again, and gets a new number.
        letter = entries[1].document_id
        self.assertEqual(letter.state, "draft")
        self.assertFalse(letter.receive_number)
        again = letter.with_user(self.officer).action_register()
        self.assertEqual(again.number, 5)
        self.assertEqual(letter.receive_number, 5)
        self.assertEqual(letter.state, "registered")

    def test_entries_cannot_be_deleted_or_renumbered(self):
        _doc, entry = self.register()
        with self.assertRaises(UserError):
            entry.unlink()
        with self.assertRaises(UserError):
            entry.write({"number": 99})
        with self.assertRaises(UserError):
            self.env["saraban.register.entry"].create(
                {"register_id": self.central.id, "document_id": _doc.id, "number": 5, "year": 2026}
            )
        with self.assertRaises(UserError):
            _doc.unlink()
        self.assertEqual(entry.number, 1)

    def test_failed_registration_leaves_no_entry(self):
        good = self.new_letter(name="หนังสือที่ถูกต้อง")
        outgoing = self.new_letter(name="หนังสือส่ง", direction="outgoing")
        Entry = self.env["saraban.register.entry"]
        before = Entry.search_count([])
        with self.assertRaises(UserError):
            (good | outgoing).with_user(self.officer).action_register()
        self.assertEqual(Entry.search_count([]), before)
        self.assertEqual(good.state, "draft")
        self.assertFalse(good.receive_number)
        # Registering twice in the same register is refused, the number is not spent.
        good.with_user(self.officer).action_register()
        with self.assertRaises(UserError):
            good.with_user(self.officer).action_register()
        _doc, nxt = self.register()
        self.assertEqual(nxt.number, 2)

    def test_times_kept_and_stamp_shown(self):
        with freeze_time("2026-11-22 02:00:00"):
            doc = self.new_letter()
        with freeze_time("2026-11-22 03:15:00"):
            doc.with_user(self.officer).action_register()
        self.assertEqual(str(doc.received_at), "2026-11-22 02:00:00")
        self.assertEqual(str(doc.registered_at), "2026-11-22 03:15:00")
        self.assertEqual(doc.received_at_display, "๒๒ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๐๐ น.")
        self.assertEqual(doc.registered_at_display, "๒๒ พฤศจิกายน ๒๕๖๙ เวลา ๑๐.๑๕ น.")
        self.assertEqual(doc.receive_number_display, "๑")
        self.company.saraban_thai_digits = False
        doc.invalidate_recordset()
        self.assertEqual(doc.receive_number_display, "1")
        self.assertEqual(doc.stamp_time, "10.15 น.")
        # The stamp is on the letter's form.
        arch = self.env["saraban.document"].get_view(view_type="form")["arch"]
        for name in ("receive_number_display", "stamp_date", "stamp_time"):
            self.assertIn(f'name="{name}"', arch)
