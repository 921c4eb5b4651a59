"""PDF documents (reportlab): consent, PROFCARDS handout, ЭПБ hand-over sheet."""
