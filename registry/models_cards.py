"""Registry-only tables of the ЭПБ issue: production batches and the PROFCARDS feed record.

Card rows themselves are the synced ``cards`` table; a batch is the registry's record of one
processing date (``card_requests.batch_id`` points at it). ``profcards_sent`` keeps every line
ever handed to PROFCARDS, so a member is neither sent twice nor skipped.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, Index, Integer, String, Table

from registry.models import server_metadata

card_batches = Table(
    "card_batches",
    server_metadata,
    Column("id", String(36), primary_key=True),
    #: One batch per processing date: a second run for the same date finds this row.
    Column("batch_date", Date, nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("requests", Integer, nullable=False, default=0),
    Column("cards", Integer, nullable=False, default=0),
)

profcards_feeds = Table(
    "profcards_feeds",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("feed_date", Date, nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("added", Integer, nullable=False, default=0),
    Column("withdrawn", Integer, nullable=False, default=0),
)

profcards_sent = Table(
    "profcards_sent",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("feed_date", Date, nullable=False),
    Column("member_id", String(36), nullable=False),
    #: 'add' or 'withdraw'
    Column("kind", String(10), nullable=False),
    #: The line exactly as sent (what the files and the API show for this date).
    Column("line", JSON, nullable=False),
    Index("ix_profcards_sent_feed_date", "feed_date"),
    Index("ix_profcards_sent_member", "member_id", "id"),
)
