"""Fact-Check Workbench: find the claims in an article, attach evidence, rate, publish."""

import os

__version__ = "0.1.0"

# numpy's BLAS on one thread unless the user says otherwise. The workbench's numpy work
# is small products (a claim's vector against a few thousand library vectors, a
# re-ranker over 50 candidates) that a second thread only slows down: matching a claim
# against 100,000 reviews took 21 ms of CPU with two BLAS threads and 15 ms with one
# (benchmarks/library.py). Read by OpenBLAS when numpy is first imported, so here.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
