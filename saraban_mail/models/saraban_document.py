import base64
import codecs
import datetime
import email
import email.message
import email.policy
import logging

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import email_normalize, html2plaintext
from odoo.tools.mail import generate_tracking_message_id, unfold_references

from odoo.addons.saraban_module.tools import format_thai_date, format_thai_time, thai_digits

from ..tools import ecms

_logger = logging.getLogger(__name__)


def _saraban_codec_search(name):
    """Thai Windows code page under the names mail clients use for it."""
    if name.replace("_", "-").lower() in ("windows-874", "x-windows-874", "ms874", "x-cp874"):
        return codecs.lookup("cp874")
    return None


codecs.register(_saraban_codec_search)

ECMS_MIMETYPES = ("application/xml", "text/xml")


class SarabanDocument(models.Model):
    _inherit = "saraban.document"

    email_message_id = fields.Char(
        string="E-mail Message-ID", readonly=True, copy=False, index="btree_not_null"
    )
    email_from = fields.Char(string="E-mail From", readonly=True, copy=False)
    email_reply_to = fields.Char(string="E-mail Reply-To", readonly=True, copy=False)
    email_date = fields.Datetime(
        string="Sent On (e-mail)", readonly=True, copy=False,
        help="Date and time the sender's system sent the e-mail (its Date header, R6).",
    )
    email_original_id = fields.Many2one(
        "ir.attachment", string="Original E-mail", readonly=True, copy=False,
        help="The message exactly as it arrived (.eml), kept as evidence.",
    )
    fetchmail_server_id = fields.Many2one("fetchmail.server", string="Mailbox", readonly=True, copy=False)
    receipt_mail_id = fields.Many2one("mail.mail", string="Receipt E-mail", readonly=True, copy=False)
    receipt_sent_at = fields.Datetime(string="Receipt Sent On", readonly=True, copy=False)
    delivery_ids = fields.One2many("saraban.delivery", "document_id", string="Deliveries")
    delivery_count = fields.Integer(compute="_compute_delivery_stats")
    delivery_failed_count = fields.Integer(compute="_compute_delivery_stats")
    delivery_received_count = fields.Integer(compute="_compute_delivery_stats")

    @api.depends("delivery_ids.state")
    def _compute_delivery_stats(self):
        for doc in self:
            states = doc.delivery_ids.mapped("state")
            doc.delivery_count = len(states)
            doc.delivery_failed_count = sum(1 for s in states if s in ("failed", "rejected"))
            doc.delivery_received_count = sum(1 for s in states if s == "received")

    # ================================================================ inbound
    @api.model
    def _saraban_find_agency(self, address, company=None):
        """The directory entry of a sender address (saraban e-mail first, then e-mail)."""
        address = email_normalize(address or "")
        if not address:
            return self.env["res.partner"]
        Partner = self.env["res.partner"].sudo().with_context(active_test=True)
        domain_company = ["|", ("company_id", "=", False), ("company_id", "=", company.id)] if company else []
        partner = Partner.search(
            [("saraban_email", "=ilike", address)] + domain_company,
            order="saraban_is_agency desc, id", limit=1,
        )
        if not partner:
            partner = Partner.search(
                [("email_normalized", "=", address)] + domain_company,
                order="saraban_is_agency desc, is_company desc, id", limit=1,
            )
        return partner

    @api.model
    def _saraban_ecms_in(self, attachments):
        """The first e-CMS message among parsed attachments, or None."""
        for attachment in attachments or ():
            name, content = attachment[0] or "", attachment[1]
            if not (name.lower().endswith(".xml") or b"GovernmentDocument" in (
                content if isinstance(content, bytes) else b""
            )):
                continue
            data = content.encode("utf-8") if isinstance(content, str) else content
            parsed = ecms.parse(data)
            if parsed:
                return parsed
        return None

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A new e-mail in the central mailbox: a draft incoming letter (R2, R3, R6)."""
        ctx = self.env.context
        company = self.env["res.company"].browse(ctx.get("saraban_company_id")) or self.env.company
        values = dict(custom_values or {})
        attachments = msg_dict.get("attachments") or []
        letter = ctx.get("saraban_ecms")
        if letter is None:
            letter = self._saraban_ecms_in(attachments)
            if letter and letter["kind"] != "CorrespondenceLetter":
                letter = None
        letter = letter or None
        if "saraban_sender_id" in ctx:
            sender = self.env["res.partner"].browse(ctx["saraban_sender_id"])
        else:
            sender = self._saraban_find_agency(msg_dict.get("email_from"), company)
        subject = (letter or {}).get("subject") or msg_dict.get("subject") or _("(no subject)")
        values.update(
            {
                "name": subject[:1000],
                "direction": "incoming",
                "source": "exchange" if letter else "email",
                "state": "draft",
                "company_id": company.id,
                "sender_id": sender.id or False,
                "sender_name": False if sender else msg_dict.get("email_from"),
                "body": msg_dict.get("body") or False,
                "email_message_id": msg_dict.get("message_id"),
                "email_from": msg_dict.get("email_from"),
                "email_reply_to": ctx.get("saraban_reply_to") or False,
                "email_date": msg_dict.get("date") or False,
                "received_at": fields.Datetime.now(),
            }
        )
        if ctx.get("saraban_fetchmail_server_id"):
            values["fetchmail_server_id"] = ctx["saraban_fetchmail_server_id"]
        if letter:
            values.update(self._saraban_letter_values(letter, company))
        doc = self.with_company(company).create(values)

        Attachment = self.env["ir.attachment"].sudo()
        enclosure_ids, other_ids = [], []
        main = None
        seen = set()
        for attachment in attachments:
            name, content = attachment[0], attachment[1]
            info = attachment[2] if len(attachment) > 2 else {}
            if isinstance(content, str):
                content = content.encode((info or {}).get("encoding") or "utf-8", errors="replace")
            elif isinstance(content, email.message.Message):
                # message/rfc822 (a mail forwarded as attachment) is kept as an .eml file
                content = content.as_bytes(policy=email.policy.SMTP)
                if not (name or "").lower().endswith(".eml"):
                    name = f"{name or 'forwarded'}.eml"
            elif not isinstance(content, bytes):
                content = str(content).encode("utf-8")
            record = Attachment.create(
                {"name": name or "attachment", "raw": content, "res_model": self._name, "res_id": doc.id}
            )
            is_ecms = letter and name and name.lower().endswith(".xml") and ecms.parse(content)
            if is_ecms:
                other_ids.append(record.id)
                continue
            seen.add(record.checksum)
            enclosure_ids.append(record.id)
            if main is None and (record.mimetype == "application/pdf" or (name or "").lower().endswith(".pdf")):
                main = (record.name, content)
        if letter:
            # Binary objects of the e-CMS letter that did not also travel as e-mail attachments.
            items = ([letter["main"]] if letter.get("main") else []) + list(letter.get("attachments") or [])
            for index, item in enumerate(items):
                if not item:
                    continue
                name, data, mimetype = item
                record = Attachment.create(
                    {"name": name or "letter.pdf", "raw": data, "mimetype": mimetype,
                     "res_model": self._name, "res_id": doc.id}
                )
                if record.checksum in seen:
                    record.unlink()
                    if index == 0 and letter.get("main"):
                        main = (name, data)
                    continue
                seen.add(record.checksum)
                enclosure_ids.append(record.id)
                if index == 0 and letter.get("main"):
                    main = (record.name, data)
        raw = ctx.get("saraban_raw_message")
        original = False
        if raw:
            original = Attachment.create(
                {"name": "original.eml", "raw": raw, "mimetype": "message/rfc822",
                 "res_model": self._name, "res_id": doc.id}
            )
            other_ids.append(original.id)
        doc_values = {"attachment_ids": [fields.Command.set(enclosure_ids)]}
        if original:
            doc_values["email_original_id"] = original.id
        if main:
            doc_values.update({"main_file": base64.b64encode(main[1]), "main_filename": main[0]})
        doc.write(doc_values)
        # The message posted on the letter's chatter shows the same files.
        msg_dict["attachments"] = []
        msg_dict["attachment_ids"] = enclosure_ids + other_ids
        if letter and company.saraban_send_receive_notifier:
            doc._saraban_queue_notifier("ReceiveLetterNotifier")
        return doc

    @api.model
    def _saraban_letter_values(self, letter, company):
        """Letter fields from an e-CMS CorrespondenceLetter (no retyping)."""
        values = {
            "letter_number": letter.get("id") or False,
            "letter_date": letter.get("date") or False,
            "urgency": letter.get("urgency") or "normal",
            "secrecy": letter.get("secrecy") or "normal",
            "enclosure_text": letter.get("attachment_text") or False,
        }
        if letter.get("description"):
            values["summary"] = letter["description"]
        refs = letter.get("references") or []
        if refs:
            values["reference_text"] = "; ".join(
                " ".join(filter(None, [r.get("id"), str(r.get("date") or ""), r.get("subject")])) for r in refs
            )[:1000]
            numbers = [r["id"] for r in refs if r.get("id")]
            if numbers:
                known = self.sudo().search(
                    [("letter_number", "in", numbers), ("company_id", "=", company.id)]
                )
                if known:
                    values["reference_ids"] = [fields.Command.set(known.ids)]
        receiver = letter.get("receiver") or {}
        name = " ".join(filter(None, [receiver.get("given_name"), receiver.get("family_name")]))
        if receiver.get("job_title") or name:
            values["recipient_name"] = receiver.get("job_title") or name
        return values

    @api.model
    def _saraban_process_message(self, message, raw, company, server, headers):
        """Route one e-mail of a central mailbox (called in a savepoint).

        Every e-mail becomes an incoming letter, except bounces and e-CMS
        notifiers answering a letter this agency sent, which update that
        letter's delivery. Aliases and Odoo's reply threading are not used: a
        new letter that replies to an earlier one is still a new letter.
        """
        ctx = {
            "saraban_company_id": company.id,
            "saraban_fetchmail_server_id": server.id if server else False,
            "saraban_raw_message": raw,
            "saraban_reply_to": email_normalize(headers.get("reply_to") or "") or False,
            "fetchmail_cron_running": True,
            "mail_create_nosubscribe": True,
        }
        Doc = self.with_context(**ctx).with_company(company)
        msg_dict = Doc.message_parse(message, save_original=False)
        if server and not server.attach:
            msg_dict["attachments"] = []
        if msg_dict.get("is_bounce"):
            Doc._routing_handle_bounce(message, msg_dict)
            return {"status": "bounce"}
        if not msg_dict.get("email_from"):
            msg_dict["email_from"] = "unknown-sender@saraban.invalid"
        found = Doc._saraban_ecms_in(msg_dict.get("attachments"))
        kind = found["kind"] if found else (message.get("X-Saraban-Notifier") or "").strip()
        if kind in ecms.NOTIFIERS:
            notifier = found or {
                "kind": kind,
                "letter_id": (message.get("X-Saraban-Letter-ID") or "").strip(),
                "accept_id": (message.get("X-Saraban-Accept-ID") or "").strip(),
                "reason": "",
            }
            delivery = self.env["saraban.delivery"]._saraban_match(
                parse_references(msg_dict), notifier, msg_dict.get("email_from"), company
            )
            if delivery:
                stamp = message.get("X-Saraban-Registered-At") or message.get("X-Saraban-Received-At")
                when = _parse_stamp(stamp) or _parse_stamp(msg_dict.get("date")) or fields.Datetime.now()
                delivery._saraban_apply_notifier(notifier, when=when)
                Doc._message_route_process(
                    message, msg_dict, [(self._name, delivery.document_id.id, None, self.env.uid, None)]
                )
                return {"status": "notifier", "delivery": delivery}
        letter = found if found and found["kind"] == "CorrespondenceLetter" else False
        sender = Doc._saraban_find_agency(msg_dict.get("email_from"), company)
        if sender:
            msg_dict["author_id"] = sender.id
        thread_id = Doc.with_context(saraban_ecms=letter, saraban_sender_id=sender.id)._message_route_process(
            message, msg_dict, [(self._name, False, None, self.env.uid, None)]
        )
        return {"status": "letter", "document": self.browse(thread_id)}

    def _saraban_outgoing_body(self, partner):
        self.ensure_one()
        digits = self.company_id.saraban_thai_digits
        number = self.letter_number or "-"
        return Markup(
            "<p>เรียน %s</p><p>%s ขอส่งหนังสือ ที่ %s ลงวันที่ %s เรื่อง %s มาพร้อมนี้ "
            "รายละเอียดตามไฟล์แนบ</p><p>%s sends you letter no. %s of %s, \"%s\", attached "
            "(PDF, with its e-CMS description %s).</p>"
            "<p style='color:#888'>กรุณาตอบรับเมื่อได้รับหนังสือ / please confirm receipt.</p>"
        ) % (
            partner.name, self.company_id.name, number, format_thai_date(self.letter_date, digits) or "-",
            self.name, self.company_id.name, number, self.letter_date or "-", self.name, ecms.XML_FILENAME,
        )

    # ================================================================ register -> receipt (R4)
    @api.returns("saraban.register.entry")
    def action_register(self, register=None, remark=None):
        first = self.filtered(lambda d: d.state == "draft" or not d.receive_number)
        entries = super().action_register(register=register, remark=remark)
        to_answer = first.sudo().filtered(
            lambda d: d.source in ("email", "exchange") and (d.email_reply_to or d.email_from)
            and not d.receipt_mail_id and d.receive_number
        )
        for doc in to_answer:
            doc._saraban_send_receipt()
        return entries

    def action_register_selected(self):
        """List button / server action: register every selected draft letter at once."""
        drafts = self.filtered(lambda d: d.state == "draft" and d.direction != "outgoing")
        if not drafts:
            raise UserError(_("Select letters waiting to be registered. / กรุณาเลือกหนังสือที่รอลงทะเบียนรับ"))
        entries = drafts.action_register()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("%(count)s letter(s) registered. / ลงทะเบียนรับแล้ว %(count)s ฉบับ",
                             count=len(entries)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _saraban_company_from(self):
        self.ensure_one()
        company = self.company_id
        address = company.saraban_central_email or company.email
        if not address:
            raise UserError(
                _("Set the agency's central saraban e-mail first (Settings). "
                  "/ กรุณากำหนดที่อยู่ไปรษณีย์อิเล็กทรอนิกส์กลางของหน่วยงานก่อน")
            )
        from odoo.tools import formataddr

        return formataddr((company.name or "", address))

    def _saraban_notifier_headers(self, kind, extra=None):
        self.ensure_one()
        headers = {
            "X-Saraban-Notifier": kind,
            "X-Saraban-Letter-ID": self.letter_number or "",
            "Auto-Submitted": "auto-replied",
        }
        if self.email_message_id:
            headers["In-Reply-To"] = self.email_message_id
        headers.update(extra or {})
        return headers

    def _saraban_queue_notifier(self, kind, reason=None):
        """Queue an e-CMS notifier e-mail back to the sender of an incoming letter."""
        self.ensure_one()
        to = self.email_reply_to or self.email_from
        if not to:
            return self.env["mail.mail"]
        digits = self.company_id.saraban_thai_digits
        accept_id = thai_digits(self.receive_number, False) if kind == "AcceptLetterNotifier" else None
        xml = ecms.build_notifier(
            kind, self.letter_number, self.letter_date, self.name, accept_id=accept_id, reason=reason
        )
        extra = {}
        if kind == "AcceptLetterNotifier":
            extra = {
                "X-Saraban-Accept-ID": str(self.receive_number),
                "X-Saraban-Registered-At": fields.Datetime.to_string(self.registered_at) + "Z",
            }
        elif kind == "ReceiveLetterNotifier":
            extra = {"X-Saraban-Received-At": fields.Datetime.to_string(self.received_at) + "Z"}
        body, subject = self._saraban_notifier_text(kind, digits, reason)
        attachment = self.env["ir.attachment"].sudo().create(
            {"name": ecms.NOTIFIER_FILENAMES[kind], "raw": xml, "mimetype": "application/xml",
             "res_model": self._name, "res_id": self.id}
        )
        mail = self.env["mail.mail"].sudo().create(
            {
                "model": self._name,
                "res_id": self.id,
                "subject": subject,
                "body_html": body,
                "body": body,
                "email_from": self._saraban_company_from(),
                "email_to": to,
                "references": self.email_message_id or False,
                "headers": repr(self._saraban_notifier_headers(kind, extra)),
                "attachment_ids": [fields.Command.link(attachment.id)],
                "auto_delete": False,
                "message_id": generate_tracking_message_id(f"saraban-{kind}"),
            }
        )
        self.env['saraban.delivery']._saraban_wake_mail_queue()
        return mail

    def _saraban_notifier_text(self, kind, digits, reason=None):
        self.ensure_one()
        letter_no = self.letter_number or "-"
        letter_date = format_thai_date(self.letter_date, digits) or "-"
        company = self.company_id.name
        if kind == "AcceptLetterNotifier":
            number = thai_digits(self.receive_number, digits)
            date_th = format_thai_date(self.registered_at, digits)
            time_th = format_thai_time(self.registered_at, digits)
            when_en = fields.Datetime.context_timestamp(
                self.with_context(tz="Asia/Bangkok"), self.registered_at
            ).strftime("%d %B %Y %H:%M")
            subject = f"ตอบรับหนังสือ / Receipt: {self.name}"
            th = (f"{company} ได้รับและลงทะเบียนรับหนังสือของท่าน ที่ {letter_no} ลงวันที่ {letter_date} "
                  f"เรื่อง {self.name} แล้ว เลขรับ {number} วันที่ {date_th} เวลา {time_th}")
            en = (f"{company} received and registered your letter no. {letter_no} "
                  f"of {self.letter_date or '-'}, \"{self.name}\": receive number "
                  f"{self.receive_number}, on {when_en} (Asia/Bangkok).")
        elif kind == "ReceiveLetterNotifier":
            date_th = format_thai_date(self.received_at, digits)
            time_th = format_thai_time(self.received_at, digits)
            subject = f"หนังสือถึงระบบแล้ว / Letter received: {self.name}"
            th = (f"หนังสือของท่าน ที่ {letter_no} เรื่อง {self.name} เข้าสู่ระบบสารบรรณของ {company} "
                  f"เมื่อวันที่ {date_th} เวลา {time_th} และรอการลงทะเบียนรับ")
            en = (f"Your letter no. {letter_no}, \"{self.name}\", entered the saraban system of "
                  f"{company} on {self.received_at} UTC and waits to be registered.")
        else:
            subject = f"ปฏิเสธการรับหนังสือ / Letter rejected: {self.name}"
            th = (f"{company} ไม่รับหนังสือของท่าน ที่ {letter_no} เรื่อง {self.name} "
                  f"เหตุผล: {reason or '-'}")
            en = f"{company} did not accept your letter no. {letter_no}, \"{self.name}\". Reason: {reason or '-'}"
        body = Markup("<p>%s</p><p>%s</p><p style='color:#888'>%s</p>") % (
            th, en, "ข้อความนี้ส่งโดยอัตโนมัติจากระบบสารบรรณอิเล็กทรอนิกส์ / automatic message",
        )
        return body, subject

    def _saraban_send_receipt(self):
        """The receipt result (number, date, time) back to the sender (R4)."""
        self.ensure_one()
        mail = self._saraban_queue_notifier("AcceptLetterNotifier")
        if mail:
            self.sudo().write({"receipt_mail_id": mail.id, "receipt_sent_at": fields.Datetime.now()})
        return mail

    def action_reject_letter(self, reason):
        """Refuse an incoming e-mail letter: tell the sender (RejectLetterNotifier), cancel it."""
        if not reason:
            raise UserError(_("Give the reason for rejecting the letter. / กรุณาระบุเหตุผลที่ไม่รับหนังสือ"))
        if not self.env.user.has_group("saraban_module.group_saraban_officer"):
            raise AccessError(_("Only central saraban officers reject letters. / เฉพาะเจ้าหน้าที่สารบรรณกลาง"))
        for doc in self:
            if doc.state != "draft" or doc.source not in ("email", "exchange"):
                raise UserError(
                    _("Only an e-mailed letter that is not registered yet can be rejected. "
                      "/ ปฏิเสธได้เฉพาะหนังสือทางอีเมลที่ยังไม่ลงทะเบียนรับ")
                )
            doc.sudo()._saraban_queue_notifier("RejectLetterNotifier", reason=reason)
            doc.sudo().write({"state": "cancelled"})
            doc._log_action("commented", comment=_("Rejected: %(reason)s", reason=reason))
        return True

    # ================================================================ outbound (R13, R14)
    def _saraban_party(self, partner_or_company, job_title=None):
        partner = partner_or_company
        return {
            "given_name": partner.name or "",
            "family_name": "",
            "job_title": job_title or "",
            "ministry_id": getattr(partner, "saraban_ministry_code", "") or "",
            "department_id": getattr(partner, "saraban_department_code", "") or partner.saraban_agency_code or "",
        }

    def _saraban_files(self):
        """``(main attachment or None, enclosures)`` of an outgoing letter."""
        self.ensure_one()
        Attachment = self.env["ir.attachment"].sudo()
        main = Attachment.search(
            [("res_model", "=", self._name), ("res_id", "=", self.id), ("res_field", "=", "main_file")], limit=1
        )
        return main, self.sudo().attachment_ids

    def _saraban_ecms_letter(self, partner, main, enclosures):
        self.ensure_one()
        company = self.company_id
        return ecms.build_letter(
            {
                "to": partner.saraban_email or partner.email,
                "id": self.letter_number,
                "date": self.letter_date,
                "subject": self.name,
                "secrecy": self.secrecy,
                "urgency": self.urgency,
                "sender": self._saraban_party(company.partner_id.with_context(), job_title=company.name)
                | {"department_id": company.saraban_agency_code or ""},
                "receiver": self._saraban_party(partner),
                "references": [
                    {"id": ref.letter_number, "date": ref.letter_date, "subject": ref.name}
                    for ref in self.sudo().reference_ids
                ],
                "attachment_text": self.enclosure_text or ", ".join(enclosures.mapped("name")),
                "send_date": fields.Datetime.now(),
                "description": self.summary or "",
                "main": (self.main_filename or main.name, main.raw, main.mimetype or "application/pdf")
                if main else None,
                "attachments": [(a.name, a.raw, a.mimetype) for a in enclosures],
            }
        )

    def _saraban_check_can_email(self):
        Delivery = self.env["saraban.delivery"]
        for doc in self:
            doc._check_electronic_allowed(_("sent"))
            if doc.direction != "outgoing":
                raise UserError(_("Only outgoing letters are sent. / ส่งได้เฉพาะหนังสือส่ง"))
            if doc.state not in ("signed", "sent"):
                raise UserError(
                    _("Only a signed letter is sent. / ส่งได้เฉพาะหนังสือที่ลงนามแล้ว")
                )
            if doc.is_secret:
                doc._check_secret_clearance(_("send a secret letter"))
                if not Delivery._saraban_encrypted_transport():
                    raise UserError(
                        _("A confidential or secret letter is sent only over an encrypted channel (R15): "
                          "configure the outgoing mail server with TLS. / หนังสือลับต้องส่งผ่านช่องทางที่เข้ารหัส")
                    )
            if not doc.main_file:
                raise UserError(_("Attach the signed letter (PDF) first. / กรุณาแนบไฟล์หนังสือที่ลงนามแล้ว"))
            if not doc.recipient_ids:
                raise UserError(_("Choose the receiving agencies. / กรุณาเลือกหน่วยงานผู้รับ"))
            missing = doc.recipient_ids.filtered(lambda p: not (p.saraban_email or p.email))
            if missing:
                raise UserError(
                    _("These agencies have no saraban e-mail address: %(names)s / หน่วยงานเหล่านี้ไม่มีที่อยู่อีเมล",
                      names=", ".join(missing.mapped("display_name")))
                )
            doc._saraban_company_from()

    @api.returns("saraban.delivery")
    def action_send_email(self):
        """Send signed outgoing letters to each receiving agency's central mailbox (R13)."""
        self.check_access("write")
        self._saraban_check_can_email()
        Delivery = self.env["saraban.delivery"].sudo()
        deliveries = Delivery
        for doc in self:
            done = doc.delivery_ids.filtered(lambda d: d.state not in ("failed", "rejected")).partner_id
            for partner in doc.recipient_ids - done:
                delivery = Delivery.create(
                    {
                        "document_id": doc.id,
                        "partner_id": partner.id,
                        "email": partner.saraban_email or partner.email,
                        "sent_by_id": self.env.uid,
                    }
                )
                delivery._saraban_queue()
                deliveries |= delivery
            if doc.state == "signed":
                doc.sudo().write({"state": "sent"})
            doc._log_action(
                "commented",
                comment=_("Sent by e-mail to %(to)s", to=", ".join(deliveries.filtered(
                    lambda d, doc=doc: d.document_id == doc).mapped("email"))),
            )
        return deliveries

    def action_send_email_button(self):
        self.action_send_email()
        return True

    def action_view_deliveries(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Deliveries"),
            "res_model": "saraban.delivery",
            "view_mode": "list,form",
            "domain": [("document_id", "=", self.id)],
            "context": {"default_document_id": self.id},
        }


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _routing_handle_bounce(self, email_message, message_dict):
        """A bounce (DSN) of a letter sent to an agency marks its delivery failed (R14)."""
        super()._routing_handle_bounce(email_message, message_dict)
        ids = list(message_dict.get("bounced_msg_ids") or [])
        if not ids:
            return
        Delivery = self.env["saraban.delivery"].sudo()
        deliveries = Delivery.search([("message_id", "in", ids), ("state", "in", ("queued", "sent", "delivered"))])
        bounced = email_normalize(message_dict.get("bounced_email") or "")
        if len(deliveries) > 1 and bounced:
            deliveries = deliveries.filtered(lambda d: email_normalize(d.email) == bounced) or deliveries
        if deliveries:
            text = html2plaintext(message_dict.get("body") or "").strip()
            reason = _("Bounced by the receiving mail server: %(text)s", text=text[:1000] or "-")
            deliveries._saraban_mark_failed(reason, failure_kind="bounce")


def _parse_stamp(value):
    """A naive UTC datetime from an ISO stamp or an Odoo datetime string, or False."""
    if not value:
        return False
    value = str(value).strip().rstrip("Z")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.datetime.strptime(value[:19], fmt)
        except ValueError:
            continue
    return False


def parse_references(msg_dict):
    refs = unfold_references((msg_dict.get("in_reply_to") or "") + " " + (msg_dict.get("references") or ""))
    return [r.strip() for r in refs if r.strip()]



