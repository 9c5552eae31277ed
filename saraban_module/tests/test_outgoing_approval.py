import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_outgoing_common import OutgoingCase


@tagged("post_install", "-at_install")
class TestOutgoingApproval(OutgoingCase):
    def actions(self, doc):
        return doc.action_ids.sorted("id").mapped("action")

    def test_chain_approved_step_by_step(self):
        doc = self.draft()
        doc.action_submit()
        self.assertEqual(doc.state, "approval")
        steps = doc.approval_step_ids.sorted("sequence")
        self.assertEqual(steps.mapped("approver_id"), self.head | self.palad | self.mayor)
        self.assertEqual(steps.mapped("role_label"), ["ผู้อำนวยการกองช่าง", "ปลัดเทศบาล", "นายกเทศมนตรี"])
        self.assertEqual(steps.mapped("is_signing"), [False, False, True])
        self.assertEqual(steps.mapped("state"), ["pending", "waiting", "waiting"])
        # Only the approver whose turn it is has an activity and finds it waiting.
        approve_type = self.env.ref("saraban_module.mail_activity_type_saraban_approve")
        self.assertEqual(doc.activity_ids.filtered(lambda a: a.activity_type_id == approve_type).user_id, self.head)
        Doc = self.env["saraban.document"]
        self.assertEqual(Doc.with_user(self.head).search([("is_awaiting_my_approval", "=", True)]), doc)
        self.assertFalse(Doc.with_user(self.palad).search([("is_awaiting_my_approval", "=", True)]))
        self.assertTrue(doc.with_user(self.head).can_approve)
        with self.assertRaises(AccessError):
            doc.with_user(self.palad).action_approve()

        doc.with_user(self.head).action_approve("เห็นควรเสนอปลัด")
        self.assertEqual(steps.mapped("state"), ["approved", "pending", "waiting"])
        self.assertEqual(steps[0].acted_by_id, self.head)
        self.assertFalse(steps[0].acting_kind)
        self.assertEqual(doc.activity_ids.filtered(lambda a: a.activity_type_id == approve_type).user_id, self.palad)
        doc.with_user(self.palad).action_approve()
        self.assertEqual(doc.current_step_id, steps[2])
        self.assertTrue(doc.with_user(self.mayor).can_sign)
        self.assertFalse(doc.with_user(self.mayor).can_approve)
        sign_type = self.env.ref("saraban_module.mail_activity_type_saraban_sign")
        self.assertEqual(doc.activity_ids.filtered(lambda a: a.activity_type_id == sign_type).user_id, self.mayor)
        self.assertEqual(Doc.with_user(self.mayor).search([("is_awaiting_my_approval", "=", True)]), doc)
        with self.assertRaises(UserError):
            doc.with_user(self.mayor).action_approve()
        self.assertEqual(self.actions(doc), ["created", "submitted", "approved", "approved"])
        approved = doc.action_ids.filtered(lambda a: a.action == "approved").sorted("id")
        self.assertEqual(approved.mapped("user_id"), self.head | self.palad)
        self.assertEqual(approved[0].comment, "เห็นควรเสนอปลัด")
        # What the approvers approve is what is signed.
        with self.assertRaises(UserError):
            doc.with_user(self.drafter).write({"body": "<p>แก้ระหว่างเสนอ</p>"})

    def test_return_then_resubmit(self):
        doc = self.draft()
        doc.action_submit()
        doc.with_user(self.head).action_approve()
        with self.assertRaises(UserError):
            doc.with_user(self.palad).action_return("")
        doc.with_user(self.palad).action_return("แก้ไขชื่อถนนให้ถูกต้อง")
        self.assertEqual(doc.state, "draft")
        first = doc.approval_step_ids.filtered(lambda s: s.round == 1).sorted("sequence")
        self.assertEqual(first.mapped("state"), ["approved", "returned", "cancelled"])
        self.assertEqual(first[1].comment, "แก้ไขชื่อถนนให้ถูกต้อง")
        returned = doc.action_ids.filtered(lambda a: a.action == "returned")
        self.assertEqual(returned.user_id, self.palad)
        self.assertEqual(returned.target_user_ids, self.drafter)
        self.assertEqual(returned.comment, "แก้ไขชื่อถนนให้ถูกต้อง")
        todo = doc.activity_ids.filtered(lambda a: a.user_id == self.drafter)
        self.assertEqual(len(todo), 1, "the drafter is told to correct the letter")
        self.assertFalse(doc.activity_ids.filtered(lambda a: a.user_id in (self.palad | self.mayor)))
        # The drafter corrects and submits again: a new round from the first step.
        doc.with_user(self.drafter).write({"body": "<p>ถนนเทศบาล ๑</p>"})
        doc.with_user(self.drafter).action_submit()
        second = doc.approval_step_ids.filtered(lambda s: s.round == 2).sorted("sequence")
        self.assertEqual(second.mapped("state"), ["pending", "waiting", "waiting"])
        self.assertEqual(
            self.actions(doc), ["created", "submitted", "approved", "returned", "submitted"]
        )

    def test_reject_cancels(self):
        doc = self.draft()
        doc.action_submit()
        doc.with_user(self.head).action_reject("ไม่มีความจำเป็นต้องมีหนังสือฉบับนี้")
        self.assertEqual(doc.state, "cancelled")
        self.assertEqual(
            doc.approval_step_ids.sorted("sequence").mapped("state"), ["rejected", "cancelled", "cancelled"]
        )
        self.assertEqual(self.actions(doc)[-1], "rejected")
        self.assertFalse(doc.activity_ids)
        with self.assertRaises(UserError):
            doc.with_user(self.palad).action_approve()
        with self.assertRaises(UserError):
            doc.action_submit()

    def test_acting_approvers_recorded(self):
        Delegation = self.env["saraban.approval.delegation"]
        today = datetime.date.today()
        # The Palad appoints the head of works to act on their behalf (ปฏิบัติราชการแทน).
        Delegation.with_user(self.palad).create(
            {"delegate_id": self.drafter.id, "kind": "on_behalf", "date_from": today}
        )
        # The mayor is away: the deputy is acting mayor (รักษาราชการแทน) for the week.
        Delegation.create(
            {
                "user_id": self.mayor.id,
                "delegate_id": self.deputy.id,
                "kind": "acting",
                "date_from": today - datetime.timedelta(days=1),
                "date_to": today + datetime.timedelta(days=6),
            }
        )
        # An expired appointment gives no right.
        Delegation.create(
            {
                "user_id": self.mayor.id,
                "delegate_id": self.executive.id,
                "kind": "acting",
                "date_from": today - datetime.timedelta(days=30),
                "date_to": today - datetime.timedelta(days=20),
            }
        )
        doc = self.draft()
        doc.action_submit()
        doc.with_user(self.head).action_approve()
        self.assertIn(doc, self.env["saraban.document"].with_user(self.drafter).search(
            [("is_awaiting_my_approval", "=", True)]
        ))
        doc.with_user(self.drafter).action_approve("เห็นชอบ")
        step = doc.approval_step_ids.filtered(lambda s: s.role_label == "ปลัดเทศบาล")
        self.assertEqual(step.approver_id, self.palad)
        self.assertEqual(step.acted_by_id, self.drafter)
        self.assertEqual(step.acted_for_id, self.palad)
        self.assertEqual(step.acting_kind, "on_behalf")
        log = doc.action_ids.filtered(lambda a: a.action == "approved").sorted("id")[-1]
        self.assertEqual(log.user_id, self.drafter)
        self.assertIn("ปฏิบัติราชการแทน นายปลัด ใจดี (ปลัดเทศบาล)", log.comment)

        with self.assertRaises(AccessError):
            self.sign(doc, user=self.executive)
        # The deputy reads and signs the letter as acting mayor.
        doc.with_user(self.deputy).read(["name", "body"])
        self.sign(doc, user=self.deputy)
        self.assertEqual(doc.state, "signed")
        signing = doc.approval_step_ids.filtered("is_signing")
        self.assertEqual(signing.acted_by_id, self.deputy)
        self.assertEqual(signing.acted_for_id, self.mayor)
        self.assertEqual(signing.acting_kind, "acting")
        self.assertEqual(doc.signer_id, self.deputy)
        self.assertEqual(doc.signer_name, "นายรอง ช่วยงาน")
        self.assertEqual(doc.signer_position, "รองนายกเทศมนตรีตำบลบ้านสวน")
        self.assertEqual(doc.signer_acting_text, "รักษาราชการแทน นายกเทศมนตรีตำบลบ้านสวน")
        signed = doc.action_ids.filtered(lambda a: a.action == "signed")
        self.assertEqual(signed.user_id, self.deputy)
        self.assertEqual(signed.comment, "รักษาราชการแทน นายกเทศมนตรีตำบลบ้านสวน")

    def test_approver_of_another_unit_reads_the_letter(self):
        chain = self.env["saraban.approval.chain"].create(
            {
                "name": "ผ่านกองคลัง",
                "unit_id": self.unit_works.id,
                "letter_type": "internal",
                "step_ids": [
                    (0, 0, {"role_label": "ผู้อำนวยการกองคลัง", "approver_type": "user",
                            "user_id": self.clerk_finance.id}),
                    (0, 0, {"role_label": "ผู้ลงนาม", "approver_type": "group",
                            "group_id": self.env.ref("saraban_module.group_saraban_executive").id}),
                ],
            }
        )
        doc = self.draft(letter_type="internal", signer_id=self.mayor.id)
        with self.assertRaises(AccessError):
            doc.with_user(self.clerk_finance).read(["name"])
        doc.action_submit()
        self.assertEqual(doc.approval_step_ids.mapped("chain_step_id.chain_id"), chain)
        doc.with_user(self.clerk_finance).read(["name", "body", "action_ids"])
        doc.with_user(self.clerk_finance).action_approve()
        # The drafter chose the mayor among the executives: the mayor signs.
        self.assertEqual(doc.current_step_id.approver_id, self.mayor)

    def test_without_chain_the_signer_signs(self):
        doc = self.draft(letter_type="internal", owner_unit_id=self.unit_finance.id)
        with self.assertRaisesRegex(UserError, "choose who signs|ระบุผู้ลงนาม"):
            doc.sudo().action_submit()
        doc.sudo().signer_id = self.palad
        doc.sudo().action_submit()
        self.assertEqual(len(doc.approval_step_ids), 1)
        self.assertTrue(doc.approval_step_ids.is_signing)
        self.assertEqual(doc.current_step_id.approver_id, self.palad)

    def test_secret_letters(self):
        doc = self.draft(user=self.secret_officer, secrecy="top_secret", signer_id=self.mayor.id)
        with self.assertRaises(UserError):
            doc.with_user(self.secret_officer).action_submit()
        secret = self.draft(user=self.secret_officer, secrecy="secret", owner_unit_id=False,
                            signer_id=self.mayor.id)
        secret.with_user(self.secret_officer).action_submit()
        # The mayor is not cleared for secret letters (R15).
        with self.assertRaises(AccessError):
            self.sign(secret, user=self.mayor)
        self.assertFalse(secret.letter_number)
