# PYTHON_ARGCOMPLETE_OK
"""``python -m sentencenorm``: the same command as the ``sentencenorm`` console script."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
