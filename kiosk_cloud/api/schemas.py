"""Shared request-model pieces (pydantic)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import Request
from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from kiosk_cloud.errors import ApiError

Points = Annotated[int, Field(ge=1, le=10_000_000)]
IdemKey = Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
DbId = Annotated[int, Field(ge=1, le=2_147_483_647)]
ShortText = Annotated[str, Field(min_length=1, max_length=100)]
MyKeyText = Annotated[str, Field(min_length=1, max_length=40)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")

MAX_ROW_ID = 2_147_483_647  # ids are 32-bit integer columns on every database


def _sane_moment(value: datetime) -> datetime:
    if not 2000 <= value.year <= 2200:
        raise ValueError("year must be between 2000 and 2200")
    return value


def _sane_day(value: date) -> date:
    if not 2000 <= value.year <= 2200:
        raise ValueError("year must be between 2000 and 2200")
    return value


Moment = Annotated[AwareDatetime, AfterValidator(_sane_moment)]
Day = Annotated[date, AfterValidator(_sane_day)]


async def reject_nul(request: Request) -> None:
    """No database text column can hold U+0000 (PostgreSQL refuses it): refuse it at the door, everywhere."""
    if "%00" in request.url.path or "%00" in request.url.query or "\x00" in request.url.path:
        raise ApiError("validation_error", "NUL characters are not allowed")
    if request.method in ("POST", "PUT", "PATCH"):
        body = await request.body()
        if b"\\u0000" in body or b"\x00" in body:
            raise ApiError("validation_error", "NUL characters are not allowed")
