from odoo import _, api, fields, models
from odoo.exceptions import UserError

REASONS = [
    ("size", "Over the size limit"),
    ("mime", "Malformed MIME"),
    ("dangerous", "Dangerous attachment"),
    ("error", "Processing error"),
]


class SarabanMailQuarantine(models.Model):
    """An e-mail of the central mailbox that could not become a letter: kept whole, never lost."""

    _name = "saraban.mail.quarantine"
    _description = "Quarantined E-mail"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _rec_name = "subject"

    subject = fields.Char(readonly=True)
    email_from = fields.Char(string="From", readonly=True)
    message_id = fields.Char(string="Message-ID", readonly=True, index="btree_not_null")
    date = fields.Datetime(string="Quarantined On", default=fields.Datetime.now, readonly=True)
    size = fields.Integer(string="Size (bytes)", readonly=True)
    reason = fields.Selection(REASONS, required=True, readonly=True, tracking=True)
    details = fields.Text(readonly=True)
    server_id = fields.Many2one("fetchmail.server", string="Mailbox", readonly=True, ondelete="set null")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, readonly=True, index=True
    )
    raw_attachment_id = fields.Many2one("ir.attachment", string="Original E-mail", readonly=True)
    raw_file = fields.Binary(related="raw_attachment_id.datas", string="Original (.eml)")
    raw_filename = fields.Char(related="raw_attachment_id.name")
    state = fields.Selection(
        [("open", "Needs Attention"), ("done", "Imported"), ("dismissed", "Dismissed")],
        default="open", required=True, tracking=True, index=True,
    )
    document_id = fields.Many2one("saraban.document", string="Letter", readonly=True)
    attempts = fields.Integer(default=1, readonly=True)

    @api.model
    def _saraban_create(self, raw, reason, details, server=None, company=None, headers=None):
        headers = headers or {}
        company = company or (server and server.saraban_company_id) or self.env.company
        record = self.sudo().create(
            {
                "subject": (headers.get("subject") or "")[:500] or _("(no subject)"),
                "email_from": (headers.get("from") or "")[:500],
                "message_id": headers.get("message_id") or False,
                "size": len(raw),
                "reason": reason,
                "details": details,
                "server_id": server.id if server else False,
                "company_id": company.id,
            }
        )
        attachment = self.env["ir.attachment"].sudo().create(
            {"name": "quarantined.eml", "raw": raw, "mimetype": "message/rfc822",
             "res_model": self._name, "res_id": record.id}
        )
        record.raw_attachment_id = attachment.id
        return record

    def _saraban_retry(self, force=False):
        Server = self.env["fetchmail.server"]
        for item in self:
            if item.state != "open":
                raise UserError(_("This e-mail was already handled. / รายการนี้ดำเนินการแล้ว"))
            raw = item.raw_attachment_id.raw
            server = item.server_id or Server
            result = server._saraban_ingest(
                raw, company=item.company_id, force=force, quarantine=item,
            )
            item.attempts += 1
            if result.get("document"):
                item.write({"state": "done", "document_id": result["document"].id})
            elif result.get("status") in ("duplicate", "notifier", "bounce"):
                item.write({"state": "done"})
        return True

    def action_retry(self):
        """Process the e-mail again with the same checks (e.g. after a fix or a new limit)."""
        self._check_officer()
        self._saraban_retry(force=False)
        return True

    def action_import_anyway(self):
        """An officer looked at the e-mail: import it despite the size or MIME checks."""
        self._check_officer()
        self._saraban_retry(force=True)
        return True

    def action_dismiss(self):
        self._check_officer()
        self.write({"state": "dismissed"})
        return True

    def _check_officer(self):
        if not self.env.user.has_group("saraban_module.group_saraban_officer"):
            raise UserError(
                _("Only central saraban officers handle quarantined e-mail. / เฉพาะเจ้าหน้าที่สารบรรณกลาง")
            )
