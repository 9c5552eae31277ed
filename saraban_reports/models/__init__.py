from . import ir_actions_report
from . import saraban_document
from . import saraban_register_entry
