from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SarabanCase

SECRECIES = ("normal", "confidential", "secret", "top_secret")
OPERATIONS = ("read", "write", "register", "route", "attachment")

# Expected rights: role -> operation -> secrecy classes allowed (R9, R10, R15).
NORMAL = {"normal"}
CLEARED = {"normal", "confidential", "secret"}
ALL = set(SECRECIES)
NONE = set()
EXPECTED = {
    "clerk": {"read": NORMAL, "write": NORMAL, "register": NORMAL, "route": NORMAL, "attachment": NORMAL},
    "officer": {"read": NORMAL, "write": NORMAL, "register": NORMAL, "route": NORMAL, "attachment": NORMAL},
    "executive": {"read": NORMAL, "write": NONE, "register": NONE, "route": NORMAL, "attachment": NORMAL},
    # Top secret letters are recorded by cleared officers, never routed electronically.
    "secret": {"read": ALL, "write": ALL, "register": ALL, "route": CLEARED, "attachment": ALL},
    "manager": {"read": NORMAL, "write": NORMAL, "register": NORMAL, "route": NORMAL, "attachment": NORMAL},
    "outsider": {op: NONE for op in OPERATIONS},
}


class _Undo(Exception):
    """Raised after a successful attempt so that every cell starts from the same data."""


