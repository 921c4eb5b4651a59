"""The sync part of the status bar: state, last sync, pending changes, progress, problems."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QToolButton,
    QWidget,
)

from ui.i18n.formats import format_number
from ui.sync import controller as c


class SyncIndicator(QWidget):
    """Shows a :class:`SyncController`; the two buttons open the problem dialogs."""

    conflicts_clicked = Signal()
    rejected_clicked = Signal()

    def __init__(self, controller: c.SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.state = QLabel(self)
        self.pending = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(90)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.too_old_box: QMessageBox | None = None
        self.update_notice = QLabel(self)
        self.update_notice.setOpenExternalLinks(True)
        self.update_notice.setVisible(False)
        self.conflicts = QToolButton(self)
        self.conflicts.setAutoRaise(True)
        self.conflicts.clicked.connect(self.conflicts_clicked)
        self.rejected = QToolButton(self)
        self.rejected.setAutoRaise(True)
        self.rejected.clicked.connect(self.rejected_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.progress, self.state, self.pending, self.conflicts, self.rejected,
                       self.update_notice):
            row.addWidget(widget)
        controller.changed.connect(self.update_view)
        controller.release_known.connect(self.show_release)
        self.update_view()

    def show_release(self, release) -> None:
        """«Доступна новая версия X» with the registry's download address as a link."""
        if not release.update_available:
            self.update_notice.setVisible(False)
            return
        text = self.tr("New version %1 available").replace("%1", html.escape(release.latest))
        url = release.download_url
        if url.startswith(("https://", "http://")):
            text = f'<a href="{html.escape(url, quote=True)}">{text}</a>'
        self.update_notice.setText(text)
        self.update_notice.setToolTip(url)
        self.update_notice.setVisible(True)

    def state_text(self) -> str:
        ctl = self._controller
        if ctl.state == c.RUNNING:
            if ctl.percent is not None:
                return self.tr("Downloading data… %1%").replace("%1", str(ctl.percent))
            if ctl.progress:
                return self.tr("Synchronising… %Ln record(s) received", "", ctl.progress)
            return self.tr("Synchronising…")
        if ctl.state == c.DONE and ctl.last_sync is not None:
            return self.tr("Synchronised at %1").replace(
                "%1", ctl.last_sync.astimezone().strftime("%H:%M"))
        if ctl.state == c.OFFLINE:
            text = self.tr("No connection to the server")
            if ctl.last_sync is not None:
                text += " · " + self.tr("data as of %1").replace(
                    "%1", ctl.last_sync.astimezone().strftime("%d.%m.%Y %H:%M"))
            return text
        if ctl.state == c.TOO_OLD:
            return self.tr("This version is out of date: synchronisation is off")
        if ctl.state == c.SIGNED_OUT:
            return self.tr("Sign-in expired: sign in again")
        if ctl.state == c.ERROR:
            return self.tr("Synchronisation error")
        if ctl.last_sync is not None:
            return self.tr("Last synchronised %1").replace(
                "%1", ctl.last_sync.astimezone().strftime("%d.%m.%Y %H:%M"))
        return self.tr("Not synchronised yet")

    def _tell_too_old(self) -> None:
        """Once: why the app stopped syncing (the status bar keeps a short form)."""
        if self.too_old_box is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Update needed"),
                          self._controller.error_text, QMessageBox.StandardButton.Ok,
                          self.window())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        box.setModal(False)
        box.show()
        self.too_old_box = box

    def update_view(self) -> None:
        ctl = self._controller
        if ctl.state == c.TOO_OLD:
            self._tell_too_old()
        self.state.setText(self.state_text())
        self.state.setToolTip(ctl.error_text or self.tr("F5 — synchronise now"))
        self.progress.setVisible(ctl.state == c.RUNNING)
        percent = ctl.percent if ctl.state == c.RUNNING else None
        self.progress.setRange(0, 0 if percent is None else 100)
        if percent is not None:
            self.progress.setValue(percent)
        pending = ctl.counts.pending
        self.pending.setText(self.tr("%Ln change(s) not sent", "", pending) if pending else "")
        self.pending.setVisible(bool(pending))
        self.conflicts.setText(self.tr("Conflicts: %1").replace(
            "%1", format_number(ctl.counts.conflicts)))
        self.conflicts.setVisible(bool(ctl.counts.conflicts))
        self.rejected.setText(self.tr("Rejected: %1").replace(
            "%1", format_number(ctl.counts.rejected)))
        self.rejected.setVisible(bool(ctl.counts.rejected))
