from odoo import fields, models


class SarabanEntryCancelWizard(models.TransientModel):
    _name = "saraban.entry.cancel.wizard"
    _description = "Cancel a Register Entry"

    entry_id = fields.Many2one("saraban.register.entry", required=True, ondelete="cascade")
    reason = fields.Char(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.entry_id.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
