"""The «Сводка» tab: counts with one-click member lists, the membership structure, and the
table of subordinate organisations.

Everything is computed in one background read (``compute_dashboard``) whenever the tab is
shown, the organisation changes or the data were reloaded; the old numbers stay on screen until
the new ones arrive.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from chairclient.queries.conditions import REQUIRED_FIELDS, missing_key
from chairclient.queries.dashboard import (
    AGE_GROUPS,
    CARD_TILE_STATUSES,
    CATEGORIES,
    SEXES,
    UNKNOWN,
    Dashboard,
    compute_dashboard,
)
from ui.dashboard.chart import UNKNOWN_COLOUR, Bar, BarGroup, StructureChart, percent_text
from ui.dashboard.labels import (
    AGE_TEXTS,
    SEX_TEXTS,
    UNKNOWN_TEXT,
    condition_label,
    tile_caption,
    tile_tooltip,
    translate,
)
from ui.dashboard.orgs import SubordinateTable
from ui.dashboard.tiles import FlowLayout, TileButton
from ui.i18n.formats import format_number
from ui.member_table import CATEGORY_NAMES
from ui.operations import Operations

MAIN_TILES = (("on_register", "neutral"), ("incomplete", "warning"), ("no_consent", "warning"),
              ("consent_not_sent", "warning"), ("ready_for_card", "neutral"),
              ("birthdays", "neutral"))
CARD_TONES = {"received": "warning", "issued": "good"}
CATEGORY_COLOURS = ("#3d6fb6", "#5aa0d8", "#8c6bb1", "#c49a3a")
SEX_COLOURS = {"F": "#c2577a", "M": "#3d6fb6"}
AGE_COLOURS = ("#8fd1b4", "#5fb692", "#3a9673", "#237556", "#15533d")
MISSING_COLOUR = "#b3261e"


class DashboardPanel(QScrollArea):
    """The dashboard of the chosen organisation (and everything below it)."""

    #: Show these members in the member list: (MemberFilter, name of its condition or "").
    members_requested = Signal(object, str)
    #: Open this organisation (a row of the subordinate table was double-clicked).
    organisation_requested = Signal(str)
    #: New numbers are on screen.
    computed = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self._org_id: str | None = None
        self._org_ids: tuple[str, ...] = ()
        self._generation = 0
        self._computing = False
        self._dashboard: Dashboard | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

        page = QWidget(self)
        self._layout = QVBoxLayout(page)
        self._layout.setContentsMargins(2, 8, 12, 12)
        self._layout.setSpacing(6)
        self.state = QLabel(page)
        self.state.setVisible(False)
        self._layout.addWidget(self.state)

        self.tiles: dict[str, TileButton] = {}
        self._section(self.tr("Register, cards and consents"))
        self._tile_row([(key, tone) for key, tone in MAIN_TILES])
        self._section(self.tr("Electronic union cards"))
        self._tile_row([(f"card:{s}", CARD_TONES.get(s, "neutral")) for s in CARD_TILE_STATUSES])

        self._section(self.tr("What the cards lack"))
        self.missing_buttons: dict[str, QPushButton] = {}
        missing_row = FlowLayout(spacing=6)
        for key in map(missing_key, REQUIRED_FIELDS):
            button = QPushButton(page)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(tile_tooltip(key))
            button.setStyleSheet(f"QPushButton {{ color: {MISSING_COLOUR}; padding: 2px 6px; "
                                 "text-align: left; }")
            button.clicked.connect(lambda _c=False, k=key: self.open_tile(k))
            button.setVisible(False)
            self.missing_buttons[key] = button
            missing_row.addWidget(button)
        self._layout.addLayout(missing_row)
        self.all_complete = QLabel(self.tr("Every card has all the required fields."), page)
        self._layout.addWidget(self.all_complete)

        self._section(self.tr("Membership structure"))
        self.chart = StructureChart(page)
        self._layout.addWidget(self.chart)

        self.orgs_title = self._section(self.tr("Organisations below"))
        self.orgs_hint = QLabel(self.tr("Click a column title to sort; double-click a row to "
                                        "open the organisation."), page)
        self._muted(self.orgs_hint)
        self._layout.addWidget(self.orgs_hint)
        self.orgs = SubordinateTable(page)
        self.orgs.organisation_activated.connect(self.organisation_requested)
        self._layout.addWidget(self.orgs)
        self._layout.addStretch(1)
        self._show_orgs(False)
        self.setWidget(page)

    # -- public API ---------------------------------------------------------------------------

    @property
    def dashboard(self) -> Dashboard | None:
        """The numbers on screen."""
        return self._dashboard

    @property
    def computing(self) -> bool:
        return self._computing

    def set_scope(self, org_id: str, org_ids: tuple[str, ...] | list[str]) -> None:
        """Show ``org_id`` over ``org_ids`` (the same scope as the member list)."""
        changed = org_id != self._org_id
        self._org_id, self._org_ids = org_id, tuple(org_ids)
        if changed:
            self._dashboard = None
            for tile in self.tiles.values():
                tile.set_count(None)
        self.invalidate()

    def invalidate(self) -> None:
        """The data may have changed: count again now if the tab is on screen, else when shown."""
        if self.isVisible():
            self.recompute()

    def recompute(self) -> None:
        if self._org_id is None:
            return
        self._generation += 1
        self._computing = True
        generation, org_id, org_ids = self._generation, self._org_id, self._org_ids

        def work(session) -> tuple[int, Dashboard]:
            return generation, compute_dashboard(session, org_id, org_ids)

        if self._dashboard is None:
            self._set_state(self.tr("Counting…"))
        self._ops.read(work, self._arrived, self._failed)

    def open_tile(self, key: str) -> None:
        """Ask the member list to show the members behind the tile ``key``."""
        if self._dashboard is None:
            return
        flt = self._dashboard.member_filter(key)
        label = condition_label(flt.condition) if flt.condition else ""
        self.members_requested.emit(flt, label)

    # -- building -----------------------------------------------------------------------------

    def _section(self, title: str) -> QLabel:
        label = QLabel(title, self)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        label.setContentsMargins(0, 10, 0, 2)
        self._layout.addWidget(label)
        return label

    def _tile_row(self, tiles: list[tuple[str, str]]) -> None:
        row = FlowLayout(spacing=8, balanced=True)
        for key, tone in tiles:
            tile = TileButton(key, tile_caption(key), tile_tooltip(key), tone, self)
            tile.set_count(None)
            tile.clicked.connect(lambda _c=False, k=key: self.open_tile(k))
            self.tiles[key] = tile
            row.addWidget(tile)
        self._layout.addLayout(row)

    @staticmethod
    def _muted(label: QLabel) -> None:
        palette = label.palette()
        palette.setColor(palette.ColorRole.WindowText,
                         palette.color(palette.ColorRole.PlaceholderText))
        label.setPalette(palette)
        label.setWordWrap(True)

    def _set_state(self, text: str) -> None:
        self.state.setText(text)
        self.state.setVisible(bool(text))

    def _show_orgs(self, visible: bool) -> None:
        for widget in (self.orgs_title, self.orgs_hint, self.orgs):
            widget.setVisible(visible)

    # -- results ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.recompute()  # cheap for one organisation, under a second for a region

    def _arrived(self, result: tuple[int, Dashboard]) -> None:
        generation, dashboard = result
        if generation != self._generation or not isValid(self):
            return
        self._computing = False
        self._dashboard = dashboard
        self._set_state("")
        counts = dashboard.counts
        members = counts["on_register"]
        for key, tile in self.tiles.items():
            share = "" if key in ("on_register", "birthdays") else percent_text(counts[key],
                                                                                members)
            tile.set_count(counts[key], share if counts[key] else "")
        for key, button in self.missing_buttons.items():
            button.setText(f"{tile_caption(key)}: {format_number(counts[key])}")
            button.setVisible(counts[key] > 0)
        self.all_complete.setVisible(members > 0 and counts["incomplete"] == 0)
        self.chart.set_groups(self._chart_groups(dashboard), members)
        self.orgs.set_rows(dashboard.subordinates)
        self._show_orgs(bool(dashboard.subordinates))
        self.computed.emit()

    def _failed(self, _error: BaseException) -> None:
        if not isValid(self):
            return
        self._computing = False
        self._set_state(self.tr("Could not count: the data could not be read. Press F5 to try "
                                "again."))

    def _chart_groups(self, dashboard: Dashboard) -> list[BarGroup]:
        structure = dashboard.structure
        unknown = translate(UNKNOWN_TEXT)

        def bars(counts: dict[str, int], labels: dict[str, str],
                 colours: dict[str, str]) -> list[Bar]:
            found = [Bar(labels[k], counts.get(k, 0), QColor(colours[k])) for k in labels]
            return found + [Bar(unknown, counts.get(UNKNOWN, 0), UNKNOWN_COLOUR, optional=True)]

        ages = [k for k, _oldest in AGE_GROUPS]
        return [
            BarGroup(self.tr("By category"), bars(
                structure.by_category, {c: CATEGORY_NAMES.get(c, c) for c in CATEGORIES},
                dict(zip(CATEGORIES, CATEGORY_COLOURS, strict=True)))),
            BarGroup(self.tr("By sex"), bars(
                structure.by_sex, {s: translate(SEX_TEXTS[s]) for s in SEXES}, SEX_COLOURS)),
            BarGroup(self.tr("By age"), bars(
                structure.by_age, {k: translate(AGE_TEXTS[k]) for k in ages},
                dict(zip(ages, AGE_COLOURS, strict=True)))),
        ]
