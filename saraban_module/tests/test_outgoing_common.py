"""Shared set-up of the outgoing letter tests: a chain of approvers and a draft helper."""

from odoo import Command
from odoo.tests import new_test_user

from .common import SarabanCase

PASSWORD = "Sign-pass-2569"


class OutgoingCase(SarabanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def person(login, groups, position, units=None, name=None):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                name=name or login,
                password=PASSWORD,
                tz="Asia/Bangkok",
                saraban_position=position,
                saraban_unit_ids=[Command.set(units.ids)] if units else False,
            )

        clerk = "saraban_module.group_saraban_clerk"
        executive = "saraban_module.group_saraban_executive"
        cls.drafter = cls.clerk_works
        cls.head = person("t_head_works", clerk, "ผู้อำนวยการกองช่าง", cls.unit_works, "นายช่าง หัวหน้า")
        cls.palad = person("t_palad", executive, "ปลัดเทศบาลตำบลบ้านสวน", name="นายปลัด ใจดี")
        cls.mayor = person("t_mayor", executive, "นายกเทศมนตรีตำบลบ้านสวน", name="นายนายก สุขใจ")
        cls.deputy = person("t_deputy", executive, "รองนายกเทศมนตรีตำบลบ้านสวน", name="นายรอง ช่วยงาน")
        cls.unit_works.head_id = cls.head
        cls.chain = cls.env["saraban.approval.chain"].create(
            {
                "name": "หนังสือภายนอกของกองช่าง",
                "unit_id": cls.unit_works.id,
                "letter_type": "external",
                "step_ids": [
                    Command.create({"role_label": "ผู้อำนวยการกองช่าง", "approver_type": "unit_head"}),
                    Command.create(
                        {"role_label": "ปลัดเทศบาล", "approver_type": "user", "user_id": cls.palad.id}
                    ),
                    Command.create(
                        {"role_label": "นายกเทศมนตรี", "approver_type": "user", "user_id": cls.mayor.id}
                    ),
                ],
            }
        )
        cls.send_register = cls.company.saraban_central_register("send")

    @classmethod
    def draft(cls, user=None, **values):
        vals = {
            "name": "ขอความอนุเคราะห์ข้อมูลถนนในเขตเทศบาล",
            "direction": "outgoing",
            "letter_type": "external",
            "recipient_ids": [Command.set(cls.agency.ids)],
            "salutation": "เรียน นายอำเภอบ้านสวน",
            "body": "<p>ด้วยเทศบาลตำบลบ้านสวนมีความประสงค์ขอข้อมูลถนน</p>",
            "closing": "ขอแสดงความนับถือ",
            "owner_unit_id": cls.unit_works.id,
            "owner_department": "กองช่าง",
            "owner_phone": "0 3812 3456",
        }
        vals.update(values)
        # Created by the drafter, returned in the test's (superuser) environment.
        return cls.env(user=user or cls.drafter)["saraban.document"].create(vals).with_env(cls.env)

    def approve_until_signature(self, doc):
        """Submit the letter and approve every step before the signature."""
        doc.with_user(doc.create_uid).action_submit()
        while True:
            step = doc.current_step_id
            if step.is_signing:
                return step
            doc.with_user(step.approver_id).action_approve("เห็นชอบ")

    def sign(self, doc, user=None, password=PASSWORD):
        user = user or doc.current_step_id.approver_id
        doc.with_user(user).action_sign(password)
        doc.invalidate_recordset()
        return doc

    def draft_and_sign(self, **values):
        doc = self.draft(**values)
        self.approve_until_signature(doc)
        return self.sign(doc)
