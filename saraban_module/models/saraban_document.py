import base64
import datetime
import hashlib
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import AccessDenied, AccessError, UserError

from ..tools import (
    format_thai_date,
    format_thai_datetime,
    format_thai_time,
    thai_digits,
    to_bangkok,
)

DIRECTIONS = [
    ("incoming", "Incoming"),
    ("outgoing", "Outgoing"),
    ("internal", "Internal"),
]

# The six types of letters of the regulation (ข้อ 10), R1.
LETTER_TYPES = [
    ("external", "External Letter"),
    ("internal", "Internal Memo"),
    ("stamped", "Stamped Letter"),
    ("directive", "Directive"),
    ("public", "Public Relations Letter"),
    ("evidence", "Evidence Letter"),
]
LETTER_SUBTYPES = [
    ("order", "Order"),
    ("regulation", "Regulation"),
    ("bylaw", "Bylaw"),
    ("announcement", "Announcement"),
    ("statement", "Statement"),
    ("news", "News"),
    ("certificate", "Certificate"),
    ("minutes", "Minutes of Meeting"),
    ("note", "Note"),
    ("other", "Other Letter"),
]
SUBTYPES_BY_TYPE = {
    "directive": ("order", "regulation", "bylaw"),
    "public": ("announcement", "statement", "news"),
    "evidence": ("certificate", "minutes", "note", "other"),
}

URGENCIES = [
    ("normal", "Normal"),
    ("urgent", "Urgent"),
    ("very_urgent", "Very Urgent"),
    ("most_urgent", "Most Urgent"),
]
URGENCY_RANK = {"normal": 0, "urgent": 1, "very_urgent": 2, "most_urgent": 3}

SECRECIES = [
    ("normal", "Normal"),
    ("confidential", "Confidential"),
    ("secret", "Secret"),
    ("top_secret", "Top Secret"),
]
SECRET_LEVELS = ("confidential", "secret", "top_secret")

# Incoming letters: draft -> registered -> in_progress -> done.
# Outgoing letters: draft -> approval -> signed (numbered) -> sent -> done.
STATES = [
    ("draft", "Draft"),
    ("approval", "Awaiting Approval"),
    ("signed", "Signed"),
    ("sent", "Sent"),
    ("registered", "Registered"),
    ("in_progress", "In Progress"),
    ("done", "Closed"),
    ("cancelled", "Cancelled"),
]

# The layout parts of each type of outgoing letter, in the order of the regulation's
# forms (R1). Keys are (letter_type, letter_subtype); a missing subtype falls back
# to (letter_type, False). The form shows exactly these parts; the printed forms
# can use the same list (``saraban.document._layout_parts()``).
LAYOUT_PARTS = {
    ("external", False): (
        "number", "agency", "date", "subject", "salutation", "reference", "enclosure", "body",
        "closing", "signature", "owner_department", "owner_phone", "owner_fax_email", "copy_to",
    ),
    ("internal", False): (
        "owner_department", "owner_phone", "number", "date", "subject", "salutation", "body",
        "signature",
    ),
    ("stamped", False): (
        "number", "recipient", "body", "agency", "stamp", "date", "owner_department", "owner_phone",
    ),
    ("directive", "order"): ("agency", "number", "subject", "body", "date", "signature"),
    ("directive", "regulation"): ("agency", "subject", "issue_no", "body", "date", "signature"),
    ("directive", "bylaw"): ("agency", "subject", "issue_no", "body", "date", "signature"),
    ("directive", False): ("agency", "number", "subject", "body", "date", "signature"),
    ("public", False): ("agency", "subject", "issue_no", "body", "date", "signature"),
    ("evidence", "certificate"): ("number", "agency", "body", "date", "signature"),
    ("evidence", "minutes"): ("subject", "meeting", "body", "minutes_taker"),
    ("evidence", False): ("number", "agency", "subject", "body", "date", "signature"),
}
# Types whose number is printed as "ที่ ..." and that may be circulars (ว).
CIRCULAR_TYPES = ("external", "internal", "stamped")
# Contents of a signed letter: refused once signed, except through a correction
# (a new version). NUMBER_FIELDS never change after signing, not even then.
NUMBER_FIELDS = {
    "letter_number", "letter_date", "issue_no", "signed_pdf", "signed_pdf_sha256", "signed_at",
    "send_entry_id", "current_version_id", "signer_id", "signer_acting_text", "company_id",
    "direction", "letter_type", "letter_subtype", "is_circular", "verification_token",
    "main_file", "main_filename",
}
SIGNED_FIELDS = NUMBER_FIELDS | {
    "name", "sender_id", "recipient_ids", "recipient_name", "salutation", "body", "closing",
    "reference_ids", "reference_text", "enclosure_text", "urgency", "urgency_deadline", "secrecy",
    "signer_name", "signer_position", "stamp_initials", "owner_department", "owner_phone",
    "owner_fax", "owner_email", "copy_to", "meeting_no", "meeting_date", "meeting_place",
    "meeting_attendees", "meeting_absentees", "meeting_participants", "meeting_start",
    "meeting_end", "minutes_taker",
}
SIGNED_STATES = ("signed", "sent", "done")
# Printed under the position when someone signs for an absent superior (R13).
ACTING_TEXT = {"acting": "รักษาราชการแทน", "on_behalf": "ปฏิบัติราชการแทน"}

SOURCES = [
    ("manual", "Typed In"),
    ("paper", "Scanned Paper Letter"),
    ("email", "E-mail"),
    ("exchange", "Agency Exchange"),
]


