from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import format_thai_datetime

ACTIONS = [
    ("created", "Created"),
    ("registered", "Registered"),
    ("registration_cancelled", "Registration Cancelled"),
    ("forwarded", "Forwarded"),
    ("commented", "Commented"),
    ("ordered", "Ordered"),
    ("acknowledged", "Acknowledged"),
    ("closed", "Closed"),
    ("reopened", "Reopened"),
    ("submitted", "Submitted for Approval"),
    ("approved", "Approved"),
    ("returned", "Returned for Correction"),
    ("rejected", "Rejected"),
    ("signed", "Signed"),
    ("numbered", "Numbered"),
    ("correction", "Correction Started"),
]


class SarabanDocumentAction(models.Model):
    """One step in a letter's history: who did what, to whom, with what comment, when (R5)."""

    _name = "saraban.document.action"
    _description = "Letter History"
    _order = "date desc, id desc"

    document_id = fields.Many2one(
        "saraban.document", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)
    document_secrecy = fields.Selection(related="document_id.secrecy", store=True, string="Secrecy")
    action = fields.Selection(ACTIONS, required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True, index=True)
    date_display = fields.Char(string="When", compute="_compute_date_display")
    target_user_ids = fields.Many2many(
        "res.users", "saraban_document_action_user_rel", "action_id", "user_id", string="To Persons",
        readonly=True,
    )
    target_unit_ids = fields.Many2many(
        "saraban.unit", "saraban_document_action_unit_rel", "action_id", "unit_id", string="To Units",
        readonly=True,
    )
    comment = fields.Text(readonly=True)
    entry_id = fields.Many2one("saraban.register.entry", string="Register Entry", readonly=True)
    route_id = fields.Many2one("saraban.document.route", readonly=True)

    @api.depends("date")
    def _compute_date_display(self):
        for line in self:
            line.date_display = format_thai_datetime(line.date, digits=False)

    def write(self, vals):  # pylint: disable=method-required-super
        # The history is append-only: no line is ever rewritten.
        raise UserError(self.env._("A letter's history cannot be changed. / แก้ไขประวัติหนังสือไม่ได้"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        raise UserError(self.env._("A letter's history cannot be deleted. / ลบประวัติหนังสือไม่ได้"))
