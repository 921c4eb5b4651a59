"""Alembic environment of the registry: the engine comes from ``config.attributes``."""

from alembic import context
from sqlalchemy import create_engine

from registry.models import server_metadata

config = context.config
target_metadata = server_metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # the alembic command line, for autogenerate during development
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///reg.sqlite")
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
