"""Time for the terminal: the local clock corrected by the offset observed against the cloud.

The cloud's time comes from every response (`Date` header, or `time` in /v1/health). The offset is
`cloud - local` at the midpoint of the request; validity checks use `cloud_now()`, so a terminal clock that is an
hour off still accepts a voucher that is valid and refuses one that has expired. Ordering never uses clocks: the
outbox drains by its own sequence number.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class ClockOffset:
    """Tracks `cloud time - local time`; thread-safe."""

    def __init__(self, clock: Clock = system_clock, offset: timedelta | None = None) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._offset = offset
        self._observed_at: datetime | None = None

    @property
    def local_clock(self) -> Clock:
        return self._clock

    def local_now(self) -> datetime:
        return self._clock()

    @property
    def offset(self) -> timedelta | None:
        with self._lock:
            return self._offset

    def observe(self, cloud_time: datetime, sent_at: datetime, received_at: datetime,
                resolution: timedelta = timedelta(0)) -> None:
        """Record one observation: `cloud_time` was read between `sent_at` and `received_at` (local clock).

        `resolution` is the precision of `cloud_time` (one second for a `Date` header, whose value is truncated):
        the midpoint of that second is used.
        """
        if cloud_time.tzinfo is None:
            raise ValueError("cloud time must be timezone-aware")
        midpoint = sent_at + (received_at - sent_at) / 2
        sample = (cloud_time + resolution / 2) - midpoint
        with self._lock:
            if self._offset is None or abs(sample - self._offset) > timedelta(seconds=5):
                self._offset = sample  # first sample, or the local clock jumped: take it as is
            else:  # smooth small jitter
                self._offset = self._offset + (sample - self._offset) / 4
            self._observed_at = received_at

    def cloud_now(self) -> datetime:
        """Best estimate of the cloud's current time (local time if no observation yet)."""
        now = self._clock()
        offset = self.offset
        return now + offset if offset is not None else now
