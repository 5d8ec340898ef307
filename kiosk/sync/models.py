"""Tables of the terminal's local store (SQLite). The schema itself is created by Alembic migrations.

`operations` holds the local row of every write the terminal makes; `outbox` holds one entry per operation that
still has to reach the cloud (same transaction, same idempotency key). Results come back into `operations`;
permanent refusals also go to `dead_letters`, cloud-reported conflicts to `conflicts`; conflicts of this shop
found by other terminals' syncs (pulled from the cloud) to `shop_conflicts`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as ISO-8601 UTC text (sortable, readable by support staff)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the local store")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


class Base(DeclarativeBase):
    pass


class Operation(Base):
    """The local record of one write, kept after it reached the cloud (the terminal's own journal)."""

    __tablename__ = "operations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    offline: Mapped[bool] = mapped_column(default=False)
    retry_of: Mapped[str | None] = mapped_column(String(36))  # key of the dead letter this one retries
    # the clerk's session it was done under (kinds that need one: STAFF_KINDS in kiosk.sync.outbox); issue 8
    staff_session: Mapped[str | None] = mapped_column(String(200))
    # queued -> applied | replayed | rejected | conflict (| discarded by staff)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    code: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str | None] = mapped_column(Text)
    message_ja: Mapped[str | None] = mapped_column(Text)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class OutboxEntry(Base):
    """An operation waiting to reach the cloud; `seq` is the drain order."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    operation_key: Mapped[str] = mapped_column(ForeignKey("operations.key"), unique=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    destination: Mapped[str] = mapped_column(String(40), default="cloud")
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class DeadLetter(Base):
    """An operation the cloud refused for good; staff see the reason and resolve it."""

    __tablename__ = "dead_letters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    operation_key: Mapped[str] = mapped_column(ForeignKey("operations.key"), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    message_ja: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolution: Mapped[str | None] = mapped_column(String(16))  # "retried" | "discarded"
    resolved_by: Mapped[str | None] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)


class Conflict(Base):
    """A conflict the cloud found and recorded at sync (voucher used twice offline, offline overspend)."""

    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    operation_key: Mapped[str] = mapped_column(ForeignKey("operations.key"), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    message_ja: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ShopConflict(Base):
    """A conflict involving this terminal's shop that the cloud reported to the shop (`GET /v1/conflicts`), e.g.
    a voucher this shop accepted that another shop also took offline. Keyed by the cloud's conflict id."""

    __tablename__ = "shop_conflicts"

    cloud_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    operation_key: Mapped[str] = mapped_column(String(64), index=True)  # the cloud's key of the operation
    kind: Mapped[str] = mapped_column(String(40))
    involvement: Mapped[str] = mapped_column(String(20))  # attempted_here | redeemed_here
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    message_ja: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)  # when the cloud recorded it
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime)  # when this terminal learned of it
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Redemption(Base):
    """A voucher this terminal accepted (online or offline): a second use here is refused locally."""

    __tablename__ = "redemptions"

    voucher_number: Mapped[str] = mapped_column(String(13), primary_key=True)
    operation_key: Mapped[str] = mapped_column(ForeignKey("operations.key"))
    points: Mapped[int] = mapped_column()
    redeemed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OfflinePayment(Base):
    """A card payment taken offline, counted against the per-card daily offline limit."""

    __tablename__ = "offline_payments"
    __table_args__ = (UniqueConstraint("operation_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    operation_key: Mapped[str] = mapped_column(ForeignKey("operations.key"))
    card_fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    point_type_id: Mapped[str] = mapped_column(String(64))
    day: Mapped[str] = mapped_column(String(10), index=True)  # municipality-local date YYYY-MM-DD
    points: Mapped[int] = mapped_column()
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReferenceItem(Base):
    """One item of cached reference data from the cloud's changes feed."""

    __tablename__ = "reference_items"

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    seq: Mapped[int] = mapped_column()
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SyncState(Base):
    """Small named values: feed cursor, last sync, clock offset, pull times."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
