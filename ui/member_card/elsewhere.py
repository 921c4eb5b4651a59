"""Before a new card is saved: is this person already on record?

Two checks, both warnings the chair decides on (the registry itself refuses only a second card
on the register with the same СНИЛС):

* without a СНИЛС, cards in this database with the same surname, name, patronymic and birth
  date (:func:`chairclient.queries.duplicates.namesakes`);
* online, the union registry's lookup: a person on the register in another organisation is
  offered «Запросить перевод» instead of a new card.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from chairclient.queries.duplicates import namesakes
from chairclient.validation import is_valid_snils, normalise_snils
from sync.protocol_lookup import LookupMatch
from ui.operations import Operations

log = logging.getLogger(__name__)

#: Finds a person in the registry (the transfer actions' client); raises when offline.
FindInRegistry = Callable[..., list[LookupMatch]]
#: Opens «Принять переводом» searching for a query.
RequestTransfer = Callable[[dict[str, object]], object]


@dataclass
class Found:
    """What the checks found: lines to show; whether the СНИЛС is on the register elsewhere
    (then the registry would refuse the card); the query to request a transfer with."""

    lines: list[str] = field(default_factory=list)
    elsewhere: bool = False
    snils_elsewhere: bool = False
    query: dict[str, object] | None = None


def query_of(values: dict[str, Any]) -> dict[str, object] | None:
    try:
        snils = normalise_snils(values.get("snils") or "")
    except ValueError:
        snils = ""
    if snils and is_valid_snils(snils):
        return {"snils": snils}
    born = values.get("birth_date")
    if values.get("last_name") and values.get("first_name") and isinstance(born, date):
        return {"last_name": values["last_name"], "first_name": values["first_name"],
                "birth_date": born}
    return None


class PersonCheck:
    """Runs both checks off the UI thread and asks the chair what to do."""

    def __init__(self, operations: Operations, find: FindInRegistry | None,
                 request: RequestTransfer | None) -> None:
        self._ops, self._find, self._request = operations, find, request

    def run(self, values: dict[str, Any], done: Callable[[Found], None]) -> None:
        query = query_of(values)
        by_snils = query is not None and "snils" in query
        found = Found(query=query)

        def registry_checked(matches: list[LookupMatch]) -> None:
            for match in matches:
                if match.in_scope:
                    continue
                where = f"«{match.org_name}» ({match.org_code})"
                if match.requestable or match.transferable:
                    line = QCoreApplication.translate(
                        "PersonCheck", "On the register in the organisation %1 (union registry)")
                    found.lines.append(line.replace("%1", where))
                    found.elsewhere = True
                    found.snils_elsewhere |= by_snils and match.requestable
            done(found)

        def registry_failed(exc: BaseException) -> None:
            log.info("registry check of a new card skipped: %s", type(exc).__name__)
            done(found)

        def local_checked(lines: list[str]) -> None:
            found.lines.extend(lines)
            if self._find is None or query is None:
                done(found)
                return
            find = self._find
            self._ops.long(lambda _context: find(**query), registry_checked, registry_failed)

        if by_snils:
            local_checked([])
        else:
            self._ops.read(lambda session: namesakes(session, values), local_checked,
                           lambda _exc: local_checked([]))

    def ask(self, parent: QWidget, found: Found, on_save: Callable[[], None]) -> QMessageBox:
        """The question (window-modal, not blocking): save anyway, request a transfer, or go
        back to the card. Returned for tests."""
        box = QMessageBox(parent)
        box.setObjectName("personCheckBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("PersonCheck", "Possible duplicate"))
        box.setText(QCoreApplication.translate(
            "PersonCheck", "This person may already be on record:") + "\n" +
                    "\n".join(f"• {line}" for line in found.lines))
        role = QMessageBox.ButtonRole
        save = None
        if found.snils_elsewhere:
            box.setInformativeText(QCoreApplication.translate(
                "PersonCheck", "One person is on the register in one organisation only: "
                "request a transfer from that organisation."))
        else:
            save = box.addButton(QCoreApplication.translate("PersonCheck", "Save anyway"),
                                 role.AcceptRole)
        request = None
        if self._request is not None and found.query is not None and found.elsewhere:
            request = box.addButton(
                QCoreApplication.translate("PersonCheck", "Request a transfer…"),
                role.ActionRole)
        box.addButton(QCoreApplication.translate("PersonCheck", "Back to the card"),
                      role.RejectRole)
        wanted, ask_for = self._request, found.query

        def finished() -> None:
            clicked = box.clickedButton()
            box.deleteLater()
            if save is not None and clicked is save:
                on_save()
            elif request is not None and clicked is request and wanted and ask_for:
                wanted(ask_for)

        box.finished.connect(finished)
        box.open()
        return box
