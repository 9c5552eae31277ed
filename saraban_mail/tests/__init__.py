from . import test_ingest
from . import test_exchange
from . import test_contact_checks
