from odoo import api, fields, models

from .saraban_document import LETTER_SUBTYPES, LETTER_TYPES


class SarabanLetterTemplate(models.Model):
    """A reusable letter text (แบบฟอร์มหนังสือ), applied to a draft from its form."""

    _name = "saraban.letter.template"
    _description = "Letter Template"
    _order = "letter_type, name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    letter_type = fields.Selection(LETTER_TYPES, required=True, default="external")
    letter_subtype = fields.Selection(LETTER_SUBTYPES, string="Letter Sub-type")
    subject = fields.Char(help="เรื่อง")
    salutation = fields.Char(help="คำขึ้นต้น, e.g. เรียน")
    body = fields.Html(string="Text", sanitize=True)
    closing = fields.Char(help="คำลงท้าย, e.g. ขอแสดงความนับถือ")

    @api.onchange("letter_type")
    def _onchange_letter_type(self):
        if self.letter_type == "external" and not self.closing:
            self.closing = "ขอแสดงความนับถือ"

    def _letter_values(self):
        """What the template writes on a letter (empty parts are left alone)."""
        self.ensure_one()
        values = {"letter_type": self.letter_type, "letter_subtype": self.letter_subtype or False}
        for source, target in (
            ("subject", "name"),
            ("salutation", "salutation"),
            ("body", "body"),
            ("closing", "closing"),
        ):
            if self[source]:
                values[target] = self[source]
        return values
