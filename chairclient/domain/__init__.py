"""Pure domain rules (no database, no Qt): shared by the client and the registry."""
