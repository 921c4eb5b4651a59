"""Central registry server: auth, scope, sync endpoints, audit (FastAPI, SQLAlchemy, Alembic)."""
