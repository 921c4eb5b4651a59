"""Lifecycle commands (removal, restoration, category change, transfers, ЭПБ, closing an
organisation): server-side state machines.

A command arrives as a pushed mutation with ``op == "command"`` and ``fields = {"command": name,
**args}``. :func:`run_command` finds the handler, validates the arguments, checks the scope and
the state machine, and writes the rows, history event, change-log entries and audit rows inside
the push's transaction. Any refusal raises :class:`registry.rules.Rejected`.
"""

from __future__ import annotations

from registry.commands import cards as _cards  # noqa: F401  (registers handlers)
from registry.commands import closure as _closure  # noqa: F401  (registers handlers)
from registry.commands import membership as _membership  # noqa: F401  (registers handlers)
from registry.commands import transfer as _transfer  # noqa: F401  (registers handlers)
from registry.commands import transfer_requests as _requests  # noqa: F401  (registers handlers)
from registry.commands.base import COMMANDS, run_command
from registry.commands.guard import check_create, check_delete, check_not_lifecycle

__all__ = ["COMMANDS", "check_create", "check_delete", "check_not_lifecycle", "run_command"]
