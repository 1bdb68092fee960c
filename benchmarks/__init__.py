"""Benchmarks: python -m benchmarks (see run.py and README.md)."""
