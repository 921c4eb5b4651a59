"""Benchmarks of the chair client: ``python -m bench`` (see :mod:`bench.run`)."""
