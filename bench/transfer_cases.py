"""Cross-organisation lookups and a transfer acceptance against the seeded PostgreSQL registry
(run inside :func:`bench.sync_cases.sync`, on its server).

* ``POST /members/lookup`` of one person, by СНИЛС and by surname + name + birth date, by a
  primary chair looking for members of other organisations: latency p95 over the whole union
  (each answer also writes its audit rows and a handle);
* a transfer acceptance: the receiving chair files a request (one exchange), the sending chair
  accepts it in ONE exchange (its push and the pull of its outcome), the receiver's next
  exchange brings the member: the acceptance's exchange time.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from datetime import date
from typing import Any

from bench.results import Result

LOOKUPS = 200


def _people(url: str, skip_org: str, count: int, only_org: str | None = None
            ) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from registry.db import open_database
    from registry.models import members

    db = open_database(url)
    try:
        with db.read() as session:
            rows = [dict(r) for r in session.execute(
                select(members.c.id, members.c.org_id, members.c.snils, members.c.last_name,
                       members.c.first_name, members.c.birth_date)
                .where(members.c.org_id != skip_org, members.c.status == "active",
                       members.c.snils.is_not(None), members.c.deleted.is_(False),
                       members.c.birth_date.is_not(None),
                       members.c.org_id == only_org if only_org else members.c.id.is_not(None))
                .order_by(members.c.id).limit(count * 20)).mappings()]
    finally:
        db.close()
    return random.Random(7).sample(rows, min(count, len(rows)))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _login(http: Any, user: dict[str, str]) -> dict[str, str]:
    answer = http.post("/api/v1/auth/login",
                       json={"login": user["login"], "password": user["password"]})
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def _exchange(http: Any, headers: dict[str, str], mutations: list[dict[str, Any]]
              ) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    answer = http.post("/api/v1/sync/exchange", headers=headers,
                       json={"mutations": mutations, "cursors": None})
    answer.raise_for_status()
    return (time.perf_counter() - started) * 1000, answer.json()


def lookups(base_url: str, url: str, users: dict[str, dict[str, str]]) -> list[Result]:
    import httpx

    chair, sender = users["chair2"], users["chair1"]
    people = _people(url, chair["org_id"], LOOKUPS)
    results: list[Result] = []
    with httpx.Client(base_url=base_url, timeout=60) as http:
        headers = _login(http, chair)
        for kind, query in (
            ("СНИЛС", lambda p: {"snils": p["snils"]}),
            ("surname, name and birth date", lambda p: {
                "last_name": p["last_name"], "first_name": p["first_name"],
                "birth_date": p["birth_date"].isoformat()}),
        ):
            times = []
            for person in people:
                started = time.perf_counter()
                answer = http.post("/api/v1/members/lookup", headers=headers,
                                   json={"queries": [query(person)]})
                times.append((time.perf_counter() - started) * 1000)
                answer.raise_for_status()
            results.append(Result(
                f"member lookup by {kind} (whole registry), p95", _p95(times), "ms",
                floor=50.0, target=20.0,
                detail={"lookups": len(times), "median_ms": round(statistics.median(times), 1)}))
        results.append(_acceptance(http, headers, _login(http, sender), chair, sender, url))
    return results


def _acceptance(http: Any, receiver: dict[str, str], sender: dict[str, str],
                receiver_user: dict[str, str], sender_user: dict[str, str], url: str) -> Result:
    from chairclient.domain.transfers import sender_copy_id

    [person] = _people(url, receiver_user["org_id"], 1, only_org=sender_user["org_id"])
    found = http.post("/api/v1/members/lookup", headers=receiver,
                      json={"queries": [{"snils": person["snils"]}]}).json()
    handle = found["results"][0]["matches"][0]["handle"]
    request_id = str(uuid.uuid4())
    _exchange(http, receiver, [_command("transfer_request", request_id,
                                        receiver_user["org_id"], "request_transfer",
                                        handle=handle, on=date.today().isoformat())])
    ms, answer = _exchange(http, sender, [_command(
        "transfer_request", sender_copy_id(request_id), sender_user["org_id"],
        "decide_transfer", decision="accept", comment="bench")])
    [result] = answer["results"]
    if result["status"] != "applied":
        raise RuntimeError(f"the transfer acceptance was not applied: {result}")
    return Result("transfer acceptance applied in one exchange", ms, "ms", floor=500.0,
                  target=200.0, detail={"status": result["status"], "exchanges": 1})


def _command(entity: str, entity_id: str, org_id: str, name: str, **args: Any) -> dict:
    return {"mutation_id": str(uuid.uuid4()), "entity": entity, "entity_id": entity_id,
            "org_id": org_id, "op": "command", "fields": {"command": name, **args},
            "base": {}, "base_version": 0}
