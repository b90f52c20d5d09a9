from .rust import ffi, lib

__all__ = ["ffi", "lib"]
