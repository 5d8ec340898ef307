"""Card events, delivered to listeners on the card thread (the Qt bridge turns them into signals)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReaderAddedEvent:
    reader: str


@dataclass(frozen=True)
class ReaderRemovedEvent:
    reader: str


@dataclass(frozen=True)
class CardInsertedEvent:
    reader: str
    is_my_number_card: bool


@dataclass(frozen=True)
class CardRemovedEvent:
    reader: str


CardEvent = ReaderAddedEvent | ReaderRemovedEvent | CardInsertedEvent | CardRemovedEvent
