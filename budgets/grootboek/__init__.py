"""Ledger and volume exports: formats, mapping, findings, sums."""
