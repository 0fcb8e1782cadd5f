"""Analyst workbook for news coverage: keyword trends, source attribution and figures."""

__version__ = "0.1.0"
