"""Reports to Excel from the UI: form 5-СП and member lists."""

from ui.reports.actions import ReportActions
from ui.reports.list_dialog import ListDialog
from ui.reports.sp5_dialog import Sp5Dialog

__all__ = ["ListDialog", "ReportActions", "Sp5Dialog"]
