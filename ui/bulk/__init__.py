"""Bulk actions on the member list's selection and their undo (Правка → Отменить)."""

from ui.bulk.actions import BulkActions

__all__ = ["BulkActions"]
