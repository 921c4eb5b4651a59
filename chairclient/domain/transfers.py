"""When a member may leave one organisation for another: the sending side must agree.

A chair of the receiving organisation never takes a member on their own. The sending side
agrees in one of two ways:

* its chair marks «переход в другую ППО» (``transfer_out``): for :data:`TRANSFER_WINDOW_DAYS`
  days from the date of that mark, any organisation that found the member by a lookup may
  accept them (``transfer_in``). The window keeps a forgotten mark from leaving a member
  open to anyone for years; after it the sender restores the member or marks again.
* the receiving chair files a transfer request, and the sending chair (or, when that chair
  does not act, any organisation above the sender) accepts it.

A user who has both organisations in scope (a territorial chair moving a member between two
of its own schools) agrees as the sender.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

#: How long a «переход в другую ППО» mark lets another organisation accept the member.
TRANSFER_WINDOW_DAYS = 60
#: Command names (``Mutation.fields["command"]``) of the transfer-request flow.
REQUEST_TRANSFER = "request_transfer"
DECIDE_TRANSFER = "decide_transfer"
WITHDRAW_TRANSFER = "withdraw_transfer"
#: Decisions of the sending side.
ACCEPT, DECLINE = "accept", "decline"
#: Longest comment of a request or a decision.
MAX_COMMENT = 1000

_TRANSFER_REASON = "transfer"


def marked_for_transfer(
    status: str, removal_reason: str | None, removed_on: date | None, today: date
) -> bool:
    """The sender marked the member as leaving by transfer, and the mark is still open."""
    return (
        status == "removed" and removal_reason == _TRANSFER_REASON and removed_on is not None
        and today - removed_on <= timedelta(days=TRANSFER_WINDOW_DAYS)
    )


def may_request(status: str) -> bool:
    """A transfer request is for a member on the register (a marked one is simply accepted)."""
    return status == "active"


def org_label(name: str, code: str) -> str:
    """How an organisation is named to someone outside it: «short name» (code)."""
    return f"«{name}» ({code})" if code else f"«{name}»"


def not_agreed(org: str) -> str:
    """The answer to a receiver who tries to take a member the sender has not let go."""
    return (f"Организация {org} не отметила переход этого члена Профсоюза в другую ППО: "
            "направьте ей запрос на перевод («Запросить перевод»)")


def mark_expired(org: str) -> str:
    return (f"Отметка организации {org} о переходе в другую ППО старше "
            f"{TRANSFER_WINDOW_DAYS} дней: направьте запрос на перевод")


_SENDER_COPY_NS = uuid.UUID("5d0f2a7e-3c91-4b6e-8f14-9a2c7e1b3d55")


def sender_copy_id(request_id: str) -> str:
    """The id of the sending organisation's copy of request ``request_id`` (both sides derive
    it, so the receiver's client never needs to be told it)."""
    return str(uuid.uuid5(_SENDER_COPY_NS, request_id))


def person_label(last_name: str, first_name: str, patronymic: str | None) -> str:
    return " ".join(part for part in (last_name, first_name, patronymic or "") if part)
