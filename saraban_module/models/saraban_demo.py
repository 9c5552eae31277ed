from odoo import api, models


class SarabanDemo(models.AbstractModel):
    """Demo data of a sample municipality (loaded with the addon's demo data only)."""

    _name = "saraban.demo"
    _description = "e-Saraban Demo Data"

    @api.model
    def _generate(self):
        return True
