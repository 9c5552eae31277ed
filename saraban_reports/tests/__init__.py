from . import test_bench
from . import test_download
from . import test_forms
from . import test_registers
from . import test_signing
from . import test_print_tour
