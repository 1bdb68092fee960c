"""``python -m benchmarks``: the benchmark harness (benchmarks/run.py)."""

import sys

from .run import main

sys.exit(main())
