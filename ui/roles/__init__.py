"""Union offices: the question «Назначить на должность» asks (office, body, dates)."""

from ui.roles.dialog import EndOfficeDialog, RoleDialog

__all__ = ["EndOfficeDialog", "RoleDialog"]
