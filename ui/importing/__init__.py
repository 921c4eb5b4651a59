"""Registration of members from a spreadsheet: the wizard and the File-menu actions."""

from ui.importing.actions import ImportActions
from ui.importing.wizard import ImportWizard

__all__ = ["ImportActions", "ImportWizard"]
