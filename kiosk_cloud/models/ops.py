"""Measures and applications, idempotency records, conflicts and the changes feed."""

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from kiosk_cloud.models.base import Timestamp, metadata

# kind: grant | purchase_reward; eligibility: open | restricted; review: pre | post (kiosk.core.measures)
# residency_required: 券面審査, the address on the card must be in the municipality
measures = Table(
    "measures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
    Column("point_type_id", Integer, ForeignKey("point_types.id"), nullable=False),
    Column("programme_id", Integer, ForeignKey("programmes.id"), nullable=True),
    Column("kind", String(16), nullable=False),
    Column("eligibility", String(12), nullable=False),
    Column("review", String(12), nullable=False),
    Column("residency_required", Boolean, nullable=False, server_default=false()),
    Column("capacity", Integer, nullable=True),
    Column("points_per_person", Integer, nullable=False),
    Column("reward_rate_percent", Integer, nullable=False, server_default="0"),
    Column("opens_at", Timestamp(), nullable=False),
    Column("closes_at", Timestamp(), nullable=False),
    Column("municipality_code", String(6), nullable=False),
    Column("payment_services", Text, nullable=False, server_default="[]"),
)

measure_eligible = Table(
    "measure_eligible",
    metadata,
    Column("measure_id", Integer, ForeignKey("measures.id"), primary_key=True),
    Column("mykey_id", String(8), ForeignKey("mykey_ids.mykey_id"), primary_key=True),
)

# status: applied | approved | rejected | granted
applications = Table(
    "applications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("measure_id", Integer, ForeignKey("measures.id"), nullable=False),
    Column("mykey_id", String(8), ForeignKey("mykey_ids.mykey_id"), nullable=False),
    Column("municipality_code", String(6), nullable=False),
    Column("payment_service", String(60), nullable=False),
    Column("status", String(10), nullable=False),
    Column("reason", String(40), nullable=True),
    Column("created_at", Timestamp(), nullable=False),
    Column("reviewed_at", Timestamp(), nullable=True),
    Column("reviewer_terminal_id", Integer, ForeignKey("terminals.id"), nullable=True),
    Column("ledger_id", Integer, ForeignKey("ledger.id"), nullable=True),
    UniqueConstraint("measure_id", "mykey_id", name="uq_applications_measure_person"),
)

attendance_registrations = Table(
    "attendance_registrations",
    metadata,
    Column("programme_id", Integer, ForeignKey("programmes.id"), primary_key=True),
    Column("mykey_id", String(8), ForeignKey("mykey_ids.mykey_id"), primary_key=True),
    Column("points", Integer, nullable=False),
    Column("ledger_id", Integer, ForeignKey("ledger.id"), nullable=True),
)

# Permanent: a key once answered always returns the stored answer — to the terminal that used it (keys are
# scoped per terminal: another terminal's key never returns this one's result).
idempotency = Table(
    "idempotency",
    metadata,
    Column("terminal_id", Integer, ForeignKey("terminals.id"), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("status", String(10), nullable=False),
    Column("code", String(40), nullable=True),
    Column("message", String(300), nullable=True),
    Column("result", Text, nullable=False),
    Column("created_at", Timestamp(), nullable=False),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("operation_key", String(64), nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("shop_id", Integer, ForeignKey("shops.id"), nullable=True),
    Column("detail", Text, nullable=False),
    Column("created_at", Timestamp(), nullable=False),
    Column("resolved", Boolean, nullable=False, server_default=false()),
)

changes = Table(
    "changes",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("entity_id", String(40), nullable=False),
    Column("data", Text, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default=false()),
    Column("created_at", Timestamp(), nullable=False),
    Index("ix_changes_kind_entity", "kind", "entity_id"),
)
