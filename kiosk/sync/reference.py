"""Reference data cached from the cloud's changes feed (measures, shops, point types, voucher keys, voided
vouchers, revocation data, offline limits, programmes), pulled with a cursor and kept in the local store.

A page of changes and the new cursor are written in one transaction, so a crash mid-pull resumes where it
stopped. The age of the lists (time since the last complete pull) is part of the sync status.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.core.rules.redemption import VoucherKey
from kiosk.sync.clock import ClockOffset
from kiosk.sync.models import ReferenceItem
from kiosk.sync.store import LocalStore, put_state

REFERENCE_KINDS = ("measure", "shop", "point_type", "voucher_key", "voided_voucher", "revocation",
                   "offline_limit", "programme", "limits", "voucher_rule")
# the cloud's defaults until the feed says otherwise (kiosk_cloud.settings: offline_window_s, clock_skew_s)
DEFAULT_LIMITS = {"offline_window_s": 72 * 3600, "clock_skew_s": 300, "crl_grace_s": 24 * 3600}
CURSOR = "reference_cursor"
PULLED_AT = "reference_pulled_at"


class ReferenceCache:
    def __init__(self, store: LocalStore, clock: ClockOffset) -> None:
        self.store = store
        self.clock = clock

    # -- pulling --------------------------------------------------------------------------------------------
    def pull(self, client: Any, page_size: int = 500) -> int:
        """Follow the changes feed to its end; returns how many changes were applied."""
        cursor = int(self.store.get_state(CURSOR, 0))
        applied = 0
        while True:
            page = client.changes(cursor, page_size)
            changes = page["changes"]
            new_cursor = int(page.get("cursor", cursor))
            more = bool(page.get("more")) and new_cursor != cursor
            stamp = self.clock.cloud_now()

            def txn(session: Session, changes: list[Any] = changes, new_cursor: int = new_cursor,
                    done: bool = not more, stamp: datetime = stamp) -> None:
                for change in changes:
                    _apply(session, change, stamp)
                put_state(session, CURSOR, new_cursor)
                if done:
                    put_state(session, PULLED_AT, stamp.isoformat())

            self.store.write(txn)
            applied += len(changes)
            cursor = new_cursor
            if not more:
                return applied

    # -- reading ----------------------------------------------------------------------------------------------
    def pulled_at(self) -> datetime | None:
        value = self.store.get_state(PULLED_AT)
        return datetime.fromisoformat(value) if value else None

    def age_seconds(self) -> float | None:
        pulled = self.pulled_at()
        return None if pulled is None else max(0.0, (self.clock.cloud_now() - pulled).total_seconds())

    def items(self, kind: str) -> dict[str, dict[str, Any]]:
        def load(session: Session) -> dict[str, dict[str, Any]]:
            rows = session.scalars(select(ReferenceItem).where(ReferenceItem.kind == kind,
                                                               ReferenceItem.data.is_not(None)))
            return {row.item_id: dict(row.data or {}) for row in rows}

        return self.store.read(load)

    def counts(self) -> dict[str, int]:
        def load(session: Session) -> dict[str, int]:
            counts = dict.fromkeys(REFERENCE_KINDS, 0)
            for kind in session.scalars(select(ReferenceItem.kind).where(ReferenceItem.data.is_not(None))):
                counts[kind] = counts.get(kind, 0) + 1
            return counts

        return self.store.read(load)

    def voucher_public_keys(self) -> dict[int, bytes]:
        keys: dict[int, bytes] = {}
        for item_id, data in self.items("voucher_key").items():
            key_id = int(data.get("key_id", item_id))
            keys[key_id] = base64.b64decode(data["public_key"])
        return keys

    def voucher_keys(self) -> dict[int, VoucherKey]:
        """The voucher keys with their validity (signing window, verify_until) and revocation, as the feed says:
        kiosk.core.rules.redemption.check_code refuses a voucher of a revoked key or outside its validity."""
        keys: dict[int, VoucherKey] = {}
        for item_id, data in self.items("voucher_key").items():
            try:
                valid_from, valid_until = _moment(data["valid_from"]), _moment(data["valid_until"])
            except (KeyError, TypeError, ValueError):
                continue  # an entry this terminal cannot read verifies nothing
            assert valid_from is not None and valid_until is not None
            keys[int(data.get("key_id", item_id))] = VoucherKey(
                base64.b64decode(data["public_key"]), valid_from, valid_until,
                _moment(data.get("verify_until")), _moment(data.get("revoked_at")))
        return keys

    def voucher_shops(self, point_type_id: int) -> tuple[int, ...] | None:
        """The shops the municipality's voucher rule for this point type lets take its vouchers (feed kind
        `voucher_rule`, keyed by point type; empty: every shop); None: this terminal knows no rule for it (none set,
        or not pulled yet) — the cloud decides at sync."""
        def load(session: Session) -> tuple[int, ...] | None:
            row = session.get(ReferenceItem, ("voucher_rule", str(int(point_type_id))))
            if row is None or row.data is None:
                return None
            try:
                return tuple(int(s) for s in row.data.get("shop_ids") or ())
            except (TypeError, ValueError, AttributeError):
                return None

        return self.store.read(load)

    def is_voided(self, number: str) -> bool:
        """The feed's `voided_voucher` items are keyed by the 13-digit number."""

        def load(session: Session) -> bool:
            row = session.get(ReferenceItem, ("voided_voucher", number))
            return row is not None and row.data is not None

        return self.store.read(load)

    def limits(self) -> dict[str, int]:
        """The municipality's limits as published (kind `limits`): the offline window (an operation older than
        it when it reaches the cloud becomes a conflict, nothing applied), the clock skew, the CRL grace."""
        published = list(self.items("limits").values())
        merged = dict(DEFAULT_LIMITS)
        if published:
            merged.update({k: int(v) for k, v in published[-1].items() if k in DEFAULT_LIMITS})
        return merged

    def offline_limit(self, point_type_id: Any) -> int | None:
        for item_id, data in self.items("offline_limit").items():
            if str(data.get("point_type_id", item_id)) == str(point_type_id):
                return int(data["per_card_per_day"])
        return None

    def ca_certificates(self) -> list[x509.Certificate]:
        """Cached JPKI user-auth CA certificates (feed: base64 DER in `ca_certs`; PEM text also accepted)."""
        certs: list[x509.Certificate] = []
        for data in self.items("revocation").values():
            for text in list(data.get("ca_certs") or []):
                if text.lstrip().startswith("-----BEGIN"):
                    certs.extend(x509.load_pem_x509_certificates(text.encode()))
                else:
                    certs.append(x509.load_der_x509_certificate(base64.b64decode(text)))
        return certs

    def revoked_serials(self) -> set[int]:
        """Revoked certificate serials: the feed's `revoked_serials` plus every entry of its CRLs."""
        serials: set[int] = set()
        for data in self.items("revocation").values():
            for serial in data.get("revoked_serials") or []:
                serials.add(_serial(serial))
            for crl_b64 in list(data.get("crls") or []):
                crl = x509.load_der_x509_crl(base64.b64decode(crl_b64))
                serials.update(entry.serial_number for entry in crl)
        return serials


def _apply(session: Session, change: dict[str, Any], stamp: datetime) -> None:
    kind, item_id = str(change["kind"]), str(change["id"])
    row = session.get(ReferenceItem, (kind, item_id))
    data = None if change.get("deleted") else change.get("data")
    if row is None:
        session.add(ReferenceItem(kind=kind, item_id=item_id, seq=int(change["seq"]), data=data,
                                  updated_at=stamp))
    elif int(change["seq"]) >= row.seq:
        row.seq, row.data, row.updated_at = int(change["seq"]), data, stamp


def _serial(value: Any) -> int:
    if isinstance(value, str):
        text = value.strip().lower()
        return int(text, 16) if text.startswith("0x") else int(text)
    return int(value)


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
