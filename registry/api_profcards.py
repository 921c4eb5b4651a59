"""``/api/v1/profcards``: the PROFCARDS operator reads the daily feeds (read-only).

Only a user with a ``profcards`` position (``python -m registry create-user --role profcards``)
may read; every other account gets 403. Feeds are made by ``python -m registry profcards-feed``;
the API returns exactly what was recorded for a date.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from registry import profcards
from registry.deps import PASSWORD_CHANGE_REQUIRED, ReadyUser, RegistryDep
from registry.errors import INVALID_REQUEST, error_doc
from registry.models import user_positions

router = APIRouter(prefix="/api/v1/profcards", tags=["profcards"])

ROLE = "profcards"
FORBIDDEN = "Выгрузка PROFCARDS доступна только учётной записи оператора PROFCARDS"
_ERRORS: dict[int | str, dict] = {
    401: error_doc("Требуется вход"),
    403: error_doc(FORBIDDEN),
}
_EXAMPLE_LINE = {
    "action": "add", "member_id": "0b7d3c1e-5f2a-4c8e-9d6b-2a1f0e3c4b5d",
    "last_name": "Иванова", "first_name": "Анна", "patronymic": "Петровна",
    "card_number": "9643000000000012", "email": "ivanova@example.ru", "phone": "+79161234567",
    "region": "Нижегородская областная организация", "reason": "",
}


class FeedLine(BaseModel):
    """One member: ``add`` (consent recorded), ``update`` (already sent; the card number is
    new) or ``withdraw`` (``reason``: consent_revoked or member_removed; contacts are not sent
    again)."""

    action: Literal["add", "update", "withdraw"]
    member_id: str
    last_name: str
    first_name: str
    patronymic: str
    card_number: str
    email: str
    phone: str
    region: str
    reason: Literal["", "consent_revoked", "member_removed"]


class FeedResponse(BaseModel):
    feed_date: date
    added: list[FeedLine]
    updated: list[FeedLine] = []
    withdrawn: list[FeedLine]

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "feed_date": "2026-12-04", "added": [_EXAMPLE_LINE],
        "updated": [{**_EXAMPLE_LINE, "action": "update"}],
        "withdrawn": [{**_EXAMPLE_LINE, "action": "withdraw", "card_number": "", "email": "",
                       "phone": "", "reason": "consent_revoked"}],
    }]})


class FeedList(BaseModel):
    dates: list[date]

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"dates": ["2026-12-03", "2026-12-04"]}
    ]})


def _operator(user: ReadyUser, registry: RegistryDep) -> None:
    with registry.db.read() as session:
        found = session.scalar(select(user_positions.c.id).where(
            user_positions.c.user_id == user.id, user_positions.c.role == ROLE).limit(1))
    if found is None:
        raise HTTPException(403, detail=FORBIDDEN)


@router.get("/feeds", response_model=FeedList,
            responses={**_ERRORS, 403: error_doc(f"{FORBIDDEN} (или {PASSWORD_CHANGE_REQUIRED})")})
def list_feeds(user: ReadyUser, registry: RegistryDep) -> FeedList:
    """The dates for which a feed was recorded, oldest first."""
    _operator(user, registry)
    with registry.db.read() as session:
        return FeedList(dates=profcards.feed_dates(session))


@router.get(
    "/feed/{feed_date}", response_model=FeedResponse,
    responses={**_ERRORS, 404: error_doc("Выгрузка за 04.12.2026 не сформирована"),
               422: error_doc(INVALID_REQUEST)},
)
def get_feed(feed_date: date, user: ReadyUser, registry: RegistryDep) -> FeedResponse:
    """The feed recorded for ``feed_date`` (YYYY-MM-DD): members added, card numbers updated,
    withdrawals — exactly the content of that day's ``profcards-YYYY-MM-DD.json``."""
    _operator(user, registry)
    with registry.db.read() as session:
        feed = profcards.stored_feed(session, feed_date)
    if feed is None:
        raise HTTPException(404, detail=f"Выгрузка за {feed_date:%d.%m.%Y} не сформирована")
    return FeedResponse.model_validate(profcards.feed_json(feed))
