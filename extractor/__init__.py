"""vn-exemplars: models and exemplars ("mô hình, điển hình tiên tiến") from Vietnamese plans.

    from extractor import run, parse_file, Settings
    summary = run(["corpora/"], "out/")
"""

__version__ = "0.1.0"

from .api import parse_file, run
from .settings import Settings

__all__ = ["Settings", "__version__", "parse_file", "run"]
