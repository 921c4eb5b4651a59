"""The member card (учётная карточка): one dialog with tabs, loading and saving off-thread."""

from ui.member_card.dialog import MemberCardDialog

__all__ = ["MemberCardDialog"]
