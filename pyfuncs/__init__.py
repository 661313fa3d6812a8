"""Calculation core of the productbegroting: pure functions, no file or Excel I/O."""

__version__ = "0.1.0"
