"""One passport tab: a scrollable form of fields built from their names."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from chairclient.validation import FIELD_LABELS
from ui.passport.editors import is_stretchy, make_editor
from ui.widgets import HINT_COLOR, FieldSet, small_label
from ui.widgets.layout import form_layout, natural_width


class PassportTab(QScrollArea):
    """Rows ``rows`` in order: field editors bound in ``fields``, or read-only labels ``fixed``."""

    def __init__(self, fields: FieldSet, rows: list[str], *, yes_text: str,
                 hints: Mapping[str, str], fixed: Mapping[str, tuple[str, QLabel]] | None = None,
                 intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        if intro:
            layout.addWidget(small_label(intro, HINT_COLOR))
        form = form_layout()
        layout.addLayout(form)
        layout.addStretch(1)
        self.editors: dict[str, QWidget] = {}
        fixed = fixed or {}
        for name in rows:
            if name in fixed:
                text, label = fixed[name]
                label.setWordWrap(True)
                form.addRow(text, label)
                continue
            editor = make_editor(name, yes_text)
            shown = editor if is_stretchy(name) else natural_width(editor)
            fields.add_row(name, FIELD_LABELS[name], shown, hint=hints.get(name, ""))
            fields.bind(name, editor)
            fields.place(form, name)
            self.editors[name] = editor
        self.setWidget(body)
        # Let the tab page's own background show through (no grey box inside the pane).
        self.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)
