"""``/api/v1/members``: looking a person up across the whole registry (see :mod:`lookup`)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from registry import lookup as lookup_module
from registry.auth import now_utc
from registry.deps import ReadyUser, RegistryDep
from registry.scope import compute_scope
from sync.protocol import ErrorResponse
from sync.protocol_lookup import LookupRequest, LookupResponse

NOT_FOR_YOU = ("Поиск в реестре доступен только председателям и аппаратам профсоюзных "
               "организаций")

router = APIRouter(prefix="/api/v1/members", tags=["members"])


def _error(example: str) -> dict:
    return {"model": ErrorResponse,
            "content": {"application/json": {"example": {"detail": example}}}}


_ERRORS = {
    400: _error("Запрос № 1: неверная контрольная сумма СНИЛС"),
    401: _error("Требуется вход"),
    403: _error("Поиск в реестре доступен только председателям и аппаратам профсоюзных "
                "организаций"),
    422: _error("Неверный формат запроса"),
    429: _error("Слишком много запросов поиска в реестре: не более 3000 человек в час. "
                "Повторите позже"),
}


@router.post("/lookup", response_model=LookupResponse, responses=_ERRORS)
def lookup(body: LookupRequest, user: ReadyUser, registry: RegistryDep) -> LookupResponse:
    """Is this person a union member anywhere in the registry, and where?

    Each query gives a СНИЛС, or a surname + first name + birth date (case and ё/е do not
    matter). The search covers **every** organisation, not only the caller's scope, so a match
    says only where the member is registered (organisation id, short name and registry code),
    whether they are already within the caller's scope, whether they may be accepted now
    (``transferable``: the sending organisation marked the transfer) or only requested
    (``requestable``). ``handle`` is an opaque token, good for this user for a day: the
    ``entity_id`` of a ``transfer_in`` command or the ``handle`` of a ``request_transfer``.
    No other data about the person is returned.

    Only chairs and staff of the organisation tree may search (403 otherwise, e.g. the
    PROFCARDS operator). Every query is recorded (who, when, whom it found — not what was
    typed). Each user may ask about a limited number of people per hour and per day (429
    beyond it). An unusable query (a СНИЛС with a wrong check sum, a name without a birth
    date) is 400.
    """
    try:
        people = [lookup_module.parse_query(n, q) for n, q in enumerate(body.queries, 1)]
    except lookup_module.BadQuery as exc:
        raise HTTPException(400, detail=str(exc)) from exc
    now = now_utc()
    refused: lookup_module.TooManyLookups | None = None
    with registry.db.write() as session:
        scope = compute_scope(session, user.id)
        if not lookup_module.may_search(scope):
            raise HTTPException(403, detail=NOT_FOR_YOU)
        try:
            lookup_module.check_allowance(session, user.id, len(people), now)
        except lookup_module.TooManyLookups as exc:
            refused = exc
        else:
            results, found = lookup_module.find(session, scope, people, now)
            lookup_module.audit(session, user.id, people, results, found, now)
    if refused is not None:
        raise HTTPException(429, detail=str(refused),
                            headers={"Retry-After": str(refused.retry_after)})
    return LookupResponse(results=results)
