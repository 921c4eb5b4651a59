"""The duplicates list for territorial, regional and central staff."""

from ui.duplicates.dialog import DuplicatesActions, DuplicatesDialog

__all__ = ["DuplicatesActions", "DuplicatesDialog"]
