from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import format_thai_datetime, thai_digits

PROTECTED_FIELDS = {"register_id", "document_id", "number", "year", "registered_at", "registered_by_id"}


class SarabanRegisterEntry(models.Model):
    """One line of a register book. Never deleted, never renumbered."""

    _name = "saraban.register.entry"
    _description = "Saraban Register Entry"
    _order = "year desc, number desc"
    _rec_name = "number_display"

    register_id = fields.Many2one(
        "saraban.register", required=True, index=True, ondelete="restrict", readonly=True
    )
    register_type = fields.Selection(related="register_id.register_type", store=True)
    company_id = fields.Many2one(related="register_id.company_id", store=True, index=True)
    unit_id = fields.Many2one(related="register_id.unit_id", store=True, index=True)
    document_id = fields.Many2one(
        "saraban.document", required=True, index=True, ondelete="restrict", readonly=True
    )
    number = fields.Integer(required=True, readonly=True)
    year = fields.Integer(required=True, readonly=True, help="Calendar year (CE) in Asia/Bangkok.")
    year_be = fields.Integer(string="Year (BE)", compute="_compute_year_be")
    number_display = fields.Char(string="Register No.", compute="_compute_number_display")
    registered_at = fields.Datetime(required=True, readonly=True)
    registered_at_display = fields.Char(string="Registered On", compute="_compute_number_display")
    registered_by_id = fields.Many2one("res.users", readonly=True)
    remark = fields.Char()
    cancelled = fields.Boolean(readonly=True)
    cancel_reason = fields.Char(readonly=True)
    cancelled_by_id = fields.Many2one("res.users", readonly=True)
    cancelled_at = fields.Datetime(readonly=True)

    # Shown in the printed register (R3, R13).
    document_letter_number = fields.Char(related="document_id.letter_number", string="Letter No.")
    document_letter_date = fields.Date(related="document_id.letter_date", string="Dated")
    document_subject = fields.Char(related="document_id.name", string="Subject")
    document_sender = fields.Char(related="document_id.sender_display", string="From")
    document_recipient = fields.Char(related="document_id.recipient_display", string="To")
    document_secrecy = fields.Selection(related="document_id.secrecy", string="Secrecy")

    _sql_constraints = [
        (
            "register_year_number_uniq",
            "unique(register_id, year, number)",
            "A register number is used once in a year.",
        ),
        ("number_positive", "check(number > 0)", "Register numbers start at 1."),
    ]

    @api.depends("year")
    def _compute_year_be(self):
        for entry in self:
            entry.year_be = entry.year + 543 if entry.year else 0

    @api.depends("number", "year", "registered_at", "company_id.saraban_thai_digits")
    def _compute_number_display(self):
        for entry in self:
            digits = entry.company_id.saraban_thai_digits
            entry.number_display = thai_digits(entry.number, digits) if entry.number else ""
            entry.registered_at_display = format_thai_datetime(entry.registered_at, digits)

    @api.model_create_multi
    def create(self, vals_list):  # pylint: disable=method-required-super
        # Entries are only written by saraban.register._claim_entry(), which numbers them.
        raise UserError(
            _(
                "Register entries are written by registering a letter. "
                "/ รายการในทะเบียนเกิดจากการลงทะเบียนหนังสือเท่านั้น"
            )
        )

    def write(self, vals):
        if PROTECTED_FIELDS & set(vals):
            raise UserError(
                _(
                    "A register entry's number, date and letter cannot be changed. "
                    "/ แก้ไขเลขทะเบียน วันที่ หรือหนังสือของรายการในทะเบียนไม่ได้"
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_entry(self):
        raise UserError(
            _(
                "A register entry is never deleted; cancel it instead, its number stays used. "
                "/ ลบรายการในทะเบียนไม่ได้ ให้ยกเลิกแทน โดยเลขทะเบียนยังคงถูกใช้"
            )
        )

    def action_cancel(self, reason):
        """Cancel entries: the number stays in the register, marked cancelled."""
        if not reason:
            raise UserError(_("Give the reason for cancelling. / กรุณาระบุเหตุผลการยกเลิก"))
        self.check_access("write")
        for entry in self:
            if entry.cancelled:
                continue
            entry.sudo().write(
                {
                    "cancelled": True,
                    "cancel_reason": reason,
                    "cancelled_by_id": self.env.uid,
                    "cancelled_at": fields.Datetime.now(),
                }
            )
            entry.document_id._log_action(
                "registration_cancelled",
                comment=reason,
                entry=entry,
            )
            entry._release_document()
        return True

    def _release_document(self):
        """A letter whose shown receive number was cancelled waits to be registered again."""
        self.ensure_one()
        doc = self.document_id.sudo()
        shown = (
            doc.receive_register_id == self.register_id
            and doc.receive_number == self.number
            and doc.receive_year == self.year
        )
        if not shown:
            return
        active = doc.register_entry_ids.filtered(lambda e: not e.cancelled)
        values = {"receive_number": False, "receive_year": False, "receive_register_id": False}
        if active:
            # Registered elsewhere too: show that registration instead.
            latest = active.sorted("registered_at")[-1]
            values = {
                "receive_number": latest.number,
                "receive_year": latest.year,
                "receive_register_id": latest.register_id.id,
                "registered_at": latest.registered_at,
                "registered_by_id": latest.registered_by_id.id,
            }
        elif doc.state == "registered":
            values.update({"state": "draft", "registered_at": False, "registered_by_id": False})
        doc.write(values)

    def action_open_cancel_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "saraban.entry.cancel.wizard",
            "view_mode": "form",
            "target": "new",
            "name": _("Cancel Register Entry"),
            "context": {"default_entry_id": self.id},
        }
