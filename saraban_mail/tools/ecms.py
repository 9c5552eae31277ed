"""DGA e-CMS messages (TH e-GIF GovernmentDocument) carried as e-mail attachments.

Builds the SOAP envelope of ``CorrespondenceLetterOutboundRequest`` holding a
``ram:CorrespondenceLetter`` or one of the notifiers (ReceiveLetterNotifier,
AcceptLetterNotifier, RejectLetterNotifier, InvalidLetterNotifier), and reads
them back. Reading matches elements by local name and accepts both spellings
of the ``ram`` namespace seen in DGA's own client.
"""

import base64
import datetime
import uuid

from lxml import etree

NS_SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
NS_WSA = "http://www.w3.org/2005/08/addressing"
NS_RSM = "urn:th:gov:egif:data:standard:GovernmentDocument:1.0"
NS_RAM = "urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1"
NS_RAM_NOTIFIER = "urn:th:gov:egif:data:standard:ReuseableAggregateBusinessInformaionEntity:1"
RAM_NAMESPACES = (NS_RAM, NS_RAM_NOTIFIER)

XML_FILENAME = "ecms-letter.xml"
NOTIFIER_FILENAMES = {
    "ReceiveLetterNotifier": "ecms-receive.xml",
    "AcceptLetterNotifier": "ecms-accept.xml",
    "RejectLetterNotifier": "ecms-reject.xml",
    "InvalidLetterNotifier": "ecms-invalid.xml",
}
NOTIFIERS = tuple(NOTIFIER_FILENAMES)

# SecretCode / SpeedCode of e-CMS <-> secrecy / urgency of saraban.document.
SECRET_CODES = {"normal": "001", "confidential": "002", "secret": "003", "top_secret": "004"}
SPEED_CODES = {"normal": "001", "urgent": "002", "very_urgent": "003", "most_urgent": "004"}
SECRECY_BY_CODE = {v: k for k, v in SECRET_CODES.items()}
URGENCY_BY_CODE = {v: k for k, v in SPEED_CODES.items()}

MAX_XML_BYTES = 64 * 1024 * 1024


def _sub(parent, ns, tag, text=None, **attrs):
    node = etree.SubElement(parent, f"{{{ns}}}{tag}", **attrs)
    if text is not None and text is not False:
        node.text = str(text)
    return node


def _date(value):
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def _envelope(to=None):
    nsmap = {"soapenv": NS_SOAP, "wsa": NS_WSA, "rsm": NS_RSM, "ram": NS_RAM}
    env = etree.Element(f"{{{NS_SOAP}}}Envelope", nsmap=nsmap)
    header = _sub(env, NS_SOAP, "Header")
    _sub(header, NS_WSA, "MessageID", f"urn:uuid:{uuid.uuid4()}")
    if to:
        _sub(header, NS_WSA, "To", to)
    body = _sub(env, NS_SOAP, "Body")
    request = _sub(body, NS_RSM, "CorrespondenceLetterOutboundRequest")
    return env, request


def _party(parent, tag, party):
    node = _sub(parent, NS_RAM, tag)
    _sub(node, NS_RAM, "GivenName", party.get("given_name") or "")
    _sub(node, NS_RAM, "FamilyName", party.get("family_name") or "")
    _sub(node, NS_RAM, "JobTitle", party.get("job_title") or "")
    ministry = _sub(node, NS_RAM, "MinistryOrganization")
    _sub(ministry, NS_RAM, "ID", party.get("ministry_id") or "")
    department = _sub(node, NS_RAM, "DepartmentOrganization")
    _sub(department, NS_RAM, "ID", party.get("department_id") or "")
    return node


