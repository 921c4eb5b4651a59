"""Pure domain rules (no database, no Qt, no I/O), shared by the client and the registry."""
