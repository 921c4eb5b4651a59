"""Deterministic demo data: ``python -m chairclient demo-data --db PATH --members N [--seed S]``.

Modules, one job each:

* :mod:`~chairclient.demo.build` — orchestration, temporary file and rename, summary line;
* :mod:`~chairclient.demo.common` — the fixed "today", the seeded RNG, weighted choices;
* :mod:`~chairclient.demo.identifiers` — СНИЛС, ИНН, КПП, ОГРН, card and registry numbers;
* :mod:`~chairclient.demo.names` — Russian names, patronymics, transliteration for e-mail;
* :mod:`~chairclient.demo.places` — the fictitious «Энская область», addresses, phones;
* :mod:`~chairclient.demo.employers` — names of schools, kindergartens, colleges …;
* :mod:`~chairclient.demo.organisations` — the tree and how many members each ППО gets;
* :mod:`~chairclient.demo.members` / :mod:`~chairclient.demo.membership` — cards and history;
* :mod:`~chairclient.demo.roles`, :mod:`~chairclient.demo.consents`,
  :mod:`~chairclient.demo.cards` — union offices, consents, ЭПБ cards and requests;
* :mod:`~chairclient.demo.passports` — organisation rows consistent with the members;
* :mod:`~chairclient.demo.writer` — bulk insert with ``sqlite3``.
"""
