from .cffi_mixed_src import ffi, lib

__all__ = ["ffi", "lib"]
