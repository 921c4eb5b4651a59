"""Wire format of ``POST /api/v1/members/lookup``: is this person a member anywhere?

Shared by the registry and the client (like :mod:`sync.protocol`). The registry searches the
whole union, not only the caller's scope, and so answers only where a matching member is
registered — never a name, a date or any other personal data of someone outside the scope.
Used to accept a member by transfer (the ``handle`` is the ``entity_id`` of the ``transfer_in``
command, or the ``handle`` of a ``request_transfer``) and to check a registration or an import
for duplicates across organisations. A handle is opaque and short-lived (a day by default),
good only for the user who searched; it is never a row id.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Most queries in one request (an import checks its rows in batches of this size).
MAX_LOOKUP_QUERIES = 500
#: Most matches returned for one query (namesakes born on the same day are rare).
MAX_LOOKUP_MATCHES = 20

MatchedBy = Literal["snils", "name_birth_date"]


class LookupQuery(BaseModel):
    """A person: ``snils`` (any spacing), or ``last_name`` + ``first_name`` + ``birth_date``.

    Names compare ignoring case and ё/е. With both given, the СНИЛС is used.
    """

    model_config = ConfigDict(extra="forbid")

    snils: str | None = Field(None, max_length=20)
    last_name: str | None = Field(None, max_length=100)
    first_name: str | None = Field(None, max_length=100)
    birth_date: date | None = None


class LookupRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"queries": [{"snils": "112-233-445 95"}]},
                {"queries": [{"last_name": "Иванова", "first_name": "Анна",
                              "birth_date": "1985-04-12"}]},
            ]
        },
    )

    queries: list[LookupQuery] = Field(min_length=1, max_length=MAX_LOOKUP_QUERIES)


class LookupMatch(BaseModel):
    """Where a matching member is registered, and nothing else about the person."""

    handle: str = Field(
        description="Opaque, short-lived handle for this user only: the entity_id of a "
                    "transfer_in command or the handle of a request_transfer command"
    )
    org_id: str
    org_name: str = Field(description="Short name of the organisation of registration")
    org_code: str = Field(description="Registry code of that organisation")
    matched_by: MatchedBy
    in_scope: bool = Field(description="The member is already within the caller's scope")
    transferable: bool = Field(
        description="May be accepted now by transfer_in: the sending organisation marked the "
                    "transfer (within its window), or the member is within the caller's scope"
    )
    requestable: bool = Field(
        False,
        description="On the register in an organisation outside the caller's scope that has "
                    "not marked a transfer: a transfer request (request_transfer) may be filed",
    )


class LookupResult(BaseModel):
    """The matches of one query (empty: nobody found)."""

    matches: list[LookupMatch] = []


class LookupResponse(BaseModel):
    """One result per query, in the order of the queries."""

    results: list[LookupResult]

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "results": [
                        {
                            "matches": [
                                {
                                    "handle": "q3Zb0n7Xc1VfLw9kT2mYpA4s",
                                    "org_id": "3f0c7a52-1d8e-4b8f-9a51-6f2b1c0d9e11",
                                    "org_name": "ППО МБОУ СОШ № 5",
                                    "org_code": "77-015-0042",
                                    "matched_by": "snils",
                                    "in_scope": False,
                                    "transferable": False,
                                    "requestable": True,
                                }
                            ]
                        },
                        {"matches": []},
                    ]
                }
            ]
        }
    )
