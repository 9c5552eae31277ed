from odoo import api, fields, models


class SarabanUnit(models.Model):
    """A unit (division, section) of the agency that receives and handles letters."""

    _name = "saraban.unit"
    _description = "Saraban Unit"
    _parent_store = True
    _order = "complete_name"
    _rec_name = "complete_name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="The unit's digits in letter numbers, e.g. .๒")
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    parent_id = fields.Many2one("saraban.unit", string="Parent Unit", index=True, ondelete="restrict")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("saraban.unit", "parent_id", string="Sub-units")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    head_id = fields.Many2one("res.users", string="Head of Unit")
    member_ids = fields.Many2many(
        "res.users",
        "saraban_unit_res_users_rel",
        "unit_id",
        "user_id",
        string="Members",
    )
    register_ids = fields.One2many("saraban.register", "unit_id", string="Registers")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A unit code must be unique in its agency."),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for unit in self:
            if unit.parent_id:
                unit.complete_name = f"{unit.parent_id.complete_name} / {unit.name}"
            else:
                unit.complete_name = unit.name

    def receive_register(self):
        """The unit's own receive register, created when missing."""
        self.ensure_one()
        Register = self.env["saraban.register"].sudo()
        register = Register.search(
            [("unit_id", "=", self.id), ("register_type", "=", "receive")], limit=1
        )
        if not register:
            register = Register.create(
                {
                    "name": self.env._("Receive Register: %(unit)s", unit=self.name),
                    "register_type": "receive",
                    "unit_id": self.id,
                    "company_id": self.company_id.id,
                }
            )
        return register
