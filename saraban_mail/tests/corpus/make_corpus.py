"""Writes the e-mail corpus of the ingestion tests (run once; the .eml files are committed).

Each message imitates what a real client sends (Outlook, Gmail, Thunderbird,
phone mail apps), in the charsets Thai agencies meet (UTF-8, TIS-620,
windows-874), and a few broken or hostile ones. ``expected.json`` tells
what each must become: ``letter`` or ``quarantine:<reason>`` (``duplicate``
for a copy of a message already imported).

    python make_corpus.py
"""

import base64
import json
import os
import quopri
import random
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
SENDER = "saraban@amphoe-bansuan.go.th"
TO = "saraban@tessaban-test.go.th"
DATE = "Mon, 16 Nov 2026 09:15:00 +0700"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
SUBJECT_TH = "ขอความร่วมมือสำรวจข้อมูลถนนในเขตเทศบาล"
BODY_TH = "เรียน นายกเทศมนตรี\n\nด้วยอำเภอบ้านสวนขอความร่วมมือสำรวจข้อมูลถนน รายละเอียดตามหนังสือที่แนบ\n\nขอแสดงความนับถือ"
FILE_TH = "หนังสือขอความร่วมมือสำรวจข้อมูลถนนในเขตเทศบาลตำบลบ้านสวน.pdf"

expected = {}


def b64(data, width=76):
    text = base64.b64encode(data).decode()
    return "\r\n".join(text[i:i + width] for i in range(0, len(text), width))


def enc_word(text, charset="utf-8", mode="B"):
    data = text.encode("cp874" if charset == "windows-874" else charset)
    if mode == "B":
        return f"=?{charset}?B?{base64.b64encode(data).decode()}?="
    q = "".join(
        "_" if b == 32 else chr(b) if 33 <= b < 127 and chr(b) not in "=?_" else f"={b:02X}" for b in data
    )
    return f"=?{charset}?Q?{q}?="


