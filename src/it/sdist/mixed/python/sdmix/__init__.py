from .sdmix_native import add
from .util import double
