from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class SarabanDocumentRoute(models.Model):
    """A letter passed on to a unit or a person, with an instruction (R4)."""

    _name = "saraban.document.route"
    _description = "Letter Routing"
    _order = "create_date desc, id desc"

    document_id = fields.Many2one(
        "saraban.document", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)
    document_secrecy = fields.Selection(related="document_id.secrecy", store=True, string="Secrecy")
    document_urgency = fields.Selection(related="document_id.urgency", string="Urgency")
    urgency_rank = fields.Integer(related="document_id.urgency_rank", store=True)
    from_user_id = fields.Many2one(
        "res.users", string="From", default=lambda self: self.env.user, readonly=True
    )
    unit_id = fields.Many2one("saraban.unit", string="To Unit", index=True, readonly=True)
    user_id = fields.Many2one("res.users", string="To Person", index=True, readonly=True)
    kind = fields.Selection(
        [("forward", "Forward"), ("order", "Order")], required=True, default="forward", readonly=True
    )
    instruction = fields.Text(readonly=True)
    due_date = fields.Date(readonly=True)
    state = fields.Selection(
        [("pending", "Waiting"), ("acknowledged", "Acknowledged"), ("done", "Done")],
        required=True,
        default="pending",
        index=True,
    )
    acknowledged_by_id = fields.Many2one("res.users", readonly=True)
    acknowledged_at = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "target_required",
            "check(unit_id IS NOT NULL OR user_id IS NOT NULL)",
            "A routing goes to a unit or a person.",
        ),
    ]

    @api.depends("document_id", "unit_id", "user_id")
    def _compute_display_name(self):
        for route in self:
            target = route.unit_id.display_name or route.user_id.display_name
            route.display_name = f"{route.document_id.name} → {target}"

    def _is_mine(self):
        self.ensure_one()
        user = self.env.user
        return self.user_id == user or (self.unit_id and self.unit_id in user.saraban_unit_ids)

    def action_acknowledge(self):
        """The recipient confirms they received the routed letter."""
        now = fields.Datetime.now()
        for route in self:
            if not route._is_mine():
                raise AccessError(
                    _("Only the recipient acknowledges a routing. / ผู้รับเท่านั้นที่ลงรับทราบได้")
                )
        pending = self.filtered(lambda r: r.state == "pending")
        pending.sudo().write(
            {"state": "acknowledged", "acknowledged_by_id": self.env.uid, "acknowledged_at": now}
        )
        for route in pending:
            route.document_id._log_action(
                "acknowledged", route=route, units=route.unit_id or None, users=route.user_id or None
            )
            route.document_id.sudo().activity_ids.filtered(
                lambda a: a.user_id == self.env.user
            ).action_feedback(feedback=_("Acknowledged"))
        return True