def rfc2231(name, charset="utf-8", chunk=40):
    units = [urllib.parse.quote(bytes([b]), safe="") for b in name.encode(charset)]
    parts = ["".join(units[i:i + chunk // 3]) for i in range(0, len(units), chunk // 3)]
    if len(parts) == 1:
        return f"filename*={charset}''{parts[0]}"
    return ";\r\n ".join(
        (f"filename*{i}*={charset}''{p}" if i == 0 else f"filename*{i}*={p}") for i, p in enumerate(parts)
    )


def write(name, text, outcome="letter"):
    if isinstance(text, str):
        data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
    else:
        data = text
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    expected[name] = outcome


def headers(mid, subject=None, extra="", sender=SENDER, date=DATE):
    subject = subject if subject is not None else enc_word(SUBJECT_TH)
    return (
        f"From: {enc_word('สารบรรณ อำเภอบ้านสวน')} <{sender}>\n"
        f"To: <{TO}>\nSubject: {subject}\nDate: {date}\nMessage-ID: <{mid}>\nMIME-Version: 1.0\n{extra}"
    )


def pdf_part(boundary, disposition_name, ctype_name=None, disposition="attachment"):
    ctype_name = ctype_name or disposition_name
    return (
        f"--{boundary}\nContent-Type: application/pdf; {ctype_name}\n"
        f"Content-Disposition: {disposition}; {disposition_name}\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(PDF)}\n"
    )


def main():
    # 1. Outlook: quoted encoded-word file name, alternative text/html, QP.
    html = f"<html><body><p class=MsoNormal>{BODY_TH.replace(chr(10), '<br>')}</p></body></html>"
    write("01_outlook_encoded_word_filename.eml", headers(
        "DB9PR01MB1234ABCD@DB9PR01MB1234.eurprd01.prod.outlook.com",
        extra="X-Mailer: Microsoft Outlook 16.0\nThread-Index: AQHZabcdEFGH\n"
              "Content-Type: multipart/mixed; boundary=\"_004_outlook_\"\n") + (
        "\n--_004_outlook_\nContent-Type: multipart/alternative; boundary=\"_000_outlook_\"\n\n"
        "--_000_outlook_\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(BODY_TH.encode())}\n--_000_outlook_\nContent-Type: text/html; charset=\"utf-8\"\n"
        f"Content-Transfer-Encoding: quoted-printable\n\n{quopri.encodestring(html.encode()).decode()}\n"
        "--_000_outlook_--\n\n"
        + pdf_part("_004_outlook_", f'filename="{enc_word(FILE_TH)}"', f'name="{enc_word(FILE_TH)}"')
        + "--_004_outlook_--\n"))

    # 2. Outlook, RFC 2231 file name with continuations.
    write("02_outlook_rfc2231_continuations.eml", headers(
        "AM0PR02MB5678@AM0PR02MB5678.eurprd02.prod.outlook.com",
        extra="X-Mailer: Microsoft Outlook 16.0\nContent-Type: multipart/mixed; boundary=\"b2\"\n") + (
        "\n--b2\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n\n"
        f"{BODY_TH}\n" + pdf_part("b2", rfc2231(FILE_TH), f'name="{enc_word(FILE_TH)}"') + "--b2--\n"))

    # 3. Gmail, html + text, Thai subject.
    write("03_gmail_html_pdf.eml", headers(
        "CAF=abc123XyZ@mail.gmail.com",
        extra="Content-Type: multipart/mixed; boundary=\"0000000000001a2b3c05f0000001\"\n") + (
        "\n--0000000000001a2b3c05f0000001\nContent-Type: multipart/alternative; "
        "boundary=\"0000000000001a2b3c05f0000000\"\n\n--0000000000001a2b3c05f0000000\n"
        "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(BODY_TH.encode())}\n--0000000000001a2b3c05f0000000\n"
        "Content-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(('<div dir=ltr>' + BODY_TH.replace(chr(10), '<br>') + '</div>').encode())}\n"
        "--0000000000001a2b3c05f0000000--\n"
        + pdf_part("0000000000001a2b3c05f0000001", f'filename="{enc_word(FILE_TH)}"',
                   f'name="{enc_word(FILE_TH)}"')
        + "--0000000000001a2b3c05f0000001--\n"))

    # 4. Gmail without attachment.
    write("04_gmail_no_attachment.eml", headers(
        "CAF=noattach001@mail.gmail.com",
        extra="Content-Type: multipart/alternative; boundary=\"000000000000aaaa\"\n") + (
        "\n--000000000000aaaa\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(BODY_TH.encode())}\n--000000000000aaaa\nContent-Type: text/html; charset=\"UTF-8\"\n"
        "Content-Transfer-Encoding: base64\n\n"
        f"{b64(('<div dir=ltr>' + BODY_TH + '</div>').encode())}\n--000000000000aaaa--\n"))

    # 5. Thunderbird, format=flowed, RFC 2231 file name.
    write("05_thunderbird_flowed.eml", headers(
        "4f2e6a1b-1c2d-4e5f-8a9b-0c1d2e3f4a5b@amphoe-bansuan.go.th",
        extra="User-Agent: Mozilla Thunderbird\nContent-Language: th\n"
              "Content-Type: multipart/mixed; boundary=\"------------tb0123456789\"\n") + (
        "\nThis is a multi-part message in MIME format.\n--------------tb0123456789\n"
        "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit\n\n"
        f"{BODY_TH}\n\n" + pdf_part("------------tb0123456789", rfc2231(FILE_TH), f'name="{enc_word(FILE_TH)}"')
        + "--------------tb0123456789--\n"))

    # 6. iPhone Mail: inline PDF, Apple boundary.
    write("06_iphone_inline_pdf.eml", headers(
        "A1B2C3D4-E5F6-4711-9999-ABCDEF012345@amphoe-bansuan.go.th",
        extra="X-Mailer: iPhone Mail (21A329)\nContent-Type: multipart/mixed; "
              "boundary=Apple-Mail-1A2B3C4D-5E6F\n") + (
        "\n--Apple-Mail-1A2B3C4D-5E6F\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        f"{quopri.encodestring('ส่งจาก iPhone ของฉัน'.encode()).decode()}\n"
        + pdf_part("Apple-Mail-1A2B3C4D-5E6F", 'filename="scan0001.pdf"', 'name="scan0001.pdf"', "inline")
        + "--Apple-Mail-1A2B3C4D-5E6F--\n"))

    # 7. Android Gmail app: only html, 8bit UTF-8, raw UTF-8 subject (not encoded: some phones do this).
    write("07_android_raw_utf8_subject.eml", headers(
        "CAJ=android777@mail.gmail.com", subject="ส่งหนังสือด่วนจากโทรศัพท์",
        extra="Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n") + (
        f"\n<div dir=\"auto\">{BODY_TH}</div>\n"))

    # 8. TIS-620 plain text, 8bit.
    write("08_tis620_plain.eml", (headers(
        "tis620-plain-0001@amphoe-bansuan.go.th", subject=enc_word(SUBJECT_TH, "TIS-620"),
        extra="Content-Type: text/plain; charset=TIS-620\nContent-Transfer-Encoding: 8bit\n")
        .replace("\n", "\r\n").encode() + b"\r\n" + BODY_TH.replace("\n", "\r\n").encode("tis-620") + b"\r\n"))

    # 9. TIS-620 html, quoted-printable, Q-encoded subject, PDF.
    body = ("<html><body>" + BODY_TH.replace("\n", "<br>") + "</body></html>").encode("tis-620")
    write("09_tis620_qp_html.eml", headers(
        "tis620-qp-0002@amphoe-bansuan.go.th", subject=enc_word(SUBJECT_TH, "TIS-620", "Q"),
        extra="Content-Type: multipart/mixed; boundary=\"tis\"\n") + (
        "\n--tis\nContent-Type: text/html; charset=\"tis-620\"\nContent-Transfer-Encoding: quoted-printable\n\n"
        f"{quopri.encodestring(body).decode()}\n" + pdf_part("tis", 'filename="letter.pdf"') + "--tis--\n"))

    # 10. windows-874 html in base64 with typographic quotes (not in TIS-620).
    text = "<html><body>“" + BODY_TH.replace("\n", "<br>") + "” – ขอบคุณ</body></html>"
    write("10_windows874_html.eml", headers(
        "win874-html-0003@amphoe-bansuan.go.th", subject=enc_word(SUBJECT_TH, "windows-874"),
        extra="X-Mailer: Microsoft Outlook Express 6.00\nContent-Type: text/html; charset=\"windows-874\"\n"
              "Content-Transfer-Encoding: base64\n") + f"\n{b64(text.encode('cp874'))}\n")

    # 11. windows-874 file name (encoded word) and body.
    write("11_windows874_filename.eml", headers(
        "win874-file-0004@amphoe-bansuan.go.th",
        extra="Content-Type: multipart/mixed; boundary=\"w874\"\n") + (
        "\n--w874\nContent-Type: text/plain; charset=\"windows-874\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(BODY_TH.encode('cp874'))}\n"
        + pdf_part("w874", f'filename="{enc_word("หนังสือราชการ.pdf", "windows-874")}"')
        + "--w874--\n"))

    # 12. Forwarded inline (Gmail style), with PDF.
    fwd = ("---------- Forwarded message ---------\nFrom: กรมส่งเสริมการปกครองท้องถิ่น <saraban@dla.go.th>\n"
           "Date: Fri, 13 Nov 2026\nSubject: แจ้งเวียน\n\n" + BODY_TH)
    write("12_forwarded_inline.eml", headers(
        "CAF=fwdinline@mail.gmail.com", subject=enc_word("Fwd: แจ้งเวียนหนังสือกรม"),
        extra="Content-Type: multipart/mixed; boundary=\"fwd1\"\n") + (
        f"\n--fwd1\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(fwd.encode())}\n" + pdf_part("fwd1", 'filename="dla-circular.pdf"') + "--fwd1--\n"))

    # 13. Forwarded as attachment (message/rfc822 with its own PDF).
    inner = headers("inner-original-0005@dla.go.th", sender="saraban@dla.go.th",
                    extra="Content-Type: multipart/mixed; boundary=\"inner\"\n") + (
        "\n--inner\nContent-Type: text/plain; charset=UTF-8\n\n" + BODY_TH + "\n"
        + pdf_part("inner", 'filename="original.pdf"') + "--inner--\n")
    write("13_forwarded_as_attachment.eml", headers(
        "fwd-attach-0006@amphoe-bansuan.go.th", subject=enc_word("FW: หนังสือจากกรม"),
        extra="Content-Type: multipart/mixed; boundary=\"fwd2\"\n") + (
        "\n--fwd2\nContent-Type: text/plain; charset=UTF-8\n\nส่งต่อหนังสือตามแนบ\n"
        "--fwd2\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename=\"forwarded.eml\"\n\n"
        f"{inner}\n--fwd2--\n"))

    # 14. Inline image (multipart/related, cid) and a PDF.
    write("14_inline_image_and_pdf.eml", headers(
        "inline-img-0007@amphoe-bansuan.go.th",
        extra="Content-Type: multipart/mixed; boundary=\"mix\"\n") + (
        "\n--mix\nContent-Type: multipart/related; boundary=\"rel\"\n\n--rel\n"
        "Content-Type: text/html; charset=UTF-8\n\n"
        f"<html><body><p>{BODY_TH}</p><img src=\"cid:logo001@bansuan\"></body></html>\n"
        "--rel\nContent-Type: image/png; name=\"logo.png\"\nContent-ID: <logo001@bansuan>\n"
        "Content-Disposition: inline; filename=\"logo.png\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(PNG)}\n--rel--\n" + pdf_part("mix", 'filename="letter.pdf"') + "--mix--\n"))

    # 15. Inline image only (signature logo), no PDF.
    write("15_inline_image_only.eml", headers(
        "inline-only-0008@amphoe-bansuan.go.th",
        extra="Content-Type: multipart/related; boundary=\"rel2\"\n") + (
        "\n--rel2\nContent-Type: text/html; charset=UTF-8\n\n"
        f"<p>{BODY_TH}</p><img src=\"cid:sig@x\">\n--rel2\nContent-Type: image/png\n"
        "Content-ID: <sig@x>\nContent-Transfer-Encoding: base64\n\n" f"{b64(PNG)}\n--rel2--\n"))

    # 16. Hostile HTML: scripts, handlers, javascript: links (must be sanitized, still a letter).
    write("16_html_with_scripts.eml", headers(
        "hostile-html-0009@amphoe-bansuan.go.th",
        extra="Content-Type: text/html; charset=UTF-8\n") + (
        "\n<html><head><script>alert('x')</script></head><body onload=\"steal()\">"
        f"<p>{BODY_TH}</p><img src=x onerror=\"alert(1)\"><a href=\"javascript:alert(2)\">คลิก</a>"
        "<iframe src=\"http://evil.invalid\"></iframe></body></html>\n"))

    # 17. No subject.
    write("17_no_subject.eml", (
        f"From: <{SENDER}>\nTo: <{TO}>\nDate: {DATE}\nMessage-ID: <nosubject-0010@amphoe-bansuan.go.th>\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nไม่มีหัวเรื่อง\n"))

    # 18. No Message-ID at all.
    write("18_no_message_id.eml", (
        f"From: <{SENDER}>\nTo: <{TO}>\nDate: {DATE}\nSubject: {enc_word('หนังสือไม่มี Message-ID')}\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nข้อความ\n"))

    # 19. Single-part message that is only a PDF (scanner "scan to e-mail").
    write("19_scanner_single_part_pdf.eml", headers(
        "scanner-0011@copier.amphoe-bansuan.go.th", subject="Scanned from a Xerox Multifunction Printer",
        extra="Content-Type: application/pdf; name=\"Scan_20261116.pdf\"\n"
              "Content-Disposition: attachment; filename=\"Scan_20261116.pdf\"\nContent-Transfer-Encoding: base64\n")
        + f"\n{b64(PDF)}\n")

    # 20. Several PDFs: the first is the letter.
    write("20_several_pdfs.eml", headers(
        "several-pdf-0012@amphoe-bansuan.go.th", extra="Content-Type: multipart/mixed; boundary=\"sev\"\n") + (
        "\n--sev\nContent-Type: text/plain; charset=UTF-8\n\nหนังสือและสิ่งที่ส่งมาด้วย\n"
        + pdf_part("sev", rfc2231("หนังสือนำส่ง.pdf")) + pdf_part("sev", rfc2231("สิ่งที่ส่งมาด้วย ๑.pdf"))
        + pdf_part("sev", rfc2231("สิ่งที่ส่งมาด้วย ๒.pdf")) + "--sev--\n"))

    # 21. Office files.
    write("21_office_files.eml", headers(
        "office-0013@amphoe-bansuan.go.th", extra="Content-Type: multipart/mixed; boundary=\"off\"\n") + (
        "\n--off\nContent-Type: text/plain; charset=UTF-8\n\nแบบสำรวจ\n--off\n"
        "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\n"
        f"Content-Disposition: attachment; {rfc2231('แบบสำรวจ.docx')}\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(b'PK' + bytes(200))}\n--off\n"
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\n"
        "Content-Disposition: attachment; filename=\"data.xlsx\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(b'PK' + bytes(100))}\n--off--\n"))

    # 22. Zip archive.
    write("22_zip_archive.eml", headers(
        "zip-0014@amphoe-bansuan.go.th", extra="Content-Type: multipart/mixed; boundary=\"zip\"\n") + (
        "\n--zip\nContent-Type: text/plain; charset=UTF-8\n\nไฟล์บีบอัด\n--zip\n"
        "Content-Type: application/zip; name=\"files.zip\"\nContent-Disposition: attachment; filename=\"files.zip\"\n"
        f"Content-Transfer-Encoding: base64\n\n{b64(b'PK' + bytes(300))}\n--zip--\n"))

    # 23. Over the size limit of the tests (300 KB).
    rnd = random.Random(42)
    big = bytes(rnd.getrandbits(8) for _ in range(330 * 1024))
    write("23_over_size_limit.eml", headers(
        "oversize-0015@amphoe-bansuan.go.th", extra="Content-Type: multipart/mixed; boundary=\"big\"\n") + (
        "\n--big\nContent-Type: text/plain; charset=UTF-8\n\nไฟล์ใหญ่\n--big\n"
        "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"big-scan.pdf\"\n"
        f"Content-Transfer-Encoding: base64\n\n{b64(b'%PDF-1.4' + big)}\n--big--\n"), "quarantine:size")

    # 24. Malformed: declared boundary never appears.
    write("24_malformed_missing_boundary.eml", headers(
        "malformed-0016@amphoe-bansuan.go.th",
        extra="Content-Type: multipart/mixed; boundary=\"never-there\"\n") + (
        "\n--something-else\nContent-Type: text/plain\n\nbroken\n--something-else--\n"), "quarantine:mime")

    # 25. Malformed: truncated (no closing boundary, attachment cut short).
    write("25_malformed_truncated.eml", headers(
        "truncated-0017@amphoe-bansuan.go.th", extra="Content-Type: multipart/mixed; boundary=\"trunc\"\n") + (
        "\n--trunc\nContent-Type: text/plain; charset=UTF-8\n\nข้อความ\n--trunc\n"
        "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"cut.pdf\"\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAy"), "quarantine:mime")

    # 26. Malformed: base64 attachment with invalid characters / length.
    write("26_malformed_base64.eml", headers(
        "badb64-0018@amphoe-bansuan.go.th", extra="Content-Type: multipart/mixed; boundary=\"b64\"\n") + (
        "\n--b64\nContent-Type: text/plain; charset=UTF-8\n\nข้อความ\n--b64\n"
        "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"bad.pdf\"\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0x!!!%%%Lj?QKMS\n--b64--\n"), "quarantine:mime")

    # 27. Dangerous executable.
    write("27_dangerous_exe.eml", headers(
        "exe-0019@amphoe-bansuan.go.th", extra="Content-Type: multipart/mixed; boundary=\"exe\"\n") + (
        "\n--exe\nContent-Type: text/plain; charset=UTF-8\n\nใบแจ้งหนี้\n--exe\n"
        "Content-Type: application/octet-stream; name=\"invoice.pdf.exe\"\n"
        "Content-Disposition: attachment; filename=\"invoice.pdf.exe\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(b'MZ' + bytes(64))}\n--exe--\n"), "quarantine:dangerous")

    # 28. Dangerous script.
    write("28_dangerous_js.eml", headers(
        "js-0020@amphoe-bansuan.go.th", extra="Content-Type: multipart/mixed; boundary=\"js\"\n") + (
        "\n--js\nContent-Type: text/plain; charset=UTF-8\n\nเปิดไฟล์\n--js\n"
        "Content-Type: application/javascript; name=\"open-me.js\"\n"
        "Content-Disposition: attachment; filename=\"open-me.js\"\n\nWScript.Shell.Run('calc')\n--js--\n"),
        "quarantine:dangerous")

    # 29/30. The same message twice (a client resending, or two copies in the mailbox).
    dup = headers("duplicate-0021@amphoe-bansuan.go.th", extra="Content-Type: text/plain; charset=UTF-8\n") + (
        "\nส่งซ้ำ\n")
    write("29_duplicate_first.eml", dup)
    write("30_duplicate_second.eml", dup.replace(DATE, "Mon, 16 Nov 2026 09:20:00 +0700"), "duplicate")

    # 31. e-CMS letter from another e-Saraban system.
    pdf_b64 = base64.b64encode(PDF).decode()
    ns_ram = "urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1"
    xml = f"""<?xml version='1.0' encoding='UTF-8'?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
 xmlns:rsm="urn:th:gov:egif:data:standard:GovernmentDocument:1.0" xmlns:ram="{ns_ram}">
<soapenv:Body><rsm:CorrespondenceLetterOutboundRequest><rsm:GovernmentDocument><ram:CorrespondenceLetter>
<ram:ID>ชบ 0318/4321</ram:ID><ram:CorrespondenceDate>2026-11-12</ram:CorrespondenceDate>
<ram:Subject>ขอเชิญประชุมคณะกรรมการ</ram:Subject><ram:SecretCode>001</ram:SecretCode>
<ram:SpeedCode>003</ram:SpeedCode>
<ram:SenderParty><ram:GivenName>นายอำเภอบ้านสวน</ram:GivenName><ram:FamilyName/><ram:JobTitle>นายอำเภอ</ram:JobTitle>
<ram:MinistryOrganization><ram:ID>15000</ram:ID></ram:MinistryOrganization>
<ram:DepartmentOrganization><ram:ID>15008</ram:ID></ram:DepartmentOrganization></ram:SenderParty>
<ram:ReceiverParty><ram:GivenName>นายกเทศมนตรี</ram:GivenName><ram:FamilyName/><ram:JobTitle>นายกเทศมนตรี</ram:JobTitle>
<ram:MinistryOrganization><ram:ID/></ram:MinistryOrganization><ram:DepartmentOrganization><ram:ID/></ram:DepartmentOrganization>
</ram:ReceiverParty>
<ram:ReferenceCorrespondence><ram:ID>ชบ 0318/1000</ram:ID><ram:CorrespondenceDate>2026-10-01</ram:CorrespondenceDate>
<ram:Subject>เรื่องเดิม</ram:Subject></ram:ReferenceCorrespondence>
<ram:Attachment>ระเบียบวาระการประชุม</ram:Attachment><ram:SendDate>2026-11-16T09:00:00</ram:SendDate>
<ram:Description>ประชุมวันที่ 20</ram:Description>
<ram:MainLetterBinaryObject mimeCode="application/pdf" fileName="invite.pdf">{pdf_b64}</ram:MainLetterBinaryObject>
</ram:CorrespondenceLetter></rsm:GovernmentDocument></rsm:CorrespondenceLetterOutboundRequest></soapenv:Body>
</soapenv:Envelope>"""
    write("31_ecms_exchange.eml", headers(
        "ecms-0022@amphoe-bansuan.go.th", subject=enc_word("ชบ 0318/4321 ขอเชิญประชุมคณะกรรมการ"),
        extra="Content-Type: multipart/mixed; boundary=\"ecms\"\n") + (
        "\n--ecms\nContent-Type: text/plain; charset=UTF-8\n\nเรียน นายกเทศมนตรี\n"
        + pdf_part("ecms", 'filename="invite.pdf"')
        + "--ecms\nContent-Type: application/xml; name=\"ecms-letter.xml\"\n"
        "Content-Disposition: attachment; filename=\"ecms-letter.xml\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(xml.encode())}\n--ecms--\n"))

    # 32. Calendar invitation (Outlook meeting request).
    write("32_calendar_invite.eml", headers(
        "invite-0023@amphoe-bansuan.go.th", extra="Content-Type: multipart/alternative; boundary=\"cal\"\n") + (
        "\n--cal\nContent-Type: text/plain; charset=UTF-8\n\nเชิญประชุม\n--cal\n"
        "Content-Type: text/calendar; charset=UTF-8; method=REQUEST\n\nBEGIN:VCALENDAR\nVERSION:2.0\n"
        "BEGIN:VEVENT\nSUMMARY:ประชุม\nDTSTART:20261120T020000Z\nEND:VEVENT\nEND:VCALENDAR\n--cal--\n"))

    # 33. Latin-1 English mail from a foreign partner, upper-case sender address.
    write("33_latin1_english.eml", (
        f"From: Embassy <SARABAN@Amphoe-Bansuan.GO.TH>\nTo: <{TO}>\nDate: {DATE}\n"
        "Subject: =?iso-8859-1?Q?Invitation_=E0_la_r=E9union?=\n"
        "Message-ID: <latin1-0024@embassy.invalid>\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
        "Cher coll=E8gue, veuillez trouver ci-joint l'invitation.\n"))

    # 34. LF-only line endings (some Unix MTAs / scripts).
    data = (headers("lf-only-0025@amphoe-bansuan.go.th", extra="Content-Type: text/plain; charset=UTF-8\n")
            + "\nบรรทัดแบบ LF\n").encode()
    write("34_lf_line_endings.eml", data)

    # 35. Phone client (Samsung Email) with HEIC photo of a paper letter.
    write("35_samsung_photo.eml", headers(
        "samsung-0026@amphoe-bansuan.go.th", extra="X-Mailer: Samsung Mail\n"
        "Content-Type: multipart/mixed; boundary=\"--_com.samsung.android.email_1234\"\n") + (
        "\n----_com.samsung.android.email_1234\nContent-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n\n"
        f"{b64('<html><body><div>ส่งจากโทรศัพท์ Samsung Galaxy</div></body></html>'.encode())}\n"
        "----_com.samsung.android.email_1234\nContent-Type: image/jpeg; name=\"20261116_091500.jpg\"\n"
        "Content-Disposition: attachment; filename=\"20261116_091500.jpg\"\nContent-Transfer-Encoding: base64\n\n"
        f"{b64(bytes.fromhex('ffd8ffe000104a464946') + bytes(100))}\n----_com.samsung.android.email_1234--\n"))

    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main()
