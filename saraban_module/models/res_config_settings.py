from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    saraban_agency_code = fields.Char(related="company_id.saraban_agency_code", readonly=False)
    saraban_central_email = fields.Char(related="company_id.saraban_central_email", readonly=False)
    saraban_check_officer_id = fields.Many2one(
        related="company_id.saraban_check_officer_id", readonly=False
    )
    saraban_check_officer_phone = fields.Char(
        related="company_id.saraban_check_officer_phone", readonly=False
    )
    saraban_thai_digits = fields.Boolean(related="company_id.saraban_thai_digits", readonly=False)
    saraban_due_days_normal = fields.Integer(
        related="company_id.saraban_due_days_normal", readonly=False
    )
    saraban_due_days_urgent = fields.Integer(
        related="company_id.saraban_due_days_urgent", readonly=False
    )
    saraban_due_days_very_urgent = fields.Integer(
        related="company_id.saraban_due_days_very_urgent", readonly=False
    )
    saraban_due_days_most_urgent = fields.Integer(
        related="company_id.saraban_due_days_most_urgent", readonly=False
    )
