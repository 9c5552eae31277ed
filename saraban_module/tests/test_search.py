from odoo.tests import tagged

from .common import SarabanCase


@tagged("post_install", "-at_install")
class TestSearch(SarabanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.road = cls.new_letter(
            name="ขอรับการสนับสนุนงบประมาณซ่อมแซมถนนสายบ้านสวน",
            letter_number="ชบ 0318/2201",
            letter_date="2026-11-02",
            urgency="normal",
        )
        cls.drought = cls.new_letter(
            name="การเตรียมความพร้อมรับมือภัยแล้ง",
            letter_number="มท 0808.2/ว 1590",
            letter_date="2026-11-10",
            urgency="most_urgent",
            sender_id=False,
            sender_name="กรมส่งเสริมการปกครองท้องถิ่น",
            recipient_name="นายกเทศมนตรีตำบลบ้านสวน",
            summary="ให้สำรวจแหล่งน้ำและรายงานจังหวัด",
        )
        cls.vaccine = cls.new_letter(
            name="ขอความร่วมมือรณรงค์ฉีดวัคซีน", urgency="urgent", secrecy="normal"
        )
        (cls.road | cls.drought | cls.vaccine).with_user(cls.officer).action_register()

    def find(self, domain):
        return self.env["saraban.document"].with_user(self.officer).search(domain)

    def test_search_fields(self):
        self.assertEqual(self.find([("name", "ilike", "ถนน")]), self.road)
        self.assertEqual(self.find([("letter_number", "ilike", "0808.2/ว")]), self.drought)
        self.assertEqual(self.find([("sender_display", "ilike", "ปกครองท้องถิ่น")]), self.drought)
        self.assertEqual(self.find([("sender_display", "ilike", "อำเภอบ้านสวน")]), self.road | self.vaccine)
        self.assertEqual(self.find([("recipient_display", "ilike", "นายกเทศมนตรี")]), self.drought)
        self.assertEqual(self.find([("summary", "ilike", "แหล่งน้ำ")]), self.drought)
        self.assertEqual(
            self.find([("receive_number", "=", self.drought.receive_number)]), self.drought
        )
        self.assertEqual(
            self.find([("letter_date", ">=", "2026-11-05"), ("letter_date", "<=", "2026-11-30")]),
            self.drought,
        )
        self.assertEqual(self.find([("urgency", "=", "urgent")]), self.vaccine)
        self.assertEqual(
            self.find([("state", "=", "registered"), ("id", "in", (self.road | self.vaccine).ids)]),
            self.road | self.vaccine,
        )

    def test_urgent_first(self):
        found = self.find([("id", "in", (self.road | self.drought | self.vaccine).ids)])
        self.assertEqual(found.ids, [self.drought.id, self.vaccine.id, self.road.id])

    def test_trigram_indexes(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'saraban_document'"
            " AND indexdef ILIKE '%%gin_trgm_ops%%'"
        )
        defs = " ".join(row[0] for row in self.env.cr.fetchall())
        for column in ("name", "letter_number", "sender_display", "recipient_display", "summary"):
            self.assertIn(f"{column}", defs)
