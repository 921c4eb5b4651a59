"""Excel reports (openpyxl): «форма 5-СП» and member lists."""
