"""The controller's workbook with every Excel function beside its native twin."""
