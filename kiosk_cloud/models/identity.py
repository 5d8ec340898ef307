"""Terminals, staff, resident authentication, MyKey IDs and their certificate bindings."""

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
    true,
)

from kiosk_cloud.models.base import Timestamp, metadata

enrolment_codes = Table(
    "enrolment_codes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("role", String(10), nullable=False),
    Column("name", String(100), nullable=False),
    Column("shop_id", Integer, ForeignKey("shops.id"), nullable=True),
    Column("created_at", Timestamp(), nullable=False),
    Column("expires_at", Timestamp(), nullable=False),
    Column("used_at", Timestamp(), nullable=True),
)

# Token on the wire: "<terminal id>.<secret>"; only SHA-256(secret) is stored, lookup is by primary key.
terminals = Table(
    "terminals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("role", String(10), nullable=False),
    Column("shop_id", Integer, ForeignKey("shops.id"), nullable=True),
    Column("token_hash", String(64), nullable=False),
    Column("created_at", Timestamp(), nullable=False),
    Column("revoked_at", Timestamp(), nullable=True),
    # issue 12: the last authenticated request and the outbox backlog the terminal last reported (header
    # X-Outbox-Backlog), written at most once a minute per terminal (kiosk_cloud/services/contact.py)
    Column("last_seen_at", Timestamp(), nullable=True),
    Column("outbox_backlog", Integer, nullable=True),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("staff_code", String(32), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("department_id", Integer, ForeignKey("departments.id"), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, server_default=true()),
    # counter | office | admin (issue 8): what a staff session of this member may do
    Column("role", String(10), nullable=False, server_default="counter"),
)

# kind: ca (DER certificate of a trusted JPKI user-auth CA) | crl (DER CRL)
trust_anchors = Table(
    "trust_anchors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(8), nullable=False),
    Column("der", LargeBinary, nullable=False),
    Column("added_at", Timestamp(), nullable=False),
)

auth_challenges = Table(
    "auth_challenges",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("challenge", LargeBinary, nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("expires_at", Timestamp(), nullable=False),
    Column("used_at", Timestamp(), nullable=True),
)

# status: valid | invalid | suspended
mykey_ids = Table(
    "mykey_ids",
    metadata,
    Column("mykey_id", String(8), primary_key=True),
    Column("status", String(10), nullable=False),
    Column("created_at", Timestamp(), nullable=False),
    Column("status_changed_at", Timestamp(), nullable=False),
)

# The raw certificate is never stored: fingerprint (SHA-256 of the DER), serial and issuer only.
certificates = Table(
    "certificates",
    metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("mykey_id", String(8), ForeignKey("mykey_ids.mykey_id"), nullable=False),
    Column("serial", String(64), nullable=False),
    Column("issuer", String(400), nullable=False),
    Column("not_after", Timestamp(), nullable=False),
    Column("bound_at", Timestamp(), nullable=False),
    Column("unbound_at", Timestamp(), nullable=True),
    Index("ix_certificates_mykey", "mykey_id"),
)

# Resident auth token on the wire: "<id>.<secret>"; SHA-256(secret) stored.
resident_sessions = Table(
    "resident_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("serial", String(64), nullable=False),
    Column("issuer", String(400), nullable=False),
    Column("not_after", Timestamp(), nullable=False),
    Column("created_at", Timestamp(), nullable=False),
    Column("expires_at", Timestamp(), nullable=False),
)

service_ids = Table(
    "service_ids",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mykey_id", String(8), ForeignKey("mykey_ids.mykey_id"), nullable=False),
    Column("business_id", String(40), nullable=False),
    Column("customer_id", String(80), nullable=False),
    Column("created_at", Timestamp(), nullable=False),
    UniqueConstraint("business_id", "customer_id", name="uq_service_ids_pair"),
    Index("ix_service_ids_mykey", "mykey_id"),
)
