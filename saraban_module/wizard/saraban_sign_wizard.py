from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class SarabanSignWizard(models.TransientModel):
    """The signer confirms their intent with their own password (R13)."""

    _name = "saraban.sign.wizard"
    _description = "Sign a Letter"
    _transient_max_hours = 0.1

    document_id = fields.Many2one("saraban.document", required=True, ondelete="cascade")
    subject = fields.Char(related="document_id.name")
    letter_type = fields.Selection(related="document_id.letter_type")
    is_circular = fields.Boolean(related="document_id.is_circular")
    correction_pending = fields.Boolean(related="document_id.correction_pending")
    correction_reason = fields.Char(related="document_id.correction_reason")
    register_name = fields.Char(compute="_compute_register_name", string="Numbered In")
    password = fields.Char()

    def _compute_register_name(self):
        for wizard in self:
            doc = wizard.document_id
            wizard.register_name = (
                doc.send_entry_id.register_id.display_name
                if doc.correction_pending
                else doc.sudo()._numbering_register().display_name
            )

    def action_sign(self):
        """Sign; on a refusal, say why and let the signer try again.

        The typed password is wiped in every case. A refusal is not raised but
        shown, so that the wiping is kept while the signing itself is undone.
        """
        self.ensure_one()
        password = self.password
        self.write({"password": False})
        self.flush_recordset(["password"])
        try:
            with self.env.cr.savepoint():
                self.document_id.action_sign(password)
        except (UserError, AccessError) as error:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": self.env._("Not signed / ยังไม่ได้ลงนาม"),
                    "message": str(error.args[0] if error.args else error),
                    "type": "danger",
                    "sticky": False,
                },
            }
        return {"type": "ir.actions.act_window_close"}
