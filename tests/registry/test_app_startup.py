"""Startup of the app: a server process of its own freezes its startup heap for the garbage
collector; an app embedded in the desktop client leaves the client's heap alone."""

from __future__ import annotations

import asyncio
import gc

import pytest

from registry.app import create_app


@pytest.mark.parametrize("freeze_heap", [False, True])
def test_only_a_server_of_its_own_freezes_its_heap(db, freeze_heap: bool) -> None:
    app = create_app(db=db, freeze_heap=freeze_heap)

    async def start_and_look() -> int:
        async with app.router.lifespan_context(app):
            return gc.get_freeze_count()

    gc.unfreeze()
    try:
        frozen = asyncio.run(start_and_look())
    finally:
        gc.unfreeze()  # this test process is no server: give the objects back
    assert (frozen > 0) is freeze_heap
