"""The operations the fault tests queue: a counter's grants (with its clerk's session) mixed with a shop's card
payments online and offline (each with the resident's signed consent) and voucher redemptions online and offline,
each with what it must do to the cloud's ledger, balances and vouchers (checked exactly by sync_ledger)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sync_cloud import Cloud

from kiosk.demo.consent import make_consent
from kiosk.demo.pki import DemoPKI, ensure_demo_pki
from kiosk.sync.credentials import TerminalCredentials
from kiosk.sync.outbox import Outbox
from kiosk.sync.terminal import credential_store, open_terminal

POINT_TYPE = 1  # the demo's "Fuchu City points": every demo resident starts with 2000
GRANTEES = {"yamada": "YMDTRU01", "suzuki": "SZKHNK02"}
PAYERS = {"suzuki": "SZKHNK02", "ito": "ITOYKO04", "takahashi": "TKHKEN03"}
VOUCHER_OWNER = ("takahashi", "TKHKEN03")
VOUCHER_POINTS = 2
STAFF_PASSWORD = "demo-pass"


@dataclass(frozen=True)
class Effect:
    """What one operation must leave in the cloud: a ledger row (mykey, signed points) or a redeemed voucher."""
    kind: str
    terminal_id: int
    mykey_id: str | None = None
    points: int = 0  # signed: + grant, - payment
    offline: bool = False
    voucher: str | None = None  # the redeemed voucher's number

    @property
    def ledger(self) -> bool:
        return self.voucher is None


@dataclass
class Expected:
    effects: dict[str, Effect] = field(default_factory=dict)

    def add(self, key: str, effect: Effect) -> str:
        assert key not in self.effects
        self.effects[key] = effect
        return key

    @property
    def keys(self) -> list[str]:
        return list(self.effects)

    def delta(self) -> dict[str, int]:
        """Expected balance change per MyKey ID (point type 1)."""
        out: dict[str, int] = {}
        for e in self.effects.values():
            if e.mykey_id is not None:
                out[e.mykey_id] = out.get(e.mykey_id, 0) + e.points
        return out


def _credentials(data_dir: Path) -> TerminalCredentials:
    creds = credential_store(data_dir, demo=True).load()
    assert creds is not None
    return creds


class Mix:
    """A counter terminal (clerk S001 logged in once) and a store terminal of the demo's first shop, enrolled
    at `cloud_url` (the cloud or a proxy in front of it); vouchers pre-issued at an office terminal (clerk OFC01)
    from takahashi's balance, before the faults start."""

    def __init__(self, cloud: Cloud, name: str, rng: random.Random, *, vouchers: int = 50,
                 cloud_url: str | None = None) -> None:
        self.cloud = cloud
        self.rng = rng
        self.pki: DemoPKI = ensure_demo_pki(cloud.tmp / "demo" / "pki")
        self.counter_dir = cloud.new_terminal("counter", f"{name}-counter", cloud_url=cloud_url)
        self.store_dir = cloud.new_terminal("store", f"{name}-store", cloud_url=cloud_url)
        self.counter = _credentials(self.counter_dir)
        self.store = _credentials(self.store_dir)
        self.programme_id = int(cloud.programme("Volunteering points")["id"])
        self.expected = Expected()
        # the clerk logs in on the counter before its work is queued (issue 8): every grant carries the session
        with open_terminal(self.counter_dir, demo=True, cloud_url=cloud.url) as t:
            assert t.client is not None
            self.staff_session = str(t.client.staff_login("S001", STAFF_PASSWORD)["staff_session"])
        self.vouchers: list[tuple[str, str]] = self._issue_vouchers(name, vouchers)
        self.issued_numbers = [n for n, _ in self.vouchers]

    def _issue_vouchers(self, name: str, n: int) -> list[tuple[str, str]]:
        if n <= 0:
            return []
        office_dir = self.cloud.new_terminal("office", f"{name}-office")
        office = _credentials(office_dir)
        out: list[tuple[str, str]] = []
        with open_terminal(office_dir, demo=True) as o:
            assert o.client is not None
            o.client.staff_login("OFC01", STAFF_PASSWORD)
            while len(out) < n:
                count = min(50, n - len(out))
                consent = make_consent(self.pki.resident(VOUCHER_OWNER[0]), action="voucher_issue",
                                       municipality_code=str(office.municipality_code), shop_id=None,
                                       terminal_id=int(office.terminal_id), point_type_id=POINT_TYPE,
                                       points=VOUCHER_POINTS * count, count=count)
                answer = o.client.issue_vouchers(consent, POINT_TYPE, VOUCHER_POINTS, count)
                out += [(str(v["number"]), str(v["code"])) for v in answer["vouchers"]]
        return out

    # -- queueing (straight into a terminal's outbox, as the screens' services do) ---------------------------
    def counter_outbox(self, outbox: Outbox) -> Outbox:
        outbox.staff_session_source = lambda: self.staff_session
        return outbox

    def queue_grants(self, outbox: Outbox, n: int) -> list[str]:
        keys = []
        for _ in range(n):
            who = self.rng.choice(sorted(GRANTEES))
            points = self.rng.randint(1, 3)
            key = outbox.enqueue("grant", {"programme_id": self.programme_id, "mykey_id": GRANTEES[who],
                                           "points": points})
            keys.append(self.expected.add(key, Effect("grant", int(self.counter.terminal_id), GRANTEES[who],
                                                      points)))
        return keys

    def queue_store(self, outbox: Outbox, n: int) -> list[str]:
        """n of: card payment online / offline (consent signed now), voucher redemption online / offline."""
        keys = []
        for _ in range(n):
            choices = ["payment", "offline_payment"] + (["voucher_redeem", "offline_voucher_redeem"]
                                                        if self.vouchers else [])
            kind = self.rng.choice(choices)
            keys.append(self._queue_payment(outbox, kind) if kind.endswith("payment")
                        else self._queue_redemption(outbox, kind))
        return keys

    def _queue_payment(self, outbox: Outbox, kind: str) -> str:
        who = self.rng.choice(sorted(PAYERS))
        points = self.rng.randint(1, 5)
        consent = make_consent(self.pki.resident(who), action="payment",
                               municipality_code=str(self.store.municipality_code), shop_id=int(self.store.shop_id),
                               terminal_id=int(self.store.terminal_id), point_type_id=POINT_TYPE, points=points)
        offline = kind == "offline_payment"
        key = outbox.enqueue(kind, {"point_type_id": POINT_TYPE, "points": points, "consent": consent},
                             offline=offline)
        return self.expected.add(key, Effect(kind, int(self.store.terminal_id), PAYERS[who], -points, offline))

    def _queue_redemption(self, outbox: Outbox, kind: str) -> str:
        number, code = self.vouchers.pop()
        key = outbox.enqueue(kind, {"code": code}, offline=kind.startswith("offline"))
        return self.expected.add(key, Effect(kind, int(self.store.terminal_id), voucher=number))

    def summary(self) -> dict[str, Any]:
        kinds: dict[str, int] = {}
        for e in self.expected.effects.values():
            kinds[e.kind] = kinds.get(e.kind, 0) + 1
        return kinds
