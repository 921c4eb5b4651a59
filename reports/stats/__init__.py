"""Statistics computed from cards and membership history (no Excel, no Qt)."""
