"""«Снять с учёта…» and «Восстановить…»: the question they ask (reason, date, comment)."""

from ui.lifecycle.dialog import REMOVE, RESTORE, LifecycleDialog

__all__ = ["REMOVE", "RESTORE", "LifecycleDialog"]
