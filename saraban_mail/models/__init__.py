from . import res_company
from . import saraban_document
from . import saraban_delivery
from . import saraban_mail_quarantine
from . import fetchmail_server
from . import saraban_mailbox_check
from . import res_config_settings
