from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    saraban_is_agency = fields.Boolean(
        string="Government Agency",
        help="A government agency that sends or receives official letters.",
    )
    saraban_agency_code = fields.Char(
        string="Agency Code", index="btree_not_null", help="e.g. มท ๐๘๐๘.๒"
    )
    saraban_email = fields.Char(
        string="Central Saraban E-mail",
        index="btree_not_null",
        help="The agency's central saraban mailbox, where official letters are sent.",
    )
    saraban_ministry_code = fields.Char(string="Ministry ID (e-CMS)")
    saraban_department_code = fields.Char(string="Department ID (e-CMS)")
