"""Printing documents: consents, PROFCARDS handouts, hand-over sheets (PDF, preview, print)."""

from ui.printing.actions import CardPrinting, DocumentActions
from ui.printing.documents import DocumentKind, DocumentRequest
from ui.printing.printer import DocumentPrinter

__all__ = ["CardPrinting", "DocumentActions", "DocumentKind", "DocumentPrinter",
           "DocumentRequest"]
