from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    saraban_unit_ids = fields.Many2many(
        "saraban.unit",
        "saraban_unit_res_users_rel",
        "user_id",
        "unit_id",
        string="Saraban Units",
    )
    saraban_position = fields.Char(string="Position", help="Official position shown under a signature.")

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["saraban_unit_ids", "saraban_position"]

    def saraban_receive_register(self):
        """The receive register this user registers incoming letters in.

        Central saraban officers register in the agency's central register; unit
        clerks in the register of their (first) unit.
        """
        self.ensure_one()
        if self.has_group("saraban_module.group_saraban_officer"):
            return self.env.company.saraban_central_register("receive")
        unit = self.saraban_unit_ids.filtered(lambda u: u.company_id == self.env.company)[:1]
        if unit:
            return unit.receive_register()
        return self.env["saraban.register"]
