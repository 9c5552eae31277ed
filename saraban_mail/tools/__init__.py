from . import ecms  # noqa: F401
