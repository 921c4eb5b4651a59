"""Pure domain rules (no database, no I/O), shared by the client and the registry."""
