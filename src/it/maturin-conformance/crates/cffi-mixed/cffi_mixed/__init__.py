from .cffi_mixed import ffi, lib
from .line import Line

__all__ = ["ffi", "lib", "Line"]
