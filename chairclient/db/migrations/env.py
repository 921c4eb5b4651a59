"""Alembic environment: the engine comes from ``config.attributes`` (see chairclient.db.migrate)."""

from alembic import context
from sqlalchemy import create_engine

from chairclient.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # the alembic command line, for autogenerate during development
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite")
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things in place
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
