from __future__ import annotations

import random

from kiosk.sync.backoff import Backoff


def test_delays_grow_exponentially_up_to_the_cap_with_jitter() -> None:
    backoff = Backoff(base=0.5, factor=2.0, cap=30.0, rng=random.Random(7))
    delays = [backoff.next_delay() for _ in range(12)]
    ceilings = [min(30.0, 0.5 * 2**n) for n in range(12)]
    for delay, ceiling in zip(delays, ceilings, strict=True):
        assert ceiling / 2 <= delay <= ceiling
    assert delays[-1] >= 15.0  # capped, never beyond 30 s
    backoff.reset()
    assert backoff.next_delay() <= 0.5


def test_jitter_spreads_terminals_apart() -> None:
    firsts = {round(Backoff(base=8.0, rng=random.Random(seed)).next_delay(), 3) for seed in range(50)}
    assert len(firsts) > 40 and min(firsts) >= 4.0 and max(firsts) <= 8.0
