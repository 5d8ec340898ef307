"""The sync status snapshot shown in the status bar and by `kiosk sync status`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class SyncStatus:
    online: bool | None  # None: not known yet (no answer from the cloud so far)
    queue_length: int
    queue_by_kind: dict[str, int]
    dead_letters: int
    conflicts_open: int
    last_sync_at: datetime | None  # last time the outbox was fully drained (cloud time)
    reference_pulled_at: datetime | None
    reference_age_seconds: float | None
    reference_counts: dict[str, int] = field(default_factory=dict)
    clock_offset_seconds: float | None = None
    last_error: str | None = None
    next_attempt_in_seconds: float | None = None
    enrolled: bool = False
    credential_label: str | None = None  # e.g. demo file keyring: shown on screen

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("last_sync_at", "reference_pulled_at"):
            value = data[name]
            data[name] = value.isoformat() if value is not None else None
        return data
