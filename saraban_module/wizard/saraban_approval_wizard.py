from odoo import fields, models

MODES = [
    ("approve", "Approve"),
    ("return", "Return for Correction"),
    ("reject", "Reject"),
    ("correct", "Correct the Signed Letter"),
]


class SarabanApprovalWizard(models.TransientModel):
    """Approve, return or reject a letter with a comment, or open a correction."""

    _name = "saraban.approval.wizard"
    _description = "Approve, Return or Reject a Letter"

    document_id = fields.Many2one("saraban.document", required=True, ondelete="cascade")
    mode = fields.Selection(MODES, required=True, default="approve")
    comment = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        doc = self.document_id
        if self.mode == "approve":
            doc.action_approve(self.comment)
        elif self.mode == "return":
            doc.action_return(self.comment)
        elif self.mode == "reject":
            doc.action_reject(self.comment)
        else:
            doc.action_start_correction(self.comment)
        return {"type": "ir.actions.act_window_close"}
