from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .saraban_approval_step import ACTING_KINDS


class SarabanApprovalDelegation(models.Model):
    """Someone acts for an absent approver for a period (รักษาราชการแทน / ปฏิบัติราชการแทน).

    While it is in force, the delegate may approve, return, reject or sign the
    letters waiting for the absent approver; each step records who acted and for
    whom, and a signature prints the acting capacity under the position.
    """

    _name = "saraban.approval.delegation"
    _description = "Acting for an Absent Approver"
    _order = "date_from desc, id desc"

    user_id = fields.Many2one(
        "res.users", string="Absent Approver", required=True, index=True,
        default=lambda self: self.env.user,
    )
    delegate_id = fields.Many2one("res.users", string="Acting Person", required=True, index=True)
    kind = fields.Selection(ACTING_KINDS, string="Acting Kind", required=True, default="on_behalf")
    date_from = fields.Date(string="From", required=True, default=fields.Date.context_today)
    date_to = fields.Date(string="Until", help="Empty: until withdrawn.")
    note = fields.Char(help="e.g. the order appointing the acting person.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.constrains("user_id", "delegate_id", "date_from", "date_to")
    def _check_delegation(self):
        for delegation in self:
            if delegation.user_id == delegation.delegate_id:
                raise ValidationError(
                    _("A person cannot act for themselves. / ผู้รักษาราชการแทนต้องเป็นคนละคนกับผู้มอบ")
                )
            if delegation.date_to and delegation.date_to < delegation.date_from:
                raise ValidationError(
                    _("The period ends before it starts. / วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น")
                )

    def _active_domain(self, day=None):
        day = day or fields.Date.context_today(self)
        return [
            ("active", "=", True),
            ("date_from", "<=", day),
            "|", ("date_to", "=", False), ("date_to", ">=", day),
        ]

    @api.model
    def _active_for(self, approvers, delegate=None):
        """Delegations in force today from any of ``approvers`` (to ``delegate``)."""
        domain = self._active_domain() + [("user_id", "in", approvers.ids)]
        if delegate is not None:
            domain.append(("delegate_id", "=", delegate.id))
        return self.search(domain, order="date_from desc, id desc", limit=None if delegate is None else 1)

    @api.model
    def _delegators_of(self, delegate):
        return self.sudo().search(self._active_domain() + [("delegate_id", "=", delegate.id)]).user_id

    @api.model_create_multi
    def create(self, vals_list):
        delegations = super().create(vals_list)
        delegations._refresh_pending_steps()
        return delegations

    def write(self, vals):
        before = self.user_id
        result = super().write(vals)
        self._refresh_pending_steps(before)
        return result

    def _refresh_pending_steps(self, users=None):
        users = (users or self.env["res.users"]) | self.user_id
        steps = self.env["saraban.approval.step"].sudo().search([("state", "=", "pending")])
        steps.filtered(lambda s: s._approver_users() & users)._refresh_allowed_users()
