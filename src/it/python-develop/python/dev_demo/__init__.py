from .dev_native import add
from .helper import greet

__all__ = ["add", "greet"]
