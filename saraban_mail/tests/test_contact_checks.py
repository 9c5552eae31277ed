import datetime
import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.saraban_module.tests.common import SarabanCase


@tagged("post_install", "-at_install", "saraban_mail")
class TestCentralAddress(HttpCase):
    def setUp(self):
        super().setUp()
        self.company = self.env.company
        self.company.write(
            {
                "saraban_central_email": "saraban@tessaban-test.go.th",
                "saraban_check_officer_phone": "038 123 456",
            }
        )

    def test_prefix_warning(self):
        self.assertFalse(self.company.saraban_check_central_email()[self.company.id])
        self.company.saraban_central_email = "info@tessaban-test.go.th"
        problem = self.company.saraban_check_central_email()[self.company.id]
        self.assertIn("saraban", problem)
        # English readers get both languages; Thai readers get the Thai translation.
        english = self.company.with_context(lang="en_US").saraban_check_central_email()
        self.assertIn("/", english[self.company.id], "bilingual")
        self.assertEqual(self.company.saraban_central_email_warning, problem)
        settings = self.env["res.config.settings"].new({"saraban_central_email": "info@x.go.th"})
        warning = settings._onchange_saraban_central_email_prefix()
        self.assertIn("warning", warning)

    def test_public_contact_page_and_json(self):
        page = self.url_open(f"/saraban/contact/{self.company.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("saraban@tessaban-test.go.th", page.text)
        self.assertIn("038 123 456", page.text)
        data = self.url_open(f"/saraban/contact/{self.company.id}/json")
        self.assertEqual(data.status_code, 200)
        values = json.loads(data.text)
        self.assertEqual(values["central_email"], "saraban@tessaban-test.go.th")
        self.assertEqual(values["checking_officer_phone"], "038 123 456")
        self.assertEqual(self.url_open("/saraban/contact.json").status_code, 200)

    def test_dga_notification_report(self):
        html, kind = self.env["ir.actions.report"]._render_qweb_html(
            "saraban_mail.report_saraban_dga_notification", self.company.ids
        )
        text = html.decode()
        self.assertIn("saraban@tessaban-test.go.th", text)
        self.assertIn("038 123 456", text)
        self.assertIn("สำนักงานพัฒนารัฐบาลดิจิทัล", text)


def bangkok(year, month, day, hour, minute=0):
    """A naive UTC datetime for a Bangkok wall-clock time."""
    return datetime.datetime(year, month, day, hour, minute) - datetime.timedelta(hours=7)


@tagged("post_install", "-at_install", "saraban_mail")
class TestMailboxChecks(SarabanCase):
    def setUp(self):
        super().setUp()
        self.company.saraban_mailbox_check_user_ids = [(6, 0, self.officer.ids)]
        self.Check = self.env["saraban.mailbox.check"]

    def remind(self, now):
        """The reminder job runs for every agency; these tests look at their own."""
        missed = self.Check._cron_remind_missing_checks(now=now)
        return missed.filtered(lambda check: check.company_id == self.company)

    def test_button_records_check_in_period(self):
        action = self.Check.with_user(self.officer).action_checked()
        self.assertEqual(action["tag"], "display_notification")
        check = self.Check.search([("user_id", "=", self.officer.id)])
        self.assertEqual(len(check), 1)
        self.assertEqual(check.state, "done")
        self.assertIn(check.period, ("morning", "afternoon"))
        with self.assertRaises(AccessError):
            self.Check.with_user(self.clerk_works).action_checked()

    def test_periods_in_bangkok(self):
        morning = self.Check.create({"user_id": self.officer.id, "checked_at": bangkok(2026, 11, 16, 8, 30)})
        afternoon = self.Check.create({"user_id": self.officer.id, "checked_at": bangkok(2026, 11, 16, 13, 0)})
        late_night_utc = self.Check.create({"user_id": self.officer.id, "checked_at": bangkok(2026, 11, 17, 6, 0)})
        self.assertEqual((morning.day, morning.period), (datetime.date(2026, 11, 16), "morning"))
        self.assertEqual(afternoon.period, "afternoon")
        self.assertEqual(late_night_utc.day, datetime.date(2026, 11, 17), "the Bangkok day, not the UTC one")

    def test_reminders_on_working_days(self):
        # Monday 16 November 2026, 12:30 Bangkok: no morning check -> reminder.
        missed = self.remind(bangkok(2026, 11, 16, 12, 30))
        self.assertEqual(len(missed), 1)
        self.assertEqual((missed.period, missed.state), ("morning", "missed"))
        self.assertEqual(missed.activity_ids.user_id, self.officer)
        mails = self.env["mail.mail"].search([("email_to", "ilike", self.officer.email)])
        self.assertTrue(mails, "an e-mail to the checking officer")
        # The cron runs every hour: no second reminder for the same period.
        self.assertFalse(self.remind(bangkok(2026, 11, 16, 13, 30)))
        # Checked in the afternoon: nothing due at 16:30.
        self.Check.create({"user_id": self.officer.id, "checked_at": bangkok(2026, 11, 16, 14, 0)})
        self.assertFalse(self.remind(bangkok(2026, 11, 16, 16, 30)))
        # Tuesday: both missing by 16:00.
        missed = self.remind(bangkok(2026, 11, 17, 16, 5))
        self.assertEqual(sorted(missed.mapped("period")), ["afternoon", "morning"])
        # Saturday: no reminder.
        self.assertFalse(self.remind(bangkok(2026, 11, 21, 16, 5)))
        # Before noon: nothing due yet.
        self.assertFalse(self.remind(bangkok(2026, 11, 18, 10, 0)))

    def test_morning_check_prevents_reminder(self):
        self.Check.create({"user_id": self.officer.id, "checked_at": bangkok(2026, 11, 16, 9, 0)})
        self.assertFalse(self.remind(bangkok(2026, 11, 16, 12, 30)))
