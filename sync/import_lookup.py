"""The spreadsheet import's duplicate check against the registry, over ``POST /members/lookup``.

:func:`registry_lookup` turns a :class:`RegistryClient` into the
:data:`chairclient.importing.RegistryLookup` the import engine and wizard take: the people of
one batch go in one request (a row with a СНИЛС is looked up by it, otherwise by surname +
first name + birth date), and each row found comes back as the organisation it is registered in.
"""

from __future__ import annotations

from collections.abc import Callable

from chairclient.importing import OrgHint, PersonKey, RegistryLookup
from sync.client import Offline, RegistryClient
from sync.protocol_lookup import LookupMatch, LookupQuery, LookupResult

_NAME_LIMIT = 100  # LookupQuery's limit on a name


def query_for(key: PersonKey) -> LookupQuery | None:
    """What to ask about one row; None when the row cannot be asked about."""
    if key.snils:
        return LookupQuery(snils=key.snils)
    names_fit = 0 < len(key.last_name) <= _NAME_LIMIT and 0 < len(key.first_name) <= _NAME_LIMIT
    if names_fit and key.birth_date is not None:
        return LookupQuery(last_name=key.last_name, first_name=key.first_name,
                           birth_date=key.birth_date)
    return None


def hint_for(result: LookupResult) -> OrgHint | None:
    """The organisation to show for one answer (a match by СНИЛС first); None: not found."""
    if not result.matches:
        return None
    match: LookupMatch = min(result.matches, key=lambda m: m.matched_by != "snils")
    return OrgHint(match.org_name, match.org_code, by_snils=match.matched_by == "snils")


def registry_lookup(client: RegistryClient,
                    available: Callable[[], bool] = lambda: True) -> RegistryLookup:
    """A lookup through ``client``; raises :class:`Offline` at once when ``available()`` says
    the registry cannot be reached (working offline, signed out), so the import goes on."""

    def lookup(keys: list[PersonKey]) -> dict[int, OrgHint]:
        if not available():
            raise Offline("the registry is not available")
        asked = [(key, query) for key in keys if (query := query_for(key)) is not None]
        if not asked:
            return {}
        results = client.lookup_members([query for _key, query in asked])
        found = {}
        for (key, _query), result in zip(asked, results, strict=True):
            hint = hint_for(result)
            if hint is not None:
                found[key.row] = hint
        return found

    return lookup
