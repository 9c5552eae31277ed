import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import format_thai_date, format_thai_datetime, format_thai_time, thai_digits

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
    letter_date = fields.Date(string="Letter Date", tracking=True)
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
    summary = fields.Text(string="Summary", index="trigram", help="Short summary used for search.")
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
        string="Owner Unit",
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
    receive_year = fields.Integer(string="Receive Year", readonly=True, copy=False)
    receive_register_id = fields.Many2one("saraban.register", readonly=True, copy=False)
    registered_at = fields.Datetime(string="Registered On", readonly=True, copy=False, index=True)
    registered_by_id = fields.Many2one("res.users", string="Registered By", readonly=True, copy=False)
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
        docs = super().create(vals_list)
        docs._link_attachments()
        for doc in docs:
            doc._log_action("created")
        return docs

    def write(self, vals):
        if "secrecy" in vals and vals["secrecy"] in SECRET_LEVELS:
            self._check_secret_clearance(_("mark a letter secret"))
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._link_attachments()
        return result

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