class SarabanDocument(models.Model):
    """One official letter (หนังสือราชการ), incoming, outgoing or internal."""

    _name = "saraban.document"
    _description = "Official Letter"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "urgency_rank desc, received_at desc, id desc"
    _mail_post_access = "read"

    name = fields.Char(string="Subject", required=True, tracking=True, index="trigram")
    direction = fields.Selection(DIRECTIONS, required=True, default="incoming", index=True)
    letter_type = fields.Selection(LETTER_TYPES, required=True, default="external")
    letter_subtype = fields.Selection(LETTER_SUBTYPES, string="Letter Sub-type")
    letter_number = fields.Char(
        string="Letter No.", index="trigram", tracking=True, help="The letter's own number (ที่)."
    )
    letter_date = fields.Date(tracking=True)
    sender_id = fields.Many2one(
        "res.partner", string="From", index=True, tracking=True, help="Sending agency or person."
    )
    sender_name = fields.Char(
        string="Sender (as written)", index="trigram", help="Sender as written on the letter."
    )
    sender_display = fields.Char(
        string="Sender", compute="_compute_party_display", store=True, index="trigram"
    )
    recipient_ids = fields.Many2many(
        "res.partner",
        "saraban_document_recipient_rel",
        "document_id",
        "partner_id",
        string="To",
    )
    recipient_name = fields.Char(string="Addressed To (as written)", index="trigram")
    recipient_display = fields.Char(
        string="Recipients", compute="_compute_party_display", store=True, index="trigram"
    )
    salutation = fields.Char(help="คำขึ้นต้น, e.g. เรียน นายอำเภอ…")
    body = fields.Html(string="Text", sanitize=True)
    summary = fields.Text(index="trigram", help="Short summary used for search.")
    urgency = fields.Selection(URGENCIES, required=True, default="normal", tracking=True)
    urgency_rank = fields.Integer(compute="_compute_urgency_rank", store=True, index=True)
    urgency_deadline = fields.Datetime(
        string="Act Before", help="ด่วนภายใน: the time by which the letter must be acted upon."
    )
    secrecy = fields.Selection(SECRECIES, required=True, default="normal", tracking=True, index=True)
    is_secret = fields.Boolean(compute="_compute_is_secret", store=True)
    source = fields.Selection(SOURCES, required=True, default="manual")
    main_file = fields.Binary(string="Letter File", attachment=True)
    main_filename = fields.Char(string="Letter File Name")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "saraban_document_attachment_rel",
        "document_id",
        "attachment_id",
        string="Enclosures",
        help="สิ่งที่ส่งมาด้วย: PDF, images, office files.",
    )
    enclosure_text = fields.Text(string="Enclosures (list)")
    reference_ids = fields.Many2many(
        "saraban.document",
        "saraban_document_reference_rel",
        "document_id",
        "reference_id",
        string="References",
        help="อ้างถึง: earlier letters this one refers to.",
    )
    reference_text = fields.Char(string="Reference (as written)")
    state = fields.Selection(STATES, required=True, default="draft", tracking=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    owner_unit_id = fields.Many2one(
        "saraban.unit",
        index=True,
        tracking=True,
        help="The unit that keeps and handles the letter.",
    )
    received_at = fields.Datetime(
        string="Entered System",
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
        help="When the letter entered the agency's system (R6).",
    )
    register_entry_ids = fields.One2many(
        "saraban.register.entry", "document_id", string="Register Entries", readonly=True
    )
    receive_number = fields.Integer(string="Receive No.", readonly=True, copy=False, index=True)
    receive_year = fields.Integer(readonly=True, copy=False)
    receive_register_id = fields.Many2one("saraban.register", readonly=True, copy=False)
    registered_at = fields.Datetime(string="Registered On", readonly=True, copy=False, index=True)
    registered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    receive_number_display = fields.Char(string="Receive No. ", compute="_compute_stamp")
    received_at_display = fields.Char(string="Entered System ", compute="_compute_stamp")
    registered_at_display = fields.Char(string="Registered On ", compute="_compute_stamp")
    letter_date_display = fields.Char(string="Letter Date ", compute="_compute_stamp")
    stamp_date = fields.Char(compute="_compute_stamp")
    stamp_time = fields.Char(compute="_compute_stamp")
    route_ids = fields.One2many("saraban.document.route", "document_id", string="Routing")
    action_ids = fields.One2many("saraban.document.action", "document_id", string="Timeline")
    due_date = fields.Date(compute="_compute_due_date", store=True, index=True)
    is_routed_to_me = fields.Boolean(
        compute="_compute_is_routed_to_me", search="_search_is_routed_to_me"
    )
    can_acknowledge = fields.Boolean(compute="_compute_is_routed_to_me")

    # ------------------------------------------------------------ drafting (R1)
    layout_parts = fields.Char(
        compute="_compute_layout_parts",
        help="The parts of this type of letter, comma-separated: what the form shows and "
        "the printed form prints.",
    )
    agency_name = fields.Char(related="company_id.name", string="Issuing Agency")
    agency_address = fields.Text(compute="_compute_agency_address")
    template_id = fields.Many2one(
        "saraban.letter.template", copy=False,
        help="A reusable text for this kind of letter; choosing it fills the letter.",
    )
    closing = fields.Char(help="คำลงท้าย, e.g. ขอแสดงความนับถือ")
    signer_id = fields.Many2one(
        "res.users", tracking=True, index="btree_not_null",
        help="Who signs the letter. Once signed: who actually signed it.",
    )
    signer_name = fields.Char(
        string="Signer's Full Name", help="Typed in brackets under the signature."
    )
    signer_position = fields.Char(string="Signer's Position", help="ตำแหน่ง, under the name.")
    signer_acting_text = fields.Char(
        string="Signed For", readonly=True, copy=False,
        help="When the signer signed for an absent superior: e.g. ปฏิบัติราชการแทน "
        "นายกเทศมนตรี…, printed under the position.",
    )
    stamp_initials = fields.Char(
        string="Initials", help="Stamped letters: initials of the responsible officer beside the stamp."
    )
    owner_department = fields.Char(
        string="Department of the Matter", help="ส่วนราชการเจ้าของเรื่อง (on a memo: ส่วนราชการ)."
    )
    owner_phone = fields.Char(string="Phone")
    owner_fax = fields.Char(string="Fax")
    owner_email = fields.Char(string="E-mail")
    copy_to = fields.Text(string="Copies To", help="สำเนาส่ง: who receives a copy.")
    is_circular = fields.Boolean(
        string="Circular",
        help="หนังสือเวียน: numbered in the circular register, with ว before the number.",
    )
    issue_no = fields.Integer(
        string="Issue No.", copy=False,
        help="ฉบับที่: given at signing to regulations and bylaws from their own register; "
        "typed for statements.",
    )
    meeting_no = fields.Char(string="Meeting No.", help="ครั้งที่, e.g. 3/2569")
    meeting_date = fields.Date(help="เมื่อ")
    meeting_place = fields.Char(help="ณ")
    meeting_attendees = fields.Text(string="Present", help="ผู้มาประชุม")
    meeting_absentees = fields.Text(string="Absent", help="ผู้ไม่มาประชุม")
    meeting_participants = fields.Text(string="Also Attending", help="ผู้เข้าร่วมประชุม")
    meeting_start = fields.Float(string="Meeting Opened At", help="เริ่มประชุมเวลา")
    meeting_end = fields.Float(string="Meeting Closed At", help="เลิกประชุมเวลา")
    minutes_taker = fields.Char(string="Minutes Taken By", help="ผู้จดรายงานการประชุม")

    # ------------------------------------------------------------ approval (R13)
    approval_step_ids = fields.One2many(
        "saraban.approval.step", "document_id", string="Approval", readonly=True
    )
    approval_round = fields.Integer(readonly=True, copy=False)
    current_step_id = fields.Many2one(
        "saraban.approval.step", compute="_compute_current_step", string="Waiting For"
    )
    can_approve = fields.Boolean(compute="_compute_current_step")
    can_sign = fields.Boolean(compute="_compute_current_step")
    is_awaiting_my_approval = fields.Boolean(
        compute="_compute_current_step", search="_search_is_awaiting_my_approval"
    )

    # ------------------------------------------------------------ signing (R13)
    signed_at = fields.Datetime(string="Signed On", readonly=True, copy=False)
    send_entry_id = fields.Many2one(
        "saraban.register.entry", string="Numbering Entry", readonly=True, copy=False,
        help="The line of the send (circular, directive…) register that gave the number.",
    )
    signed_pdf = fields.Binary(string="Signed Copy", attachment=True, readonly=True, copy=False)
    signed_pdf_filename = fields.Char(readonly=True, copy=False)
    signed_pdf_sha256 = fields.Char(
        string="SHA-256", readonly=True, copy=False, index="btree_not_null"
    )
    version_ids = fields.One2many(
        "saraban.document.version", "document_id", string="Versions", readonly=True
    )
    current_version_id = fields.Many2one(
        "saraban.document.version", readonly=True, copy=False
    )
    correction_pending = fields.Boolean(readonly=True, copy=False)
    correction_reason = fields.Char(readonly=True, copy=False)
    verification_token = fields.Char(readonly=True, copy=False, index="btree_not_null")
    verification_url = fields.Char(compute="_compute_verification_url")

    @api.depends("urgency")
    def _compute_urgency_rank(self):
        for doc in self:
            doc.urgency_rank = URGENCY_RANK.get(doc.urgency, 0)

    @api.depends("secrecy")
    def _compute_is_secret(self):
        for doc in self:
            doc.is_secret = doc.secrecy in SECRET_LEVELS

    @api.depends("sender_id", "sender_name", "recipient_ids", "recipient_name")
    def _compute_party_display(self):
        for doc in self:
            doc.sender_display = doc.sender_name or doc.sender_id.display_name or False
            names = doc.recipient_ids.mapped("display_name")
            if doc.recipient_name:
                names.insert(0, doc.recipient_name)
            doc.recipient_display = ", ".join(names) or False

    @api.depends(
        "receive_number",
        "receive_year",
        "received_at",
        "registered_at",
        "letter_date",
        "company_id.saraban_thai_digits",
    )
    def _compute_stamp(self):
        for doc in self:
            digits = doc.company_id.saraban_thai_digits
            doc.receive_number_display = (
                thai_digits(doc.receive_number, digits) if doc.receive_number else False
            )
            doc.received_at_display = format_thai_datetime(doc.received_at, digits)
            doc.registered_at_display = format_thai_datetime(doc.registered_at, digits)
            doc.letter_date_display = format_thai_date(doc.letter_date, digits)
            doc.stamp_date = format_thai_date(doc.registered_at, digits)
            doc.stamp_time = format_thai_time(doc.registered_at, digits)

    @api.depends("urgency", "urgency_deadline", "registered_at", "received_at", "company_id")
    def _compute_due_date(self):
        for doc in self:
            if doc.urgency_deadline:
                doc.due_date = doc.urgency_deadline.date()
                continue
            start = doc.registered_at or doc.received_at
            if not start:
                doc.due_date = False
                continue
            days = doc.company_id.saraban_due_days(doc.urgency)
            doc.due_date = start.date() + datetime.timedelta(days=days)

    def _my_route_domain(self):
        user = self.env.user
        return [
            ("state", "=", "pending"),
            "|",
            ("user_id", "=", user.id),
            ("unit_id", "in", user.saraban_unit_ids.ids),
        ]

    def _compute_is_routed_to_me(self):
        routes = self.env["saraban.document.route"].search(
            [("document_id", "in", self.ids)] + self._my_route_domain()
        )
        pending = set(routes.document_id.ids)
        for doc in self:
            doc.is_routed_to_me = doc.id in pending
            doc.can_acknowledge = doc.id in pending

    def _search_is_routed_to_me(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on 'routed to me'."))
        positive = (operator == "=") == value
        subquery = self.env["saraban.document.route"]._search(self._my_route_domain())
        return [("id", "in" if positive else "not in", subquery.subselect("document_id"))]

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("direction") == "outgoing" and not vals.get("sender_id"):
                # An outgoing letter is sent by its own agency.
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["sender_id"] = company.partner_id.id
            if vals.get("direction") == "outgoing" and vals.get("state", "draft") in (
                "draft",
                "approval",
            ):
                # A letter being drafted has no number and no date: both are given at
                # signing, never earlier (R13). Letters entered after the fact as
                # already signed or sent keep theirs.
                vals.pop("letter_number", None)
                vals.pop("letter_date", None)
                if vals.get("letter_type") == "directive":
                    vals.pop("issue_no", None)
        docs = super().create(vals_list)
        docs._link_attachments()
        docs._log_action("created")
        return docs

    def write(self, vals):
        if "secrecy" in vals and vals["secrecy"] in SECRET_LEVELS:
            self._check_secret_clearance(_("mark a letter secret"))
        self._check_signed_content(vals)
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._link_attachments()
        return result

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for doc, vals in zip(self, vals_list):
            if doc.direction == "outgoing":
                # A copy is a new draft: no number, no date, no signature.
                vals.update(
                    {"letter_number": False, "letter_date": False, "state": "draft",
                     "signer_acting_text": False, "main_file": False, "main_filename": False}
                )
        return vals_list

    def _check_signed_content(self, vals):
        """A signed letter is what was signed: its kept copy does not change (R13).

        A correction (``action_start_correction``) opens the text again, never the
        number, the date or the kept copy; signing it again makes a new version.
        While the letter waits for approval its text is what the approvers see.
        """
        if self.env.context.get("saraban_signing"):
            return
        changed = SIGNED_FIELDS & set(vals)
        if not changed:
            return
        for doc in self:
            if doc.direction != "outgoing":
                continue
            if doc.state in SIGNED_STATES:
                if doc.correction_pending and not (changed & NUMBER_FIELDS):
                    continue
                raise UserError(
                    _(
                        "%(subject)s is signed: its content, number and kept copy cannot be "
                        "changed. Start a correction to issue a new version. / หนังสือที่ลงนามแล้ว"
                        "แก้ไขเนื้อหา เลขที่ และสำเนาคู่ฉบับไม่ได้ ให้ทำการแก้ไขเป็นฉบับใหม่",
                        subject=doc.name,
                    )
                )
            if doc.state == "approval":
                raise UserError(
                    _(
                        "%(subject)s is waiting for approval: ask for it to be returned before "
                        "changing it. / หนังสืออยู่ระหว่างเสนอพิจารณา ต้องส่งคืนก่อนจึงแก้ไขได้",
                        subject=doc.name,
                    )
                )
            if changed & NUMBER_FIELDS & {"letter_number", "letter_date", "signed_pdf",
                                          "signed_pdf_sha256", "signed_at", "send_entry_id",
                                          "current_version_id", "signer_acting_text"}:
                raise UserError(
                    _(
                        "An outgoing letter gets its number, date and signed copy when it is "
                        "signed, never earlier. / หนังสือส่งจะได้เลขที่และวันที่เมื่อลงนามเท่านั้น"
                    )
                )

    def _link_attachments(self):
        """Enclosures belong to their letter, so they share its access rules."""
        for doc in self:
            loose = doc.attachment_ids.filtered(
                lambda a, d=doc: a.res_model != d._name or a.res_id != d.id
            )
            if loose:
                loose.sudo().write({"res_model": doc._name, "res_id": doc.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        if self.sudo().register_entry_ids:
            raise UserError(
                _(
                    "A registered letter cannot be deleted: its register entry must stay. "
                    "/ หนังสือที่ลงทะเบียนแล้วลบไม่ได้"
                )
            )

    # ------------------------------------------------------------------ helpers
    def _log_action(self, action, comment=False, users=None, units=None, entry=None, route=None):
        """Write one structured line of the letter's history (R5)."""
        Action = self.env["saraban.document.action"].sudo()
        values = [
            {
                "document_id": doc.id,
                "action": action,
                "user_id": self.env.uid,
                "comment": comment or False,
                "target_user_ids": [fields.Command.set(users.ids)] if users else False,
                "target_unit_ids": [fields.Command.set(units.ids)] if units else False,
                "entry_id": entry.id if entry else False,
                "route_id": route.id if route else False,
            }
            for doc in self
        ]
        return Action.create(values)

    def _check_secret_clearance(self, what):
        if not self.env.user.has_group("saraban_module.group_saraban_secret") and not self.env.su:
            raise AccessError(
                _(
                    "Only officers cleared for secret letters may %(what)s. "
                    "/ เฉพาะเจ้าหน้าที่ที่ได้รับอนุญาตให้ปฏิบัติงานเอกสารลับเท่านั้น",
                    what=what,
                )
            )

    def _check_electronic_allowed(self, what):
        for doc in self:
            if doc.secrecy == "top_secret":
                raise UserError(
                    _(
                        "A top secret letter (ลับที่สุด) is recorded only; it cannot be %(what)s "
                        "electronically (R15). / หนังสือลับที่สุดให้บันทึกไว้เท่านั้น "
                        "ห้ามดำเนินการทางระบบอิเล็กทรอนิกส์",
                        what=what,
                    )
                )

    # ------------------------------------------------------------------ actions
    @api.returns("saraban.register.entry")
    def action_register(self, register=None, remark=None):
        """Register incoming letters in the current user's receive register (R3).

        ``register`` (a record or an id) chooses another register the user may
        write in. Returns the register entries created (their ids over RPC).
        """
        self.check_access("read")
        user = self.env.user
        if isinstance(register, int):
            register = self.env["saraban.register"].browse(register)
        register = register or user.saraban_receive_register()
        if not register:
            raise UserError(
                _(
                    "You have no receive register: ask the administrator to put you in a unit "
                    "or in the central saraban officers. / ท่านยังไม่มีทะเบียนรับ"
                )
            )
        if register.unit_id:
            if register.unit_id not in user.saraban_unit_ids and not user.has_group(
                "saraban_module.group_saraban_officer"
            ):
                raise AccessError(
                    _("You may not register in %(register)s. / ท่านไม่มีสิทธิ์ลงทะเบียนในทะเบียนนี้",
                      register=register.display_name)
                )
        elif not user.has_group("saraban_module.group_saraban_officer"):
            raise AccessError(
                _("Only central saraban officers register in the central register. "
                  "/ เฉพาะเจ้าหน้าที่สารบรรณกลางลงทะเบียนรับกลางได้")
            )
        if any(doc.is_secret for doc in self):
            self._check_secret_clearance(_("register a secret letter"))
        now = fields.Datetime.now()
        lines = []
        # Everything but the number is written first: the number is claimed last,
        # just before the commit, so that concurrent registrations wait on each
        # other for as short a time as possible.
        for doc in self:
            if doc.direction == "outgoing":
                raise UserError(
                    _("%(subject)s is an outgoing letter: it is numbered when signed.", subject=doc.name)
                )
            if doc.sudo().register_entry_ids.filtered(
                lambda e, r=register: e.register_id == r and not e.cancelled
            ):
                raise UserError(
                    _("%(subject)s is already registered in %(register)s. / หนังสือนี้ลงทะเบียนแล้ว",
                      subject=doc.name, register=register.display_name)
                )
            first = doc.state == "draft" or not doc.receive_number
            values = {}
            if first:
                values.update(
                    {
                        "receive_register_id": register.id,
                        "registered_at": now,
                        "registered_by_id": user.id,
                    }
                )
            if doc.state == "draft":
                values["state"] = "registered"
            if register.unit_id and not doc.owner_unit_id:
                values["owner_unit_id"] = register.unit_id.id
            if values:
                doc.sudo().with_context(tracking_disable=True).write(values)
            log = doc._log_action("registered", units=register.unit_id or None)
            lines.append((doc, first, log))
        self.env.flush_all()
        entries = self.env["saraban.register.entry"]
        cr = self.env.cr
        for doc, first, log in lines:
            entry = register.sudo()._claim_entry(doc, registered_at=now, remark=remark)
            entries |= entry
            if first:
                cr.execute(
                    "UPDATE saraban_document SET receive_number = %s, receive_year = %s WHERE id = %s",
                    (entry.number, entry.year, doc.id),
                )
            cr.execute(
                "UPDATE saraban_document_action SET entry_id = %s WHERE id = %s", (entry.id, log.id)
            )
        self.invalidate_recordset(["receive_number", "receive_year", "register_entry_ids"])
        self.env["saraban.document.action"].invalidate_model(["entry_id"])
        return entries

    def action_register_button(self):
        """Button: register and stay on the letter."""
        self.action_register()
        return True

    def action_open_route_wizard(self):
        self.ensure_one()
        self._check_can_route()
        return {
            "type": "ir.actions.act_window",
            "res_model": "saraban.route.wizard",
            "view_mode": "form",
            "target": "new",
            "name": _("Route Letter"),
            "context": {"default_document_id": self.id},
        }

    def _check_can_route(self):
        self.check_access("read")
        self._check_electronic_allowed(_("routed"))
        user = self.env.user
        for doc in self:
            if doc.is_secret:
                doc._check_secret_clearance(_("route a secret letter"))
            if doc.state == "draft":
                raise UserError(
                    _("Register the letter before routing it. / กรุณาลงทะเบียนรับก่อนส่งต่อ")
                )
            if doc.state in ("done", "cancelled"):
                raise UserError(_("This letter is closed. / หนังสือนี้ปิดเรื่องแล้ว"))
            allowed = (
                user.has_group("saraban_module.group_saraban_officer")
                or user.has_group("saraban_module.group_saraban_executive")
                or user.has_group("saraban_module.group_saraban_secret")
                or doc.owner_unit_id in user.saraban_unit_ids
                or doc.is_routed_to_me
            )
            if not allowed:
                raise AccessError(
                    _("You may not route this letter. / ท่านไม่มีสิทธิ์ส่งต่อหนังสือนี้")
                )

    def action_route(self, units=None, users=None, instruction=False, kind="forward"):
        """Route letters to units and/or users with an instruction (R4).

        ``kind`` is ``forward`` (ส่งต่อ / เกษียน) or ``order`` (สั่งการ, executives).
        """
        units = units or self.env["saraban.unit"]
        users = users or self.env["res.users"]
        if not units and not users:
            raise UserError(_("Choose at least one unit or person. / กรุณาเลือกหน่วยงานหรือบุคคล"))
        if kind == "order" and not self.env.user.has_group("saraban_module.group_saraban_executive"):
            raise AccessError(_("Only executives give orders. / เฉพาะผู้บริหารสั่งการได้"))
        self._check_can_route()
        if units and any(self.mapped("is_secret")):
            raise UserError(
                _(
                    "A secret letter is routed to named persons only, not to units. "
                    "/ หนังสือลับต้องส่งถึงตัวบุคคลเท่านั้น"
                )
            )
        Route = self.env["saraban.document.route"].sudo()
        routes = Route
        for doc in self:
            due = doc.due_date
            values = [
                {
                    "document_id": doc.id,
                    "unit_id": unit.id,
                    "instruction": instruction,
                    "kind": kind,
                    "due_date": due,
                }
                for unit in units
            ] + [
                {
                    "document_id": doc.id,
                    "user_id": target.id,
                    "instruction": instruction,
                    "kind": kind,
                    "due_date": due,
                }
                for target in users
            ]
            new_routes = Route.create(values)
            routes |= new_routes
            doc._log_action(
                "ordered" if kind == "order" else "forwarded",
                comment=instruction,
                users=users,
                units=units,
            )
            values = {"state": "in_progress"}
            if units and not doc.owner_unit_id and kind == "forward":
                # The first unit a letter is forwarded to owns the matter (เจ้าของเรื่อง).
                values["owner_unit_id"] = units[0].id
            doc.sudo().write(values)
            doc._notify_routed(new_routes)
        return routes

    def _notify_routed(self, routes):
        """Give every person a letter reaches an activity to act on it."""
        self.ensure_one()
        if self.is_secret:
            summary = _("Secret letter routed to you")
        else:
            summary = self.name
        people = routes.user_id | routes.unit_id.member_ids
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for person in people:
            self.sudo().activity_schedule(
                activity_type_id=activity_type.id if activity_type else False,
                user_id=person.id,
                summary=summary,
                date_deadline=self.due_date or fields.Date.context_today(self),
            )

    def action_comment(self, comment):
        """Write a comment (เกษียน) on the letter."""
        self.check_access("read")
        if not comment:
            raise UserError(_("Write the comment. / กรุณาเขียนความเห็น"))
        for doc in self:
            doc._log_action("commented", comment=comment)
        return True

    def action_acknowledge(self):
        """Acknowledge the routes addressed to the current user or their units."""
        self.check_access("read")
        Route = self.env["saraban.document.route"]
        routes = Route.search([("document_id", "in", self.ids)] + self._my_route_domain())
        if not routes:
            raise UserError(
                _("Nothing is waiting for your acknowledgement here. / ไม่มีรายการรอรับทราบ")
            )
        routes.action_acknowledge()
        return True

    def action_close(self, comment=False):
        """Close the matter (ปิดเรื่อง)."""
        self.check_access("write")
        for doc in self:
            if doc.state not in ("registered", "in_progress"):
                raise UserError(_("Only a registered letter can be closed. / ปิดเรื่องได้เฉพาะหนังสือที่ลงทะเบียนแล้ว"))
        self.sudo().write({"state": "done"})
        self.route_ids.filtered(lambda r: r.state == "pending").sudo().write({"state": "done"})
        for doc in self:
            doc._log_action("closed", comment=comment)
            doc.sudo().activity_ids.action_feedback(feedback=_("Letter closed"))
        return True

    def action_reopen(self):
        self.check_access("write")
        self.filtered(lambda d: d.state == "done").sudo().write({"state": "in_progress"})
        for doc in self:
            doc._log_action("reopened")
        return True

    # ================================================================== outgoing letters
    # ------------------------------------------------------------------ drafting (R1)
    def _layout_parts(self):
        """The layout parts of this letter's type, in the order of the regulation's form."""
        self.ensure_one()
        return LAYOUT_PARTS.get((self.letter_type, self.letter_subtype or False)) or LAYOUT_PARTS.get(
            (self.letter_type, False), ()
        )

    @api.depends("direction", "letter_type", "letter_subtype")
    def _compute_layout_parts(self):
        for doc in self:
            parts = doc._layout_parts() if doc.direction == "outgoing" else ()
            doc.layout_parts = f",{','.join(parts)}," if parts else False

    @api.depends("company_id")
    def _compute_agency_address(self):
        for doc in self:
            partner = doc.company_id.partner_id
            doc.agency_address = partner._display_address(without_company=True).strip() if partner else False

    @api.depends("verification_token")
    def _compute_verification_url(self):
        for doc in self:
            doc.verification_url = (
                f"{doc.get_base_url()}/saraban/verify/{doc.verification_token}"
                if doc.verification_token
                else False
            )

    @api.onchange("direction", "letter_type")
    def _onchange_outgoing_defaults(self):
        if self.direction != "outgoing":
            return
        if not self.owner_unit_id:
            self.owner_unit_id = self.env.user.saraban_unit_ids.filtered(
                lambda u: u.company_id == self.company_id
            )[:1]
        if self.letter_type == "external" and not self.closing:
            self.closing = "ขอแสดงความนับถือ"
        if self.letter_type in ("external", "internal") and not self.salutation:
            self.salutation = "เรียน"
        if self.letter_subtype and self.letter_subtype not in SUBTYPES_BY_TYPE.get(self.letter_type, ()):
            self.letter_subtype = False
        if self.letter_type not in CIRCULAR_TYPES:
            self.is_circular = False
        self._onchange_owner_unit_contact()

    @api.onchange("owner_unit_id")
    def _onchange_owner_unit_contact(self):
        if self.direction != "outgoing":
            return
        if self.owner_unit_id and not self.owner_department:
            self.owner_department = self.owner_unit_id.name
        if not self.owner_phone:
            self.owner_phone = self.company_id.phone
        if not self.owner_email:
            self.owner_email = self.company_id.saraban_central_email or self.company_id.email

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id:
            self.update(self.template_id._letter_values())

    def action_apply_template(self, template=None):
        """Fill draft letters from a template (``template`` or their own ``template_id``)."""
        if isinstance(template, int):
            template = self.env["saraban.letter.template"].browse(template)
        for doc in self:
            tmpl = template or doc.template_id
            if not tmpl:
                raise UserError(_("Choose a template first. / กรุณาเลือกแบบฟอร์มหนังสือ"))
            doc._check_draft(_("fill from a template"))
            doc.write(dict(tmpl._letter_values(), template_id=tmpl.id))
        return True

    def action_reply(self):
        """Draft an outgoing letter answering this one (อ้างถึง this letter, to its sender)."""
        self.ensure_one()
        self.check_access("read")
        if self.direction == "outgoing":
            raise UserError(
                _("Only a received letter can be replied to. / ตอบได้เฉพาะหนังสือรับ")
            )
        user = self.env.user
        sender = self.sender_display or ""
        digits = self.company_id.saraban_thai_digits
        reference = " ".join(
            part
            for part in (
                f"หนังสือ {sender}".strip() if sender else "หนังสือ",
                f"ที่ {self.letter_number}" if self.letter_number else "",
                f"ลงวันที่ {format_thai_date(self.letter_date, digits)}" if self.letter_date else "",
            )
            if part
        )
        unit = self.owner_unit_id
        if unit and unit not in user.saraban_unit_ids and not user.has_group(
            "saraban_module.group_saraban_officer"
        ):
            unit = self.env["saraban.unit"]
        unit = unit or user.saraban_unit_ids.filtered(lambda u: u.company_id == self.company_id)[:1]
        addressee = self.sender_id.name or self.sender_name
        values = {
            "direction": "outgoing",
            "letter_type": "external",
            "name": self.name,
            "company_id": self.company_id.id,
            "recipient_ids": [fields.Command.set(self.sender_id.ids)],
            "recipient_name": False if self.sender_id else self.sender_name,
            "reference_ids": [fields.Command.set(self.ids)],
            "reference_text": reference,
            "salutation": f"เรียน {addressee}" if addressee else "เรียน",
            "closing": "ขอแสดงความนับถือ",
            "secrecy": self.secrecy,
            "owner_unit_id": unit.id,
            "owner_department": unit.name or False,
            "owner_phone": self.company_id.phone or False,
            "owner_email": self.company_id.saraban_central_email or self.company_id.email or False,
        }
        reply = self.create(values)
        self._log_action("commented", comment=_("Reply drafted: %(subject)s", subject=reply.name))
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": reply.id,
            "view_mode": "form",
            "name": _("Reply"),
            "context": {"default_direction": "outgoing"},
        }

    def _check_draft(self, what):
        for doc in self:
            if doc.direction != "outgoing" or doc.state != "draft":
                raise UserError(
                    _(
                        "Only a draft outgoing letter can %(what)s. / ดำเนินการได้เฉพาะร่างหนังสือส่ง",
                        what=what,
                    )
                )

    def _check_ready_to_submit(self):
        """The parts of the letter's layout that must be written before submitting."""
        self.ensure_one()
        parts = self._layout_parts()
        missing = []
        if self.letter_type in SUBTYPES_BY_TYPE and not self.letter_subtype:
            missing.append(("Letter Sub-type", "ประเภทย่อยของหนังสือ"))
        if not self.body:
            # The signed copy is made from the text: it becomes the letter's file.
            missing.append(("Text", "ข้อความ"))
        if "salutation" in parts and not self.salutation:
            missing.append(("Salutation", "คำขึ้นต้น"))
        if "closing" in parts and not self.closing:
            missing.append(("Closing", "คำลงท้าย"))
        if self.letter_type in ("external", "stamped") and not (
            self.recipient_ids or self.recipient_name
        ):
            missing.append(("To", "ผู้รับ"))
        if missing:
            raise UserError(
                _(
                    "Fill in before submitting: %(english)s / กรุณากรอกก่อนเสนอ: %(thai)s",
                    english=", ".join(m[0] for m in missing),
                    thai=", ".join(m[1] for m in missing),
                )
            )

    # ------------------------------------------------------------------ approval (R13)
    @api.depends("state", "correction_pending", "approval_step_ids.state")
    @api.depends_context("uid")
    def _compute_current_step(self):
        user = self.env.user
        for doc in self:
            steps = doc.sudo().approval_step_ids
            step = steps.filtered(lambda s: s.state == "pending")[:1] if doc.state == "approval" else steps[:0]
            doc.current_step_id = step.id
            mine = bool(step) and step._capacity(user) is not None
            doc.can_approve = mine and not step.is_signing
            doc.is_awaiting_my_approval = mine
            if doc.correction_pending:
                signing = doc._signed_step()
                doc.can_sign = bool(signing) and signing._capacity(user) is not None
                doc.is_awaiting_my_approval = doc.can_sign
            else:
                doc.can_sign = mine and step.is_signing

    def _search_is_awaiting_my_approval(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on 'awaiting my approval'."))
        positive = (operator == "=") == value
        users = self.env.user | self.env["saraban.approval.delegation"]._delegators_of(self.env.user)
        Step = self.env["saraban.approval.step"].sudo()
        pending = Step._search([("state", "=", "pending"), ("allowed_user_ids", "in", users.ids)])
        # A corrected letter waits for its signer again.
        signed = Step._search(
            [("is_signing", "=", True), ("state", "=", "approved"), ("allowed_user_ids", "in", users.ids)]
        )
        domain = [
            "|",
            "&", ("state", "=", "approval"), ("id", "in", pending.subselect("document_id")),
            "&", ("correction_pending", "=", True), ("id", "in", signed.subselect("document_id")),
        ]
        return domain if positive else ["!"] + domain

    def _signed_step(self):
        """The signing step of the last round, once signed."""
        self.ensure_one()
        return self.sudo().approval_step_ids.filtered(
            lambda s: s.is_signing and s.state == "approved"
        ).sorted(lambda s: (s.round, s.sequence, s.id))[-1:]

    def action_submit(self):
        """Submit draft outgoing letters along their approval chain (R13)."""
        self.check_access("write")
        Chain = self.env["saraban.approval.chain"]
        Step = self.env["saraban.approval.step"].sudo()
        for doc in self:
            doc._check_draft(_("be submitted"))
            doc._check_electronic_allowed(_("submitted for approval"))
            if doc.is_secret:
                doc._check_secret_clearance(_("submit a secret letter"))
            doc._check_ready_to_submit()
            chain = Chain._find_for(doc)
            round_no = doc.approval_round + 1
            values = chain._step_values(doc) if chain else []
            if not values:
                if not doc.signer_id:
                    raise UserError(
                        _(
                            "No approval chain fits this letter: choose who signs it. "
                            "/ ไม่มีสายการเสนอที่ตรงกับหนังสือนี้ กรุณาระบุผู้ลงนาม"
                        )
                    )
                values = [
                    {
                        "role_label": doc.signer_position or doc.signer_id.saraban_position or False,
                        "approver_id": doc.signer_id.id,
                    }
                ]
            for index, vals in enumerate(values):
                vals.update(
                    {
                        "document_id": doc.id,
                        "round": round_no,
                        "sequence": (index + 1) * 10,
                        "is_signing": index == len(values) - 1,
                    }
                )
            Step.create(values)
            doc.sudo().write({"state": "approval", "approval_round": round_no})
            doc._log_action("submitted", comment=chain.name if chain else False)
            doc._activate_next_step()
        return True

    def _activate_next_step(self):
        """Make the next waiting step of the round pending; tell its approvers."""
        self.ensure_one()
        steps = self.sudo().approval_step_ids.filtered(
            lambda s: s.round == self.approval_round and s.state == "waiting"
        ).sorted(lambda s: (s.sequence, s.id))
        step = steps[:1]
        if not step:
            return step
        step.write({"state": "pending", "pending_since": fields.Datetime.now()})
        step._refresh_allowed_users()
        xmlid = "saraban_module.mail_activity_type_saraban_sign" if step.is_signing else (
            "saraban_module.mail_activity_type_saraban_approve"
        )
        activity_type = self.env.ref(xmlid, raise_if_not_found=False)
        summary = _("Secret letter waiting for you") if self.is_secret else self.name
        for user in step._approver_users():
            self.sudo().activity_schedule(
                activity_type_id=activity_type.id if activity_type else False,
                user_id=user.id,
                summary=summary,
                note=step.role_label or False,
                date_deadline=fields.Date.context_today(self),
            )
        return step

    def _close_step_activities(self, feedback):
        types = self.env.ref("saraban_module.mail_activity_type_saraban_approve", False) | self.env.ref(
            "saraban_module.mail_activity_type_saraban_sign", False
        )
        activities = self.sudo().activity_ids.filtered(lambda a: a.activity_type_id in types)
        mine = activities.filtered(lambda a: a.user_id == self.env.user)
        (activities - mine).unlink()
        if mine:
            mine.action_feedback(feedback=feedback)

    def _my_pending_step(self):
        """The pending step the current user may act on, and in what capacity."""
        self.ensure_one()
        self.check_access("read")
        if self.direction != "outgoing" or self.state != "approval":
            raise UserError(
                _("%(subject)s is not waiting for approval. / หนังสือนี้ไม่ได้อยู่ระหว่างเสนอพิจารณา",
                  subject=self.name)
            )
        step = self.sudo().approval_step_ids.filtered(lambda s: s.state == "pending")[:1]
        capacity = step._capacity(self.env.user) if step else None
        if capacity is None:
            raise AccessError(
                _(
                    "%(subject)s is not waiting for you. / หนังสือนี้ไม่ได้รอการพิจารณาของท่าน",
                    subject=self.name,
                )
            )
        if self.is_secret:
            self._check_secret_clearance(_("approve or sign a secret letter"))
        return step, capacity

    def _act_on_step(self, step, capacity, state, comment):
        kind, absent = capacity
        step.write(
            {
                "state": state,
                "acted_by_id": self.env.uid,
                "acting_kind": kind or False,
                "acted_for_id": absent.id or False,
                "acted_at": fields.Datetime.now(),
                "comment": comment or False,
            }
        )
        if kind:
            acting = _(
                "%(capacity)s %(absent)s", capacity=ACTING_TEXT[kind], absent=step._absent_label(absent)
            )
            comment = f"{acting}\n{comment}" if comment else acting
        return comment

    def action_approve(self, comment=None):
        """The current user approves the step waiting for them (เห็นชอบ / ผ่าน)."""
        for doc in self:
            step, capacity = doc._my_pending_step()
            if step.is_signing:
                raise UserError(
                    _("This step is the signature: sign the letter. / ขั้นนี้เป็นการลงนาม กรุณาลงนาม")
                )
            logged = doc._act_on_step(step, capacity, "approved", comment)
            doc._close_step_activities(_("Approved"))
            doc._log_action("approved", comment=logged)
            doc._activate_next_step()
        return True

    def action_return(self, comment=None):
        """Return the letter to its drafter for correction, with the reason."""
        if not comment:
            raise UserError(_("Write why the letter is returned. / กรุณาระบุเหตุผลที่ส่งคืน"))
        for doc in self:
            step, capacity = doc._my_pending_step()
            logged = doc._act_on_step(step, capacity, "returned", comment)
            doc._cancel_waiting_steps()
            doc._close_step_activities(_("Returned"))
            doc.sudo().write({"state": "draft"})
            drafter = doc.create_uid
            doc._log_action("returned", comment=logged, users=drafter)
            doc.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=drafter.id,
                summary=_("Letter returned for correction"),
                note=comment,
                date_deadline=fields.Date.context_today(doc),
            )
        return True

    def action_reject(self, comment=None):
        """Reject the letter: it is cancelled (ไม่เห็นชอบ)."""
        if not comment:
            raise UserError(_("Write why the letter is rejected. / กรุณาระบุเหตุผลที่ไม่เห็นชอบ"))
        for doc in self:
            step, capacity = doc._my_pending_step()
            logged = doc._act_on_step(step, capacity, "rejected", comment)
            doc._cancel_waiting_steps()
            doc._close_step_activities(_("Rejected"))
            doc.sudo().write({"state": "cancelled"})
            drafter = doc.create_uid
            doc._log_action("rejected", comment=logged, users=drafter)
            doc.sudo().message_post(
                body=_("Letter rejected: %(reason)s", reason=comment),
                partner_ids=drafter.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _cancel_waiting_steps(self):
        self.sudo().approval_step_ids.filtered(lambda s: s.state == "waiting").write(
            {"state": "cancelled"}
        )

    def action_open_approval_wizard(self):
        self.ensure_one()
        mode = self.env.context.get("approval_mode", "approve")
        return {
            "type": "ir.actions.act_window",
            "res_model": "saraban.approval.wizard",
            "view_mode": "form",
            "target": "new",
            "name": {
                "approve": _("Approve"),
                "return": _("Return for Correction"),
                "reject": _("Reject"),
                "correct": _("Correct the Signed Letter"),
            }.get(mode),
            "context": {"default_document_id": self.id, "default_mode": mode},
        }

    # ------------------------------------------------------------------ signing (R13)
    def action_open_sign_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "saraban.sign.wizard",
            "view_mode": "form",
            "target": "new",
            "name": _("Sign Letter"),
            "context": {"default_document_id": self.id},
        }

    def _check_signer_password(self, password):
        """The signer shows their intent by typing their own password again (R13)."""
        user = self.env.user
        if not password:
            raise UserError(_("Type your password to sign. / กรุณากรอกรหัสผ่านเพื่อลงนาม"))
        try:
            with user._assert_can_auth(user=user.login):
                user._check_credentials(
                    {"type": "password", "login": user.login, "password": password},
                    {"interactive": True},
                )
        except AccessDenied as error:
            if error.args and error.args[0] != AccessDenied().args[0]:
                # Too many failures from this address: Odoo's login cooldown.
                raise UserError(
                    _(
                        "Too many wrong passwords: wait a moment, then sign again. The letter is "
                        "not signed. / ใส่รหัสผ่านผิดหลายครั้ง กรุณารอสักครู่แล้วลงนามใหม่"
                    )
                ) from None
            raise UserError(
                _(
                    "The password is wrong: the letter is not signed. "
                    "/ รหัสผ่านไม่ถูกต้อง หนังสือยังไม่ได้ลงนาม"
                )
            ) from None

    def _numbering_register(self):
        """The register that numbers this letter at signing (R13)."""
        self.ensure_one()
        if self.letter_type == "directive":
            register_type = {"regulation": "regulation", "bylaw": "bylaw"}.get(
                self.letter_subtype, "directive"
            )
        elif self.is_circular and self.letter_type in CIRCULAR_TYPES:
            register_type = "circular"
        else:
            register_type = "send"
        return self.company_id.saraban_central_register(register_type)

    def _number_values(self, register, number, when):
        """letter_number (and issue_no) for entry ``number`` of ``register``."""
        company = self.company_id
        year_be = to_bangkok(when).year + 543
        values = {}
        kind = register.register_type
        if kind == "directive":
            text = f"{number}/{year_be}"
        elif kind in ("regulation", "bylaw"):
            text = f"(ฉบับที่ {number}) พ.ศ. {year_be}"
            values["issue_no"] = number
        else:
            code = (company.saraban_agency_code or "").strip()
            text = f"{code}/ว {number}" if kind == "circular" else f"{code}/{number}"
        if company.saraban_thai_digits:
            text = thai_digits(text)
        else:
            text = text.translate(_ARABIC_DIGITS)
        values["letter_number"] = text
        return values

    def _signature_values(self, step, capacity, when):
        user = self.env.user
        kind, absent = capacity
        values = {
            "signer_id": user.id,
            "signed_at": when,
            "letter_date": to_bangkok(when).date(),
            "verification_token": self.verification_token or secrets.token_urlsafe(24),
            "signer_acting_text": False,
        }
        if kind:
            values.update(
                {
                    "signer_name": user.name,
                    "signer_position": user.saraban_position or False,
                    "signer_acting_text": f"{ACTING_TEXT[kind]} {step._absent_position(absent)}",
                }
            )
        elif self.signer_id and self.signer_id != user:
            values.update(
                {
                    "signer_name": user.name,
                    "signer_position": user.saraban_position or step.role_label or False,
                }
            )
        else:
            values.update(
                {
                    "signer_name": self.signer_name or user.name,
                    "signer_position": self.signer_position
                    or user.saraban_position
                    or step.role_label
                    or False,
                }
            )
        return values

    def _render_official_pdf(self):
        """PDF bytes of the letter as signed: its kept copy (สำเนาคู่ฉบับ).

        saraban_reports overrides this with the official forms; this fallback
        prints the number, date, subject, text and signer on a plain A4 page.
        """
        self.ensure_one()
        return self.env["saraban.document.version"]._fallback_pdf(self)

    def _kept_copy_values(self, pdf):
        """The kept copy, which is also the letter's file, the one sent (main_file)."""
        name = (self.letter_number or self.name or "letter").replace("/", "-").replace(" ", "_")
        data = base64.b64encode(pdf)
        return {
            "signed_pdf": data,
            "signed_pdf_filename": f"{name}.pdf",
            "signed_pdf_sha256": hashlib.sha256(pdf).hexdigest(),
            "main_file": data,
            "main_filename": f"{name}.pdf",
        }

    def action_sign(self, password=None):
        """Sign the letter as the current user, confirmed by their password (R13).

        The letter is numbered now, never earlier: in the send register (the
        circular register for circulars, the directive register for orders, their
        own registers for regulations and bylaws). Its kept copy is stored with
        its SHA-256. A letter under correction is signed again as a new version,
        keeping its number and date. Callable over RPC: ``action_sign(password)``.
        """
        self.ensure_one()
        doc = self
        if doc.direction != "outgoing":
            raise UserError(_("Only outgoing letters are signed here. / ลงนามได้เฉพาะหนังสือส่ง"))
        doc._check_electronic_allowed(_("signed"))
        if doc.correction_pending:
            return doc._sign_correction(password)
        step, capacity = doc._my_pending_step()
        if not step.is_signing:
            raise UserError(
                _(
                    "The letter still waits for approval before it is signed. "
                    "/ หนังสือยังอยู่ระหว่างเสนอพิจารณา ยังไม่ถึงขั้นลงนาม"
                )
            )
        register = doc._numbering_register()
        if register.register_type in ("send", "circular") and not doc.company_id.saraban_agency_code:
            raise UserError(
                _(
                    "Set the agency code in the settings: it begins every letter number. "
                    "/ กรุณากำหนดรหัสส่วนราชการในการตั้งค่า"
                )
            )
        doc._check_signer_password(password)

        now = fields.Datetime.now()
        year = to_bangkok(now).year
        predicted = register._next_number_start(year)
        Signing = doc.sudo().with_context(saraban_signing=True)
        doc._act_on_step(step, capacity, "approved", False)
        values = doc._signature_values(step, capacity, now)
        values.update(doc._number_values(register, predicted, now))
        Signing.write(values)
        pdf = doc._render_official_pdf()
        kept = doc._kept_copy_values(pdf)
        version = doc.env["saraban.document.version"]._create_version(doc, pdf, reason=False)
        Signing.write(dict(kept, state="signed", current_version_id=version.id))
        doc._close_step_activities(_("Signed"))
        acting = capacity[0] and values.get("signer_acting_text")
        doc._log_action("signed", comment=acting or False)
        numbered = doc._log_action("numbered", comment=values["letter_number"])
        # Everything else is written: the number is claimed last, just before the
        # commit, so that concurrent signers wait on each other as briefly as possible.
        # The kept copy was rendered with the number expected; when a concurrent
        # signer took it first, the copy is rendered again with the number obtained.
        # The chatter's tracking messages, normally written at commit, are written now.
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.flush_all()
        entry = register.sudo()._claim_entry(doc, registered_at=now)
        if entry.number != predicted:
            numbers = doc._number_values(register, entry.number, now)
            Signing.write(numbers)
            pdf = doc._render_official_pdf()
            kept = doc._kept_copy_values(pdf)
            Signing.write(kept)
            version.sudo().with_context(saraban_signing=True).write(
                {"pdf": kept["signed_pdf"], "sha256": kept["signed_pdf_sha256"],
                 "letter_number": numbers["letter_number"]}
            )
            values["letter_number"] = numbers["letter_number"]
            self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            "UPDATE saraban_register_entry SET version_id = %s WHERE id = %s", (version.id, entry.id)
        )
        cr.execute("UPDATE saraban_document SET send_entry_id = %s WHERE id = %s", (entry.id, doc.id))
        cr.execute(
            "UPDATE saraban_document_action SET entry_id = %s, comment = %s WHERE id = %s",
            (entry.id, values["letter_number"], numbered.id),
        )
        doc.invalidate_recordset(["send_entry_id", "register_entry_ids"])
        self.env["saraban.register.entry"].invalidate_model(["version_id"])
        self.env["saraban.document.action"].invalidate_model(["entry_id", "comment"])
        return True

    def action_start_correction(self, reason=None):
        """Open a signed letter for a correction; signing it again issues a new version."""
        if not reason:
            raise UserError(_("Give the reason for the correction. / กรุณาระบุเหตุผลการแก้ไข"))
        self.check_access("write")
        for doc in self:
            if doc.direction != "outgoing" or doc.state not in SIGNED_STATES:
                raise UserError(
                    _("Only a signed letter is corrected. / แก้ไขได้เฉพาะหนังสือที่ลงนามแล้ว")
                )
            if doc.correction_pending:
                raise UserError(
                    _("A correction is already open. / หนังสือนี้อยู่ระหว่างการแก้ไขแล้ว")
                )
            doc.sudo().write({"correction_pending": True, "correction_reason": reason})
            doc._log_action("correction", comment=reason)
            signing = doc._signed_step()
            activity_type = self.env.ref("saraban_module.mail_activity_type_saraban_sign", False)
            for user in (signing._approver_users() if signing else doc.signer_id):
                doc.sudo().activity_schedule(
                    activity_type_id=activity_type.id if activity_type else False,
                    user_id=user.id,
                    summary=_("Sign the corrected letter"),
                    note=reason,
                    date_deadline=fields.Date.context_today(doc),
                )
        return True

    def _sign_correction(self, password):
        """Sign a corrected letter again: a new version, same number and date."""
        self.ensure_one()
        signing = self._signed_step()
        capacity = signing._capacity(self.env.user) if signing else None
        if capacity is None and self.signer_id != self.env.user:
            raise AccessError(
                _("Only the signer signs the corrected letter. / ผู้ลงนามเท่านั้นที่ลงนามฉบับแก้ไขได้")
            )
        if self.is_secret:
            self._check_secret_clearance(_("sign a secret letter"))
        self._check_signer_password(password)
        pdf = self._render_official_pdf()
        version = self.env["saraban.document.version"]._create_version(
            self, pdf, reason=self.correction_reason
        )
        self.sudo().with_context(saraban_signing=True).write(
            dict(
                self._kept_copy_values(pdf),
                current_version_id=version.id,
                correction_pending=False,
                correction_reason=False,
                state="signed",
            )
        )
        self._close_step_activities(_("Signed"))
        self._log_action(
            "signed",
            comment=_("Version %(no)s: %(reason)s", no=version.version_no, reason=version.reason),
            entry=self.send_entry_id or None,
        )
        if self.send_entry_id:
            self.env.flush_all()
            self.env.cr.execute(
                "UPDATE saraban_register_entry SET version_id = %s WHERE id = %s",
                (version.id, self.send_entry_id.id),
            )
            self.env["saraban.register.entry"].invalidate_model(["version_id"])
        return True


_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
