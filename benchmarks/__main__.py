"""``python -m benchmarks``: the benchmark harness (benchmarks/run.py)."""

import sys

from .run import main

if __name__ == "__main__":  # a spawned process (the dask case's workers) runs no harness
    sys.exit(main())
