from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize
from odoo.tools.mail import generate_tracking_message_id

from ..tools import ecms

DELIVERY_STATES = [
    ("queued", "Queued"),
    ("sent", "Sent"),
    ("delivered", "In Receiver's System"),
    ("received", "Registered by Receiver"),
    ("rejected", "Rejected by Receiver"),
    ("failed", "Failed"),
]


class SarabanDelivery(models.Model):
    """One outgoing letter sent to one receiving agency by e-mail (R13, R14)."""

    _name = "saraban.delivery"
    _description = "Letter Delivery"
    _order = "id desc"
    _rec_name = "partner_id"

    document_id = fields.Many2one(
        "saraban.document", string="Letter", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True, index=True)
    letter_number = fields.Char(related="document_id.letter_number", string="Letter No.")
    subject = fields.Char(related="document_id.name", string="Subject")
    partner_id = fields.Many2one("res.partner", string="Receiving Agency", required=True, index=True)
    email = fields.Char(required=True, help="The receiving agency's central saraban address.")
    state = fields.Selection(DELIVERY_STATES, required=True, default="queued", index=True)
    failure_reason = fields.Text(readonly=True)
    failure_kind = fields.Selection(
        [("smtp", "Refused when sending"), ("bounce", "Bounced later"), ("invalid", "Reported invalid")],
        readonly=True,
    )
    mail_mail_id = fields.Many2one("mail.mail", string="E-mail", readonly=True, ondelete="set null")
    mail_message_id = fields.Many2one("mail.message", string="Message", readonly=True, ondelete="set null")
    message_id = fields.Char(string="Message-ID", readonly=True, index="btree_not_null")
    sent_by_id = fields.Many2one("res.users", readonly=True)
    sent_at = fields.Datetime(string="Sent On", readonly=True)
    delivered_at = fields.Datetime(string="Entered Receiver's System", readonly=True)
    receiver_number = fields.Char(string="Receiver's Receive No.", readonly=True)
    received_at = fields.Datetime(string="Registered by Receiver On", readonly=True)
    attempt = fields.Integer(default=0, readonly=True)
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")

    # ------------------------------------------------------------------ sending
    @api.model
    def _saraban_encrypted_transport(self):
        servers = self.env["ir.mail_server"].sudo().search([])  # pylint: disable=no-search-all
        return bool(servers) and all(s.smtp_encryption in ("starttls", "ssl") for s in servers)

    @api.model
    def _saraban_wake_mail_queue(self):
        """Have the outgoing mail queue run soon (the cron sends and records each result)."""
        cron = self.env.ref("mail.ir_cron_mail_scheduler_action", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()

    def _saraban_queue(self):
        """Build the e-mail of each delivery and put it in the outgoing queue."""
        Attachment = self.env["ir.attachment"].sudo()
        for delivery in self:
            doc = delivery.document_id.sudo()
            main, enclosures = doc._saraban_files()
            xml = doc._saraban_ecms_letter(delivery.partner_id, main, enclosures)
            files = self.env["ir.attachment"]
            if main:
                files |= Attachment.create(
                    {"name": doc.main_filename or main.name or "letter.pdf", "raw": main.raw,
                     "mimetype": main.mimetype, "res_model": doc._name, "res_id": doc.id}
                )
            files |= enclosures
            files |= Attachment.create(
                {"name": ecms.XML_FILENAME, "raw": xml, "mimetype": "application/xml",
                 "res_model": doc._name, "res_id": doc.id}
            )
            body = doc._saraban_outgoing_body(delivery.partner_id)
            message_id = generate_tracking_message_id(f"saraban-letter-{doc.id}-{delivery.id}")
            mail = self.env["mail.mail"].sudo().create(
                {
                    "model": doc._name,
                    "res_id": doc.id,
                    "subject": doc.name if not doc.letter_number else f"{doc.letter_number} {doc.name}",
                    "body_html": body,
                    "body": body,
                    "email_from": doc._saraban_company_from(),
                    "email_to": delivery.email,
                    "headers": repr({
                        "X-Saraban-Letter-ID": doc.letter_number or "",
                        "X-Saraban-Delivery": str(delivery.id),
                    }),
                    "attachment_ids": [fields.Command.set(files.ids)],
                    "auto_delete": False,
                    "message_id": message_id,
                }
            )
            delivery.write(
                {
                    "state": "queued",
                    "mail_mail_id": mail.id,
                    "mail_message_id": mail.mail_message_id.id,
                    "message_id": message_id,
                    "failure_reason": False,
                    "failure_kind": False,
                    "attempt": delivery.attempt + 1,
                }
            )
        self._saraban_wake_mail_queue()
        return True

    def action_resend(self):
        """One click after correcting the address: send this delivery again."""
        for delivery in self:
            if delivery.state not in ("failed", "rejected"):
                raise UserError(_("Only a failed delivery is sent again. / ส่งซ้ำได้เฉพาะรายการที่ส่งไม่สำเร็จ"))
            if not email_normalize(delivery.email or ""):
                raise UserError(_("Correct the e-mail address first. / กรุณาแก้ไขที่อยู่อีเมลก่อน"))
            if delivery.activity_id:
                delivery.activity_id.sudo().action_feedback(feedback=_("Sent again to %s", delivery.email))
        self.mapped("document_id")._saraban_check_can_email()
        self.sudo()._saraban_queue()
        return True

    def action_use_partner_address(self):
        for delivery in self:
            address = delivery.partner_id.saraban_email or delivery.partner_id.email
            if address:
                delivery.email = address
        return True

    # ------------------------------------------------------------------ results
    def _saraban_mark_sent(self):
        self.filtered(lambda d: d.state == "queued").write({"state": "sent", "sent_at": fields.Datetime.now()})

    def _saraban_mark_failed(self, reason, failure_kind="smtp"):
        """A delivery that failed shows on the letter, in the menu and as an activity (R14)."""
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for delivery in self:
            doc = delivery.document_id.sudo()
            delivery.write({"state": "failed", "failure_reason": reason, "failure_kind": failure_kind})
            user = delivery.sent_by_id or doc.create_uid
            activity = doc.activity_schedule(
                activity_type_id=activity_type.id if activity_type else False,
                user_id=user.id,
                summary=_("Letter not delivered to %(agency)s / ส่งหนังสือไม่ถึง %(agency)s",
                          agency=delivery.partner_id.display_name),
                note=Markup("<p>%s</p><p>%s</p>") % (delivery.email, reason),
            )
            delivery.activity_id = activity.id
            doc.message_post(
                body=Markup("<p>%s</p>") % _(
                    "Delivery to %(agency)s <%(email)s> failed: %(reason)s / ส่งไม่สำเร็จ",
                    agency=delivery.partner_id.display_name, email=delivery.email, reason=reason,
                ),
                message_type="notification",
            )

    def _saraban_apply_notifier(self, notifier, when=None):
        """The receiver's system answered (ReceiveLetter/AcceptLetter/RejectLetter/InvalidLetter)."""
        kind = notifier["kind"]
        when = when or fields.Datetime.now()
        for delivery in self:
            if kind == "ReceiveLetterNotifier":
                values = {"delivered_at": when}
                if delivery.state in ("queued", "sent", "failed"):
                    values["state"] = "delivered"
            elif kind == "AcceptLetterNotifier":
                values = {
                    "state": "received",
                    "receiver_number": notifier.get("accept_id") or False,
                    "received_at": when,
                    "failure_reason": False,
                }
                if not delivery.delivered_at:
                    values["delivered_at"] = when
            elif kind == "RejectLetterNotifier":
                values = {"state": "rejected", "failure_reason": notifier.get("reason") or _("Rejected")}
            else:
                delivery._saraban_mark_failed(
                    _("The receiver reported the letter invalid: %(reason)s", reason=notifier.get("reason") or "-"),
                    failure_kind="invalid",
                )
                continue
            delivery.write(values)
            if values.get("state") in ("received", "delivered") and delivery.activity_id:
                delivery.activity_id.sudo().action_feedback(feedback=_("Delivered"))
            if kind == "RejectLetterNotifier":
                delivery._saraban_mark_failed_activity_only(values["failure_reason"])

    def _saraban_mark_failed_activity_only(self, reason):
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for delivery in self:
            doc = delivery.document_id.sudo()
            activity = doc.activity_schedule(
                activity_type_id=activity_type.id if activity_type else False,
                user_id=(delivery.sent_by_id or doc.create_uid).id,
                summary=_("Letter rejected by %(agency)s / หน่วยงานผู้รับปฏิเสธหนังสือ",
                          agency=delivery.partner_id.display_name),
                note=reason,
            )
            delivery.activity_id = activity.id

    @api.model
    def _saraban_match(self, references, notifier, from_email, company):
        """The delivery a notifier answers: by Message-ID first, then by letter number and address."""
        domain_company = [("company_id", "=", company.id)] if company else []
        if references:
            delivery = self.sudo().search([("message_id", "in", references)] + domain_company, limit=1)
            if delivery:
                return delivery
        letter_id = (notifier or {}).get("letter_id")
        address = email_normalize(from_email or "")
        if letter_id and address:
            deliveries = self.sudo().search(
                [("document_id.letter_number", "=", letter_id)] + domain_company, order="id desc"
            )
            return deliveries.filtered(lambda d: email_normalize(d.email) == address)[:1]
        return self.browse()


class MailMail(models.Model):
    _inherit = "mail.mail"

    def _postprocess_sent_message(self, success_pids, failure_reason=False, failure_type=None):
        deliveries = self.env["saraban.delivery"].sudo().search(
            [("mail_mail_id", "in", self.ids), ("state", "=", "queued")]
        )
        for delivery in deliveries:
            mail = delivery.mail_mail_id
            if failure_type or mail.state == "exception":
                delivery._saraban_mark_failed(
                    failure_reason or mail.failure_reason or failure_type or _("Not sent"), failure_kind="smtp"
                )
            else:
                delivery._saraban_mark_sent()
        return super()._postprocess_sent_message(
            success_pids, failure_reason=failure_reason, failure_type=failure_type
        )
