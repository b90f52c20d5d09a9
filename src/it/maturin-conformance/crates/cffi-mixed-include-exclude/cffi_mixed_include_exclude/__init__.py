from .cffi_mixed_include_exclude import ffi, lib

__all__ = ["ffi", "lib"]
