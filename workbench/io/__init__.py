"""Importing articles and exporting projects. No Qt here."""
