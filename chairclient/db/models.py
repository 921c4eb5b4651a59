"""All models in one import, so ``Base.metadata`` is complete for Alembic and tests."""

from chairclient.db.base import Base, Synced, new_id, utcnow
from chairclient.db.models_cards import (
    CARD_PRIORITY,
    CARD_STATUSES,
    LIVE_CARD_STATUSES,
    Card,
    CardRequest,
    CardStatusChange,
)
from chairclient.db.models_member import (
    MEMBER_DERIVED_COLUMNS,
    SERVER_SET_CONSENT_COLUMNS,
    Consent,
    Member,
    MemberRole,
    MembershipEvent,
)
from chairclient.db.models_org import KINDS, LEVELS, Organisation, OrganisationNameChange
from chairclient.db.models_ref import REFERENCE_MODELS
from chairclient.db.models_sync import OutboxEntry, SyncedRowCount, SyncState, UndoStep
from chairclient.db.models_transfer import REQUEST_STATES, TransferRequest

#: Tables whose rows are synchronised, by the entity name used on the wire and in the outbox.
SYNCED_MODELS: dict[str, type[Synced]] = {
    "organisation": Organisation,
    "organisation_name_change": OrganisationNameChange,
    "member": Member,
    "membership_event": MembershipEvent,
    "consent": Consent,
    "member_role": MemberRole,
    "card": Card,
    "card_status_change": CardStatusChange,
    "card_request": CardRequest,
    "transfer_request": TransferRequest,
}

__all__ = [
    "Base",
    "CARD_PRIORITY",
    "CARD_STATUSES",
    "Card",
    "CardRequest",
    "CardStatusChange",
    "Consent",
    "KINDS",
    "LEVELS",
    "LIVE_CARD_STATUSES",
    "MEMBER_DERIVED_COLUMNS",
    "Member",
    "MemberRole",
    "MembershipEvent",
    "Organisation",
    "OrganisationNameChange",
    "OutboxEntry",
    "REFERENCE_MODELS",
    "REQUEST_STATES",
    "SERVER_SET_CONSENT_COLUMNS",
    "SYNCED_MODELS",
    "SyncState",
    "SyncedRowCount",
    "Synced",
    "TransferRequest",
    "UndoStep",
    "new_id",
    "utcnow",
]
