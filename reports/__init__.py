"""Documents and reports: PDF forms (reportlab) and Excel reports (openpyxl). Never imports Qt."""
