"""Read-only loading of what the documents and reports print (a SQLAlchemy Session in, plain
dataclasses out; nothing here flushes or commits)."""
