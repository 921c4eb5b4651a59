"""«Справка»: the chair's guide (HTML pages under resources/help/) and «О программе»."""

from ui.help.actions import HelpActions

__all__ = ["HelpActions"]