@tagged("post_install", "-at_install")
class TestAccessMatrix(SarabanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "clerk": cls.clerk_works,
            "officer": cls.officer,
            "executive": cls.executive,
            "secret": cls.secret_officer,
            "manager": cls.manager,
            "outsider": cls.outsider,
        }
        cls.drafts = {}
        cls.registered = {}
        cls.attachments = {}
        for secrecy in SECRECIES:
            common = {"secrecy": secrecy, "owner_unit_id": cls.unit_works.id}
            cls.drafts[secrecy] = cls.new_letter(name=f"ร่าง {secrecy}", **common)
            doc = cls.new_letter(name=f"ลงทะเบียนแล้ว {secrecy}", **common)
            doc.action_register()
            cls.registered[secrecy] = doc
            cls.attachments[secrecy] = cls.attach(doc, name=f"{secrecy}.pdf")

    def attempt(self, role, operation, secrecy):
        user = self.users[role]
        if operation == "read":
            self.registered[secrecy].with_user(user).read(["name", "letter_number"])
        elif operation == "write":
            self.registered[secrecy].with_user(user).write({"summary": "ทดสอบสิทธิ์"})
        elif operation == "register":
            self.drafts[secrecy].with_user(user).action_register()
        elif operation == "route":
            doc = self.registered[secrecy].with_user(user)
            if secrecy == "normal":
                doc.action_route(units=self.unit_finance, instruction="เพื่อทราบ")
            else:
                doc.action_route(users=self.clerk_finance, instruction="เพื่อทราบ")
        elif operation == "attachment":
            data = self.attachments[secrecy].with_user(user).read(["datas"])[0]["datas"]
            self.assertTrue(data)

    def test_access_matrix(self):
        results = {}
        for role, expected_ops in EXPECTED.items():
            for operation in OPERATIONS:
                for secrecy in SECRECIES:
                    allowed = secrecy in expected_ops[operation]
                    outcome = None
                    try:
                        with self.env.cr.savepoint():
                            self.attempt(role, operation, secrecy)
                            raise _Undo()
                    except _Undo:
                        outcome = True
                    except (AccessError, UserError):
                        outcome = False
                    self.env.invalidate_all()
                    results[(role, operation, secrecy)] = outcome
                    with self.subTest(role=role, operation=operation, secrecy=secrecy):
                        self.assertEqual(
                            outcome,
                            allowed,
                            f"{role} {operation} {secrecy}: expected "
                            f"{'allowed' if allowed else 'denied'}",
                        )
        # 6 roles x 5 operations x 4 secrecy classes were all tried.
        self.assertEqual(len(results), 120)

    def test_search_hides_secret_letters(self):
        Doc = self.env["saraban.document"]
        ids = set(Doc.search([]).ids)
        for role in ("clerk", "officer", "executive", "manager"):
            visible = Doc.with_user(self.users[role]).search([("id", "in", list(ids))])
            self.assertEqual(set(visible.mapped("secrecy")), {"normal"}, role)
        visible = Doc.with_user(self.secret_officer).search([("id", "in", list(ids))])
        self.assertEqual(set(visible.mapped("secrecy")), set(SECRECIES))

    def test_named_recipient_reads_secret_letter(self):
        doc = self.registered["secret"]
        attachment = self.attachments["secret"]
        clerk = self.clerk_finance
        with self.assertRaises(AccessError):
            doc.with_user(clerk).read(["name"])
        doc.with_user(self.secret_officer).action_route(users=clerk, instruction="โปรดพิจารณา")
        doc.invalidate_recordset()
        self.assertEqual(doc.with_user(clerk).read(["name"])[0]["name"], "ลงทะเบียนแล้ว secret")
        self.assertTrue(attachment.with_user(clerk).read(["datas"])[0]["datas"])
        # A named recipient reads and acknowledges, but does not edit or pass it on.
        with self.assertRaises(AccessError):
            doc.with_user(clerk).write({"summary": "x"})
        with self.assertRaises(AccessError):
            doc.with_user(clerk).action_route(users=self.clerk_works)
        doc.with_user(clerk).action_acknowledge()
        self.assertEqual(doc.route_ids.state, "acknowledged")
        # Their unit colleague sees nothing of it.
        with self.assertRaises(AccessError):
            doc.with_user(self.clerk_works).read(["name"])
        self.assertFalse(
            self.env["saraban.register.entry"]
            .with_user(clerk)
            .search([("document_id", "=", doc.id)])
        )

    def test_secret_letter_not_routed_to_units(self):
        doc = self.registered["confidential"]
        with self.assertRaises(UserError):
            doc.with_user(self.secret_officer).action_route(units=self.unit_finance)

    def test_top_secret_refused_with_reason(self):
        doc = self.registered["top_secret"]
        with self.assertRaisesRegex(UserError, "ลับที่สุด"):
            doc.with_user(self.secret_officer).action_route(users=self.clerk_finance)
        with self.assertRaisesRegex(UserError, "ลับที่สุด"):
            doc.with_user(self.secret_officer).action_open_route_wizard()
        self.assertFalse(doc.route_ids)

    def test_only_cleared_officers_mark_secret(self):
        doc = self.new_letter(owner_unit_id=self.unit_works.id)
        with self.assertRaises(AccessError):
            doc.with_user(self.officer).write({"secrecy": "secret"})
        doc.with_user(self.secret_officer).write({"secrecy": "secret"})
        self.assertEqual(doc.secrecy, "secret")

    def test_clerk_cannot_use_other_unit_register(self):
        doc = self.new_letter(owner_unit_id=self.unit_works.id)
        finance_register = self.unit_finance.receive_register()
        with self.assertRaises(AccessError):
            doc.with_user(self.clerk_works).action_register(register=finance_register.id)
        central = self.company.saraban_central_register("receive")
        with self.assertRaises(AccessError):
            doc.with_user(self.clerk_works).action_register(register=central.id)


@tagged("post_install", "-at_install")
class TestAgencySettings(SarabanCase):
    def test_saraban_administrator_sets_agency_settings_only(self):
        company = self.company.with_user(self.manager)
        company.write(
            {"saraban_central_email": "saraban@bansuan.go.th", "saraban_check_officer_phone": "038 123 457"}
        )
        self.assertEqual(self.company.saraban_central_email, "saraban@bansuan.go.th")
        with self.assertRaises(AccessError):
            company.write({"name": "ชื่ออื่น"})
        with self.assertRaises(AccessError):
            self.company.with_user(self.officer).write({"saraban_agency_code": "มท 0808.2"})
        action = self.env["res.company"].with_user(self.manager).action_open_saraban_settings()
        self.assertEqual(action["res_model"], "res.company")
        from odoo.exceptions import ValidationError

        with self.assertRaises(ValidationError):
            company.write({"saraban_check_officer_phone": "12"})
        with self.assertRaises(ValidationError):
            company.write({"saraban_central_email": "not an address"})
