"""«Общие»: identity, category and the consent to personal-data processing."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chairclient.validation import FIELD_LABELS, SEX_CHOICES
from chairclient.validation.rules import age_on
from ui.member_card.data import ConsentInfo, References
from ui.widgets import (
    HINT_COLOR,
    WARNING_COLOR,
    ClickableLabel,
    CodeCombo,
    DateField,
    FieldSet,
    MaskedField,
    format_date,
    small_label,
)
from ui.widgets.layout import form_layout, natural_width

# The fields of this tab (for completeness marks on the tab title).
GENERAL_FIELDS = ("last_name", "first_name", "patronymic", "birth_date", "sex", "snils", "category")
CONSENT_GIVEN = "consent_given"
CONSENT_SIGNED_ON = "consent_signed_on"
CONSENT_REVOKED_ON = "consent_revoked_on"


class GeneralTab(QWidget):
    """Identity fields and the consent box; the consent values live in the same field set."""

    def __init__(self, fields: FieldSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = fields
        self._consent = ConsentInfo()
        layout = QVBoxLayout(self)
        form = form_layout()
        layout.addLayout(form)

        for name in ("last_name", "first_name", "patronymic"):
            editor = QLineEdit()
            editor.setMaxLength(100)
            fields.add(name, editor, FIELD_LABELS[name])
        self.birth_date = DateField()
        self.age = QLabel()
        self.age.setStyleSheet(f"color: {HINT_COLOR};")
        birth = QWidget()
        birth_row = QHBoxLayout(birth)
        birth_row.setContentsMargins(0, 0, 0, 0)
        birth_row.addWidget(self.birth_date)
        birth_row.addWidget(self.age)
        birth_row.addStretch(1)
        fields.add_row("birth_date", FIELD_LABELS["birth_date"], birth)
        fields.bind("birth_date", self.birth_date)
        self.birth_date.textChanged.connect(self._update_age)

        sex = CodeCombo()
        sex.set_items(SEX_CHOICES.items())
        sex.setMinimumContentsLength(12)
        fields.add_row("sex", FIELD_LABELS["sex"], natural_width(sex))
        fields.bind("sex", sex)
        snils = MaskedField("000-000-000 00;_")
        snils.setMaximumWidth(150)
        fields.add_row("snils", FIELD_LABELS["snils"], natural_width(snils),
                       hint=self.tr("11 digits; must not repeat another member's"))
        fields.bind("snils", snils)
        self.category = CodeCombo()
        fields.add("category", self.category, FIELD_LABELS["category"])
        fields.place(form, *GENERAL_FIELDS)

        layout.addWidget(self._consent_box())
        layout.addStretch(1)

    # -- consent --------------------------------------------------------------------------------

    def _consent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consent to personal data processing"))
        column = QVBoxLayout(box)
        self.consent = QCheckBox()
        self.consent.setObjectName("consentCheck")
        text = ClickableLabel(self.tr(
            "In accordance with Federal Law No. 152-FZ \u201cOn Personal Data\u201d, I give my "
            "consent to the processing of my personal data"
        ))
        text.setWordWrap(True)
        text.clicked.connect(self.consent.click)
        line_widget = QWidget()
        line = QHBoxLayout(line_widget)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.consent, 0)
        line.addWidget(text, 1)
        self._fields.add_row(CONSENT_GIVEN, "", line_widget)
        self._fields.bind(CONSENT_GIVEN, self.consent)
        column.addWidget(self._fields.row_widgets(CONSENT_GIVEN)[1])

        form = form_layout()
        self.signed_on = DateField()
        self._fields.add_row(CONSENT_SIGNED_ON, self.tr("Signed on"), natural_width(self.signed_on))
        self._fields.bind(CONSENT_SIGNED_ON, self.signed_on)
        # Shown when a live consent is unticked: the day the written revocation arrived.
        self.revoked_on = DateField()
        self._fields.add_row(CONSENT_REVOKED_ON, self.tr("Revoked on"),
                             natural_width(self.revoked_on),
                             hint=self.tr("The day the member's written revocation arrived"))
        self._fields.bind(CONSENT_REVOKED_ON, self.revoked_on)
        self._fields.place(form, CONSENT_SIGNED_ON, CONSENT_REVOKED_ON)
        column.addLayout(form)
        self.consent_info = small_label("", HINT_COLOR)
        column.addWidget(self.consent_info)
        self.revoke_warning = small_label(self.tr(
            "Unticking the box records that the member has revoked the consent: PROFCARDS gets "
            "a withdrawal with the next daily feed, and 30 days after the revocation the "
            "phone, e-mail and address (and the SNILS of a member no longer on the register) "
            "are erased everywhere."), WARNING_COLOR)
        self.revoke_warning.hide()
        column.addWidget(self.revoke_warning)
        column.addWidget(small_label(self.tr(
            "Tick the box after the member has signed the paper consent form; the signed "
            "paper is kept by the union committee."), HINT_COLOR))
        self.consent.toggled.connect(self._consent_toggled)
        return box

    def set_consent_info(self, consent: ConsentInfo) -> None:
        """Show what is on record about the member's consent (after loading or saving)."""
        self._consent = consent
        parts = []
        if consent.template_version:
            parts.append(self.tr("Consent form version {version}.").format(
                version=consent.template_version))
        if consent.recorded_by:
            parts.append(self.tr("Recorded by {name}.").format(name=consent.recorded_by))
        if not consent.given and consent.revoked_on:
            parts.append(self.tr("Revoked on {date}.").format(date=format_date(consent.revoked_on)))
        self.consent_info.setText(" ".join(parts))
        self.consent_info.setVisible(bool(parts))
        self._consent_toggled(self.consent.isChecked())

    def _consent_toggled(self, checked: bool) -> None:
        # A live consent keeps its date; a new tick may set it (today by default).
        self.signed_on.setReadOnly(self._consent.given)
        self.signed_on.setEnabled(checked)
        if checked and not self._consent.given and self.signed_on.is_blank():
            self._fields.set_value(CONSENT_SIGNED_ON, date.today())
        revoking = self._consent.given and not checked
        self.revoke_warning.setVisible(revoking)
        self._fields.set_row_visible(CONSENT_REVOKED_ON, revoking)
        if revoking and self.revoked_on.is_blank():
            self._fields.set_value(CONSENT_REVOKED_ON, date.today())
        elif not revoking and not self.revoked_on.is_blank():
            self._fields.set_value(CONSENT_REVOKED_ON, None)

    # -- lists and derived labels -----------------------------------------------------------------

    def set_references(self, references: References) -> None:
        self.category.set_items(references.categories)

    def _update_age(self) -> None:
        value = self.birth_date.value()
        if isinstance(value, date) and value <= date.today():
            years = age_on(value, date.today())
            self.age.setText(self.tr("%n year(s) old", "", years))
        else:
            self.age.setText("")

