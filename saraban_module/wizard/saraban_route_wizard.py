from odoo import fields, models


class SarabanRouteWizard(models.TransientModel):
    _name = "saraban.route.wizard"
    _description = "Route a Letter"

    document_id = fields.Many2one("saraban.document", required=True, ondelete="cascade")
    is_secret = fields.Boolean(related="document_id.is_secret")
    kind = fields.Selection(
        [("forward", "Forward"), ("order", "Order")], required=True, default="forward"
    )
    unit_ids = fields.Many2many("saraban.unit", string="To Units")
    user_ids = fields.Many2many("res.users", string="To Persons")
    instruction = fields.Text(string="Instruction / Comment")

    def action_confirm(self):
        self.ensure_one()
        self.document_id.action_route(
            units=self.unit_ids, users=self.user_ids, instruction=self.instruction, kind=self.kind
        )
        return {"type": "ir.actions.act_window_close"}
