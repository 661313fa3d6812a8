"""The begroting model: loading, reading, findings, reading back from a workbook, core results."""
