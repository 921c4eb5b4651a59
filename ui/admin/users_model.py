"""The table of logins in «Администрирование → Пользователи»: one row per login, filtered by
what a person types (login, name, organisation, code), ё = е and case ignored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sync.protocol_users import ManagedUser

Index = QModelIndex | QPersistentModelIndex
LOGIN, NAME, ORG, ROLE, LAST, LOCKED, STATE, CHANGE = range(8)
_WARN = QColor("#B00020")


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def local_time(value: datetime | None) -> str:
    """dd.mm.yyyy hh:mm in the computer's time zone; '' for never."""
    if value is None:
        return ""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%d.%m.%Y %H:%M")


class UsersModel(QAbstractTableModel):
    """Rows of :class:`ManagedUser`; :meth:`set_filter` narrows them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[ManagedUser] = []
        self._rows: list[ManagedUser] = []
        self._keys: list[str] = []
        self._filter = ""
        self.headers = [self.tr("Login"), self.tr("Full name"), self.tr("Organisation"),
                        self.tr("Role"), self.tr("Last sign-in"), self.tr("Locked"),
                        self.tr("State"), self.tr("Password change")]
        self.role_names = {
            "admin": self.tr("administrator"), "regional": self.tr("regional organisation"),
            "territorial": self.tr("territorial chair"), "primary": self.tr("primary chair"),
            "profcards": self.tr("PROFCARDS operator"),
        }

    # -- data -------------------------------------------------------------------------------

    def set_users(self, users: list[ManagedUser]) -> None:
        self.beginResetModel()
        self._all = list(users)
        self._keys = [_fold(" ".join([u.login, u.full_name, *(f"{p.org_code} {p.org_name}"
                                                              for p in u.positions)]))
                      for u in self._all]
        self._apply()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = _fold(text.strip())
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        words = self._filter.split()
        self._rows = [user for user, key in zip(self._all, self._keys, strict=True)
                      if all(word in key for word in words)]

    def replace(self, user: ManagedUser) -> None:
        """One login changed (a step's answer): its row shows the new state."""
        self._all = [user if u.id == user.id else u for u in self._all]
        for row, current in enumerate(self._rows):
            if current.id == user.id:
                self._rows[row] = user
                self.dataChanged.emit(self.index(row, 0), self.index(row, CHANGE))

    def add(self, user: ManagedUser) -> None:
        self.set_users([*self._all, user])

    def user(self, row: int) -> ManagedUser | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, user_id: str) -> int:
        return next((row for row, user in enumerate(self._rows) if user.id == user_id), -1)

    @property
    def total(self) -> int:
        return len(self._all)

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        user = self.user(index.row())
        if user is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(user, column, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole and (
                (column == LOCKED and user.locked) or (column == STATE and not user.active)):
            return _WARN
        return None

    def _text(self, user: ManagedUser, column: int, *, tooltip: bool) -> str:
        first = user.positions[0] if user.positions else None
        if column == LOGIN:
            return user.login
        if column == NAME:
            return user.full_name
        if column == ORG:
            if first is None:
                return ""
            text = f"{first.org_name} ({first.org_code})" if first.org_code else first.org_name
            return text + (f" +{len(user.positions) - 1}" if len(user.positions) > 1 else "")
        if column == ROLE:
            return ", ".join(self.role_names.get(p.role, p.role) for p in user.positions)
        if column == LAST:
            return local_time(user.last_sign_in_at) or self.tr("never")
        if column == LOCKED:
            if not user.locked:
                return ""
            text = self.tr("locked")
            if tooltip:
                text += " — " + self.tr("wrong passwords from %n address(es)", "",
                                        user.locked_sources)
            return text
        if column == STATE:
            return self.tr("active") if user.active else self.tr("disabled")
        if column == CHANGE:
            return self.tr("required") if user.must_change_password else ""
        return ""
