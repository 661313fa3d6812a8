"""House style, number formats, spreadsheet engines and the workbook writers."""
