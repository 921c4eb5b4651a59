"""Registration of members from a spreadsheet: the wizard and the File-menu actions.

The wizard (and with it the spreadsheet engine) is imported on first use, not at start-up.
"""

from typing import Any

from ui.importing.actions import ImportActions

__all__ = ["ImportActions", "ImportWizard"]


def __getattr__(name: str) -> Any:
    if name == "ImportWizard":
        from ui.importing.wizard import ImportWizard

        return ImportWizard
    raise AttributeError(name)
