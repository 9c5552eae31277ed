import re

import phonenumbers

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

URGENCY_DUE_DAYS_DEFAULT = {
    "normal": 7,
    "urgent": 3,
    "very_urgent": 2,
    "most_urgent": 1,
}


class ResCompany(models.Model):
    _inherit = "res.company"

    saraban_agency_code = fields.Char(
        string="Agency Code",
        help="Code used in letter numbers, e.g. มท ๐๘๐๘.๒ (two Thai letters for "
        "the ministry or province, then the unit digits).",
    )
    saraban_central_email = fields.Char(
        string="Central Saraban E-mail",
        help="The agency's central saraban mailbox, e.g. saraban@agency.go.th.",
    )
    saraban_check_officer_id = fields.Many2one(
        "res.users",
        string="Checking Officer",
        help="Officer who checks the central mailbox and answers for it to DGA.",
    )
    saraban_check_officer_phone = fields.Char(string="Checking Officer Phone")
    saraban_thai_digits = fields.Boolean(
        string="Thai Digits on Letters",
        default=True,
        help="Print numbers and dates on letters with Thai digits (๐-๙).",
    )
    saraban_due_days_normal = fields.Integer(
        string="Days to Act (Normal)", default=URGENCY_DUE_DAYS_DEFAULT["normal"]
    )
    saraban_due_days_urgent = fields.Integer(
        string="Days to Act (Urgent)", default=URGENCY_DUE_DAYS_DEFAULT["urgent"]
    )
    saraban_due_days_very_urgent = fields.Integer(
        string="Days to Act (Very Urgent)",
        default=URGENCY_DUE_DAYS_DEFAULT["very_urgent"],
    )
    saraban_due_days_most_urgent = fields.Integer(
        string="Days to Act (Most Urgent)",
        default=URGENCY_DUE_DAYS_DEFAULT["most_urgent"],
    )

    def write(self, vals):
        # Saraban administrators may set their agency's saraban settings, and nothing else.
        if (
            not self.env.su
            and not self.env.user.has_group("base.group_erp_manager")
            and any(not name.startswith("saraban_") for name in vals)
        ):
            raise AccessError(
                _(
                    "Only the agency's saraban settings can be changed here. "
                    "/ แก้ไขได้เฉพาะการตั้งค่างานสารบรรณของหน่วยงาน"
                )
            )
        return super().write(vals)

    def action_open_saraban_settings(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.company",
            "res_id": self.env.company.id,
            "view_mode": "form",
            "views": [(self.env.ref("saraban_module.res_company_view_form_saraban").id, "form")],
            "target": "current",
        }

    @api.constrains("saraban_central_email")
    def _check_saraban_central_email(self):
        pattern = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
        for company in self:
            email = company.saraban_central_email
            if email and not pattern.match(email):
                raise ValidationError(
                    _("The central saraban e-mail %(email)s is not a valid address.", email=email)
                )

    @api.model
    def _saraban_normalize_phone(self, phone):
        """Validate a Thai phone number; return it in international format."""
        try:
            parsed = phonenumbers.parse(phone, "TH")
        except phonenumbers.NumberParseException as error:
            raise ValidationError(
                _("The phone number %(phone)s cannot be read: %(error)s", phone=phone, error=error)
            ) from error
        if not phonenumbers.is_valid_number(parsed):
            raise ValidationError(
                _("The phone number %(phone)s is not a valid Thai phone number.", phone=phone)
            )
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    @api.constrains("saraban_check_officer_phone")
    def _check_saraban_check_officer_phone(self):
        for company in self:
            if company.saraban_check_officer_phone:
                self._saraban_normalize_phone(company.saraban_check_officer_phone)

    def saraban_due_days(self, urgency):
        """Days allowed to act on a letter of the given urgency."""
        self.ensure_one()
        return self[f"saraban_due_days_{urgency or 'normal'}"]

    def saraban_central_register(self, register_type="receive"):
        """The agency's central register of a type, created when missing."""
        self.ensure_one()
        Register = self.env["saraban.register"].sudo()
        register = Register.search(
            [
                ("company_id", "=", self.id),
                ("unit_id", "=", False),
                ("register_type", "=", register_type),
            ],
            limit=1,
        )
        if not register:
            register = Register.create(
                {
                    "company_id": self.id,
                    "register_type": register_type,
                    "name": dict(Register._fields["register_type"]._description_selection(self.env))[
                        register_type
                    ],
                }
            )
        return register
