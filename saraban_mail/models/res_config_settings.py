from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    saraban_central_email_warning = fields.Char(related="company_id.saraban_central_email_warning")
    saraban_send_receive_notifier = fields.Boolean(
        related="company_id.saraban_send_receive_notifier", readonly=False
    )
    saraban_mailbox_check_user_ids = fields.Many2many(
        related="company_id.saraban_mailbox_check_user_ids", readonly=False
    )

    @api.onchange("saraban_central_email")
    def _onchange_saraban_central_email_prefix(self):
        if not self.saraban_central_email:
            return None
        company = self.company_id.new({"saraban_central_email": self.saraban_central_email})
        problem = company._saraban_central_email_problem()
        if problem:
            return {"warning": {"title": "Central saraban e-mail / ที่อยู่อีเมลกลาง", "message": problem}}
        return None
