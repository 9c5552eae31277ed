"""Demo letters of the sample municipality (เทศบาลตำบลบ้านสวน).

``demo/saraban_demo.xml`` creates the agency, its units, people and the agencies it
corresponds with, then calls :meth:`SarabanDemo._generate`, which writes a few dozen
letters and drives them through the real actions of the addon (register, route,
acknowledge, order, comment, close, cancel a register entry), each done by the user
whose role it is. Register numbers therefore come from the registers themselves:
gapless, one sequence per register and calendar year.

The steps are spread over the last weeks, in office hours (Asia/Bangkok). When
freezegun is available (Odoo's own requirements install it), each step runs at its
own past time, so letters, register entries, history, routing and chatter all carry
consistent dates; without it the steps are dated at install time and only the time a
letter entered the system lies in the past. Everything else is deterministic (fixed
seed). The generation runs once: it stops when the demo letters already exist.
"""

import base64
import datetime
import io
import logging
import random
from contextlib import contextmanager

import pytz

from odoo import api, fields, models

from ..tools import SARABAN_TZ, format_thai_date, thai_digits, to_bangkok
from ..tools.pdf import thai_font, wrap_text

_logger = logging.getLogger(__name__)

MODULE = "saraban_module"
SEED = 2564
MARKER_XMLID = f"{MODULE}.demo_letter_budget_guideline"

SALUTATION = "เรียน นายกเทศมนตรีตำบลบ้านสวน"
RECIPIENT_NAME = "นายกเทศมนตรีตำบลบ้านสวน"
FORWARD = "เพื่อโปรดทราบและพิจารณาดำเนินการ"
TO_EXECUTIVE = "เรียน ปลัดเทศบาล เพื่อโปรดพิจารณาสั่งการ"
TO_MAYOR = "เสนอนายกเทศมนตรีเพื่อโปรดพิจารณาสั่งการ"
CLOSING = "จึงเรียนมาเพื่อโปรดทราบและพิจารณาดำเนินการต่อไป"

