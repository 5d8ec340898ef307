"""Exponential back-off with jitter for transient failures (network down, 5xx, timeouts)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base: float = 0.5  # seconds before the first retry
    factor: float = 2.0
    cap: float = 60.0
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0

    def next_delay(self) -> float:
        """Count one more failure and return how long to wait: half fixed, half random ("equal jitter"),
        so retries of many terminals spread out but never hammer the cloud at once."""
        ceiling = min(self.cap, self.base * self.factor ** self.failures)
        self.failures += 1
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)

    def reset(self) -> None:
        self.failures = 0
