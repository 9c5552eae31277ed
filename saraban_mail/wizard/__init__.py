from . import saraban_reject_wizard
