from . import saraban_verify
