"""The begroting workbook: plan, sheets, writing, genereer, controleer."""
