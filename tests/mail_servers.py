"""Real IMAP (dovecot) and SMTP (aiosmtpd) servers for system tests and benchmarks.

The implementation lives with the addon's own tests
(``saraban_mail/tests/mail_servers.py``, which imports nothing from Odoo); this
module loads it from there so that both use the same servers.
"""

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "saraban_mail" / "tests" / "mail_servers.py"
_spec = importlib.util.spec_from_file_location("saraban_mail_servers", _PATH)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)

Dovecot = _module.Dovecot
SmtpServer = _module.SmtpServer
make_dsn = _module.make_dsn
free_port = _module.free_port
