"""The AB voorstel for one begrotingswijziging: texts, sheets, the workbook."""
