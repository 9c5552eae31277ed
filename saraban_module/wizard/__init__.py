from . import saraban_route_wizard
from . import saraban_entry_cancel_wizard
from . import saraban_sign_wizard
from . import saraban_approval_wizard
