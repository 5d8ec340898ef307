"""The FastAPI application of the reference points cloud."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from kiosk_cloud.api import (
    admin,
    admin_reports,
    admin_setup,
    admin_terminals,
    changes,
    health,
    measures,
    mykey,
    points,
    reports,
    residents,
    shop_desk,
    shops,
    staff,
    sync,
    terminals,
)
from kiosk_cloud.api import limits as limits_api
from kiosk_cloud.api import office as office_api
from kiosk_cloud.api import settlements as settlements_api
from kiosk_cloud.api.schemas import reject_nul
from kiosk_cloud.db import Database
from kiosk_cloud.deps import TerminalCache
from kiosk_cloud.errors import install_error_handlers
from kiosk_cloud.fastlane import FastLane
from kiosk_cloud.limits import Limits
from kiosk_cloud.metrics import Metrics
from kiosk_cloud.services.timewindow import publish_limits_if_changed
from kiosk_cloud.settings import Settings

API_VERSION = "1.0.0"


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.db = Database(settings.database_url, settings.pool_size)
        await publish_limits_if_changed(app.state.db, settings)  # terminals learn the offline window
        gc.freeze()  # the objects of start-up live forever: keep them out of every later collection
        try:
            yield
        finally:
            await app.state.db.dispose()

    app = FastAPI(
        title="MyKey points cloud (reference)",
        version=API_VERSION,
        description="Reference central points cloud for the MyKey counter & store kiosk. All errors: "
        '`{"error": {"code", "message", "message_ja"}}`.',
        lifespan=lifespan,
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.terminal_cache = TerminalCache()
    install_error_handlers(app)
    app.add_middleware(FastLane)
    app.add_middleware(Limits, settings=settings)  # body size and unauthenticated rate first
    app.add_middleware(Metrics, token=settings.metrics_token)  # outermost: counts and times every request; /metrics
    for module in (health, terminals, staff, residents, mykey, points, shops, measures, sync, changes, reports, admin):
        app.include_router(module.router, prefix="/v1", dependencies=[Depends(reject_nul)])
    app.include_router(limits_api.router, prefix="/v1", dependencies=[Depends(reject_nul)])
    for office_router in (office_api.router, settlements_api.router):  # issue 11
        app.include_router(office_router, prefix="/v1", dependencies=[Depends(reject_nul)])
    app.include_router(shop_desk.router, prefix="/v1", dependencies=[Depends(reject_nul)])  # issue 10
    for admin_router in (admin_setup.router, admin_reports.router, admin_terminals.router):  # issue 12
        app.include_router(admin_router, prefix="/v1", dependencies=[Depends(reject_nul)])
    return app


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (each worker process builds its app from the environment)."""
    return create_app(Settings.from_env())
