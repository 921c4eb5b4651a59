"""Duplicates against the union registry: whom to ask about, and what the registry answered.

The engine knows nothing about the network. The caller hands in a :data:`RegistryLookup`: a
function that asks the registry about a list of people (by СНИЛС, or by surname + first name
+ birth date) and answers, per file row, the organisation the person is registered in — the
minimum the registry reveals outside the chair's scope. Rows that already duplicate a member
of the local database or an earlier row are not asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date

from chairclient.importing.duplicates import SAME_NAME_AND_BIRTH, SAME_SNILS, Duplicate
from chairclient.importing.preview import Preview
from chairclient.validation import digits_only

#: People asked about in one call of the lookup.
BATCH = 500


@dataclass(frozen=True)
class PersonKey:
    """One file row as the registry is asked about it (values as they would be saved)."""

    row: int
    last_name: str
    first_name: str
    birth_date: date | None
    snils: str | None = None


@dataclass(frozen=True)
class OrgHint:
    """The registry's answer for one row: the person is registered in this organisation."""

    org_name: str
    org_code: str = ""
    by_snils: bool = False  # matched by СНИЛС (else by surname + first name + birth date)

    @property
    def reason(self) -> str:
        return SAME_SNILS if self.by_snils else SAME_NAME_AND_BIRTH

    @property
    def display(self) -> str:
        return f"{self.org_name} ({self.org_code})" if self.org_code else self.org_name


#: Ask the registry about people; answers {file row: organisation} for those it found.
RegistryLookup = Callable[[list[PersonKey]], dict[int, OrgHint]]


def person_keys(preview: Preview, skip_rows: Collection[int] = ()) -> list[PersonKey]:
    """The importable rows worth asking about: a valid СНИЛС, or names with a birth date."""
    keys = []
    for row in preview.importable:
        if row.row in skip_rows:
            continue
        values = row.values
        snils = values.get("snils") if len(digits_only(values.get("snils"))) == 11 else None
        last, first = values.get("last_name") or "", values.get("first_name") or ""
        birth = values.get("birth_date") if isinstance(values.get("birth_date"), date) else None
        if snils or (last and first and birth):
            keys.append(PersonKey(row.row, last, first, birth, snils))
    return keys


def check_registry(
    lookup: RegistryLookup,
    preview: Preview,
    known: Iterable[Duplicate] = (),
    *,
    progress: Callable[[int, int], None] | None = None,
    batch: int = BATCH,
) -> list[Duplicate]:
    """Registry duplicates among the rows that are not ``known`` duplicates already.

    ``lookup`` is called once per ``batch`` people; what it raises (offline, refused …) is
    passed on to the caller, who then imports without the registry check. Answers for rows
    that were not asked about are ignored.
    """
    keys = person_keys(preview, {d.row for d in known})
    found: dict[int, OrgHint] = {}
    for start in range(0, len(keys), batch):
        chunk = keys[start : start + batch]
        asked = {k.row for k in chunk}
        answer = lookup(chunk)
        found.update({row: hint for row, hint in answer.items() if row in asked})
        if progress is not None:
            progress(min(start + batch, len(keys)), len(keys))
    return [Duplicate(row, hint.reason, registry=hint) for row, hint in sorted(found.items())]