# Demo people, by login (records of demo/saraban_demo.xml).
USERS = {
    "saraban": "demo_user_saraban",
    "clerk.finance": "demo_user_clerk_finance",
    "clerk.works": "demo_user_clerk_works",
    "secret.officer": "demo_user_secret_officer",
    "executive": "demo_user_executive",
    "mayor": "demo_user_mayor",
    "sarabanadmin": "demo_user_sarabanadmin",
    "head.admin": "demo_user_head_admin",
    "head.finance": "demo_user_head_finance",
    "head.works": "demo_user_head_works",
    "head.education": "demo_user_head_education",
    "head.health": "demo_user_head_health",
}
UNITS = {
    "admin": "demo_unit_admin",
    "finance": "demo_unit_finance",
    "works": "demo_unit_works",
    "education": "demo_unit_education",
    "health": "demo_unit_health",
}
AGENCIES = {
    "dla": "demo_agency_dla",
    "province": "demo_agency_province",
    "lao_province": "demo_agency_lao_province",
    "amphoe": "demo_agency_amphoe",
    "lao_amphoe": "demo_agency_lao_amphoe",
    "ddpm": "demo_agency_ddpm",
    "health_office": "demo_agency_health_office",
    "hospital": "demo_agency_hospital",
    "police": "demo_agency_police",
    "school": "demo_agency_school",
    "pao": "demo_agency_pao",
    "neighbour": "demo_agency_neighbour",
    "audit": "demo_agency_audit",
}
# Who signs the agencies' letters (the scanned demo letters show it).
SIGNERS = {
    "dla": ("นายประพันธ์ ศรีปกครอง", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"),
    "province": ("นายชัยวัฒน์ ธรรมรักษ์", "ผู้ว่าราชการจังหวัดชลบุรี"),
    "lao_province": ("นายสมบัติ ท้องถิ่นดี", "ท้องถิ่นจังหวัดชลบุรี"),
    "amphoe": ("นายเกรียงไกร บำรุงราษฎร์", "นายอำเภอเมืองชลบุรี"),
    "lao_amphoe": ("นางสาวจิราพร ดูแลดี", "ท้องถิ่นอำเภอเมืองชลบุรี"),
    "ddpm": ("นายณรงค์ เฝ้าระวัง", "ผู้อำนวยการสำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดชลบุรี"),
    "health_office": ("นายแพทย์อนันต์ สุขใจ", "นายแพทย์สาธารณสุขจังหวัดชลบุรี"),
    "hospital": ("นางสุนีย์ รักษาดี", "ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านสวน"),
    "police": ("พันตำรวจเอก ธนพล กล้าหาญ", "ผู้กำกับการสถานีตำรวจภูธรบ้านสวน"),
    "school": ("นายวีระ ใฝ่เรียน", "ผู้อำนวยการโรงเรียนวัดบ้านสวน"),
    "pao": ("นายเฉลิม พัฒนาชล", "นายกองค์การบริหารส่วนจังหวัดชลบุรี"),
    "neighbour": ("นางอรุณี น้ำใส", "นายกเทศมนตรีตำบลหนองน้ำใส"),
    "audit": ("นางสาวปราณี ตรวจตรา", "ผู้อำนวยการสำนักงานการตรวจเงินแผ่นดินจังหวัดชลบุรี"),
}

# Minutes between one step of a letter and the previous one (low, high).
STEP_DELAYS = {
    "register": (10, 90),
    "unit_register": (20, 120),
    "forward": (20, 150),
    "order": (15, 90),
    "acknowledge": (30, 480),
    "comment": (20, 240),
    "close": (1440, 4320),
    "cancel_entry": (15, 60),
    "void": (1, 5),
}


def _incoming_letters():
    """The incoming letters: what they are and what happens to them.

    ``steps`` are (action, login, ...) tuples run in order; see
    :meth:`SarabanDemo._run_step`. ``days`` is how many days ago the letter
    entered the system. Subjects may use {be} (this BE year), {fy} (this fiscal
    year), {fy_prev} and {fy_next}.
    """
    reg = ("register", "saraban")
    return [
        {
            "key": "budget_guideline",
            "sender": "dla", "number_code": "มท ๐๘๐๘.๓", "circular": True,
            "urgency": "very_urgent", "source": "manual", "days": 26,
            "name": "แนวทางการจัดทำงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {fy_next} "
            "ขององค์กรปกครองส่วนท้องถิ่น",
            "text": "กรมส่งเสริมการปกครองท้องถิ่นขอแจ้งแนวทางและหลักเกณฑ์การจัดทำงบประมาณรายจ่ายประจำปี "
            "ขององค์กรปกครองส่วนท้องถิ่น โดยให้จัดทำร่างข้อบัญญัติงบประมาณให้สอดคล้องกับแผนพัฒนาท้องถิ่น "
            "และรายงานผลตามแบบที่กำหนด",
            "enclosure": "แนวทางการจัดทำงบประมาณ จำนวน ๑ ชุด",
            "steps": [
                reg,
                ("forward", "saraban", [], ["executive"], TO_EXECUTIVE),
                ("acknowledge", "executive"),
                ("order", "executive", ["finance"], [],
                 "ให้กองคลังจัดทำร่างเทศบัญญัติงบประมาณตามแนวทางที่กรมฯ กำหนด "
                 "โดยประสานทุกกองส่งคำขอตั้งงบประมาณ"),
                ("unit_register", "clerk.finance"),
                ("acknowledge", "clerk.finance"),
            ],
        },
        {
            "key": "subsidy_report",
            "sender": "lao_province", "urgency": "urgent", "source": "manual", "days": 22,
            "name": "ขอความร่วมมือรายงานผลการเบิกจ่ายเงินอุดหนุนทั่วไป ประจำปีงบประมาณ พ.ศ. {fy}",
            "text": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชลบุรีขอความร่วมมือเทศบาลรายงานผลการเบิกจ่าย "
            "เงินอุดหนุนทั่วไปที่ได้รับจัดสรร ตามแบบรายงานที่แนบมาพร้อมนี้",
            "enclosure": "แบบรายงานผลการเบิกจ่าย จำนวน ๑ ฉบับ",
            "steps": [
                reg,
                ("forward", "saraban", ["finance"], [], FORWARD),
                ("acknowledge", "clerk.finance"),
            ],
        },
        {
            "key": "monthly_meeting",
            "sender": "amphoe", "source": "manual", "days": 30,
            "name": "ขอเชิญประชุมประจำเดือนกำนัน ผู้ใหญ่บ้าน และผู้บริหารองค์กรปกครองส่วนท้องถิ่น",
            "text": "อำเภอเมืองชลบุรีกำหนดประชุมประจำเดือนกำนัน ผู้ใหญ่บ้าน และผู้บริหารองค์กรปกครองส่วนท้องถิ่น "
            "ณ ห้องประชุมที่ว่าการอำเภอเมืองชลบุรี จึงขอเชิญนายกเทศมนตรีหรือผู้แทนเข้าร่วมประชุมโดยพร้อมเพรียงกัน",
            "steps": [
                reg,
                ("forward", "saraban", [], ["executive"], "เรียน ปลัดเทศบาล เพื่อโปรดทราบ"),
                ("acknowledge", "executive"),
                ("forward", "executive", [], ["mayor"], TO_MAYOR),
                ("acknowledge", "mayor"),
                ("comment", "mayor", "ทราบ จะเข้าร่วมประชุมด้วยตนเอง"),
                ("close", "saraban", "นายกเทศมนตรีเข้าร่วมประชุมแล้ว"),
            ],
        },
        {
            "key": "drought_preparedness",
            "sender": "ddpm", "urgency": "most_urgent", "deadline_days": 1, "source": "manual",
            "days": 18,
            "name": "การเตรียมความพร้อมป้องกันและแก้ไขปัญหาภัยแล้ง ปี {be}",
            "text": "ด้วยสถานการณ์ปริมาณน้ำในแหล่งน้ำธรรมชาติลดลงอย่างต่อเนื่อง จังหวัดชลบุรีจึงขอให้องค์กรปกครอง "
            "ส่วนท้องถิ่นเตรียมความพร้อมด้านเครื่องจักรกล รถบรรทุกน้ำ และแหล่งน้ำสำรอง เพื่อช่วยเหลือประชาชน "
            "ได้ทันท่วงที และรายงานผลการเตรียมความพร้อมภายในกำหนด",
            "steps": [
                reg,
                ("forward", "saraban", [], ["executive"], TO_EXECUTIVE),
                ("acknowledge", "executive"),
                ("forward", "executive", [], ["mayor"], TO_MAYOR),
                ("acknowledge", "mayor"),
                ("order", "mayor", ["admin", "works"], [],
                 "ให้สำนักปลัดเทศบาล (งานป้องกันและบรรเทาสาธารณภัย) และกองช่าง เตรียมรถบรรทุกน้ำ "
                 "เครื่องสูบน้ำ และสำรวจแหล่งน้ำดิบ รายงานผลภายใน ๗ วัน"),
                ("acknowledge", "head.admin"),
                ("acknowledge", "clerk.works"),
            ],
        },
        {
            "key": "flu_vaccine",
            "sender": "health_office", "urgency": "urgent", "source": "manual", "days": 15,
            "name": "ขอความร่วมมือรณรงค์ฉีดวัคซีนป้องกันโรคไข้หวัดใหญ่ตามฤดูกาล ปี {be}",
            "text": "สำนักงานสาธารณสุขจังหวัดชลบุรีขอความร่วมมือเทศบาลประชาสัมพันธ์และอำนวยความสะดวก "
            "การรณรงค์ฉีดวัคซีนป้องกันโรคไข้หวัดใหญ่ตามฤดูกาลแก่กลุ่มเสี่ยง ได้แก่ ผู้สูงอายุ ผู้ป่วยโรคเรื้อรัง "
            "และหญิงตั้งครรภ์ ในเขตเทศบาล",
            "steps": [
                reg,
                ("forward", "saraban", ["health"], [], FORWARD),
                ("acknowledge", "head.health"),
            ],
        },
        {
            "key": "road_repair_request",
            "sender_name": "นายบุญมี ชาวสวน (ราษฎรหมู่ที่ ๔ ตำบลบ้านสวน)", "signer": "นายบุญมี ชาวสวน",
            "source": "paper", "days": 20,
            "name": "ขอให้ซ่อมแซมถนนคอนกรีตเสริมเหล็กสายหมู่ที่ ๔ ซึ่งชำรุดเสียหาย",
            "text": "ข้าพเจ้าและชาวบ้านหมู่ที่ ๔ ได้รับความเดือดร้อนจากถนนคอนกรีตเสริมเหล็กสายกลางหมู่บ้าน "
            "ซึ่งชำรุดเป็นหลุมบ่อหลายจุด เป็นอันตรายต่อผู้ใช้รถใช้ถนน โดยเฉพาะในเวลากลางคืน "
            "จึงขอความอนุเคราะห์เทศบาลซ่อมแซมให้ใช้งานได้ตามปกติ",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์",
            "steps": [
                reg,
                ("forward", "saraban", [], ["executive"], TO_EXECUTIVE),
                ("acknowledge", "executive"),
                ("order", "executive", ["works"], [],
                 "ให้กองช่างออกสำรวจความเสียหาย ประมาณราคาค่าซ่อมแซม และแจ้งผู้ร้องทราบ"),
                ("unit_register", "clerk.works"),
                ("acknowledge", "clerk.works"),
            ],
        },
        {
            "key": "pm25_measures",
            "sender": "province", "number_code": "ชบ ๐๐๑๗.๒", "circular": True,
            "urgency": "very_urgent", "source": "manual", "days": 9,
            "name": "มาตรการป้องกันและแก้ไขปัญหาหมอกควันและฝุ่นละอองขนาดเล็ก (PM ๒.๕)",
            "text": "จังหวัดชลบุรีขอให้องค์กรปกครองส่วนท้องถิ่นถือปฏิบัติตามมาตรการป้องกันและแก้ไขปัญหา "
            "หมอกควันและฝุ่นละอองขนาดเล็ก งดการเผาในที่โล่ง ฉีดพ่นละอองน้ำในพื้นที่เสี่ยง "
            "และแจ้งเตือนประชาชนเมื่อค่าฝุ่นละอองเกินมาตรฐาน",
            "closing": "จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ",
            "steps": [
                reg,
                ("forward", "saraban", ["health", "admin"], [], "เพื่อโปรดทราบและถือปฏิบัติ"),
            ],
        },
        {
            "key": "water_truck_request",
            "sender": "school", "source": "paper", "days": 28,
            "name": "ขอความอนุเคราะห์รถบรรทุกน้ำเพื่อใช้อุปโภคในโรงเรียน",
            "text": "ด้วยโรงเรียนวัดบ้านสวนประสบปัญหาขาดแคลนน้ำอุปโภคเนื่องจากถังเก็บน้ำชำรุด "
            "จึงขอความอนุเคราะห์รถบรรทุกน้ำจากเทศบาลเพื่อส่งน้ำให้โรงเรียนเป็นการชั่วคราว",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์",
            "steps": [
                reg,
                ("forward", "saraban", ["admin"], [], FORWARD),
                ("acknowledge", "head.admin"),
                ("close", "head.admin", "จัดรถบรรทุกน้ำส่งน้ำให้โรงเรียนแล้ว"),
            ],
        },
        {
            "key": "school_lunch",
            "sender": "dla", "number_code": "มท ๐๘๑๖.๔", "circular": True, "source": "manual",
            "days": 24,
            "name": "แนวทางการดำเนินงานโครงการอาหารกลางวันสำหรับศูนย์พัฒนาเด็กเล็กและโรงเรียน",
            "text": "กรมส่งเสริมการปกครองท้องถิ่นขอแจ้งแนวทางการดำเนินงานโครงการอาหารกลางวัน "
            "อัตราค่าอาหารต่อคนต่อวัน และการเบิกจ่ายงบประมาณ ให้องค์กรปกครองส่วนท้องถิ่นถือปฏิบัติ",
            "steps": [
                reg,
                ("forward", "saraban", ["education"], [], FORWARD),
                ("acknowledge", "head.education"),
            ],
        },
        {
            "key": "reserve_fund",
            "sender": "dla", "number_code": "มท ๐๘๐๘.๒", "circular": True, "source": "manual",
            "days": 21,
            "name": "การตรวจสอบและติดตามการใช้จ่ายเงินสะสมขององค์กรปกครองส่วนท้องถิ่น",
            "text": "กรมส่งเสริมการปกครองท้องถิ่นขอให้องค์กรปกครองส่วนท้องถิ่นตรวจสอบยอดเงินสะสม "
            "และการใช้จ่ายเงินสะสมให้เป็นไปตามระเบียบกระทรวงมหาดไทย และรายงานผลให้จังหวัดทราบ",
            "steps": [
                reg,
                ("forward", "saraban", ["finance"], [], FORWARD),
                ("acknowledge", "clerk.finance"),
                ("comment", "executive",
                 "ให้กองคลังสรุปยอดเงินสะสมคงเหลือและโครงการที่อนุมัติแล้ว เสนอภายในสัปดาห์นี้"),
            ],
        },
        {
            "key": "audit_documents",
            "sender": "audit", "urgency": "very_urgent", "source": "paper", "days": 35,
            "name": "ขอให้จัดส่งเอกสารประกอบการตรวจสอบงบการเงิน ประจำปีงบประมาณ พ.ศ. {fy_prev}",
            "text": "สำนักงานการตรวจเงินแผ่นดินจังหวัดชลบุรีจะเข้าตรวจสอบงบการเงินของเทศบาล "
            "จึงขอให้จัดส่งงบการเงิน รายงานรับจ่ายเงิน และเอกสารประกอบการเบิกจ่าย ภายใน ๑๕ วัน "
            "นับแต่วันที่ได้รับหนังสือนี้",
            "enclosure": "รายการเอกสารที่ขอให้จัดส่ง จำนวน ๑ แผ่น",
            "steps": [
                reg,
                ("forward", "saraban", [], ["executive"], TO_EXECUTIVE),
                ("acknowledge", "executive"),
                ("order", "executive", ["finance"], [],
                 "ให้กองคลังรวบรวมเอกสารส่งสำนักงานการตรวจเงินแผ่นดินจังหวัดภายในกำหนด"),
                ("acknowledge", "clerk.finance"),
                ("comment", "head.finance", "จัดเตรียมเอกสารครบถ้วนแล้ว"),
                ("close", "clerk.finance", "จัดส่งเอกสารให้สำนักงานการตรวจเงินแผ่นดินจังหวัดชลบุรีแล้ว"),
            ],
        },
        {
            "key": "cctv_request",
            "sender": "police", "source": "manual", "days": 6,
            "name": "ขอความร่วมมือติดตั้งกล้องโทรทัศน์วงจรปิด (CCTV) บริเวณทางแยกในเขตเทศบาล",
            "text": "สถานีตำรวจภูธรบ้านสวนขอความร่วมมือเทศบาลพิจารณาติดตั้งกล้องโทรทัศน์วงจรปิด "
            "บริเวณทางแยกที่เกิดอุบัติเหตุบ่อยครั้ง เพื่อใช้ในการป้องกันอาชญากรรมและการจราจร",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณา",
            "steps": [
                reg,
                ("forward", "saraban", ["works"], [], FORWARD),
            ],
        },
        {
            "key": "land_tax_meeting",
            "sender": "lao_amphoe", "source": "manual", "days": 12,
            "name": "ขอเชิญประชุมชี้แจงแนวทางการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
            "text": "ท้องถิ่นอำเภอเมืองชลบุรีขอเชิญเจ้าหน้าที่ผู้รับผิดชอบงานจัดเก็บรายได้เข้าร่วมประชุมชี้แจง "
            "แนวทางการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง ณ ห้องประชุมที่ว่าการอำเภอเมืองชลบุรี",
            "steps": [
                reg,
                ("forward", "saraban", ["finance"], [], FORWARD),
                ("unit_register", "clerk.finance"),
                ("acknowledge", "clerk.finance"),
            ],
        },
        {
            "key": "venue_request",
            "sender": "pao", "source": "manual", "days": 3,
            "name": "ขออนุญาตใช้ลานอเนกประสงค์ของเทศบาลจัดงานประเพณีวันไหล",
            "text": "องค์การบริหารส่วนจังหวัดชลบุรีมีกำหนดจัดงานประเพณีวันไหล เพื่ออนุรักษ์ศิลปวัฒนธรรมท้องถิ่น "
            "จึงขออนุญาตใช้ลานอเนกประสงค์ของเทศบาลเป็นสถานที่จัดงาน",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณาอนุญาต",
            "steps": [reg],
        },
        {
            "key": "drug_committee_order",
            "sender": "province", "letter_type": "directive", "letter_subtype": "order",
            "directive_number": True, "source": "paper", "days": 27,
            "name": "แต่งตั้งคณะกรรมการอำนวยการป้องกันและแก้ไขปัญหายาเสพติดระดับท้องถิ่น",
            "text": "เพื่อให้การป้องกันและแก้ไขปัญหายาเสพติดในพื้นที่เป็นไปอย่างมีประสิทธิภาพ "
            "จึงแต่งตั้งคณะกรรมการอำนวยการป้องกันและแก้ไขปัญหายาเสพติดระดับท้องถิ่น "
            "โดยมีนายกองค์กรปกครองส่วนท้องถิ่นเป็นประธานกรรมการ",
            "steps": [
                reg,
                ("forward", "saraban", [], ["executive"], "เรียน ปลัดเทศบาล เพื่อโปรดทราบ"),
                ("acknowledge", "executive"),
                ("comment", "executive", "ทราบ ให้สำนักปลัดเทศบาลแจ้งผู้ที่ได้รับแต่งตั้งทราบ"),
                ("close", "saraban", "แจ้งผู้ที่ได้รับแต่งตั้งทราบแล้ว"),
            ],
        },
        {
            "key": "drought_disaster_zone",
            "sender": "province", "letter_type": "public", "letter_subtype": "announcement",
            "no_number": True, "source": "paper", "days": 16,
            "name": "ประกาศเขตการให้ความช่วยเหลือผู้ประสบภัยพิบัติกรณีฉุกเฉิน (ภัยแล้ง)",
            "text": "ด้วยได้เกิดสถานการณ์ภัยแล้งในพื้นที่อำเภอเมืองชลบุรี ส่งผลกระทบต่อการดำรงชีพของประชาชน "
            "อาศัยอำนาจตามระเบียบกระทรวงการคลัง จึงประกาศให้พื้นที่ดังกล่าวเป็นเขตการให้ความช่วยเหลือ "
            "ผู้ประสบภัยพิบัติกรณีฉุกเฉิน",
            "steps": [
                reg,
                ("forward", "saraban", ["admin"], [], "เพื่อโปรดทราบและประชาสัมพันธ์ให้ประชาชนทราบ"),
                ("acknowledge", "head.admin"),
            ],
        },
        {
            "key": "dengue_supplies",
            "sender": "hospital", "urgency": "urgent", "source": "paper", "days": 25,
            "name": "ขอความอนุเคราะห์สนับสนุนทรายอะเบทและน้ำยาพ่นหมอกควันกำจัดยุงลาย",
            "text": "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านสวนพบผู้ป่วยโรคไข้เลือดออกในพื้นที่หมู่ที่ ๒ และหมู่ที่ ๕ "
            "จึงขอความอนุเคราะห์สนับสนุนทรายอะเบทและน้ำยาพ่นหมอกควันเพื่อควบคุมการระบาด",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์",
            "steps": [
                reg,
                ("forward", "saraban", ["health"], [], FORWARD),
                ("acknowledge", "head.health"),
                ("close", "head.health", "ส่งมอบทรายอะเบทและน้ำยาพ่นหมอกควันให้ รพ.สต.บ้านสวน แล้ว"),
            ],
        },
        {
            "key": "tent_loan",
            "sender": "neighbour", "source": "manual", "days": 32,
            "name": "ขอยืมเต็นท์และเก้าอี้พลาสติกเพื่อใช้ในกิจกรรมของเทศบาล",
            "text": "เทศบาลตำบลหนองน้ำใสมีกำหนดจัดกิจกรรมวันผู้สูงอายุ จึงขอยืมเต็นท์ จำนวน ๕ หลัง "
            "และเก้าอี้พลาสติก จำนวน ๒๐๐ ตัว โดยจะส่งคืนภายใน ๓ วันหลังเสร็จกิจกรรม",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์",
            "steps": [
                reg,
                ("forward", "saraban", ["admin"], [], FORWARD),
                ("acknowledge", "head.admin"),
                ("close", "head.admin", "ให้ยืมตามที่ขอ และรับคืนครบถ้วนแล้ว"),
            ],
        },
        {
            "key": "elderly_survey",
            "sender": "dla", "number_code": "มท ๐๘๑๐.๖", "circular": True, "urgency": "urgent",
            "source": "manual", "days": 10,
            "name": "การสำรวจข้อมูลผู้สูงอายุและคนพิการเพื่อรับเงินเบี้ยยังชีพ ประจำปีงบประมาณ พ.ศ. {fy_next}",
            "text": "กรมส่งเสริมการปกครองท้องถิ่นขอให้องค์กรปกครองส่วนท้องถิ่นสำรวจและรับลงทะเบียน "
            "ผู้สูงอายุและคนพิการที่มีสิทธิได้รับเงินเบี้ยยังชีพ และบันทึกข้อมูลในระบบสารสนเทศภายในกำหนด",
            "steps": [
                reg,
                ("forward", "saraban", [], ["executive"], TO_EXECUTIVE),
                ("acknowledge", "executive"),
                ("order", "executive", ["admin"], [],
                 "ให้สำนักปลัดเทศบาลดำเนินการสำรวจและรับลงทะเบียน ประชาสัมพันธ์ทุกชุมชน"),
            ],
        },
        {
            "key": "local_plan_report",
            "sender": "lao_province", "source": "manual", "days": 4,
            "name": "ขอให้รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น",
            "text": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชลบุรีขอให้องค์กรปกครองส่วนท้องถิ่นรายงานผล "
            "การติดตามและประเมินผลแผนพัฒนาท้องถิ่นผ่านระบบ e-plan ภายในกำหนด",
            "steps": [reg],
        },
        {
            "key": "farmer_registration",
            "sender": "amphoe", "source": "manual", "days": 1,
            "name": "ขอความร่วมมือประชาสัมพันธ์การขึ้นทะเบียนเกษตรกรผู้ปลูกพืช",
            "text": "อำเภอเมืองชลบุรีขอความร่วมมือเทศบาลประชาสัมพันธ์ให้เกษตรกรในพื้นที่มาขึ้นทะเบียน "
            "และปรับปรุงทะเบียนเกษตรกร ณ สำนักงานเกษตรอำเภอ ภายในระยะเวลาที่กำหนด",
            "steps": [],
        },
        {
            "key": "dengue_surveillance",
            "sender": "health_office", "urgency": "urgent", "source": "manual", "days": 0,
            "name": "การเฝ้าระวัง ป้องกัน และควบคุมโรคไข้เลือดออก",
            "text": "สำนักงานสาธารณสุขจังหวัดชลบุรีขอให้องค์กรปกครองส่วนท้องถิ่นรณรงค์ทำลายแหล่งเพาะพันธุ์ยุงลาย "
            "ในชุมชน โรงเรียน และศาสนสถาน อย่างต่อเนื่องทุกสัปดาห์",
            "steps": [],
        },
        {
            "key": "elaas_training",
            "sender": "dla", "number_code": "มท ๐๘๐๘.๓", "source": "manual", "days": 19,
            "name": "ขอเชิญเข้ารับการฝึกอบรมหลักสูตรการใช้งานระบบบัญชีคอมพิวเตอร์ขององค์กรปกครองส่วนท้องถิ่น (e-LAAS)",
            "text": "กรมส่งเสริมการปกครองท้องถิ่นกำหนดจัดฝึกอบรมหลักสูตรการใช้งานระบบบัญชีคอมพิวเตอร์ "
            "ขององค์กรปกครองส่วนท้องถิ่น (e-LAAS) จึงขอให้ส่งเจ้าหน้าที่ผู้รับผิดชอบเข้ารับการฝึกอบรม",
            "steps": [
                reg,
                ("forward", "saraban", ["finance"], [], FORWARD),
                ("acknowledge", "clerk.finance"),
                ("comment", "head.finance", "มอบนางวันเพ็ญ ศรีสุข เข้ารับการฝึกอบรม"),
            ],
        },
        {
            "key": "flood_damage_survey",
            "sender": "ddpm", "urgency": "most_urgent", "deadline_days": 1, "source": "manual",
            "days": 40,
            "name": "ขอให้สำรวจความเสียหายจากอุทกภัยและวาตภัย และรายงานภายในกำหนด",
            "text": "จากสถานการณ์พายุฝนตกหนักในพื้นที่จังหวัดชลบุรี ทำให้บ้านเรือนประชาชนและทรัพย์สินของทางราชการ "
            "ได้รับความเสียหาย จึงขอให้องค์กรปกครองส่วนท้องถิ่นสำรวจความเสียหายและรายงานจังหวัดโดยด่วน",
            "steps": [
                reg,
                ("forward", "saraban", [], ["executive"], TO_EXECUTIVE),
                ("acknowledge", "executive"),
                ("forward", "executive", [], ["mayor"], TO_MAYOR),
                ("acknowledge", "mayor"),
                ("order", "mayor", ["works", "admin"], [],
                 "ให้กองช่างและสำนักปลัดเทศบาลออกสำรวจความเสียหายร่วมกับผู้นำชุมชน รายงานภายใน ๒๔ ชั่วโมง"),
                ("acknowledge", "clerk.works"),
                ("acknowledge", "head.admin"),
                ("close", "saraban", "รายงานผลการสำรวจความเสียหายให้จังหวัดทราบแล้ว"),
            ],
        },
        {
            "key": "graduation_invitation",
            "sender": "school", "source": "manual", "days": 0,
            "name": "ขอเชิญร่วมเป็นเกียรติในพิธีมอบประกาศนียบัตรแก่นักเรียนที่สำเร็จการศึกษา",
            "text": "โรงเรียนวัดบ้านสวนกำหนดจัดพิธีมอบประกาศนียบัตรแก่นักเรียนที่สำเร็จการศึกษา "
            "จึงขอเรียนเชิญนายกเทศมนตรีเป็นประธานในพิธี",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณาให้เกียรติเป็นประธานในพิธี",
            "steps": [],
        },
        {
            "key": "alcohol_inspection",
            "sender": "police", "source": "manual", "days": 2,
            "name": "ขอความร่วมมือตรวจสอบสถานประกอบการที่จำหน่ายเครื่องดื่มแอลกอฮอล์แก่ผู้มีอายุต่ำกว่า ๒๐ ปี",
            "text": "สถานีตำรวจภูธรบ้านสวนขอความร่วมมือเทศบาลร่วมออกตรวจสถานประกอบการและร้านค้าในเขตเทศบาล "
            "มิให้จำหน่ายเครื่องดื่มแอลกอฮอล์แก่ผู้มีอายุต่ำกว่า ๒๐ ปี",
            "steps": [reg],
        },
        {
            "key": "waste_sorting",
            "sender": "province", "number_code": "ชบ ๐๐๑๗.๒", "circular": True, "source": "manual",
            "days": 14,
            "name": "การรณรงค์ลดและคัดแยกขยะมูลฝอยต้นทาง",
            "text": "จังหวัดชลบุรีขอให้องค์กรปกครองส่วนท้องถิ่นรณรงค์ให้ประชาชนลดและคัดแยกขยะมูลฝอยต้นทาง "
            "จัดตั้งธนาคารขยะในชุมชน และรายงานปริมาณขยะที่ลดได้เป็นรายเดือน",
            "steps": [
                reg,
                ("forward", "saraban", ["health"], [], FORWARD),
                ("acknowledge", "head.health"),
                ("comment", "mayor", "ให้ขยายผลโครงการธนาคารขยะไปทุกชุมชน"),
            ],
        },
        {
            "key": "staff_recruitment",
            "sender": "lao_province", "letter_type": "stamped", "source": "manual", "days": 29,
            "name": "ขอส่งประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้าง",
            "text": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชลบุรีขอส่งประกาศรับสมัครบุคคลเพื่อเลือกสรร "
            "เป็นพนักงานจ้าง มาเพื่อประชาสัมพันธ์ให้ผู้สนใจทราบโดยทั่วกัน",
            "enclosure": "ประกาศรับสมัคร จำนวน ๑ ฉบับ",
            "steps": [
                reg,
                ("forward", "saraban", ["admin"], [], "เพื่อโปรดทราบและปิดประกาศประชาสัมพันธ์"),
                ("acknowledge", "head.admin"),
                ("close", "head.admin", "ปิดประกาศประชาสัมพันธ์แล้ว"),
            ],
        },
        {
            "key": "procurement_guideline",
            "sender": "dla", "number_code": "มท ๐๘๐๘.๒", "circular": True, "source": "manual",
            "days": 8,
            "name": "ซักซ้อมแนวทางปฏิบัติในการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ",
            "text": "กรมส่งเสริมการปกครองท้องถิ่นขอซักซ้อมแนวทางปฏิบัติในการจัดซื้อจัดจ้างและการบริหารพัสดุ "
            "ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ ให้องค์กรปกครองส่วนท้องถิ่น "
            "ถือปฏิบัติอย่างเคร่งครัด",
            "closing": "จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ",
            "steps": [
                reg,
                ("forward", "saraban", ["finance", "works"], [], "เพื่อโปรดทราบและถือปฏิบัติ"),
            ],
        },
        {
            # The paper original of procurement_guideline, registered again by mistake.
            "key": "procurement_guideline_duplicate", "duplicate_of": "procurement_guideline",
            "source": "paper",
            "steps": [
                reg,
                ("cancel_entry", "saraban", "ลงทะเบียนซ้ำ เป็นหนังสือฉบับเดียวกับเลขรับที่ {original_number}"),
                ("void", "saraban"),
            ],
        },
        {
            "key": "village_water_supply",
            "sender": "pao", "source": "manual", "days": 17,
            "name": "การสนับสนุนงบประมาณโครงการก่อสร้างระบบประปาหมู่บ้าน",
            "text": "องค์การบริหารส่วนจังหวัดชลบุรีมีนโยบายสนับสนุนงบประมาณโครงการก่อสร้างระบบประปาหมู่บ้าน "
            "ให้แก่องค์กรปกครองส่วนท้องถิ่นที่มีความพร้อม จึงขอให้เสนอโครงการพร้อมแบบแปลนและประมาณราคา",
            "steps": [
                reg,
                ("forward", "saraban", [], ["executive"], TO_EXECUTIVE),
                ("acknowledge", "executive"),
                ("order", "executive", ["works"], [],
                 "ให้กองช่างจัดทำแบบแปลนและประมาณราคา เสนอองค์การบริหารส่วนจังหวัดภายในกำหนด"),
                ("acknowledge", "clerk.works"),
            ],
        },
        {
            "key": "drought_households",
            "sender": "amphoe", "urgency": "most_urgent", "deadline_days": 1, "source": "manual",
            "days": 0,
            "name": "ขอข้อมูลจำนวนครัวเรือนที่ได้รับผลกระทบจากภัยแล้ง",
            "text": "อำเภอเมืองชลบุรีขอให้เทศบาลรายงานจำนวนครัวเรือนที่ได้รับผลกระทบจากภัยแล้ง "
            "แยกรายหมู่บ้าน พร้อมความต้องการน้ำอุปโภคบริโภค เพื่อรายงานจังหวัด",
            "steps": [],
        },
        {
            "key": "pig_farm_complaint",
            "sender_name": "นางสาวมณี ใจงาม (ราษฎรหมู่ที่ ๖ ตำบลบ้านสวน)", "signer": "นางสาวมณี ใจงาม",
            "source": "paper", "days": 11,
            "name": "ร้องเรียนเหตุเดือดร้อนรำคาญจากกลิ่นฟาร์มสุกร หมู่ที่ ๖",
            "text": "ข้าพเจ้าและเพื่อนบ้านได้รับความเดือดร้อนรำคาญจากกลิ่นเหม็นและน้ำเสียของฟาร์มสุกร "
            "ในพื้นที่หมู่ที่ ๖ เป็นเวลาหลายเดือน จึงขอให้เทศบาลตรวจสอบและแก้ไขปัญหา",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการ",
            "steps": [
                reg,
                ("forward", "saraban", ["health"], [],
                 "เพื่อโปรดตรวจสอบข้อเท็จจริงตามพระราชบัญญัติการสาธารณสุข และแจ้งผู้ร้องทราบ"),
                ("acknowledge", "head.health"),
            ],
        },
        {
            "key": "misaddressed_fund_meeting",
            "sender": "lao_amphoe", "source": "manual", "days": 13,
            "recipient_name": "นายกเทศมนตรีตำบลหนองน้ำใส",
            "salutation": "เรียน นายกเทศมนตรีตำบลหนองน้ำใส",
            "name": "ขอให้ส่งผู้แทนเข้าร่วมประชุมคณะกรรมการกองทุนหมู่บ้าน",
            "text": "ท้องถิ่นอำเภอเมืองชลบุรีขอให้ส่งผู้แทนเข้าร่วมประชุมคณะกรรมการกองทุนหมู่บ้าน "
            "เพื่อพิจารณาแผนการดำเนินงานของกองทุน",
            "steps": [
                reg,
                ("cancel_entry", "saraban",
                 "หนังสือส่งผิดหน่วยงาน จ่าหน้าถึงเทศบาลตำบลหนองน้ำใส ส่งคืนผู้ส่งแล้ว"),
                ("void", "saraban"),
            ],
        },
        {
            "key": "complaint_investigation",
            "sender": "lao_province", "secrecy": "confidential", "source": "manual", "days": 23,
            "name": "ผลการสอบข้อเท็จจริงกรณีร้องเรียนการจัดซื้อจัดจ้าง",
            "text": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชลบุรีขอแจ้งผลการสอบข้อเท็จจริงกรณีมีผู้ร้องเรียน "
            "การจัดซื้อจัดจ้างของเทศบาล และขอให้พิจารณาดำเนินการตามอำนาจหน้าที่",
            "steps": [
                ("register", "secret.officer"),
                ("forward", "secret.officer", [], ["executive", "mayor"], "เพื่อโปรดทราบ (ลับ)"),
                ("acknowledge", "executive"),
                ("acknowledge", "mayor"),
                ("comment", "mayor", "ทราบ ให้ปลัดเทศบาลพิจารณาแต่งตั้งคณะกรรมการสอบข้อเท็จจริงเพิ่มเติม"),
            ],
        },
        {
            "key": "community_security",
            "sender": "police", "secrecy": "confidential", "source": "manual", "days": 31,
            "name": "ขอความร่วมมือรักษาความปลอดภัยและเฝ้าระวังพื้นที่ชุมชน",
            "text": "สถานีตำรวจภูธรบ้านสวนขอความร่วมมือเทศบาลประสานผู้นำชุมชนเฝ้าระวังและแจ้งเบาะแส "
            "บุคคลต้องสงสัยในพื้นที่ รายละเอียดตามที่แนบ",
            "steps": [
                ("register", "secret.officer"),
                ("forward", "secret.officer", [], ["executive"], "เพื่อโปรดทราบ (ลับ)"),
                ("acknowledge", "executive"),
                ("close", "secret.officer",
                 "ปลัดเทศบาลรับทราบแล้ว เก็บรักษาตามระเบียบว่าด้วยการรักษาความลับของทางราชการ"),
            ],
        },
        {
            "key": "drug_target_list",
            "sender": "amphoe", "secrecy": "secret", "urgency": "very_urgent", "source": "manual",
            "days": 2,
            "name": "รายชื่อบุคคลเป้าหมายตามแผนป้องกันและปราบปรามยาเสพติด",
            "text": "อำเภอเมืองชลบุรีขอส่งรายชื่อบุคคลเป้าหมายตามแผนป้องกันและปราบปรามยาเสพติดในพื้นที่ "
            "เพื่อใช้ประกอบการดำเนินงานบำบัดฟื้นฟู ขอให้ถือเป็นความลับของทางราชการ",
            "steps": [
                ("register", "secret.officer"),
                ("forward", "secret.officer", [], ["mayor"], "เพื่อโปรดทราบ (ลับมาก)"),
            ],
        },
        {
            # ลับที่สุด: recorded in the register only, never handled electronically (R15).
            "key": "security_plan_top_secret",
            "sender": "province", "secrecy": "top_secret", "source": "paper", "no_file": True,
            "days": 9,
            "name": "แผนเผชิญเหตุรักษาความปลอดภัยสถานที่สำคัญ (ฉบับปรับปรุง)",
            "text": "รับตัวจริงฉบับกระดาษ เก็บรักษาในตู้นิรภัยเอกสารลับ ไม่นำเนื้อหาเข้าระบบอิเล็กทรอนิกส์",
            "summary_only": True,
            "steps": [("register", "secret.officer")],
        },
        {
            "key": "election_preparation",
            "sender": "dla", "number_code": "มท ๐๘๑๘.๕", "circular": True, "urgency": "most_urgent",
            "deadline_days": 1, "source": "manual", "days": 1,
            "name": "การเตรียมความพร้อมการเลือกตั้งสมาชิกสภาท้องถิ่นและผู้บริหารท้องถิ่น",
            "text": "กรมส่งเสริมการปกครองท้องถิ่นขอให้องค์กรปกครองส่วนท้องถิ่นเตรียมความพร้อมด้านงบประมาณ "
            "สถานที่ และบุคลากร สำหรับการเลือกตั้งสมาชิกสภาท้องถิ่นและผู้บริหารท้องถิ่น และรายงานข้อมูลโดยด่วน",
            "steps": [
                reg,
                ("forward", "saraban", ["admin"], [], FORWARD),
            ],
        },
        {
            "key": "health_fund_meeting",
            "sender": "health_office", "source": "manual", "days": 1,
            "name": "ขอเชิญประชุมคณะกรรมการกองทุนหลักประกันสุขภาพระดับท้องถิ่น",
            "text": "สำนักงานสาธารณสุขจังหวัดชลบุรีขอเชิญผู้แทนเทศบาลเข้าร่วมประชุมชี้แจงการบริหารจัดการ "
            "กองทุนหลักประกันสุขภาพระดับท้องถิ่น",
            "steps": [],
        },
        {
            "key": "lpa_assessment",
            "sender": "lao_amphoe", "source": "manual", "days": 5,
            "name": "แจ้งกำหนดการตรวจประเมินประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น (LPA) ประจำปี {be}",
            "text": "ท้องถิ่นอำเภอเมืองชลบุรีขอแจ้งกำหนดการตรวจประเมินประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น "
            "และขอให้เตรียมเอกสารหลักฐานประกอบการประเมินให้ครบถ้วน",
            "steps": [reg],
        },
        {
            "key": "disaster_committee_minutes",
            "sender": "amphoe", "letter_type": "evidence", "letter_subtype": "minutes", "no_number": True,
            "source": "manual", "days": 6,
            "name": "รายงานการประชุมคณะกรรมการป้องกันและบรรเทาสาธารณภัยอำเภอเมืองชลบุรี ครั้งที่ ๓/{be}",
            "text": "ที่ประชุมพิจารณาแผนการเผชิญเหตุภัยแล้งและอุทกภัย การเตรียมเครื่องจักรกล "
            "และการแบ่งพื้นที่รับผิดชอบขององค์กรปกครองส่วนท้องถิ่น",
            "steps": [
                reg,
                ("forward", "saraban", ["admin"], [], "เพื่อโปรดทราบ"),
                ("acknowledge", "head.admin"),
                ("close", "head.admin", "ทราบ เก็บเข้าแฟ้มแล้ว"),
            ],
        },
        {
            "key": "drain_complaint",
            "sender_name": "นายสมหมาย ใจเย็น (ผู้ค้าตลาดสดบ้านสวน)", "signer": "นายสมหมาย ใจเย็น",
            "source": "paper", "days": 0,
            "name": "ร้องเรียนท่อระบายน้ำอุดตันบริเวณตลาดสดบ้านสวน",
            "text": "ท่อระบายน้ำบริเวณตลาดสดบ้านสวนอุดตัน ทำให้น้ำท่วมขังและส่งกลิ่นเหม็นเมื่อฝนตก "
            "จึงขอให้เทศบาลดำเนินการขุดลอกท่อระบายน้ำ",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการ",
            "steps": [],
        },
        # Internal memos (บันทึกข้อความ) received by a unit and kept in its own register.
        {
            "key": "memo_materials_payment",
            "direction": "internal", "letter_type": "internal", "from_unit": "works",
            "created_by": "clerk.finance", "source": "manual", "days": 13,
            "recipient_name": "ผู้อำนวยการกองคลัง", "salutation": "เรียน ผู้อำนวยการกองคลัง",
            "name": "ขอเบิกจ่ายค่าวัสดุก่อสร้างโครงการซ่อมแซมท่อระบายน้ำ",
            "text": "กองช่างได้ตรวจรับวัสดุก่อสร้างโครงการซ่อมแซมท่อระบายน้ำ ซอยบ้านสวน ๗ ครบถ้วนแล้ว "
            "จึงขอส่งเอกสารเพื่อเบิกจ่ายเงินให้แก่ผู้ขาย",
            "closing": "จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการ",
            "steps": [
                ("unit_register", "clerk.finance"),
                ("close", "clerk.finance", "ตรวจสอบเอกสารและเบิกจ่ายเงินแล้ว"),
            ],
        },
        {
            "key": "memo_streetlights",
            "direction": "internal", "letter_type": "internal", "from_unit": "admin",
            "created_by": "clerk.works", "source": "manual", "days": 5,
            "recipient_name": "ผู้อำนวยการกองช่าง", "salutation": "เรียน ผู้อำนวยการกองช่าง",
            "name": "ขอให้ตรวจสอบและซ่อมแซมไฟฟ้าส่องสว่างสาธารณะที่ชำรุด",
            "text": "สำนักปลัดเทศบาลได้รับแจ้งจากประชาชนว่าไฟฟ้าส่องสว่างสาธารณะบริเวณถนนสายหลักชำรุด "
            "หลายจุด จึงขอให้กองช่างตรวจสอบและซ่อมแซม",
            "steps": [("unit_register", "clerk.works")],
        },
        {
            "key": "memo_childcare_building",
            "direction": "internal", "letter_type": "internal", "from_unit": "education",
            "created_by": "clerk.works", "source": "manual", "days": 7,
            "recipient_name": "ผู้อำนวยการกองช่าง", "salutation": "เรียน ผู้อำนวยการกองช่าง",
            "name": "ขอให้ตรวจสอบความปลอดภัยอาคารศูนย์พัฒนาเด็กเล็กก่อนเปิดภาคเรียน",
            "text": "กองการศึกษาขอให้กองช่างตรวจสอบความมั่นคงแข็งแรงของอาคาร ระบบไฟฟ้า "
            "และเครื่องเล่นสนามของศูนย์พัฒนาเด็กเล็กเทศบาลตำบลบ้านสวน ก่อนเปิดภาคเรียน",
            "steps": [("unit_register", "clerk.works")],
        },
        {
            # The same memo typed in again a day later: its entry is cancelled.
            "key": "memo_childcare_building_duplicate", "duplicate_of": "memo_childcare_building",
            "created_by": "clerk.works", "source": "manual",
            "steps": [
                ("unit_register", "clerk.works"),
                ("cancel_entry", "clerk.works", "ลงทะเบียนซ้ำ เป็นบันทึกฉบับเดียวกับเลขรับที่ {original_number}"),
                ("void", "clerk.works"),
            ],
        },
    ]


def _outgoing_letters():
    """Outgoing letters still in draft (numbered when signed, R13)."""
    return [
        {
            "key": "out_subsidy_report",
            "created_by": "clerk.finance", "unit": "finance", "to": ["lao_province"], "days": 1,
            "urgency": "urgent", "reference": "subsidy_report",
            "name": "รายงานผลการเบิกจ่ายเงินอุดหนุนทั่วไป ประจำปีงบประมาณ พ.ศ. {fy}",
            "salutation": "เรียน ท้องถิ่นจังหวัดชลบุรี",
            "enclosure": "แบบรายงานผลการเบิกจ่ายเงินอุดหนุนทั่วไป จำนวน ๑ ชุด",
            "paragraphs": [
                "ตามหนังสือที่อ้างถึง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชลบุรีขอให้รายงานผลการเบิกจ่าย "
                "เงินอุดหนุนทั่วไป ความละเอียดแจ้งแล้ว นั้น",
                "เทศบาลตำบลบ้านสวนได้ดำเนินการรายงานผลการเบิกจ่ายเงินอุดหนุนทั่วไปเรียบร้อยแล้ว "
                "รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย",
                "จึงเรียนมาเพื่อโปรดทราบ",
            ],
        },
        {
            "key": "out_drought_report",
            "created_by": "saraban", "unit": "admin", "to": ["ddpm"], "days": 2,
            "urgency": "very_urgent", "reference": "drought_preparedness",
            "name": "รายงานผลการเตรียมความพร้อมป้องกันและแก้ไขปัญหาภัยแล้ง",
            "salutation": "เรียน ผู้อำนวยการสำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดชลบุรี",
            "paragraphs": [
                "ตามหนังสือที่อ้างถึง ขอให้องค์กรปกครองส่วนท้องถิ่นเตรียมความพร้อมป้องกันและแก้ไขปัญหาภัยแล้ง นั้น",
                "เทศบาลตำบลบ้านสวนได้เตรียมรถบรรทุกน้ำ จำนวน ๒ คัน เครื่องสูบน้ำ จำนวน ๔ เครื่อง "
                "และสำรวจแหล่งน้ำดิบในพื้นที่เรียบร้อยแล้ว พร้อมให้ความช่วยเหลือประชาชนตลอด ๒๔ ชั่วโมง",
                "จึงเรียนมาเพื่อโปรดทราบ",
            ],
        },
        {
            "key": "out_cctv_reply",
            "created_by": "clerk.works", "unit": "works", "to": ["police"], "days": 1,
            "reference": "cctv_request",
            "name": "แจ้งผลการพิจารณาติดตั้งกล้องโทรทัศน์วงจรปิด (CCTV)",
            "salutation": "เรียน ผู้กำกับการสถานีตำรวจภูธรบ้านสวน",
            "paragraphs": [
                "ตามหนังสือที่อ้างถึง สถานีตำรวจภูธรบ้านสวนขอความร่วมมือติดตั้งกล้องโทรทัศน์วงจรปิด "
                "บริเวณทางแยกในเขตเทศบาล นั้น",
                "เทศบาลตำบลบ้านสวนได้บรรจุโครงการติดตั้งกล้องโทรทัศน์วงจรปิดไว้ในแผนพัฒนาท้องถิ่น "
                "และจะดำเนินการเมื่อได้รับอนุมัติงบประมาณ",
                "จึงเรียนมาเพื่อโปรดทราบ",
            ],
        },
        {
            "key": "out_childrens_day",
            "created_by": "head.education", "unit": "education", "to": ["school"], "days": 3,
            "name": "ขอเชิญนักเรียนร่วมกิจกรรมวันเด็กแห่งชาติ",
            "salutation": "เรียน ผู้อำนวยการโรงเรียนวัดบ้านสวน",
            "paragraphs": [
                "ด้วยเทศบาลตำบลบ้านสวนกำหนดจัดกิจกรรมวันเด็กแห่งชาติ ณ ลานอเนกประสงค์เทศบาลตำบลบ้านสวน "
                "เพื่อส่งเสริมให้เด็กและเยาวชนได้แสดงออกและมีส่วนร่วมในกิจกรรมสร้างสรรค์",
                "เทศบาลตำบลบ้านสวนจึงขอเชิญนักเรียนและคณะครูเข้าร่วมกิจกรรมตามวันและเวลาดังกล่าว",
                "จึงเรียนมาเพื่อโปรดพิจารณา",
            ],
        },
        {
            "key": "out_road_budget",
            "created_by": "clerk.works", "unit": "works", "to": ["pao"], "days": 2,
            "reference": "road_repair_request",
            "name": "ขอรับการสนับสนุนงบประมาณโครงการซ่อมแซมถนนคอนกรีตเสริมเหล็กสายหมู่ที่ ๔",
            "salutation": "เรียน นายกองค์การบริหารส่วนจังหวัดชลบุรี",
            "enclosure": "แบบแปลนและประมาณราคา จำนวน ๑ ชุด",
            "paragraphs": [
                "ด้วยถนนคอนกรีตเสริมเหล็กสายหมู่ที่ ๔ ตำบลบ้านสวน ชำรุดเสียหายเป็นระยะทางประมาณ ๘๐๐ เมตร "
                "ซึ่งเกินศักยภาพด้านงบประมาณของเทศบาล",
                "เทศบาลตำบลบ้านสวนจึงขอรับการสนับสนุนงบประมาณโครงการซ่อมแซมถนนดังกล่าว "
                "รายละเอียดตามสิ่งที่ส่งมาด้วย",
                "จึงเรียนมาเพื่อโปรดพิจารณาให้การสนับสนุน",
            ],
        },
        {
            "key": "out_order_saraban_officers",
            "created_by": "saraban", "unit": "admin", "to": [], "days": 4,
            "direction": "internal", "letter_type": "directive", "letter_subtype": "order",
            "name": "แต่งตั้งเจ้าหน้าที่สารบรรณกลางและเจ้าหน้าที่ผู้ตรวจสอบการรับหนังสือทางไปรษณีย์อิเล็กทรอนิกส์",
            "paragraphs": [
                "เพื่อให้การรับส่งหนังสือราชการทางไปรษณีย์อิเล็กทรอนิกส์เป็นไปตามระเบียบสำนักนายกรัฐมนตรี "
                "ว่าด้วยงานสารบรรณ (ฉบับที่ ๔) พ.ศ. ๒๕๖๔",
                "จึงแต่งตั้งนางสาวสุภาพร ใจดี เจ้าพนักงานธุรการชำนาญงาน เป็นเจ้าหน้าที่สารบรรณกลาง "
                "มีหน้าที่ตรวจสอบหนังสือที่ได้รับอย่างน้อยวันละสองครั้ง ในช่วงเช้าและช่วงบ่าย "
                "และแต่งตั้งนายประเสริฐ มั่นคง เป็นเจ้าหน้าที่ผู้ได้รับอนุญาตให้ปฏิบัติงานเกี่ยวกับหนังสือลับ",
                "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป",
            ],
        },
    ]


class SarabanDemo(models.AbstractModel):
    """Demo data of a sample municipality (loaded with the addon's demo data only)."""

    _name = "saraban.demo"
    _description = "e-Saraban Demo Data"

    # ------------------------------------------------------------------ language
    @api.model
    def _set_thai_language(self):
        """Thai for the demo people and agencies, when the Thai language is active.

        The database is normally created with ``--load-language=th_TH``; when Thai is
        not loaded (e.g. some test databases) everything stays in English.
        """
        if not self.env["res.lang"].search_count([("code", "=", "th_TH")]):
            _logger.info("saraban demo: th_TH is not active, the demo users keep their language")
            return False
        users = self.env.ref("base.user_admin")
        for xmlid in USERS.values():
            users |= self.env.ref(f"{MODULE}.{xmlid}")
        users.write({"lang": "th_TH"})
        partners = self.env.ref("base.main_company").partner_id
        for xmlid in AGENCIES.values():
            partners |= self.env.ref(f"{MODULE}.{xmlid}")
        partners.write({"lang": "th_TH"})
        return True

    # ------------------------------------------------------------------ letters
    @api.model
    def _generate(self):
        """Create the demo letters and drive them through the real actions."""
        if self.env.ref(MARKER_XMLID, raise_if_not_found=False):
            _logger.info("saraban demo: letters already generated, nothing to do")
            return False
        # Routing schedules activities: no assignment e-mails for demo people.
        demo = self.with_context(mail_activity_quick_update=True, mail_notify_force_send=False)
        now = fields.Datetime.now()
        plan = _Plan(demo, now)
        for letter in _incoming_letters():
            plan.add_incoming(letter)
        for letter in _outgoing_letters():
            plan.add_outgoing(letter)
        with _time_travel(now) as travel:
            for moment, _sequence, step in sorted(plan.events, key=lambda e: (e[0], e[1])):
                travel(moment)
                step()
        self.env["ir.model.data"]._update_xmlids(
            [
                {"xml_id": f"{MODULE}.demo_letter_{key}", "record": doc, "noupdate": True}
                for key, doc in plan.docs.items()
            ]
        )
        _logger.info("saraban demo: %s letters generated", len(plan.docs))
        return True


@contextmanager
def _time_travel(now):
    """Yield ``travel(moment)``, which makes ``moment`` the current time.

    Without freezegun, ``travel`` does nothing and the steps happen now.
    """
    try:
        from freezegun import freeze_time
    except ImportError:
        _logger.info("saraban demo: freezegun is not installed, the demo history is dated now")
        yield lambda moment: None
        return
    # Log records keep the real time.
    with freeze_time(now, ignore=["logging"]) as frozen:
        yield frozen.move_to


class _Plan:
    """The demo letters' steps, each at its own time, ready to be run in time order."""

    def __init__(self, demo, now):
        self.demo = demo
        self.env = demo.env
        self.now = now
        self.latest = now - datetime.timedelta(minutes=2)
        self.rng = random.Random(SEED)
        self.tz = pytz.timezone(SARABAN_TZ)
        self.today = to_bangkok(now).date()
        year = self.today.year
        fiscal = year + 1 if self.today.month >= 10 else year
        self.years = {
            "be": thai_digits(year + 543),
            "fy": thai_digits(fiscal + 543),
            "fy_prev": thai_digits(fiscal + 542),
            "fy_next": thai_digits(fiscal + 544),
        }
        self.events = []
        self.docs = {}
        self.letters = {}
        self.received = {}
        self._sequence = 0
        self.company = self.env.ref("base.main_company")
        self.users = {login: self.env.ref(f"{MODULE}.{xmlid}") for login, xmlid in USERS.items()}
        self.units = {key: self.env.ref(f"{MODULE}.{xmlid}") for key, xmlid in UNITS.items()}
        self.agencies = {key: self.env.ref(f"{MODULE}.{xmlid}") for key, xmlid in AGENCIES.items()}

    # ------------------------------------------------------------------ time
    def _utc(self, local_naive):
        return self.tz.localize(local_naive).astimezone(pytz.utc).replace(tzinfo=None)

    def _working_day(self, day, forward=False):
        step = datetime.timedelta(days=1 if forward else -1)
        while day.weekday() >= 5:
            day += step
        return day

    def _received_time(self, days_ago):
        """A moment in office hours ``days_ago`` working days back, never in the future."""
        day = self._working_day(self.today - datetime.timedelta(days=days_ago))
        minutes = self.rng.randint(8 * 60 + 30, 15 * 60 + 30)
        moment = self._utc(datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(minutes=minutes))
        if moment > self.latest:
            # Today, before the office opened: earlier this morning then.
            moment = self.latest - datetime.timedelta(minutes=self.rng.randint(30, 90))
        return moment

    def _after(self, moment, action):
        """The moment of the next step, in office hours, never in the future."""
        low, high = STEP_DELAYS[action]
        candidate = moment + datetime.timedelta(minutes=self.rng.randint(low, high))
        local = to_bangkok(candidate).replace(tzinfo=None)
        opening = datetime.time(8, 30)
        closing = datetime.time(16, 30)
        if local.time() > closing or local.weekday() >= 5:
            day = self._working_day(local.date() + datetime.timedelta(days=1), forward=True)
            local = datetime.datetime.combine(day, opening) + datetime.timedelta(
                minutes=self.rng.randint(0, 90)
            )
        elif local.time() < opening:
            local = datetime.datetime.combine(local.date(), opening) + datetime.timedelta(
                minutes=self.rng.randint(0, 60)
            )
        candidate = self._utc(local)
        return max(moment, min(candidate, self.latest))

    def _deadline(self, moment, days):
        """ด่วนภายใน: 16.30 of the working day ``days`` after ``moment``."""
        day = to_bangkok(moment).date() + datetime.timedelta(days=days)
        day = self._working_day(day, forward=True)
        return self._utc(datetime.datetime.combine(day, datetime.time(16, 30)))

    def _add(self, moment, step):
        self._sequence += 1
        self.events.append((moment, self._sequence, step))

    # ------------------------------------------------------------------ helpers
    def _fmt(self, text):
        return text.format(**self.years) if text else text

    def _doc(self, key, login):
        return self.docs[key].with_user(self.users[login])

    def _letter_number(self, letter, letter_date):
        if letter.get("from_unit"):
            code = f"{self.company.saraban_agency_code}{self.units[letter['from_unit']].code}"
            return f"{code}/{thai_digits(self.rng.randint(40, 900))}"
        if letter.get("no_number") or not letter.get("sender"):
            return False
        if letter.get("directive_number"):
            return f"{thai_digits(self.rng.randint(150, 3500))}/{thai_digits(letter_date.year + 543)}"
        code = letter.get("number_code") or self.agencies[letter["sender"]].saraban_agency_code
        number = thai_digits(self.rng.randint(120, 9800))
        return f"{code}/ว {number}" if letter.get("circular") else f"{code}/{number}"

    # ------------------------------------------------------------------ incoming
    def add_incoming(self, letter):
        key = letter["key"]
        original = self.letters.get(letter.get("duplicate_of"))
        if original:
            letter = {**original, **letter, "steps": letter["steps"]}
        self.letters[key] = letter
        if original:
            # The second copy arrives after the first one (the next working day).
            received = self._after(self.received[letter["duplicate_of"]], "close")
        else:
            received = self._received_time(letter["days"])
        self.received[key] = received
        creator = letter.get("created_by") or (
            "secret.officer" if letter.get("secrecy", "normal") != "normal" else "saraban"
        )
        self._add(received, lambda: self._create_incoming(letter, received, creator))
        moment = received
        for step in letter["steps"]:
            moment = self._after(moment, step[0])
            self._add(moment, lambda step=step: self._run_step(key, step))

    def _create_incoming(self, letter, received, creator):
        key = letter["key"]
        original = self.docs.get(letter.get("duplicate_of"))
        if original:
            values = original.copy_data()[0]
            values.update(
                {
                    "source": letter["source"],
                    "state": "draft",
                    "received_at": received,
                    "owner_unit_id": False,
                    "main_file": False,
                    "main_filename": False,
                }
            )
            self.docs[key] = self.env["saraban.document"].with_user(self.users[creator]).create(values)
            return
        sender = self.agencies.get(letter.get("sender"))
        received_day = to_bangkok(received).date()
        letter_date = received_day - datetime.timedelta(
            days=self.rng.randint(2, 6) if letter["source"] == "paper" else self.rng.randint(0, 2)
        )
        name = self._fmt(letter["name"])
        text = self._fmt(letter["text"])
        closing = letter.get("closing", CLOSING)
        number = self._letter_number(letter, letter_date)
        direction = letter.get("direction", "incoming")
        values = {
            "name": name,
            "direction": direction,
            "letter_type": letter.get("letter_type", "external"),
            "letter_subtype": letter.get("letter_subtype", False),
            "letter_number": number,
            "letter_date": letter_date,
            "sender_id": sender.id if sender else False,
            "sender_name": letter.get("sender_name", False),
            "recipient_name": letter.get("recipient_name", RECIPIENT_NAME),
            "salutation": letter.get("salutation", SALUTATION),
            "urgency": letter.get("urgency", "normal"),
            "secrecy": letter.get("secrecy", "normal"),
            "source": letter["source"],
            "received_at": received,
            "enclosure_text": letter.get("enclosure", False),
        }
        if letter.get("from_unit"):
            unit = self.units[letter["from_unit"]]
            values["sender_name"] = f"{unit.name} เทศบาลตำบลบ้านสวน"
        if direction == "incoming" and not letter.get("recipient_name"):
            values["recipient_ids"] = [fields.Command.set(self.company.partner_id.ids)]
        if letter.get("deadline_days"):
            values["urgency_deadline"] = self._deadline(received, letter["deadline_days"])
        if letter.get("summary_only") or letter["source"] == "paper":
            # A scanned letter: its text is in the scan, the officer types a summary.
            values["summary"] = text
        else:
            values["body"] = f"<p>{text}</p><p>{closing}</p>"
        if letter["source"] == "paper" and not letter.get("no_file") and values["secrecy"] == "normal":
            signer = SIGNERS.get(letter.get("sender")) or (letter.get("signer"), "")
            values["main_file"] = base64.b64encode(
                _letter_pdf(
                    sender=(sender.name if sender else values["sender_name"]),
                    number=number,
                    letter_date=format_thai_date(letter_date),
                    subject=name,
                    salutation=values["salutation"],
                    paragraphs=[text, closing],
                    signer=signer,
                    urgency=_URGENCY_THAI.get(values["urgency"]),
                )
            )
            values["main_filename"] = f"scan-{key.replace('_', '-')}.pdf"
        self.docs[key] = self.env["saraban.document"].with_user(self.users[creator]).create(values)

    def _run_step(self, key, step):
        action, login = step[0], step[1]
        doc = self._doc(key, login)
        if action == "register":
            doc.action_register()
        elif action == "unit_register":
            register = self.users[login].saraban_unit_ids[:1].receive_register()
            doc.action_register(register=register)
        elif action in ("forward", "order"):
            _action, _login, unit_keys, user_logins, instruction = step
            units = self.env["saraban.unit"].browse([self.units[u].id for u in unit_keys])
            users = self.env["res.users"].browse([self.users[u].id for u in user_logins])
            if action == "order" and units and not doc.owner_unit_id:
                # The central officer records the unit the executive's order names as
                # owner of the matter (forwarding to units sets it by itself).
                self._doc(key, "saraban").write({"owner_unit_id": units[0].id})
            doc.action_route(
                units=units,
                users=users,
                instruction=instruction,
                kind="order" if action == "order" else "forward",
            )
        elif action == "acknowledge":
            doc.action_acknowledge()
        elif action == "comment":
            doc.action_comment(step[2])
        elif action == "close":
            doc.action_close(comment=step[2])
        elif action == "cancel_entry":
            entry = doc.sudo().register_entry_ids.filtered(lambda e: not e.cancelled)[:1]
            original = self.docs.get(self.letters[key].get("duplicate_of"))
            reason = step[2]
            if original and "{original_number}" in reason:
                original_entry = original.sudo().register_entry_ids.filtered(
                    lambda e, r=entry.register_id: e.register_id == r and not e.cancelled
                )[:1]
                reason = reason.format(
                    original_number=f"{thai_digits(original_entry.number)}/{thai_digits(original_entry.year + 543)}"
                )
            entry.with_user(self.users[login]).action_cancel(reason)
        elif action == "void":
            # The letter itself was never meant for this register: set it aside.
            doc.write({"state": "cancelled"})
        else:
            raise ValueError(f"unknown demo step {action}")

    # ------------------------------------------------------------------ outgoing
    def add_outgoing(self, letter):
        created = self._received_time(letter["days"])
        self._add(created, lambda: self._create_outgoing(letter, created))

    def _create_outgoing(self, letter, created):
        user = self.users[letter["created_by"]]
        name = self._fmt(letter["name"])
        paragraphs = [self._fmt(p) for p in letter["paragraphs"]]
        values = {
            "name": name,
            "direction": letter.get("direction", "outgoing"),
            "letter_type": letter.get("letter_type", "external"),
            "letter_subtype": letter.get("letter_subtype", False),
            "sender_id": self.company.partner_id.id,
            "recipient_ids": [fields.Command.set([self.agencies[a].id for a in letter["to"]])],
            "salutation": letter.get("salutation", False),
            "body": "".join(f"<p>{p}</p>" for p in paragraphs),
            "urgency": letter.get("urgency", "normal"),
            "source": "manual",
            "owner_unit_id": self.units[letter["unit"]].id,
            "received_at": created,
            "enclosure_text": letter.get("enclosure", False),
        }
        reference = self.docs.get(letter.get("reference"))
        if reference:
            values["reference_ids"] = [fields.Command.set(reference.ids)]
            values["reference_text"] = " ".join(
                part
                for part in (
                    f"หนังสือ{reference.sender_display or ''}",
                    f"ที่ {reference.letter_number}" if reference.letter_number else "",
                    f"ลงวันที่ {format_thai_date(reference.letter_date)}" if reference.letter_date else "",
                )
                if part
            )
        self.docs[letter["key"]] = self.env["saraban.document"].with_user(user).create(values)


# ---------------------------------------------------------------------- PDF
_URGENCY_THAI = {"urgent": "ด่วน", "very_urgent": "ด่วนมาก", "most_urgent": "ด่วนที่สุด"}
def _letter_pdf(sender, number, letter_date, subject, salutation, paragraphs, signer, urgency):
    """A one-page A4 PDF standing for the scan of a paper letter (deterministic bytes)."""
    from reportlab.lib.colors import red
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas

    font = thai_font()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    page.setTitle(subject if font else "Sample letter")
    page.setAuthor(sender if font else "e-Saraban demo")
    width, height = A4
    left, right = 3 * cm, width - 2 * cm
    if not font:
        # No Thai font on this system: an English stand-in, still a real PDF.
        page.setFont("Helvetica-Bold", 14)
        page.drawCentredString(width / 2, height - 3 * cm, "Sample paper letter (demo data)")
        page.setFont("Helvetica", 11)
        page.drawString(left, height - 4.5 * cm, "Install a Thai TrueType font (fonts-tlwg-laksaman-ttf)")
        page.drawString(left, height - 5.1 * cm, "to see the letter's Thai text in this scan.")
        page.showPage()
        page.save()
        return buffer.getvalue()
    size = 16
    y = height - 2.5 * cm
    if urgency:
        # R17: urgency in red, at least 32 pt.
        page.setFillColor(red)
        page.setFont(font, 32)
        page.drawString(left, y, urgency)
        page.setFillColorRGB(0, 0, 0)
    # The Garuda emblem stands as a simple mark, 3 cm high, centred.
    page.circle(width / 2, y - 0.5 * cm, 1.5 * cm, stroke=1, fill=0)
    page.setFont(font, 10)
    page.drawCentredString(width / 2, y - 0.6 * cm, "ตราครุฑ")
    y -= 3 * cm
    page.setFont(font, size)
    if number:
        page.drawString(left, y, f"ที่ {number}")
    page.drawRightString(right, y, sender)
    y -= 0.8 * cm
    page.drawCentredString(width / 2 + 2 * cm, y, letter_date)
    y -= 1.0 * cm
    for line in wrap_text(f"เรื่อง  {subject}", font, size, right - left):
        page.drawString(left, y, line)
        y -= 0.7 * cm
    y -= 0.2 * cm
    page.drawString(left, y, salutation)
    y -= 1.0 * cm
    for paragraph in paragraphs:
        for index, line in enumerate(wrap_text(paragraph, font, size, right - left - 2.5 * cm)):
            page.drawString(left + (2.5 * cm if index == 0 else 0), y, line)
            y -= 0.7 * cm
        y -= 0.3 * cm
    y -= 0.5 * cm
    signer_name, signer_position = signer
    centre = width / 2 + 2.5 * cm
    page.drawCentredString(centre, y, "ขอแสดงความนับถือ")
    y -= 2.0 * cm
    if signer_name:
        page.drawCentredString(centre, y, f"({signer_name})")
        y -= 0.7 * cm
    if signer_position:
        for line in wrap_text(signer_position, font, size, 9 * cm):
            page.drawCentredString(centre, y, line)
            y -= 0.7 * cm
    page.setFont(font, 10)
    page.setFillColorRGB(0.45, 0.45, 0.45)
    page.drawCentredString(width / 2, 1.2 * cm, "เอกสารตัวอย่างสำหรับสาธิตระบบสารบรรณอิเล็กทรอนิกส์ ข้อมูลสมมติ")
    page.showPage()
    page.save()
    return buffer.getvalue()
