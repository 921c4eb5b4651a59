"""The main window: organisation tree on the left, workspace tabs on the right."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.bulk.attach import attach_bulk_actions
from ui.card_requests import CardRequestsPanel
from ui.closure import ClosureActions
from ui.dashboard import DashboardPanel
from ui.help import HelpActions
from ui.importing import ImportActions
from ui.member_list import MemberListPanel
from ui.operations import Operations
from ui.org_tree import OrgScope, OrgTreePanel
from ui.passport_tab import PassportTab
from ui.status import StatusBar
from ui.transfers import TransferActions


def _message(text: str, parent: QWidget, title: str = "") -> QWidget:
    """A centred message page: an optional bold title over a wrapped text."""
    page = QWidget(parent)
    column = QVBoxLayout(page)
    column.setContentsMargins(48, 24, 48, 24)
    column.addStretch(1)
    for line, bold in ((title, True), (text, False)):
        if not line:
            continue
        label = QLabel(line, page)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        if bold:
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            label.setFont(font)
        column.addWidget(label)
    column.addStretch(2)
    return page


class MainWindow(QMainWindow):
    """«Рабочее место председателя»."""

    #: The tree is loaded, an organisation chosen and its first member rows are on screen.
    content_ready = Signal()
    #: Файл → Выйти из учётной записи (only offered when signed in to a registry).
    logout_requested = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None, *,
                 remember_geometry: bool = True) -> None:
        super().__init__(parent)
        self._ops = operations
        self._scope: OrgScope | None = None
        self._sync = None  # a ui.sync.controller.SyncController once attached
        self.setWindowTitle(self.tr("Chair's Workplace"))

        self.tree = OrgTreePanel(operations, self)
        self.members = MemberListPanel(operations, self)
        self.org_title = QLabel(self)
        self.org_title.setWordWrap(True)
        self.org_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.org_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.org_title.setFont(font)
        self.org_subtitle = QLabel(self)
        muted = self.org_subtitle.palette()
        muted.setColor(muted.ColorRole.WindowText, muted.color(muted.ColorRole.PlaceholderText))
        self.org_subtitle.setPalette(muted)
        self.tabs = QTabWidget(self)
        self.passport = PassportTab(operations, self)
        self.tabs.addTab(self.passport, self.tr("Passport"))
        self.tabs.addTab(self.members, self.tr("Union members"))
        self.card_requests = CardRequestsPanel(operations, self)
        self.tabs.addTab(self.card_requests, self.tr("Card requests"))
        self.dashboard = DashboardPanel(operations, self)
        self.tabs.addTab(self.dashboard, self.tr("Summary"))
        self.tabs.setCurrentWidget(self.members)

        workspace = QWidget(self)
        column = QVBoxLayout(workspace)
        column.setContentsMargins(4, 6, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.org_title)
        column.addWidget(self.org_subtitle)
        column.addWidget(self.tabs, 1)
        self.workspace = QStackedWidget(self)
        self.loading_page = _message(self.tr("Loading…"), self)
        self.empty_page = _message(self.tr(
            "Your organisation and its members will appear here after the first "
            "synchronisation with the union registry."), self,
            self.tr("There are no organisations in the database yet"))
        self.error_page = _message(self.tr(
            "Could not read the data. Press F5 to try again; if that does not help, "
            "restart the program."), self)
        for page in (self.loading_page, workspace, self.empty_page, self.error_page):
            self.workspace.addWidget(page)
        self.workspace_page = workspace

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1030])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status = StatusBar(operations, self)
        self.setStatusBar(self.status)
        self._make_menus()

        self.tree.loaded.connect(self._on_tree_loaded)
        self.tree.organisation_selected.connect(self._on_org_selected)
        self.tree.load_failed.connect(self._on_failed)
        self.members.counts_changed.connect(self.status.set_counts)
        self.members.rows_ready.connect(self._on_rows_ready)
        self.members.member_saved.connect(lambda _id: self.tree.reload())
        self.members.status_message.connect(lambda text: self.status.showMessage(text, 8000))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.dashboard.members_requested.connect(self._show_members)
        self.dashboard.organisation_requested.connect(self.tree.select)
        self.passport.saved.connect(lambda _id: self.tree.reload())
        self._wire_card_requests()
        self.tree.set_leave_guard(self.passport.can_leave)
        self._remember_geometry = remember_geometry
        self.resize(1280, 800)
        if not (remember_geometry and self._restore_geometry()):
            self._fit_to_screen()
        self.tree.reload()

    # -- menus --------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _make_menus(self) -> None:
        self.find_action = self._action(self.tr("&Find a member"), "Ctrl+F",
                                        self.members.focus_search)
        self.new_action = self._action(self.tr("&New union member"), "Ctrl+N",
                                       self.members.new_member)
        # Enter is handled by the table itself; the text after \t only shows the key.
        self.open_action = self._action(self.tr("&Open member card") + "\tEnter", None,
                                        self.members.open_current)
        self.refresh_action = self._action(self.tr("&Refresh"), "F5", self.refresh)
        self.refresh_action.setToolTip(self.tr("Read the data again (F5)"))
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.conflicts_action = self._action(self.tr("&Conflicting changes…"), None,
                                             self.show_conflicts)
        self.rejected_action = self._action(self.tr("Re&jected changes…"), None,
                                            self.show_rejected)
        self.logout_action = self._action(self.tr("Sign &out of the account"), None,
                                          self.logout_requested.emit)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.refresh_action)
        self.sync_separator = file_menu.addSeparator()
        for action in (self.conflicts_action, self.rejected_action, self.logout_action):
            file_menu.addAction(action)
            action.setVisible(False)
        self.sync_separator.setVisible(False)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        members_menu = self.menuBar().addMenu(self.tr("&Members"))
        for action in (self.new_action, self.open_action, self.find_action):
            members_menu.addAction(action)
        self._make_document_menus()
        self.transfers = TransferActions.attach(self, operations=self._ops, menu=members_menu)
        self.importing = ImportActions.attach(self, operations=self._ops, menu=file_menu)
        self.bulk = attach_bulk_actions(self, operations=self._ops, menu=members_menu)
        from ui.duplicates import DuplicatesActions

        self.duplicates = DuplicatesActions.attach(self, operations=self._ops, menu=members_menu)
        self.closure = ClosureActions.attach(self, operations=self._ops)
        self.help = HelpActions.attach(self, self._help_page)
        self.help_menu = self.help.menu
        self._set_workspace_enabled(False)

    def _make_document_menus(self) -> None:
        """«Документы» and «Отчёты»; the selection's documents also in the list's context menu."""
        import weakref

        from ui.printing import DocumentActions
        from ui.reports import ReportActions

        window = weakref.ref(self)  # the actions live as long as the window: no cycle back to it

        def scope() -> OrgScope | None:
            alive = window()
            return alive._scope if alive is not None else None

        selection = self.members.selected_member_ids
        self.documents = DocumentActions(
            self._ops, self, lambda: (found.id if (found := scope()) else None), selection)
        self.reports = ReportActions(self._ops, self, scope, selection)
        self.documents.add_menu(self.menuBar())
        self.reports.add_menu(self.menuBar())
        status = self.status
        self.documents.printer.message.connect(lambda text: status.showMessage(text, 8000))
        table, documents, reports = self.members.table, self.documents, self.reports
        separator = QAction(self)
        separator.setSeparator(True)
        table.addActions([self.open_action, separator, *documents.selection_actions,
                          reports.selection_action])
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        def selection_changed() -> None:
            count = self.members.selected_count()
            documents.update_enabled(scope() is not None, count)
            reports.selection_action.setEnabled(scope() is not None and count > 0)

        table.selectionModel().selectionChanged.connect(selection_changed)
        selection_changed()

    def _wire_card_requests(self) -> None:
        """A card action refreshes the other views and Ctrl+Z; a bulk action or undo, the tab."""
        cards = self.card_requests
        cards.changed.connect(lambda _ids: (self._after_decision(), self.bulk.refresh_undo(),
                                            self.dashboard.invalidate()))
        cards.message.connect(lambda text: self.status.showMessage(text, 10000))
        self.bulk.changed.connect(lambda _ids: cards.invalidate())

    def _set_workspace_enabled(self, enabled: bool) -> None:
        for action in (self.find_action, self.new_action, self.open_action):
            action.setEnabled(enabled)

    # -- public API ---------------------------------------------------------------------------

    @property
    def scope(self) -> OrgScope | None:
        return self._scope

    def refresh(self) -> None:
        """F5: synchronise when signed in to a registry; otherwise read everything again."""
        if self._sync is not None:
            if not self._sync.sync_now():
                self.status.showMessage(self.tr("Synchronisation is already running"), 4000)
            return
        self.reload_data()

    def reload_data(self) -> None:
        """Read the tree, the list and the passport again."""
        self.tree.reload()
        self.members.refresh()
        self.passport.reload()
        self.dashboard.invalidate()
        self.card_requests.invalidate()

    def attach_sync(self, controller) -> None:
        """Show ``controller``'s state in the status bar; F5 and the File menu drive it."""
        from ui.sync.indicator import SyncIndicator

        self._sync = controller
        self.transfers.set_client(controller.client)
        self.closure.follow(controller)
        self.importing.set_sync(controller)
        self.bulk.watch_sync(controller)
        self.card_requests.actions.after_submit = controller.sync_now
        from ui.admin import AdminActions

        self.admin = AdminActions.attach(self, controller, self.help_menu.menuAction())
        indicator = SyncIndicator(controller, self.status)
        indicator.conflicts_clicked.connect(self.show_conflicts)
        indicator.rejected_clicked.connect(self.show_rejected)
        self.status.set_sync_widget(indicator)
        self.sync_indicator = indicator
        self.refresh_action.setToolTip(self.tr("Synchronise with the registry (F5)"))
        self.refresh_action.setText(self.tr("&Synchronise"))
        self.help.registry_address = controller.client.base_url
        for action in (self.conflicts_action, self.rejected_action, self.logout_action):
            action.setVisible(True)
        self.sync_separator.setVisible(True)
        controller.data_changed.connect(self.reload_data)
        self.members.member_saved.connect(lambda _id: controller.refresh_counts())
        self.passport.saved.connect(lambda _id: controller.refresh_counts())

    def show_conflicts(self):
        """The conflict dialog (non-modal); returned for tests."""
        from ui.sync.problems import ConflictsDialog

        dialog = ConflictsDialog(self._ops, self)
        dialog.resolved.connect(self._after_decision)
        dialog.show()
        return dialog

    def show_rejected(self):
        from ui.sync.problems import RejectedDialog

        dialog = RejectedDialog(self._ops, self)
        dialog.discarded.connect(self._after_decision)
        dialog.show()
        return dialog

    def _after_decision(self) -> None:
        if self._sync is not None:
            self._sync.refresh_counts()
        self.tree.reload()
        self.members.refresh()

    # -- reactions ----------------------------------------------------------------------------

    def _on_tree_loaded(self, count: int) -> None:
        if count == 0:
            self.workspace.setCurrentWidget(self.empty_page)
            self.tree.setVisible(False)
            self.status.set_organisation(None)
            self.status.clear_counts()
            self._set_workspace_enabled(False)
            self.content_ready.emit()
            return
        self.tree.setVisible(count > 1)  # a primary chair sees one organisation: no tree needed
        first_time = self.workspace.currentWidget() is not self.workspace_page
        self.workspace.setCurrentWidget(self.workspace_page)
        self._set_workspace_enabled(True)
        if first_time:
            self.members.search.setFocus()  # finding a member is the usual first step

    def _on_org_selected(self, scope: OrgScope) -> None:
        changed = self._scope is None or self._scope.id != scope.id
        self._scope = scope
        self.org_title.setText(scope.name)
        self.org_subtitle.setText(self._level_name(scope.level) + " · "
                                  + self.tr("registry code %1").replace("%1", scope.code))
        self.status.set_organisation(scope.name)
        self.setWindowTitle(self.tr("Chair's Workplace") + " — " + scope.name)
        self.passport.set_org(scope.id)
        self.dashboard.set_scope(scope.id, scope.org_ids)
        self.card_requests.set_org(scope.id)
        self._on_tab_changed()
        if changed:
            self.members.set_scope(scope.id, scope.org_ids)
        else:
            self.members.refresh()

    def _level_name(self, level: str) -> str:
        names = {
            "central": self.tr("Central union body"),
            "regional": self.tr("Regional organisation"),
            "territorial": self.tr("Local organisation"),
            "primary": self.tr("Primary union organisation"),
        }
        return names.get(level, level)

    def _on_rows_ready(self) -> None:
        if self._scope is not None:
            self.content_ready.emit()

    def _on_failed(self, _error: str) -> None:
        self.workspace.setCurrentWidget(self.error_page)

    def _show_members(self, flt, condition_label: str) -> None:
        """A dashboard count was clicked: the member list shows exactly those members."""
        self.tabs.setCurrentWidget(self.members)
        self.members.show_filter(flt, condition_label)

    def _on_tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.passport:
            self.passport.ensure_built()

    # -- window -------------------------------------------------------------------------------

    def _help_page(self) -> str:
        """The guide's page about the current tab (F1)."""
        pages = {self.passport: "passport.html", self.members: "members.html",
                 self.card_requests: "cards.html", self.dashboard: "reports.html"}
        if self.workspace.currentWidget() is not self.workspace_page:
            return "sync.html"  # nothing synchronised yet: how the data arrive
        return pages.get(self.tabs.currentWidget(), "index.html")

    def _fit_to_screen(self) -> None:
        """First start: 1280×800, or nearly the whole screen of a small laptop."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and screen.width() > 200 and screen.height() > 200:
            self.resize(min(1280, screen.width() - 40), min(800, screen.height() - 40))

    def _restore_geometry(self) -> bool:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        splitter = settings.value("main_window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        return geometry is not None and self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.passport.can_leave(self.close):  # unsaved passport edits: ask first
            event.ignore()
            return
        if self._remember_geometry:
            settings = QSettings()
            settings.setValue("main_window/geometry", self.saveGeometry())
            settings.setValue("main_window/splitter", self.splitter.saveState())
        super().closeEvent(event)
