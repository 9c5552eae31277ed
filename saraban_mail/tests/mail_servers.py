"""Real mail servers on the loopback interface for the e-Saraban mail tests.

* :class:`Dovecot`: a private dovecot IMAP server (own base_dir, own port,
  maildir storage, mail user ``nobody``), started and stopped by the tests.
* :class:`SmtpServer`: an aiosmtpd SMTP server that delivers every accepted
  message into the IMAP mailbox of its recipient (IMAP APPEND), refuses the
  addresses it is told to refuse at RCPT time (``550``), and for the addresses
  it is told to bounce later, accepts the message and then delivers a delivery
  status notification (RFC 3464) to the envelope sender, as a remote mail
  server does when it cannot deliver after having accepted a message.

This file imports nothing from Odoo: the system tests and benchmarks in the
repository's ``tests/`` folder load it too.
"""

import email
import email.policy
import email.utils
import contextlib
import imaplib
import logging
import os
import pwd
import grp
import shutil
import signal
import socket
import subprocess
import tempfile
import time

_logger = logging.getLogger(__name__)

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Dovecot:
    """A dovecot IMAP server with the given ``{login: password}`` accounts."""

    def __init__(self, users):
        self.users = dict(users)
        self.host = "127.0.0.1"
        self.port = None
        self.root = None
        self.pid = None

    # -------------------------------------------------------------- lifecycle
    def start(self):
        if not os.path.exists(DOVECOT):
            raise RuntimeError(
                "dovecot is not installed (Debian package dovecot-imapd): the mail tests need a real IMAP server"
            )
        self.root = tempfile.mkdtemp(prefix="saraban-dovecot-")
        os.chmod(self.root, 0o755)
        self.port = free_port()
        for sub in ("base", "state", "mail", "home"):
            os.makedirs(os.path.join(self.root, sub), exist_ok=True)
        nobody = pwd.getpwnam("nobody")
        nogroup = grp.getgrgid(nobody.pw_gid).gr_name
        for sub in ("mail", "home"):
            os.chown(os.path.join(self.root, sub), nobody.pw_uid, nobody.pw_gid)
        with open(os.path.join(self.root, "passwd"), "w") as f:
            for login, password in self.users.items():
                f.write(f"{login}:{{PLAIN}}{password}\n")
        conf = os.path.join(self.root, "dovecot.conf")
        with open(conf, "w") as f:
            f.write(
                f"""
protocols = imap
listen = 127.0.0.1
base_dir = {self.root}/base
state_dir = {self.root}/state
log_path = {self.root}/dovecot.log
info_log_path = {self.root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{self.root}/mail/%u
default_login_user = nobody
default_internal_user = nobody
default_internal_group = {nogroup}
first_valid_uid = 0
passdb {{
  driver = passwd-file
  args = {self.root}/passwd
}}
userdb {{
  driver = static
  args = uid=nobody gid={nogroup} home={self.root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    port = 0
  }}
  inet_listener pop3s {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
"""
            )
        self.conf = conf
        subprocess.run([DOVECOT, "-c", conf], check=True)
        self._wait_ready()
        return self

    def _wait_ready(self):
        pid_file = os.path.join(self.root, "base", "master.pid")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with open(pid_file) as f:
                    self.pid = int(f.read().strip())
                imap = imaplib.IMAP4(self.host, self.port, timeout=2)
                imap.logout()
                return
            except (OSError, ValueError, imaplib.IMAP4.error):
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start on port {self.port}: {self.log()}")

    def _descendants(self):
        """Pids of the processes started by this dovecot (its imap sessions among them)."""
        parents = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
        found, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            for child in parents.get(pid, []):
                found.append(child)
                todo.append(child)
        return found

    def stop(self, remove=True):
        if self.pid:
            children = self._descendants()
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.kill(self.pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
            for child in children:  # sessions left running cut their clients off too
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child, signal.SIGKILL)
            self.pid = None
        if remove and self.root:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def restart(self):
        """Stop and start again on the same port with the same mailboxes."""
        self.stop(remove=False)
        subprocess.run([DOVECOT, "-c", self.conf], check=True)
        self._wait_ready()

    def log(self):
        try:
            with open(os.path.join(self.root, "dovecot.log")) as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -------------------------------------------------------------- mailboxes
    def connect(self, login):
        imap = imaplib.IMAP4(self.host, self.port)
        imap.login(login, self.users[login])
        return imap

    def append(self, login, raw_messages, seen=False):
        """APPEND raw messages (bytes) to the INBOX of ``login``."""
        if isinstance(raw_messages, bytes):
            raw_messages = [raw_messages]
        imap = self.connect(login)
        try:
            for raw in raw_messages:
                flags = "(\\Seen)" if seen else None
                typ, data = imap.append("INBOX", flags, None, raw)
                if typ != "OK":
                    raise RuntimeError(f"APPEND refused: {data}")
        finally:
            imap.logout()

    def status(self, login):
        """``(messages, unseen)`` in the INBOX of ``login``."""
        imap = self.connect(login)
        try:
            typ, data = imap.status("INBOX", "(MESSAGES UNSEEN)")
            words = data[0].decode().replace("(", " ").replace(")", " ").split()
            values = dict(zip(words[1::2], words[2::2]))
            return int(values["MESSAGES"]), int(values["UNSEEN"])
        finally:
            imap.logout()

    def messages(self, login):
        """All messages of the INBOX of ``login`` as bytes, oldest first."""
        imap = self.connect(login)
        try:
            imap.select("INBOX", readonly=True)
            typ, data = imap.uid("SEARCH", None, "ALL")
            result = []
            for uid in data[0].split():
                typ, parts = imap.uid("FETCH", uid, "(BODY.PEEK[])")
                result.append(parts[0][1])
            return result
        finally:
            imap.logout()

    def clear(self, login):
        imap = self.connect(login)
        try:
            imap.select("INBOX")
            imap.store("1:*", "+FLAGS.SILENT", "\\Deleted")
            imap.expunge()
        except imaplib.IMAP4.error as error:
            _logger.debug("mailbox %s not emptied: %s", login, error)
        finally:
            imap.logout()


