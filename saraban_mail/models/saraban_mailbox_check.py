import pytz
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.saraban_module.tools import SARABAN_TZ

PERIODS = [("morning", "Morning"), ("afternoon", "Afternoon")]
NOON = 12
AFTERNOON_DEADLINE_DEFAULT = 16  # hour, Asia/Bangkok


class SarabanMailboxCheck(models.Model):
    """One check of the central mailbox by an assigned officer (R11: twice each working day)."""

    _name = "saraban.mailbox.check"
    _description = "Central Mailbox Check"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "checked_at desc, id desc"

    user_id = fields.Many2one(
        "res.users", string="Officer", required=True, default=lambda self: self.env.user, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    checked_at = fields.Datetime(string="Checked On", required=True, default=fields.Datetime.now)
    day = fields.Date(compute="_compute_period", store=True, index=True, string="Day (Bangkok)")
    period = fields.Selection(PERIODS, compute="_compute_period", store=True, index=True)
    state = fields.Selection(
        [("done", "Checked"), ("missed", "Missed")], required=True, default="done", index=True
    )
    waiting_count = fields.Integer(
        string="Letters Waiting", help="E-mailed letters waiting to be registered when the check was recorded."
    )
    note = fields.Char()

    @api.depends("checked_at")
    def _compute_period(self):
        tz = pytz.timezone(SARABAN_TZ)
        for check in self:
            if not check.checked_at:
                check.day, check.period = False, False
                continue
            local = pytz.utc.localize(check.checked_at).astimezone(tz)
            check.day = local.date()
            check.period = "morning" if local.hour < NOON else "afternoon"

    @api.model
    def action_checked(self, note=False):
        """Button "I checked the mailbox"."""
        user = self.env.user
        if not user.has_group("saraban_module.group_saraban_officer"):
            raise AccessError(
                _("Only central saraban officers record mailbox checks. / เฉพาะเจ้าหน้าที่สารบรรณกลาง")
            )
        waiting = self.env["saraban.document"].search_count(
            [("state", "=", "draft"), ("source", "in", ("email", "exchange")),
             ("company_id", "=", self.env.company.id)]
        )
        check = self.sudo().create({"user_id": user.id, "company_id": self.env.company.id,
                                    "waiting_count": waiting, "note": note})
        missed = self.sudo().search(
            [("company_id", "=", check.company_id.id), ("day", "=", check.day),
             ("period", "=", check.period), ("state", "=", "missed")]
        )
        missed.activity_ids.action_feedback(feedback=_("Checked by %s", user.name))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("Mailbox check recorded. %(count)s e-mailed letter(s) wait to be registered. "
                             "/ บันทึกการตรวจกล่องจดหมายแล้ว", count=waiting),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # ------------------------------------------------------------------ reminders
    @api.model
    def _saraban_checkers(self, company):
        users = company.saraban_mailbox_check_user_ids or company.saraban_check_officer_id
        return users.filtered("active")

    @api.model
    def _cron_remind_missing_checks(self, now=None):
        """On working days (Mon-Fri, Asia/Bangkok) remind when a check is missing (R11).

        After 12:00 for the morning check, after the afternoon deadline (default
        16:00, parameter ``saraban_mail.afternoon_deadline_hour``) for the
        afternoon one. Each missing check is recorded once, as a "missed"
        line with an activity and an e-mail for every checking officer.
        """
        now = now or fields.Datetime.now()
        local = pytz.utc.localize(now).astimezone(pytz.timezone(SARABAN_TZ))
        if local.weekday() >= 5:
            return self.browse()
        deadline = int(
            self.env["ir.config_parameter"].sudo().get_param(
                "saraban_mail.afternoon_deadline_hour", AFTERNOON_DEADLINE_DEFAULT
            )
        )
        due = []
        if local.hour >= NOON:
            due.append("morning")
        if local.hour >= deadline:
            due.append("afternoon")
        created = self.browse()
        companies = self.env["res.company"].sudo().search([])  # pylint: disable=no-search-all
        for company in companies:
            users = self._saraban_checkers(company)
            if not users:
                continue
            for period in due:
                existing = self.sudo().search_count(
                    [("company_id", "=", company.id), ("day", "=", local.date()), ("period", "=", period)]
                )
                if existing:
                    continue
                created |= self._saraban_record_missed(company, users, local, period)
        return created

    @api.model
    def _saraban_record_missed(self, company, users, local, period):
        # The missed line stands at the end of the period it belongs to.
        hour = 11 if period == "morning" else 23
        stamp = local.replace(hour=hour, minute=59, second=0, microsecond=0).astimezone(pytz.utc)
        missed = self.sudo().create(
            {
                "user_id": users[0].id,
                "company_id": company.id,
                "checked_at": stamp.replace(tzinfo=None),
                "state": "missed",
                "note": _("No check recorded"),
            }
        )
        label = {"morning": "ช่วงเช้า / morning", "afternoon": "ช่วงบ่าย / afternoon"}[period]
        summary = _("Check the central saraban mailbox (%(period)s) / ตรวจกล่องจดหมายสารบรรณกลาง",
                    period=label)
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for user in users:
            missed.activity_schedule(
                activity_type_id=activity_type.id if activity_type else False,
                user_id=user.id,
                summary=summary,
                date_deadline=local.date(),
            )
            if user.email:
                self.env["mail.mail"].sudo().create(
                    {
                        "subject": summary,
                        "email_to": user.email_formatted,
                        "email_from": company.email_formatted or company.saraban_central_email or user.email,
                        "body_html": Markup(
                            "<p>ยังไม่มีการบันทึกการตรวจกล่องจดหมายสารบรรณกลาง %s ของวันที่ %s "
                            "กรุณาตรวจอย่างน้อยวันละสองครั้ง (เช้าและบ่าย)</p>"
                            "<p>No check of the central saraban mailbox was recorded for the %s of %s. "
                            "Please check it at least twice each working day (R11).</p>"
                        ) % (label, local.date(), period, local.date()),
                        "auto_delete": True,
                    }
                )
        return missed
