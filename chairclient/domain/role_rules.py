"""Union offices (профсоюзные должности) a member holds: the rules of a ``member_roles`` row.

The client (the card's tab, the bulk «Назначить на должность», the import) and the registry
(pushed creates and updates) judge an office with these functions; each returns the errors per
field (empty: the office may be written). An office is held in a body of the primary
organisation (профком, КРК, профгруппа, or the organisation itself for an office elected by
the general meeting), from the day of the election; ``until`` is when it ended or the end of the
term (it may lie ahead). Only a member on the register takes up an office; an office ended
keeps its dates. One person never holds the same office in the same body twice at once, and
the offices of :data:`SINGLE_HOLDER` have one holder per organisation at a time.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date

#: The bodies an office is held in: code → Russian name.
BODIES: dict[str, str] = {
    "committee": "Профсоюзный комитет (профком)",
    "revision": "Контрольно-ревизионная комиссия (КРК)",
    "group": "Профгруппа",
    "organisation": "Первичная профсоюзная организация",
    "youth": "Молодёжный совет",
}
#: Where each office of the reference list is held (an office not listed: any body).
ROLE_BODIES: dict[str, frozenset[str]] = {
    "chair": frozenset({"committee"}),
    "deputy_chair": frozenset({"committee"}),
    "treasurer": frozenset({"committee"}),
    "committee_member": frozenset({"committee"}),
    "revision_chair": frozenset({"revision"}),
    "revision_member": frozenset({"revision"}),
    "group_organiser": frozenset({"group"}),
    "safety_rep": frozenset({"organisation", "committee", "group"}),
    "youth_council": frozenset({"youth"}),
}
#: The body an office goes to when none is given.
DEFAULT_BODY: dict[str, str] = {
    "chair": "committee", "deputy_chair": "committee", "treasurer": "committee",
    "committee_member": "committee", "revision_chair": "revision",
    "revision_member": "revision", "group_organiser": "group", "safety_rep": "organisation",
    "youth_council": "youth",
}
#: Offices with one holder per organisation at a time.
SINGLE_HOLDER = frozenset({"chair", "treasurer", "revision_chair"})
CHAIR, DEPUTY = "chair", "deputy_chair"
#: Passport fields («Руководство») a primary organisation takes from its members' offices
#: once any office is recorded: read-only in the passport, refused in a pushed edit.
LEADERSHIP_FIELDS = ("chair_name", "chair_elected_on", "chair_term_until", "deputy_name",
                     "committee_count", "revision_count", "safety_reps_count")
LEADERSHIP_FROM_OFFICES = ("Председатель, заместитель и численность профкома, КРК и "
                           "уполномоченных первичной организации берутся из профсоюзных "
                           "должностей её членов (вкладка «Профсоюзные должности» карточки)")
BODY_NAME_MAX = 200


@dataclass(frozen=True)
class Office:
    """An office as the rules see it (another row of the same organisation, say)."""

    id: str
    member_id: str
    role: str
    body: str | None
    since: date | None
    until: date | None


def body_of(role: str, body: str | None) -> str | None:
    """The body the office is held in: the one given, else the office's usual one."""
    return body or DEFAULT_BODY.get(role)


def overlaps(a_since: date | None, a_until: date | None, b_since: date | None,
             b_until: date | None) -> bool:
    """Two periods (open ends: without limit) share at least a day."""
    return ((a_since is None or b_until is None or a_since <= b_until)
            and (b_since is None or a_until is None or b_since <= a_until))


def holds_on(since: date | None, until: date | None, day: date) -> bool:
    """The office is held on ``day``."""
    return (since is None or since <= day) and (until is None or until >= day)


