from . import test_thai
from . import test_numbering
from . import test_access
from . import test_routing
from . import test_search
from . import test_tour
from . import test_buddhist_era