def make_dsn(original, failed_rcpt, reporting_mta="mx.test.invalid", reason="550 5.1.1 mailbox unavailable"):
    """A delivery status notification (RFC 3464) for ``original`` (bytes)."""
    from email.mime.base import MIMEBase
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    orig = email.message_from_bytes(original, policy=email.policy.SMTP)
    dsn = MIMEMultipart("report", report_type="delivery-status")
    dsn["From"] = f"Mail Delivery System <MAILER-DAEMON@{reporting_mta}>"
    dsn["To"] = str(orig.get("Return-Path") or orig.get("From") or "")
    dsn["Subject"] = "Undelivered Mail Returned to Sender"
    dsn["Date"] = email.utils.formatdate(localtime=True)
    dsn["Message-ID"] = email.utils.make_msgid(domain=reporting_mta)
    dsn["Auto-Submitted"] = "auto-replied"
    dsn.attach(MIMEText(
        f"This is the mail system at host {reporting_mta}.\n\n"
        "I'm sorry to have to inform you that your message could not\n"
        f"be delivered to one or more recipients.\n\n<{failed_rcpt}>: {reason}\n"
    ))
    per_msg = email.message.Message()
    per_msg["Reporting-MTA"] = f"dns; {reporting_mta}"
    per_rcpt = email.message.Message()
    per_rcpt["Final-Recipient"] = f"rfc822; {failed_rcpt}"
    per_rcpt["Action"] = "failed"
    per_rcpt["Status"] = "5.1.1"
    per_rcpt["Diagnostic-Code"] = f"smtp; {reason}"
    status = MIMEBase("message", "delivery-status")
    status.set_payload([per_msg, per_rcpt])
    dsn.attach(status)
    head = original.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].decode("ascii", "replace")
    dsn.attach(MIMEText(head + "\n", "rfc822-headers"))
    return dsn.as_bytes()


class SmtpServer:
    """aiosmtpd on 127.0.0.1 delivering to the dovecot mailboxes of ``routes``.

    ``routes`` maps a recipient address (lower case) to a dovecot login.
    ``refuse`` holds addresses refused at RCPT (550); ``bounce_later`` holds
    addresses accepted and then bounced with a DSN to the envelope sender.
    ``received`` keeps ``(mail_from, rcpt_tos, raw)`` of every accepted message.
    """

    def __init__(self, dovecot, routes, refuse=(), bounce_later=()):
        self.dovecot = dovecot
        self.routes = {k.lower(): v for k, v in routes.items()}
        self.refuse = {a.lower() for a in refuse}
        self.bounce_later = {a.lower() for a in bounce_later}
        self.received = []
        self.controller = None
        self.port = None

    def start(self):
        from aiosmtpd.controller import Controller

        server = self

        class Handler:
            async def handle_RCPT(self, smtp_server, session, envelope, address, rcpt_options):
                addr = address.lower()
                if addr in server.refuse or (addr not in server.routes and addr not in server.bounce_later):
                    return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, smtp_server, session, envelope):
                raw = envelope.original_content or envelope.content
                if isinstance(raw, str):
                    raw = raw.encode("utf-8")
                server.received.append((envelope.mail_from, list(envelope.rcpt_tos), raw))
                for rcpt in envelope.rcpt_tos:
                    addr = rcpt.lower()
                    if addr in server.bounce_later:
                        sender_login = server.routes.get((envelope.mail_from or "").lower())
                        if sender_login:
                            server.dovecot.append(sender_login, make_dsn(raw, rcpt))
                        continue
                    delivered = b"Delivered-To: " + rcpt.encode() + b"\r\n" + raw
                    server.dovecot.append(server.routes[addr], delivered)
                return "250 Message accepted for delivery"

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