def role_errors(
    office: Office, *, roles: Container[str], today: date, member_active: bool,
    others: Iterable[Office], body_name: str | None = None, roles_named: dict[str, str] | None
    = None,
) -> dict[str, str]:
    """What is wrong with writing ``office`` (field → Russian reason). ``roles``: the active
    codes of ``ref_union_roles``; ``member_active``: the holder is on the register;
    ``others``: the other live offices of the same organisation (only those of the same office
    can clash, so a caller may pass just those)."""
    errors: dict[str, str] = {}
    if office.role not in roles:
        errors["role"] = "Выберите должность из справочника профсоюзных должностей"
    body = body_of(office.role, office.body)
    if body is not None and body not in BODIES:
        errors["body"] = "Выберите орган из списка: профком, КРК, профгруппа …"
    elif office.role in ROLE_BODIES and body not in ROLE_BODIES[office.role]:
        allowed = ", ".join(BODIES[b] for b in sorted(ROLE_BODIES[office.role]))
        errors["body"] = f"Эта должность относится к органу: {allowed}"
    if body_name is not None and len(body_name) > BODY_NAME_MAX:
        errors["body_name"] = f"Не длиннее {BODY_NAME_MAX} символов"
    if office.since is None:
        errors["since"] = "Укажите дату избрания (назначения)"
    elif office.since > today:
        errors["since"] = "Дата избрания не может быть в будущем"
    if office.until is not None and office.since is not None and office.until < office.since:
        errors["until"] = "Дата окончания не может быть раньше даты избрания"
    if not member_active and (office.until is None or office.until >= today):
        errors.setdefault("member_id", "Должность может занимать только состоящий на учёте "
                                       "член Профсоюза: укажите дату окончания")
    names = roles_named or {}
    for other in others:
        if other.id == office.id or not overlaps(office.since, office.until, other.since,
                                                 other.until):
            continue
        same_body = body_of(other.role, other.body) == body
        if other.member_id == office.member_id and other.role == office.role and same_body:
            errors.setdefault("role", "Эту должность член Профсоюза уже занимает в этот период")
        elif other.role == office.role and office.role in SINGLE_HOLDER:
            title = names.get(office.role, office.role)
            errors.setdefault("role", f"Должность «{title}» в этот период занимает другой "
                                      "член Профсоюза: сначала укажите дату окончания его "
                                      "полномочий")
    return errors


def leadership_values(found: Leaders) -> dict[str, object]:
    """The passport's «Руководство» fields as ``found`` gives them."""
    return {"chair_name": found.chair, "chair_elected_on": found.chair_since,
            "chair_term_until": found.chair_until, "deputy_name": found.deputy,
            "committee_count": found.committee, "revision_count": found.revision,
            "safety_reps_count": found.safety}


@dataclass(frozen=True)
class Leaders:
    """The passport's «Руководство» as the current office holders give it (names by member)."""

    chair: str | None
    chair_since: date | None
    chair_until: date | None
    deputies: tuple[str, ...]
    committee: int
    revision: int
    safety: int

    @property
    def deputy(self) -> str | None:
        return ", ".join(self.deputies) or None


#: The 5-СП groups counted into the passport's numbers.
_COMMITTEE = frozenset({"chair", "deputy_chair", "treasurer", "committee_member"})
_REVISION = frozenset({"revision_chair", "revision_member"})


def leaders(offices: Iterable[tuple[Office, str]], day: date) -> Leaders:
    """The holders on ``day`` of ``offices`` (each with its holder's name)."""
    held = sorted(((o, name) for o, name in offices if holds_on(o.since, o.until, day)),
                  key=lambda pair: (pair[0].since or date.min, pair[1]))
    chair = next(((o, n) for o, n in reversed(held) if o.role == CHAIR), None)
    committee = {o.member_id for o, _ in held if o.role in _COMMITTEE}
    return Leaders(
        chair=chair[1] if chair else None,
        chair_since=chair[0].since if chair else None,
        chair_until=chair[0].until if chair else None,
        deputies=tuple(dict.fromkeys(n for o, n in held if o.role == DEPUTY)),
        committee=len(committee),
        revision=len({o.member_id for o, _ in held if o.role in _REVISION}),
        safety=len({o.member_id for o, _ in held if o.role == "safety_rep"}),
    )
