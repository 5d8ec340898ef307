"""Shared request-model pieces (pydantic)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Points = Annotated[int, Field(ge=1, le=10_000_000)]
IdemKey = Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
DbId = Annotated[int, Field(ge=1, le=2_147_483_647)]
ShortText = Annotated[str, Field(min_length=1, max_length=100)]
MyKeyText = Annotated[str, Field(min_length=1, max_length=40)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
