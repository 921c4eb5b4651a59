"""The command registry: name → handler with its argument model, and the dispatcher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy.orm import Session

from registry.auth import now_utc
from registry.rules import Rejected
from registry.scope import Scope
from sync.protocol import Mutation, MutationResult


class Args(BaseModel):
    """Base of every command's arguments: unknown arguments are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Context:
    """What a handler works with: the push's session, the caller's scope, the mutation."""

    session: Session
    scope: Scope
    user_id: str
    mutation: Mutation
    now: datetime


Handler = Callable[[Context, Any], MutationResult]


@dataclass(frozen=True)
class Command:
    name: str
    entity: str
    args: type[Args]
    handler: Handler


COMMANDS: dict[str, Command] = {}


def command(name: str, entity: str, args: type[Args]) -> Callable[[Handler], Handler]:
    """Register ``handler`` as command ``name`` acting on rows of ``entity``."""

    def register(handler: Handler) -> Handler:
        COMMANDS[name] = Command(name, entity, args, handler)
        return handler

    return register


def _args_reason(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "аргументы"
    if first.get("type") == "extra_forbidden":
        return f"Неизвестный аргумент команды «{where[:40]}»"
    if first.get("type") == "missing":
        return f"Не указан аргумент команды «{where[:40]}»"
    return f"Неверное значение аргумента команды «{where[:40]}»"


def run_command(session: Session, scope: Scope, user_id: str, m: Mutation) -> MutationResult:
    """Dispatch one command mutation; :class:`Rejected` when it is refused."""
    raw = dict(m.fields)
    name = raw.pop("command", None)
    found = COMMANDS.get(name) if isinstance(name, str) else None
    if found is None:
        shown = name[:40] if isinstance(name, str) else ""
        raise Rejected(f"Неизвестная команда «{shown}»")
    if found.entity != m.entity:
        raise Rejected(f"Команда «{found.name}» не применяется к этому типу записи")
    try:
        args = found.args.model_validate(raw)
    except ValidationError as exc:
        raise Rejected(_args_reason(exc)) from exc
    return found.handler(Context(session, scope, user_id, m, now_utc()), args)
