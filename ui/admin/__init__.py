"""«Администрирование»: the menu of the main window for managers of logins."""

from ui.admin.actions import AdminActions

__all__ = ["AdminActions"]
