from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .saraban_document import LETTER_TYPES

APPROVER_TYPES = [
    ("user", "Person"),
    ("group", "Anyone in a Group"),
    ("unit_head", "Head of the Letter's Unit"),
]


class SarabanApprovalChain(models.Model):
    """The steps an outgoing letter goes through before it is signed (R13).

    A chain applies to the letters of a unit (and its sub-units) and of a letter
    type; the most specific chain wins. Its last step is the signer.
    """

    _name = "saraban.approval.chain"
    _description = "Approval Chain"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    unit_id = fields.Many2one(
        "saraban.unit", index=True,
        help="Letters owned by this unit or its sub-units. Empty: every unit.",
    )
    letter_type = fields.Selection(LETTER_TYPES, help="Empty: every type of letter.")
    step_ids = fields.One2many("saraban.approval.chain.step", "chain_id", string="Steps", copy=True)

    @api.constrains("step_ids")
    def _check_steps(self):
        for chain in self:
            if not chain.step_ids:
                raise ValidationError(
                    _("An approval chain needs at least its signer. / สายการเสนอต้องมีผู้ลงนามอย่างน้อยหนึ่งขั้น")
                )

    @api.model
    def _find_for(self, document):
        """The most specific active chain for ``document`` (unit depth, then type)."""
        chains = self.search(
            [
                ("company_id", "=", document.company_id.id),
                "|", ("letter_type", "=", False), ("letter_type", "=", document.letter_type),
            ]
        )
        unit = document.owner_unit_id
        best, best_key = self.browse(), None
        for chain in chains:
            if chain.unit_id:
                if not unit or not (unit.parent_path or "").startswith(chain.unit_id.parent_path or "-"):
                    continue
                depth = len(chain.unit_id.parent_path.split("/"))
            else:
                depth = 0
            key = (depth, 1 if chain.letter_type else 0, -chain.sequence, -chain.id)
            if best_key is None or key > best_key:
                best, best_key = chain, key
        return best

    def _step_values(self, document):
        """Values of the document's approval steps, resolved for ``document``."""
        self.ensure_one()
        steps = self.step_ids.sorted(lambda s: (s.sequence, s.id))
        values = []
        for index, step in enumerate(steps):
            last = index == len(steps) - 1
            vals = {"role_label": step.role_label, "chain_step_id": step.id}
            if step.approver_type == "user":
                vals["approver_id"] = step.user_id.id
            elif step.approver_type == "unit_head":
                head = document.owner_unit_id.head_id
                unit = document.owner_unit_id.parent_id
                while not head and unit:
                    head, unit = unit.head_id, unit.parent_id
                if not head:
                    raise UserError(
                        _(
                            "The letter's unit has no head to approve it: set the unit or its head. "
                            "/ หน่วยงานเจ้าของหนังสือยังไม่มีหัวหน้า"
                        )
                    )
                vals["approver_id"] = head.id
            elif last and document.signer_id and document.signer_id in step.group_id.users:
                # The drafter chose the signer among the group of the last step.
                vals["approver_id"] = document.signer_id.id
            else:
                vals["group_id"] = step.group_id.id
            values.append(vals)
        return values


class SarabanApprovalChainStep(models.Model):
    _name = "saraban.approval.chain.step"
    _description = "Approval Chain Step"
    _order = "chain_id, sequence, id"

    chain_id = fields.Many2one("saraban.approval.chain", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    role_label = fields.Char(
        string="Role", required=True, translate=True,
        help="As the letter's history shows it, e.g. หัวหน้ากอง, ปลัดเทศบาล, นายกเทศมนตรี.",
    )
    approver_type = fields.Selection(APPROVER_TYPES, required=True, default="user")
    user_id = fields.Many2one("res.users", string="Approver")
    group_id = fields.Many2one("res.groups")

    @api.constrains("approver_type", "user_id", "group_id")
    def _check_approver(self):
        for step in self:
            if step.approver_type == "user" and not step.user_id:
                raise ValidationError(_("Choose the approver. / กรุณาเลือกผู้พิจารณา"))
            if step.approver_type == "group" and not step.group_id:
                raise ValidationError(_("Choose the group. / กรุณาเลือกกลุ่มผู้พิจารณา"))
