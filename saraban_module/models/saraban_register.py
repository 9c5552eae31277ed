import logging

import psycopg2.errors

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import bangkok_year

_logger = logging.getLogger(__name__)

REGISTER_TYPES = [
    ("receive", "Receive Register"),
    ("send", "Send Register"),
    ("directive", "Directive Register"),
    ("circular", "Circular Register"),
    ("storage", "Storage Register"),
]


class SarabanRegister(models.Model):
    """A register book (ทะเบียน) of the agency or of one of its units.

    Entries are numbered from 1 through each calendar year (Asia/Bangkok), with
    no gap and no repeat (R3, R13).
    """

    _name = "saraban.register"
    _description = "Saraban Register"
    _order = "unit_id nulls first, register_type, name"

    name = fields.Char(required=True, translate=True)
    register_type = fields.Selection(REGISTER_TYPES, required=True, default="receive")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    unit_id = fields.Many2one(
        "saraban.unit",
        index=True,
        ondelete="restrict",
        help="Empty for the agency's central register.",
    )
    entry_ids = fields.One2many("saraban.register.entry", "register_id", string="Entries")
    active = fields.Boolean(default=True)

    def _next_number_start(self, year):
        self.env.cr.execute(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM saraban_register_entry"
            " WHERE register_id = %s AND year = %s",
            (self.id, year),
        )
        return self.env.cr.fetchone()[0]

    def _claim_entry(self, document, registered_at=None, remark=None):
        """Write the next entry of this register for ``document``; return it.

        The number is claimed by inserting the entry itself: the unique index on
        (register, year, number) decides between concurrent registrations. An
        insert that meets a number held by a transaction still running waits for
        it: if that transaction commits, the next number is tried; if it rolls
        back, the number is taken. So numbers are never skipped and never
        repeated, and no lock or serialization error reaches the user, whatever
        the isolation level or the number of concurrent registrations; the
        first entry of a new year needs nothing created beforehand.
        """
        self.ensure_one()
        registered_at = registered_at or fields.Datetime.now()
        year = bangkok_year(registered_at)
        number = self._next_number_start(year)
        cr = self.env.cr
        uid = self.env.uid
        attempts = 0
        while True:
            attempts += 1
            try:
                with cr.savepoint(flush=False):
                    cr.execute(
                        """
                        INSERT INTO saraban_register_entry
                            (register_id, register_type, company_id, unit_id,
                             document_id, number, year, registered_at,
                             registered_by_id, remark, cancelled,
                             create_uid, create_date, write_uid, write_date)
                        VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, false,
                                %s, now() at time zone 'UTC', %s, now() at time zone 'UTC')
                        RETURNING id
                        """,
                        (
                            self.id,
                            self.register_type,
                            self.company_id.id,
                            self.unit_id.id or None,
                            document.id,
                            number,
                            year,
                            registered_at,
                            uid,
                            remark or None,
                            uid,
                            uid,
                        ),
                        log_exceptions=False,
                    )
                    entry_id = cr.fetchone()[0]
                break
            except psycopg2.errors.UniqueViolation as error:
                constraint = getattr(error.diag, "constraint_name", "") or ""
                if "number" not in constraint:
                    raise
                number += 1
        if attempts > 1:
            _logger.debug("register %s: number %s/%s after %s attempts", self.id, number, year, attempts)
        return self.env["saraban.register.entry"].browse(entry_id)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_entries(self):
        if self.sudo().entry_ids:
            raise UserError(
                _(
                    "A register that has entries cannot be deleted; archive it instead. "
                    "/ ทะเบียนที่มีรายการแล้วลบไม่ได้ ให้เก็บเข้าคลังแทน"
                )
            )
