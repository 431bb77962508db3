"""Fact-Check Workbench: find the claims in an article, attach evidence, rate, publish."""

__version__ = "0.1.0"
