"""What the bulk actions say: results with Russian plural forms, the Отменить item, reasons."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject

from chairclient.services import bulk, roles
from chairclient.services.bulk_lifecycle import REMOVAL, RESTORATION
from chairclient.services.card_requests import ADD_TO_REQUEST, REMOVE_FROM_REQUEST
from chairclient.services.card_submit import SUBMIT
from chairclient.services.steps import BulkResult
from chairclient.services.undo import CHANGED, GONE, SENT, UPDATED

#: Reasons listed in the result message; the rest are in «Подробнее».
SHOWN_REASONS = 4
#: Skipped members listed by name in «Подробнее».
LISTED_NAMES = 500


class BulkTexts(QObject):
    """Texts only (``self.tr`` needs a QObject); not to be subclassed."""

    def done(self, action: str, count: int) -> str:
        """«Отмечено согласие у 12 членов Профсоюза» …"""
        if count == 0:
            return self.tr("Nothing was changed")
        if action == bulk.CONSENT:
            return self.tr("Consent marked for %n union member(s)", "", count)
        if action == ADD_TO_REQUEST:
            return self.tr("%n union member(s) added to the card request", "", count)
        if action == bulk.CARDS_RECEIVED:
            return self.tr("Card status RECEIVED set for %n union member(s)", "", count)
        if action == bulk.CARDS_ISSUED:
            return self.tr("Card status ISSUED set for %n union member(s)", "", count)
        if action == bulk.CARDS_SHIPPED:
            return self.tr("Card status SHIPPED TO REGION set for %n union member(s)", "",
                           count)
        if action == bulk.CARDS_BROKEN:
            return self.tr("Card marked lost or damaged for %n union member(s)", "", count)
        if action == REMOVE_FROM_REQUEST:
            return self.tr("%n union member(s) removed from the card request", "", count)
        if action == SUBMIT:
            return self.tr("The request for %n card(s) is submitted", "", count)
        if action == bulk.CATEGORY:
            return self.tr("Category changed for %n union member(s)", "", count)
        if action == REMOVAL:
            return self.tr("%n union member(s) removed from the register", "", count)
        if action == RESTORATION:
            return self.tr("%n union member(s) restored on the register", "", count)
        if action == roles.APPOINT:
            return self.tr("%n union member(s) appointed to the office", "", count)
        if action == roles.END:
            return self.tr("The office is ended")
        if action == roles.DELETE:
            return self.tr("The mistaken office entry is deleted")
        return self.tr("Changed: %n union member(s)", "", count)

    def result(self, result: BulkResult) -> str:
        """The whole sentence: what was done; how many were skipped and why."""
        text = self.done(result.action, len(result.done))
        if result.skipped:
            reasons = Counter(s.reason for s in result.skipped).most_common()
            shown = "; ".join(f"{reason} — {count}" for reason, count in
                              reasons[:SHOWN_REASONS])
            if len(reasons) > SHOWN_REASONS:
                shown += "; …"
            text += "; " + self.tr("%n skipped", "", len(result.skipped)) + ": " + shown
        return text + "."

    def details(self, result: BulkResult) -> str:
        """«Подробнее»: every skipped member (up to :data:`LISTED_NAMES`) with the reason."""
        lines = [f"{s.name or s.member_id} — {s.reason}" for s in result.skipped[:LISTED_NAMES]]
        more = len(result.skipped) - LISTED_NAMES
        if more > 0:
            lines.append(self.tr("… and %n more", "", more))
        return "\n".join(lines)

    def undo_text(self, action: str | None, count: int) -> str:
        """The Правка menu item: «Отменить: согласие у 12 членов Профсоюза»."""
        if action is None:
            return self.tr("&Undo")
        if action == bulk.CONSENT:
            return self.tr("&Undo: consent for %n union member(s)", "", count)
        if action == ADD_TO_REQUEST:
            return self.tr("&Undo: %n union member(s) added to the card request", "", count)
        if action == bulk.CARDS_RECEIVED:
            return self.tr("&Undo: RECEIVED for %n union member(s)", "", count)
        if action == bulk.CARDS_ISSUED:
            return self.tr("&Undo: ISSUED for %n union member(s)", "", count)
        if action == bulk.CARDS_SHIPPED:
            return self.tr("&Undo: SHIPPED TO REGION for %n union member(s)", "", count)
        if action == bulk.CARDS_BROKEN:
            return self.tr("&Undo: lost or damaged for %n union member(s)", "", count)
        if action == REMOVE_FROM_REQUEST:
            return self.tr("&Undo: %n union member(s) removed from the card request", "",
                           count)
        if action == SUBMIT:
            return self.tr("&Undo: submitting the request for %n card(s)", "", count)
        if action == bulk.CATEGORY:
            return self.tr("&Undo: category change for %n union member(s)", "", count)
        if action == REMOVAL:
            return self.tr("&Undo: removal of %n union member(s) from the register", "", count)
        if action == RESTORATION:
            return self.tr("&Undo: restoration of %n union member(s)", "", count)
        if action == roles.APPOINT:
            return self.tr("&Undo: appointment of %n union member(s) to the office", "", count)
        if action == roles.END:
            return self.tr("&Undo: the end of the office")
        if action == roles.DELETE:
            return self.tr("&Undo: deleting the office entry")
        return self.tr("&Undo the last action")

    def undone(self, action: str, count: int) -> str:
        """«Отменено: отмечено согласие у 12 членов Профсоюза»."""
        done = self.done(action, count)
        return self.tr("Undone: %1").replace("%1", done[:1].lower() + done[1:])

    def why_not(self, code: str | None) -> str:
        """Tooltip of a disabled Отменить."""
        if code == SENT:
            return self.tr("This action has already been sent to the registry during "
                           "synchronisation and can no longer be undone.")
        if code == CHANGED:
            return self.tr("The same records were changed again after this action, so it can "
                           "no longer be undone.")
        if code == UPDATED:
            return self.tr("The registry has changed these records since, so the action can no "
                           "longer be undone.")
        if code == GONE:
            return self.tr("There is no action to undo.")
        if code == "sync":
            return self.tr("Synchronisation is running; wait until it ends.")
        if code == "busy":
            return self.tr("An action on the selected members is still running.")
        return self.tr("There is no action to undo.")

    def failed(self) -> str:
        return self.tr("The action could not be completed; nothing was changed.")
