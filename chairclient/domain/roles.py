"""Roles of a user's positions (DOMAIN.md, «Who uses it»)."""

from __future__ import annotations

#: Roles whose position covers the organisation and everything below it (a territorial or
#: regional chair, regional staff, the administrator); a primary chair holds their own only.
ELEVATED_ROLES = frozenset({"admin", "regional", "territorial"})
ADMIN = "admin"
