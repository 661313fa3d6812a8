"""Spec model, workbook generator, P&C tools and CLI; builds on pyfuncs."""
