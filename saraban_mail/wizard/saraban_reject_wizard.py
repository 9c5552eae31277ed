from odoo import fields, models


class SarabanRejectWizard(models.TransientModel):
    _name = "saraban.reject.wizard"
    _description = "Reject an E-mailed Letter"

    document_ids = fields.Many2many("saraban.document", string="Letters")
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        self.document_ids.action_reject_letter(self.reason)
        return {"type": "ir.actions.act_window_close"}
