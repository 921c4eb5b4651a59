"""Server tables in their own metadata: the synced entity tables copied from the client's domain
models, the reference lists, and the registry's own tables (users, tokens, change log, audit).

Client-derived member columns (``MEMBER_DERIVED_COLUMNS``) and ``search_text`` exist in the copied
tables with their defaults but are never read from or sent over the wire.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from chairclient.db.base import NAMING
from chairclient.db.models import MEMBER_DERIVED_COLUMNS, REFERENCE_MODELS, SYNCED_MODELS, Synced

server_metadata = MetaData(naming_convention=NAMING)

for _ref in REFERENCE_MODELS.values():
    _ref.__table__.to_metadata(server_metadata)

#: Wire entity name → server table.
ENTITY_TABLES: dict[str, Table] = {
    name: model.__table__.to_metadata(server_metadata) for name, model in SYNCED_MODELS.items()
}

#: Columns never sent over the wire nor accepted from it.
LOCAL_ONLY_COLUMNS = frozenset(MEMBER_DERIVED_COLUMNS | {"search_text"})
#: Bookkeeping columns the server owns; a mutation may not set them.
SYSTEM_COLUMNS = frozenset(Synced.SYSTEM_COLUMNS)

#: ``profcards``: the PROFCARDS operator's account, which only reads the feed (no sync scope).
ROLES = ("admin", "regional", "territorial", "primary", "profcards")

users = Table(
    "users",
    server_metadata,
    Column("id", String(36), primary_key=True),
    Column("login", String(100), nullable=False, unique=True),
    Column("full_name", String(300), nullable=False, default=""),
    Column("password_hash", String(300), nullable=False),
    Column("must_change_password", Boolean, nullable=False, default=True),
    #: Wrong passwords since the last successful sign-in, from any source (shown to managers;
    #: what locks is counted per source in ``sign_in_failures``).
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("active", Boolean, nullable=False, default=True),
    #: Bumped on a password change or reset: older access tokens stop working.
    Column("token_generation", Integer, nullable=False, default=0),
    Column("created_at", DateTime, nullable=False),
    Column("password_changed_at", DateTime),
    Column("last_sign_in_at", DateTime),
)

user_positions = Table(
    "user_positions",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(36), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("org_id", String(36), ForeignKey("organisations.id"), nullable=False),
    Column("role", String(12), nullable=False),
    UniqueConstraint("user_id", "org_id", "role", name="uq_user_positions_user_org_role"),
    Index("ix_user_positions_user_id", "user_id"),
)

refresh_tokens = Table(
    "refresh_tokens",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", String(36), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    #: Every token rotated from one login shares the family; reuse of a revoked one kills it.
    Column("family_id", String(36), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
)

#: Wrong passwords counted per ``kind``: ``pair`` (a login from one source address: five lock
#: that pair only) and ``source`` (an address, whatever logins it tries: a spent budget delays
#: the address, ``strikes`` doubling the wait). ``login`` is '' for a source row. See
#: :mod:`registry.throttle`.
sign_in_failures = Table(
    "sign_in_failures",
    server_metadata,
    Column("kind", String(6), primary_key=True),
    Column("login", String(100), primary_key=True),
    Column("source", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("window_start", DateTime, nullable=False, index=True),
    Column("blocked_until", DateTime),
    Column("strikes", Integer, nullable=False),
)

#: The rate of password attempts per source address: the theoretical arrival time (epoch
#: seconds) of a generic cell-rate limit (:mod:`registry.throttle`).
sign_in_rate = Table(
    "sign_in_rate",
    server_metadata,
    Column("source", String(64), primary_key=True),
    Column("tat", Float, nullable=False),
)

#: Compacted change log: one entry per (entity, row, organisation), re-numbered on every change.
#: A row that left an organisation keeps a tombstone entry there.
change_log = Table(
    "change_log",
    server_metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("org_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("tombstone", Boolean, nullable=False, default=False),
    Column("changed_at", DateTime, nullable=False),
    UniqueConstraint("entity", "entity_id", "org_id", name="uq_change_log_entity_row_org"),
    Index("ix_change_log_org_seq", "org_id", "seq"),
)

#: Small key → integer state: the change sequence counter and the tombstone horizon.
server_counters = Table(
    "server_counters",
    server_metadata,
    Column("key", String(40), primary_key=True),
    Column("value", BigInteger().with_variant(Integer, "sqlite"), nullable=False),
)

#: Key → text settings (the token signing secret when REGISTRY_SECRET is not set).
server_settings = Table(
    "server_settings",
    server_metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

applied_mutations = Table(
    "applied_mutations",
    server_metadata,
    Column("mutation_id", String(36), primary_key=True),
    Column("user_id", String(36), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("status", String(10), nullable=False),
    #: The MutationResult as first answered (JSON), repeated for a duplicate.
    Column("result", JSON, nullable=False),
    Column("applied_at", DateTime, nullable=False),
)

conflicts = Table(
    "conflicts",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mutation_id", String(36), nullable=False, index=True),
    Column("user_id", String(36), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(36), nullable=False, index=True),
    Column("org_id", String(36), nullable=False),
    Column("field", String(60), nullable=False),
    Column("base_value", JSON),
    Column("mine_value", JSON),
    Column("server_value", JSON),
    Column("created_at", DateTime, nullable=False),
    Column("resolved_at", DateTime),
)

audit_history = Table(
    "audit_history",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("user_id", String(36), nullable=False),
    Column("mutation_id", String(36)),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("org_id", String(36), nullable=False),
    #: 'create', 'update', 'delete'; 'erase' (pd-erasure: the field only, no values)
    Column("op", String(10), nullable=False),
    Column("field", String(60)),
    Column("old_value", JSON),
    Column("new_value", JSON),
    Index("ix_audit_history_entity_row", "entity", "entity_id"),
)

organisations = ENTITY_TABLES["organisation"]
members = ENTITY_TABLES["member"]

#: Whole-registry lookups of a person (``/api/v1/members/lookup``): one row per member found,
#: one with ``member_id`` NULL for a query that found nobody. Who looked up whom and when (the
#: query itself is not kept); also the rate limit and the proof a transfer_in was looked up.
member_lookups = Table(
    "member_lookups",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("user_id", String(36), nullable=False),
    #: 'snils' or 'name_birth_date' (first row of a query), 'found' (its further matches)
    Column("kind", String(20), nullable=False),
    Column("member_id", String(36)),
    Column("org_id", String(36)),
    Index("ix_member_lookups_user_at", "user_id", "at"),
    Index("ix_member_lookups_member_user", "member_id", "user_id"),
)

#: The handles a lookup answered (:mod:`registry.lookup_handles`): opaque random tokens, kept
#: only as their SHA-256, each bound to the user who asked, the member found, the organisation
#: they were in and an expiry. A ``transfer_in`` or a transfer request names its member by one.
lookup_handles = Table(
    "lookup_handles",
    server_metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(36), nullable=False),
    Column("member_id", String(36), nullable=False),
    Column("org_id", String(36), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False, index=True),
)

#: Lookups by surname + first name + birth date start from the birth date.
Index("ix_members_birth_date", members.c.birth_date)


# The ЭПБ batches and PROFCARDS tables live in the same metadata (migrations, dumps).
from registry import models_cards as _models_cards  # noqa: E402,F401
