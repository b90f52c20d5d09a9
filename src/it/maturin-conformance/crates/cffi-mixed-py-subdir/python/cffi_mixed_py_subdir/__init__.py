from ._cffi_mixed import ffi, lib

__all__ = ["ffi", "lib"]
