from odoo import fields, models

STEP_STATES = [
    ("waiting", "Waiting"),
    ("pending", "To Do"),
    ("approved", "Approved"),
    ("returned", "Returned"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]
ACTING_KINDS = [
    ("acting", "Acting (รักษาราชการแทน)"),
    ("on_behalf", "On Behalf (ปฏิบัติราชการแทน)"),
]


class SarabanApprovalStep(models.Model):
    """One step of a letter's approval, as it happened: who was asked, who acted, how."""

    _name = "saraban.approval.step"
    _description = "Letter Approval Step"
    _order = "document_id, round, sequence, id"

    document_id = fields.Many2one(
        "saraban.document", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)
    document_secrecy = fields.Selection(related="document_id.secrecy", string="Secrecy")
    round = fields.Integer(readonly=True, help="1 for the first submission, 2 after a return…")
    sequence = fields.Integer(readonly=True)
    chain_step_id = fields.Many2one("saraban.approval.chain.step", readonly=True, ondelete="set null")
    role_label = fields.Char(string="Role", readonly=True)
    approver_id = fields.Many2one("res.users", readonly=True)
    group_id = fields.Many2one("res.groups", readonly=True)
    is_signing = fields.Boolean(string="Signature", readonly=True)
    state = fields.Selection(STEP_STATES, required=True, default="waiting", readonly=True, index=True)
    pending_since = fields.Datetime(readonly=True)
    allowed_user_ids = fields.Many2many(
        "res.users", "saraban_approval_step_allowed_rel", "step_id", "user_id",
        string="May Act", readonly=True,
        help="Approvers and, while the step waits, the people acting for them.",
    )
    acted_by_id = fields.Many2one("res.users", string="Done By", readonly=True)
    acting_kind = fields.Selection(ACTING_KINDS, string="Acting", readonly=True)
    acted_for_id = fields.Many2one(
        "res.users", string="For", readonly=True, help="The absent approver the step was done for."
    )
    acted_at = fields.Datetime(string="Done On", readonly=True)
    comment = fields.Text(readonly=True)

    def _approver_users(self):
        self.ensure_one()
        if self.approver_id:
            return self.approver_id
        return self.group_id.users.filtered(lambda u: u.active and not u.share)

    def _capacity(self, user):
        """How ``user`` may act on this step: ``(False, no user)`` as the approver,
        ``(kind, absent approver)`` for an absent approver, or None."""
        self.ensure_one()
        approvers = self._approver_users()
        if user in approvers:
            return (False, user.browse())
        delegation = self.env["saraban.approval.delegation"].sudo()._active_for(approvers, user)
        if delegation:
            return (delegation.kind, delegation.user_id.with_env(user.env))
        return None

    def _refresh_allowed_users(self):
        Delegation = self.env["saraban.approval.delegation"].sudo()
        for step in self.sudo():
            approvers = step._approver_users()
            delegates = Delegation._active_for(approvers).delegate_id
            step.allowed_user_ids = [fields.Command.set((approvers | delegates).ids)]

    def _absent_label(self, absent):
        self.ensure_one()
        return " ".join(part for part in (absent.name, f"({self.role_label})" if self.role_label else "") if part)

    def _absent_position(self, absent):
        """The position printed after รักษาราชการแทน / ปฏิบัติราชการแทน."""
        self.ensure_one()
        return absent.saraban_position or self.role_label or absent.name
