"""The throwaway PostgreSQL cluster, one per test session, shared by the registry and sync tests.

Loaded as a plugin by ``tests/conftest.py``. Where ``initdb`` and ``pg_ctl`` are missing the
PostgreSQL runs are skipped; CI installs them and runs both backends.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.registry.servers import PostgresCluster, postgres_binaries


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    if postgres_binaries() is None:
        pytest.skip("PostgreSQL (initdb, pg_ctl) not installed here; CI installs and runs it")
    cluster = PostgresCluster.start()
    yield cluster
    cluster.stop()
