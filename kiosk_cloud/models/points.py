"""Municipality reference data, point accounts, lots, the ledger and vouchers."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)

from kiosk_cloud.models.base import Timestamp, metadata

municipalities = Table(
    "municipalities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(6), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
    # issue 8 limits set by the municipality (NULL: the cloud's settings); published on the changes feed
    Column("offline_window_s", Integer, nullable=True),
    Column("crl_grace_s", Integer, nullable=True),
)

point_types = Table(
    "point_types",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("municipality_id", Integer, ForeignKey("municipalities.id"), nullable=False),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
    Column("offline_limit_per_card_per_day", Integer, nullable=False, server_default="0"),
)

departments = Table(
    "departments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
)

programmes = Table(
    "programmes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("department_id", Integer, ForeignKey("departments.id"), nullable=False),
    Column("point_type_id", Integer, ForeignKey("point_types.id"), nullable=False),
    Column("name", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
    Column("premium", Boolean, nullable=False, server_default=false()),
    Column("validity_days", Integer, nullable=False, server_default="365"),
    Column("max_points_per_grant", Integer, nullable=False, server_default="100000"),
    Column("active", Boolean, nullable=False, server_default=true()),
    # how often one MyKey ID may receive this programme's points: once_per_day (JST day) | once | unlimited
    Column("repeat_rule", String(20), nullable=False, server_default="unlimited"),
    # issue 12: the points a clerk is offered for one grant (NULL: none preset; the counter may still type any)
    Column("default_points", Integer, nullable=True),
)

shops = Table(
    "shops",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("street", String(100), nullable=False),
    Column("payee_account", String(100), nullable=False, server_default=""),
    Column("active", Boolean, nullable=False, server_default=true()),
)

# kind: kiosk.core.points.AccountKind (personal | municipal_default | support_event)
accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mykey_id", String(8), ForeignKey("mykey_ids.mykey_id"), nullable=True),
    Column("point_type_id", Integer, ForeignKey("point_types.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("name", String(100), nullable=False, server_default=""),
    Column("created_at", Timestamp(), nullable=False),
    UniqueConstraint("mykey_id", "point_type_id", "kind", name="uq_accounts_owner"),
    # municipal accounts (no MyKey ID): one per point type, kind and name (NULLs are distinct in the constraint
    # above); the default account has the empty name, support-event accounts (特定支援イベント口座) their event's
    Index("uq_accounts_municipal_name", "point_type_id", "kind", "name", unique=True,
          postgresql_where=text("mykey_id IS NULL"), sqlite_where=text("mykey_id IS NULL")),
)

lots = Table(
    "lots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id"), nullable=False),
    Column("programme_id", Integer, ForeignKey("programmes.id"), nullable=True),
    Column("premium", Boolean, nullable=False),
    Column("granted_at", Timestamp(), nullable=False),
    Column("expires_at", Timestamp(), nullable=False),
    Column("original", Integer, nullable=False),
    Column("remaining", Integer, nullable=False),
    Index("ix_lots_account_remaining", "account_id", "remaining"),
)

# kind: grant | use | expiry | voucher | voucher_void | reversal | reserved_transfer | event_fund
# Amounts, time, place or programme: never what was bought.
ledger = Table(
    "ledger",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("points", Integer, nullable=False),
    Column("premium_points", Integer, nullable=False, server_default="0"),
    Column("occurred_at", Timestamp(), nullable=False),
    Column("recorded_at", Timestamp(), nullable=False),
    Column("shop_id", Integer, ForeignKey("shops.id"), nullable=True),
    Column("programme_id", Integer, ForeignKey("programmes.id"), nullable=True),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=True),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("idempotency_key", String(64), nullable=True),
    Column("reference", String(40), nullable=True),
    Column("takes", Text, nullable=True),
    Column("reversed_by", Integer, nullable=True),
    Column("offline", Boolean, nullable=False, server_default=false()),
    Index("ix_ledger_account_id", "account_id", "id"),
    Index("ix_ledger_kind_occurred", "kind", "occurred_at"),
    UniqueConstraint("terminal_id", "idempotency_key", name="uq_ledger_terminal_key"),  # keys are per terminal
)

reserved_points = Table(
    "reserved_points",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id"), nullable=False),
    Column("programme_id", Integer, ForeignKey("programmes.id"), nullable=True),
    Column("points", Integer, nullable=False),
    Column("transfer_deadline", Timestamp(), nullable=False),
    Column("transferred_at", Timestamp(), nullable=True),
    Column("claimed_at", Timestamp(), nullable=True),
)

voucher_keys = Table(
    "voucher_keys",
    metadata,
    Column("key_id", Integer, primary_key=True, autoincrement=False),
    Column("public_key", LargeBinary, nullable=False),
    # The reference server keeps the Ed25519 private key in its database (documented); production would use an HSM.
    Column("private_key", LargeBinary, nullable=False),
    Column("valid_from", Timestamp(), nullable=False),
    Column("valid_until", Timestamp(), nullable=False),
    Column("active", Boolean, nullable=False),
    # vouchers it signed stay verifiable until then (NULL: valid_until); revoked: no voucher of it verifies
    Column("verify_until", Timestamp(), nullable=True),
    Column("revoked_at", Timestamp(), nullable=True),
)

# status: issued | redeemed | voided
vouchers = Table(
    "vouchers",
    metadata,
    Column("serial", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("number", String(13), nullable=True, unique=True),
    Column("code", Text, nullable=True),
    Column("key_id", Integer, ForeignKey("voucher_keys.key_id"), nullable=False),
    Column("point_type_id", Integer, ForeignKey("point_types.id"), nullable=False),
    Column("account_id", Integer, ForeignKey("accounts.id"), nullable=False),
    Column("points", Integer, nullable=False),
    Column("premium_points", Integer, nullable=False, server_default="0"),
    Column("takes", Text, nullable=True),
    Column("valid_from", Timestamp(), nullable=False),
    Column("valid_until", Timestamp(), nullable=False),
    Column("issued_at", Timestamp(), nullable=False),
    Column("issuing_terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("status", String(10), nullable=False),
    Column("redeemed_at", Timestamp(), nullable=True),
    Column("redeemed_shop_id", Integer, ForeignKey("shops.id"), nullable=True),
    Column("redeem_key", String(64), nullable=True, index=True),  # idempotency keys are per terminal
    Column("redeem_method", String(12), nullable=True),
    Column("voided_at", Timestamp(), nullable=True),
)
