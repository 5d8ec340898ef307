"""Conflicts involving this shop that other terminals' syncs produced, pulled from the cloud and kept locally.

The terminal whose own operation hit a conflict learns it from its sync result (table `conflicts`). The other
shop of a voucher used twice offline — the one whose redemption stands — only learns it from the cloud's
`GET /v1/conflicts` (a store terminal sees the conflicts involving its shop). `pull` asks for those after the
last id seen, stores the new ones in `shop_conflicts` (keyed by the cloud's id, so they survive restarts and are
never stored twice) worded by `describe_conflict`, and skips the ones that are this terminal's own operations.
Views use the key `cloud-<id>`, next to the local conflicts' operation keys.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.sync.clock import Clock
from kiosk.sync.conflicts import describe_conflict
from kiosk.sync.errors import CloudProtocolError
from kiosk.sync.models import Conflict, Operation, ShopConflict
from kiosk.sync.store import LocalStore, put_state

CURSOR = "shop_conflicts_cursor"
KEY_PREFIX = "cloud-"
MAX_PAGES = 20  # a pull reads at most this many pages; the rest comes at the next pull


class ConflictSource(Protocol):
    def conflicts(self, resolved: bool = False, *, include_resolved: bool = False,
                  after_id: int = 0) -> dict[str, Any]: ...


def view_key(cloud_id: int) -> str:
    return f"{KEY_PREFIX}{cloud_id}"


def cloud_id_of(key: str) -> int | None:
    """The cloud id in a `cloud-<id>` key, None for a local operation key."""
    if not key.startswith(KEY_PREFIX):
        return None
    try:
        return int(key[len(KEY_PREFIX):])
    except ValueError:
        return None


def pull(store: LocalStore, client: ConflictSource, clock: Clock) -> list[ShopConflict]:
    """Fetch the shop's conflicts after the stored cursor; store and return the new ones."""
    added: list[ShopConflict] = []
    cursor = int(store.get_state(CURSOR, 0) or 0)
    for _ in range(MAX_PAGES):
        body = client.conflicts(include_resolved=True, after_id=cursor)
        items, next_cursor = body["conflicts"], body.get("cursor", cursor)
        if not isinstance(next_cursor, int):
            raise CloudProtocolError("conflicts answer malformed")
        added.extend(store.write(partial(_store, items=items, cursor=next_cursor, now=clock())))
        if not body.get("more") or next_cursor <= cursor:
            break
        cursor = next_cursor
    return added


def _store(session: Session, items: list[Any], cursor: int, now: datetime) -> list[ShopConflict]:
    if not all(isinstance(i, dict) and isinstance(i.get("id"), int) for i in items):
        raise CloudProtocolError("conflicts answer malformed")
    ids = [int(i["id"]) for i in items]
    known = set(session.scalars(select(ShopConflict.cloud_id).where(ShopConflict.cloud_id.in_(ids))))
    keys = [str(i.get("operation_key") or "") for i in items]
    own = set(session.scalars(select(Conflict.operation_key).where(Conflict.operation_key.in_(keys))))
    own |= set(session.scalars(select(Operation.key).where(Operation.key.in_(keys))))
    added = []
    for item, key in zip(items, keys, strict=True):
        if item["id"] in known or key in own:
            continue  # stored already, or this terminal's own operation (its sync result recorded it)
        detail = item.get("detail") if isinstance(item.get("detail"), dict) else None
        involvement = str(item.get("involvement") or "attempted_here")
        code, english, japanese = describe_conflict(str(item.get("kind")), detail, involvement)
        created = item.get("created_at")
        row = ShopConflict(cloud_id=item["id"], operation_key=key, kind=str(item.get("kind")),
                           involvement=involvement, code=code, message=english, message_ja=japanese, detail=detail,
                           created_at=datetime.fromisoformat(created) if isinstance(created, str) else now,
                           reported_at=now)
        session.add(row)
        added.append(row)
    put_state(session, CURSOR, cursor)
    session.flush()
    for row in added:
        session.expunge(row)
    return added


def acknowledge(session: Session, cloud_id: int, now: datetime) -> bool:
    row = session.get(ShopConflict, cloud_id)
    if row is None:
        return False
    row.acknowledged_at = now
    return True


def open_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ShopConflict)
                          .where(ShopConflict.acknowledged_at.is_(None))) or 0


def rows(session: Session, include_acknowledged: bool) -> list[ShopConflict]:
    query = select(ShopConflict).order_by(ShopConflict.cloud_id)
    if not include_acknowledged:
        query = query.where(ShopConflict.acknowledged_at.is_(None))
    return list(session.scalars(query))
