"""Named member conditions the filter row has no drop-down for (``MemberFilter.condition``).

The dashboard counts members by these conditions and the member list shows the same members
by the same SQL, so a count and the length of its list always agree. A condition is a string
key (so a filter stays hashable and can be named in the UI):

* ``missing:<field>`` — the card lacks this required field (``position`` = neither the code
  nor the text of the position), with the same category-dependent rules as
  :func:`chairclient.validation.required_member_fields`;
* ``consent_not_sent`` — a live consent (neither revoked nor deleted) on record, but none of
  the member's live consents carries ``profcards_sent_on``: the registry's daily PROFCARDS feed
  has not sent the member yet (the registry stamps the consents a feed carries; the stamp
  reaches the client with the next pull). Only members on the register are counted (the
  dashboard's tiles and their lists are of members on the register);
* ``ready_for_card`` — may enter a card request (DOMAIN.md): on the register, complete card,
  consent given, no live card;
* ``birthdays:<MM>`` — born in month ``MM`` (01–12).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, func, or_, select

from chairclient.db.models import LIVE_CARD_STATUSES, Consent, Member
from chairclient.validation.fields import MEMBER_FIELD_LABELS
from chairclient.validation.member import POSITION, required_member_fields

#: Categories with their own requirements; anything else (none, unknown) counts as ``working``.
_OWN_RULES = ("working", "student", "pensioner", "unemployed")


def _categories_requiring(field: str) -> list[str]:
    return [c for c in _OWN_RULES if field in required_member_fields({"category": c})]


#: Every required field of any category, in the order of the card's form.
REQUIRED_FIELDS: tuple[str, ...] = tuple(sorted(
    {f for c in _OWN_RULES for f in required_member_fields({"category": c})},
    key=list(MEMBER_FIELD_LABELS).index,
))


_SPACES = " \t\n\r\f\v"


def _blank(column) -> ColumnElement[bool]:
    """Empty as :func:`chairclient.validation.rules.is_empty` sees it: NULL or only spaces."""
    if column.type.python_type is str:
        return or_(column.is_(None), func.trim(column, _SPACES) == "")
    return column.is_(None)


def _field_empty(field: str) -> ColumnElement[bool]:
    if field == POSITION:
        return and_(_blank(Member.position_code), _blank(Member.position_text))
    return _blank(getattr(Member, field))


def _required(field: str) -> ColumnElement[bool] | None:
    """The member's category makes ``field`` required (None: every category does)."""
    categories = _categories_requiring(field)
    if len(categories) == len(_OWN_RULES):
        return None
    own = Member.category.in_(categories)
    if "working" in categories:  # no category or an unknown one is treated as «working»
        return or_(own, Member.category.is_(None), Member.category.not_in(_OWN_RULES))
    return own


def missing(field: str) -> ColumnElement[bool]:
    """The card lacks the required ``field``."""
    if field not in REQUIRED_FIELDS:
        raise ValueError(f"not a required member field: {field!r}")
    required = _required(field)
    empty = _field_empty(field)
    return empty if required is None else and_(required, empty)


def consent_not_sent() -> ColumnElement[bool]:
    # ``has_consent`` is the derived «has a live consent» (kept in step with the consent rows).
    # The members sent are read once (SQLite builds a temporary index of the subquery) rather
    # than probed member by member: most consented members are sent.
    sent = select(Consent.member_id).where(
        Consent.deleted.is_(False), Consent.revoked_on.is_(None),
        Consent.profcards_sent_on.is_not(None),
    )
    return and_(Member.has_consent.is_(True), Member.id.not_in(sent))


def ready_for_card() -> ColumnElement[bool]:
    return and_(
        Member.status == "active",
        Member.is_complete.is_(True),
        Member.has_consent.is_(True),
        Member.card_status.not_in(sorted(LIVE_CARD_STATUSES)),
    )


def born_in_month(month: int) -> ColumnElement[bool]:
    if not 1 <= month <= 12:
        raise ValueError(f"no such month: {month}")
    # Dates are stored as ISO text (YYYY-MM-DD) in SQLite: the month is characters 6–7.
    return func.substr(Member.birth_date, 6, 2) == f"{month:02d}"


def condition_clause(key: str) -> ColumnElement[bool]:
    """The SQL condition named ``key`` (see the module docstring); ValueError if unknown."""
    name, _, argument = key.partition(":")
    if name == "missing" and argument:
        return missing(argument)
    if name == "birthdays" and argument.isdigit():
        return born_in_month(int(argument))
    if name == "consent_not_sent" and not argument:
        return consent_not_sent()
    if name == "ready_for_card" and not argument:
        return ready_for_card()
    raise ValueError(f"unknown member condition: {key!r}")


def missing_key(field: str) -> str:
    return f"missing:{field}"


def birthdays_key(month: int) -> str:
    return f"birthdays:{month:02d}"


def all_condition_keys() -> list[str]:
    """Every condition key (months included), for tests and the UI's labels."""
    return ([missing_key(f) for f in REQUIRED_FIELDS] + ["consent_not_sent", "ready_for_card"]
            + [birthdays_key(m) for m in range(1, 13)])
