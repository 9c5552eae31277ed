import base64

from odoo.tests import TransactionCase, new_test_user

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class SarabanCase(TransactionCase):
    """Units, users of every role and helpers shared by the e-Saraban tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A municipality of its own, so that demo data never meets the tests.
        cls.company = cls.env["res.company"].create(
            {"name": "เทศบาลตำบลทดสอบ", "saraban_agency_code": "ชบ 52701"}
        )
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_notrack=True,
                allowed_company_ids=[cls.company.id],
            )
        )
        Unit = cls.env["saraban.unit"]
        cls.unit_works = Unit.create({"name": "กองช่าง", "code": "04"})
        cls.unit_finance = Unit.create({"name": "กองคลัง", "code": "03"})

        def user(login, groups, units=None):
            u = new_test_user(
                cls.env,
                login=login,
                groups=groups,
                tz="Asia/Bangkok",
                company_id=cls.company.id,
                company_ids=[(6, 0, cls.company.ids)],
            )
            if units:
                u.saraban_unit_ids = [(6, 0, units.ids)]
            return u

        cls.officer = user("t_officer", "saraban_module.group_saraban_officer")
        cls.clerk_works = user("t_clerk_works", "saraban_module.group_saraban_clerk", cls.unit_works)
        cls.clerk_finance = user(
            "t_clerk_finance", "saraban_module.group_saraban_clerk", cls.unit_finance
        )
        cls.secret_officer = user(
            "t_secret",
            "saraban_module.group_saraban_officer,saraban_module.group_saraban_secret",
        )
        cls.executive = user("t_exec", "saraban_module.group_saraban_executive")
        cls.manager = user("t_manager", "saraban_module.group_saraban_manager")
        cls.outsider = user("t_outsider", "base.group_user")
        cls.agency = cls.env["res.partner"].create(
            {
                "name": "ที่ว่าการอำเภอบ้านสวน",
                "is_company": True,
                "saraban_is_agency": True,
                "saraban_agency_code": "ชบ 0318",
                "saraban_email": "saraban@amphoe-bansuan.go.th",
            }
        )
        cls.central = cls.company.saraban_central_register("receive")

    @classmethod
    def new_letter(cls, user=None, **values):
        vals = {
            "name": "ขอความร่วมมือสำรวจข้อมูลถนนในเขตเทศบาล",
            "direction": "incoming",
            "letter_number": "ชบ 0318/1234",
            "sender_id": cls.agency.id,
        }
        vals.update(values)
        env = cls.env(user=user) if user else cls.env
        return env["saraban.document"].create(vals)

    @classmethod
    def attach(cls, doc, name="enclosure.pdf", data=MINIMAL_PDF):
        return cls.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(data),
                "res_model": doc._name,
                "res_id": doc.id,
            }
        )
