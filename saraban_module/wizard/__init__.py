from . import saraban_route_wizard
from . import saraban_entry_cancel_wizard
