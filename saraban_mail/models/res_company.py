from odoo import _, api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    saraban_send_receive_notifier = fields.Boolean(
        string="Confirm Arrival of Exchanged Letters",
        default=True,
        help="When a letter with an e-CMS description arrives, tell the sender's system at once that it "
        "entered this agency's system (ReceiveLetterNotifier); the receive number follows on registration.",
    )
    saraban_central_email_warning = fields.Char(compute="_compute_saraban_central_email_warning")
    saraban_mailbox_check_user_ids = fields.Many2many(
        "res.users",
        "saraban_company_mailbox_checker_rel",
        "company_id",
        "user_id",
        string="Mailbox Checking Officers",
        help="Officers who check the central mailbox every working morning and afternoon (R11). "
        "When empty, the checking officer of the agency is reminded.",
    )

    @api.depends("saraban_central_email")
    def _compute_saraban_central_email_warning(self):
        for company in self:
            company.saraban_central_email_warning = company._saraban_central_email_problem() or False

    def _saraban_central_email_problem(self):
        """Why the central address does not follow R2, or ``None``."""
        self.ensure_one()
        address = (self.saraban_central_email or "").strip().lower()
        if not address:
            return _("The agency has no central saraban e-mail address (R2). "
                     "/ หน่วยงานยังไม่มีที่อยู่ไปรษณีย์อิเล็กทรอนิกส์กลาง")
        if not address.split("@", 1)[0].startswith("saraban"):
            return _(
                "The central address %(email)s should begin with \"saraban\", e.g. saraban@agency.go.th (R2). "
                "/ ที่อยู่ไปรษณีย์อิเล็กทรอนิกส์กลางควรขึ้นต้นด้วย saraban",
                email=self.saraban_central_email,
            )
        return None

    def saraban_check_central_email(self):
        """``{company id: problem or False}`` for the given agencies (R2)."""
        return {company.id: company._saraban_central_email_problem() or False for company in self}

    @api.onchange("saraban_central_email")
    def _onchange_saraban_central_email_prefix(self):
        problem = self.saraban_central_email and self._saraban_central_email_problem()
        if problem:
            return {"warning": {"title": _("Central saraban e-mail / ที่อยู่อีเมลกลาง"), "message": problem}}
        return None