def build_letter(letter):
    """The XML (bytes) of one CorrespondenceLetter.

    ``letter`` is a dict: id, date, subject, secrecy, urgency, sender, receiver
    (party dicts: given_name, family_name, job_title, ministry_id,
    department_id), references (dicts: id, date, subject), attachment_text,
    send_date, description, main (``(filename, bytes, mimetype)`` or None) and
    attachments (list of the same).
    """
    env, request = _envelope(letter.get("to"))
    document = _sub(request, NS_RSM, "GovernmentDocument")
    node = _sub(document, NS_RAM, "CorrespondenceLetter")
    _sub(node, NS_RAM, "ID", letter.get("id") or "")
    _sub(node, NS_RAM, "CorrespondenceDate", _date(letter.get("date")))
    _sub(node, NS_RAM, "Subject", letter.get("subject") or "")
    _sub(node, NS_RAM, "SecretCode", SECRET_CODES.get(letter.get("secrecy") or "normal", "001"))
    _sub(node, NS_RAM, "SpeedCode", SPEED_CODES.get(letter.get("urgency") or "normal", "001"))
    _party(node, "SenderParty", letter.get("sender") or {})
    _party(node, "ReceiverParty", letter.get("receiver") or {})
    for ref in letter.get("references") or ():
        ref_node = _sub(node, NS_RAM, "ReferenceCorrespondence")
        _sub(ref_node, NS_RAM, "ID", ref.get("id") or "")
        _sub(ref_node, NS_RAM, "CorrespondenceDate", _date(ref.get("date")))
        _sub(ref_node, NS_RAM, "Subject", ref.get("subject") or "")
    _sub(node, NS_RAM, "Attachment", letter.get("attachment_text") or "")
    _sub(node, NS_RAM, "SendDate", _date(letter.get("send_date")))
    _sub(node, NS_RAM, "Description", letter.get("description") or "")
    main = letter.get("main")
    if main:
        _sub(
            node, NS_RAM, "MainLetterBinaryObject", base64.b64encode(main[1]).decode(),
            mimeCode=main[2] or "application/pdf", fileName=main[0] or "letter.pdf",
        )
    for name, data, mimetype in letter.get("attachments") or ():
        _sub(
            node, NS_RAM, "AttachmentBinaryObject", base64.b64encode(data).decode(),
            mimeCode=mimetype or "application/octet-stream", fileName=name or "attachment",
        )
    return etree.tostring(env, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def build_notifier(kind, letter_id, date, subject, accept_id=None, reason=None):
    """The XML (bytes) of a notifier (``kind`` in :data:`NOTIFIERS`)."""
    if kind not in NOTIFIERS:
        raise ValueError(kind)
    env, request = _envelope()
    node = _sub(request, NS_RSM, kind)
    _sub(node, NS_RAM, "LetterID", letter_id or "")
    _sub(node, NS_RAM, "CorrespondenceDate", _date(date))
    _sub(node, NS_RAM, "Subject", subject or "")
    if kind == "AcceptLetterNotifier":
        _sub(node, NS_RAM, "AcceptID", accept_id or "")
    if reason:
        _sub(node, NS_RAM, "Description", reason)
    return etree.tostring(env, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---------------------------------------------------------------------- reading
def _local(node):
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _child(node, name):
    for child in node:
        if _local(child) == name:
            return child
    return None


def _text(node, name):
    child = _child(node, name) if node is not None else None
    return (child.text or "").strip() if child is not None and child.text else ""


def _parse_date(value):
    if not value:
        return False
    value = value.strip()
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = datetime.datetime.strptime(value, fmt)
        except ValueError:
            continue
        if parsed.tzinfo:
            parsed = parsed.astimezone(datetime.UTC).replace(tzinfo=None)
        return parsed
    return False


def _is_ram(node):
    ns = etree.QName(node).namespace if isinstance(node.tag, str) else None
    return ns in RAM_NAMESPACES or ns is None


def parse(data):
    """Read an e-CMS XML message; ``None`` when ``data`` is not one.

    Returns ``{"kind": "CorrespondenceLetter", ...}`` or ``{"kind": <notifier>,
    "letter_id", "date", "subject", "accept_id", "reason"}``.
    """
    if not data or len(data) > MAX_XML_BYTES:
        return None
    if isinstance(data, str):
        data = data.encode("utf-8")
    if b"GovernmentDocument" not in data and b"LetterNotifier" not in data:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        return None
    for node in root.iter():
        name = _local(node)
        if name == "CorrespondenceLetter" and _is_ram(node):
            return _parse_letter(node)
        if name in NOTIFIERS:
            return {
                "kind": name,
                "letter_id": _text(node, "LetterID"),
                "date": _parse_date(_text(node, "CorrespondenceDate")),
                "subject": _text(node, "Subject"),
                "accept_id": _text(node, "AcceptID"),
                "reason": _text(node, "Description"),
            }
    return None


def _parse_party(node):
    if node is None:
        return {}
    return {
        "given_name": _text(node, "GivenName"),
        "family_name": _text(node, "FamilyName"),
        "job_title": _text(node, "JobTitle"),
        "ministry_id": _text(_child(node, "MinistryOrganization"), "ID"),
        "department_id": _text(_child(node, "DepartmentOrganization"), "ID"),
    }


def _binary(node):
    try:
        data = base64.b64decode("".join((node.text or "").split()), validate=True)
    except ValueError:
        return None
    return (node.get("fileName") or "", data, node.get("mimeCode") or "application/octet-stream")


def _parse_letter(node):
    date = _parse_date(_text(node, "CorrespondenceDate"))
    letter = {
        "kind": "CorrespondenceLetter",
        "id": _text(node, "ID"),
        "date": date.date() if date else False,
        "subject": _text(node, "Subject"),
        "secrecy": SECRECY_BY_CODE.get(_text(node, "SecretCode"), "normal"),
        "urgency": URGENCY_BY_CODE.get(_text(node, "SpeedCode"), "normal"),
        "sender": _parse_party(_child(node, "SenderParty")),
        "receiver": _parse_party(_child(node, "ReceiverParty")),
        "references": [],
        "attachment_text": _text(node, "Attachment"),
        "send_date": _parse_date(_text(node, "SendDate")),
        "description": _text(node, "Description"),
        "main": None,
        "attachments": [],
    }
    for child in node:
        name = _local(child)
        if name == "ReferenceCorrespondence":
            ref_date = _parse_date(_text(child, "CorrespondenceDate"))
            letter["references"].append(
                {
                    "id": _text(child, "ID"),
                    "date": ref_date.date() if ref_date else False,
                    "subject": _text(child, "Subject"),
                }
            )
        elif name == "MainLetterBinaryObject":
            letter["main"] = _binary(child)
        elif name == "AttachmentBinaryObject":
            item = _binary(child)
            if item:
                letter["attachments"].append(item)
    return letter
