import email
import email.errors
import email.policy
import hashlib
import logging
import re
import traceback
from collections import Counter
from email.parser import BytesHeaderParser
from imaplib import IMAP4

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)

# Defects after which the message cannot be trusted to be complete.
SERIOUS_DEFECTS = (
    email.errors.StartBoundaryNotFoundDefect,
    email.errors.CloseBoundaryNotFoundDefect,
    email.errors.MultipartInvariantViolationDefect,
    email.errors.NoBoundaryInMultipartDefect,
    email.errors.MissingHeaderBodySeparatorDefect,
    email.errors.InvalidBase64CharactersDefect,
    email.errors.InvalidBase64LengthDefect,
)
DANGEROUS_EXTENSIONS = {
    "exe", "scr", "bat", "cmd", "com", "pif", "vbs", "vbe", "js", "jse", "wsf", "wsh", "msi",
    "jar", "ps1", "hta", "cpl", "lnk", "reg", "dll",
}
FETCH_BATCH_COUNT = 25
FETCH_BATCH_BYTES = 32 * 1024 * 1024
UID_RE = re.compile(rb"UID (\d+)")
SIZE_RE = re.compile(rb"RFC822\.SIZE (\d+)")


class FetchmailServer(models.Model):
    _inherit = "fetchmail.server"

    saraban_company_id = fields.Many2one(
        "res.company", string="Saraban Agency",
        help="The agency whose central mailbox this is: its letters are created in this company.",
    )
    saraban_max_size = fields.Integer(
        string="Largest E-mail (KB)", default=25 * 1024,
        help="Larger e-mails are quarantined for an officer to look at instead of becoming letters.",
    )
    saraban_quarantine_count = fields.Integer(compute="_compute_saraban_quarantine_count")

    def _compute_saraban_quarantine_count(self):
        groups = self.env["saraban.mail.quarantine"]._read_group(
            [("server_id", "in", self.ids), ("state", "=", "open")], ["server_id"], ["__count"]
        )
        counts = {server.id: count for server, count in groups}
        for server in self:
            server.saraban_quarantine_count = counts.get(server.id, 0)

    def _saraban_is_central(self):
        self.ensure_one()
        return self.object_id.model == "saraban.document" and self._get_connection_type() == "imap"

    # ================================================================ fetching
    def fetch_mail(self, raise_exception=True):
        """Central saraban mailboxes are read by :meth:`_saraban_fetch_imap`; others as stock."""
        central = self.filtered(lambda s: s._saraban_is_central())
        others = self - central
        if others:
            super(FetchmailServer, others).fetch_mail(raise_exception=raise_exception)
        for server in central:
            server._saraban_fetch_imap(raise_exception=raise_exception)
        return True

    def _saraban_fetch_imap(self, raise_exception=True):
        """Read the unseen messages of the central mailbox; lose nothing.

        Messages are read with BODY.PEEK (reading does not flag them), each is
        processed in a savepoint and becomes a letter, updates a delivery or is
        quarantined with the raw message; the batch is committed, and only then
        are its messages flagged \\Seen. A connection lost at any point leaves
        the uncommitted messages unseen; a message committed but not flagged is
        recognised by its Message-ID at the next fetch and not imported twice.
        """
        self.ensure_one()
        counts = Counter()
        imap = None
        _logger.info("start checking for new emails on saraban mailbox %s", self.name)
        try:
            imap = self.connect()
            imap.select()
            typ, data = imap.uid("SEARCH", None, "(UNSEEN)")
            uids = data[0].split() if data and data[0] else []
            sizes = self._saraban_fetch_sizes(imap, uids)
            for batch in self._saraban_batches(uids, sizes):
                typ, data = imap.uid("FETCH", b",".join(batch), "(UID BODY.PEEK[])")
                fetched = self._saraban_parse_fetch(data)
                done = []
                for uid in batch:
                    raw = fetched.get(uid)
                    if raw is None:
                        continue  # expunged meanwhile by another client
                    result = self._saraban_ingest(raw)
                    counts[result["status"]] += 1
                    done.append(uid)
                # Letters are committed before their mails are flagged \Seen, so a
                # crash in between re-reads them (and Message-ID dedup skips them).
                self.env.cr.commit()  # pylint: disable=invalid-commit
                if done:
                    imap.uid("STORE", b",".join(done), "+FLAGS.SILENT", "(\\Seen)")
            _logger.info("saraban mailbox %s: %s", self.name, dict(counts))
        except Exception as error:
            if raise_exception:
                raise ValidationError(
                    _("Couldn't get your emails. Check out the error message below for more info:\n%s", error)
                ) from error
            _logger.info("General failure when fetching saraban mailbox %s.", self.name, exc_info=True)
        finally:
            if imap:
                try:
                    imap.close()
                    imap.logout()
                except (OSError, IMAP4.abort, IMAP4.error):
                    _logger.info("Failed to properly finish imap connection: %s.", self.name)
        self.write({"date": fields.Datetime.now()})
        return counts

    @api.model
    def _saraban_fetch_sizes(self, imap, uids):
        sizes = {}
        if not uids:
            return sizes
        typ, data = imap.uid("FETCH", b",".join(uids), "(UID RFC822.SIZE)")
        for item in data or ():
            line = item[0] if isinstance(item, tuple) else item
            if not isinstance(line, bytes):
                continue
            uid, size = UID_RE.search(line), SIZE_RE.search(line)
            if uid and size:
                sizes[uid.group(1)] = int(size.group(1))
        return sizes

    @api.model
    def _saraban_batches(self, uids, sizes):
        batch, total = [], 0
        for uid in uids:
            size = sizes.get(uid, 0)
            if batch and (len(batch) >= FETCH_BATCH_COUNT or total + size > FETCH_BATCH_BYTES):
                yield batch
                batch, total = [], 0
            batch.append(uid)
            total += size
        if batch:
            yield batch

    @api.model
    def _saraban_parse_fetch(self, data):
        """``{uid: raw}`` from an imaplib FETCH answer, whatever the order of UID and BODY."""
        result = {}
        items = list(data or ())
        for index, item in enumerate(items):
            if not isinstance(item, tuple) or len(item) < 2:
                continue
            match = UID_RE.search(item[0])
            if not match and index + 1 < len(items) and isinstance(items[index + 1], bytes):
                match = UID_RE.search(items[index + 1])
            if match:
                result[match.group(1)] = item[1]
        return result

    # ================================================================ one message
    @api.model
    def _saraban_headers(self, raw):
        try:
            head = BytesHeaderParser(policy=email.policy.default).parsebytes(raw)
            return {
                "message_id": (str(head.get("Message-ID") or "")).strip(),
                "subject": str(head.get("Subject") or ""),
                "from": str(head.get("From") or ""),
                "reply_to": str(head.get("Reply-To") or ""),
            }
        except Exception:  # noqa: BLE001 - unreadable headers are reported as such below
            _logger.info("unreadable headers", exc_info=True)
            return {"message_id": "", "subject": "", "from": "", "reply_to": ""}

    @api.model
    def _saraban_with_message_id(self, raw):
        """Give a message without a Message-ID a stable one derived from its content."""
        headers = self._saraban_headers(raw)
        if headers["message_id"]:
            return raw, headers
        digest = hashlib.sha256(raw).hexdigest()[:40]
        message_id = f"<{digest}.no-message-id@saraban.invalid>"
        headers["message_id"] = message_id
        return b"Message-ID: " + message_id.encode() + b"\r\n" + raw, headers

    def _saraban_company(self):
        return self.saraban_company_id or self.env.company

    def _saraban_already_done(self, message_id, company, quarantine=None):
        if not message_id:
            return False
        Doc = self.env["saraban.document"].sudo().with_context(active_test=False)
        if Doc.search_count([("email_message_id", "=", message_id), ("company_id", "=", company.id)], limit=1):
            return True
        if self.env["mail.message"].sudo().search_count(
            [("message_id", "=", message_id), ("model", "=", "saraban.document"),
             ("message_type", "=", "email"), ("record_company_id", "=", company.id)], limit=1,
        ):
            return True
        domain = [("message_id", "=", message_id), ("company_id", "=", company.id)]
        if quarantine:
            domain.append(("id", "!=", quarantine.id))
        return bool(self.env["saraban.mail.quarantine"].sudo().search_count(domain, limit=1))

    @api.model
    def _saraban_check_message(self, message, raw, max_kb):
        """``(reason, details)`` when the message must be quarantined, else ``(None, None)``."""
        if max_kb and len(raw) > max_kb * 1024:
            return "size", _("%(size)s KB is over the limit of %(limit)s KB. / ขนาดเกินกำหนด",
                             size=len(raw) // 1024, limit=max_kb)
        problems = []
        dangerous = []
        for part in message.walk():
            if not part.is_multipart():
                try:
                    part.get_payload(decode=True)
                except Exception as error:  # noqa: BLE001
                    problems.append(f"{part.get_content_type()}: {error}")
                filename = part.get_filename() or ""
                if "." in filename and filename.rsplit(".", 1)[1].lower().strip() in DANGEROUS_EXTENSIONS:
                    dangerous.append(filename)
            for defect in part.defects:
                if isinstance(defect, SERIOUS_DEFECTS):
                    problems.append(f"{part.get_content_type()}: {type(defect).__name__}")
        if message.is_multipart() and not any(True for p in message.walk() if not p.is_multipart()):
            problems.append("multipart message without any part")
        if problems:
            return "mime", _("Malformed MIME: %(problems)s / โครงสร้างอีเมลไม่สมบูรณ์",
                             problems="; ".join(problems[:10]))
        if dangerous:
            return "dangerous", _("Attachments that can run programs: %(names)s / ไฟล์แนบอาจเป็นอันตราย",
                                  names=", ".join(dangerous[:10]))
        return None, None

    def _saraban_ingest(self, raw, company=None, force=False, quarantine=None):
        """Process one raw message of this central mailbox; never raises for the message's sake.

        Returns ``{"status": "letter" | "notifier" | "bounce" | "duplicate" | "quarantined", ...}``.
        """
        server = self if len(self) == 1 else self.browse()
        company = company or (server._saraban_company() if server else self.env.company)
        raw, headers = self._saraban_with_message_id(raw)
        if self._saraban_already_done(headers["message_id"], company, quarantine=quarantine):
            _logger.info("saraban mailbox: %s already imported", headers["message_id"])
            return {"status": "duplicate"}
        reason, details = None, None
        message = None
        try:
            message = email.message_from_bytes(raw, policy=email.policy.SMTP)
            if not force:
                max_kb = server.saraban_max_size if server else 0
                reason, details = self._saraban_check_message(message, raw, max_kb)
        except Exception:  # noqa: BLE001
            reason, details = "mime", traceback.format_exc(limit=5)
        if not reason:
            try:
                with self.env.cr.savepoint():
                    result = self.env["saraban.document"].sudo()._saraban_process_message(
                        message, raw, company, server, headers
                    )
                return result
            except Exception:  # noqa: BLE001 - quarantined with its traceback, nothing is lost
                _logger.info("saraban mailbox: quarantining %s", headers["message_id"], exc_info=True)
                self.env.invalidate_all()
                reason, details = "error", traceback.format_exc(limit=8)
        if quarantine:
            quarantine.write({"reason": reason, "details": details})
            return {"status": "quarantined", "quarantine": quarantine}
        item = self.env["saraban.mail.quarantine"]._saraban_create(
            raw, reason, details, server=server or None, company=company, headers=headers
        )
        return {"status": "quarantined", "quarantine": item}

    def action_view_saraban_quarantine(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("saraban_mail.action_saraban_mail_quarantine")
        action["domain"] = [("server_id", "=", self.id)]
        return action
