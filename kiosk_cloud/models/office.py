"""The commerce-association office (issue 11): voucher prints, reconciliation batches, exchanges, cash sales,
settlements with shops, and bank accounts for the Zengin transfer file."""

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from kiosk_cloud.models.base import Timestamp, metadata

# Every print of a voucher after the first (the issue itself is the first): copy 2, 3, ... marked "re-print".
voucher_prints = Table(
    "voucher_prints",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(13), nullable=False),
    Column("copy", Integer, nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("printed_at", Timestamp(), nullable=False),
    Index("ix_voucher_prints_number", "number"),
)

# One closed record per shop and bundle of paper vouchers (pattern ①); `results` = the per-voucher outcome (JSON).
reconciliation_batches = Table(
    "reconciliation_batches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("shop_id", Integer, ForeignKey("shops.id"), nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("second_staff_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("closed_at", Timestamp(), nullable=False),
    Column("accepted", Integer, nullable=False),
    Column("accepted_points", Integer, nullable=False),
    Column("refused", Integer, nullable=False),
    Column("results", Text, nullable=False),
    Index("ix_reconciliation_batches_shop", "shop_id", "id"),
)

# kind: gift_certificate (the street's paper certificates, `serials`) | point_card (charged to `card_number`).
# The payee shop (the street's association / 商品券交換所) is settled like any shop.
exchanges = Table(
    "exchanges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("mykey_id", String(8), nullable=False),
    Column("point_type_id", Integer, ForeignKey("point_types.id"), nullable=False),
    Column("points", Integer, nullable=False),
    Column("shop_id", Integer, ForeignKey("shops.id"), nullable=False),
    Column("serials", Text, nullable=True),
    Column("card_number", String(40), nullable=True),
    Column("ledger_id", Integer, nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("at", Timestamp(), nullable=False),
)

# The municipality's terms for selling points over the counter for cash, per point type.
cash_sale_rules = Table(
    "cash_sale_rules",
    metadata,
    Column("point_type_id", Integer, ForeignKey("point_types.id"), primary_key=True, autoincrement=False),
    Column("premium_rate_pct", Integer, nullable=False),
    Column("max_yen_per_sale", Integer, nullable=False),
    Column("max_yen_per_resident_month", Integer, nullable=False),
    Column("validity_days", Integer, nullable=False),
    Column("updated_at", Timestamp(), nullable=False),
)

cash_sales = Table(
    "cash_sales",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mykey_id", String(8), nullable=False),
    Column("point_type_id", Integer, ForeignKey("point_types.id"), nullable=False),
    Column("yen", Integer, nullable=False),
    Column("points", Integer, nullable=False),
    Column("premium_points", Integer, nullable=False),
    Column("premium_rate_pct", Integer, nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("idempotency_key", String(64), nullable=False),
    Column("expires_at", Timestamp(), nullable=False),
    Column("at", Timestamp(), nullable=False),
    UniqueConstraint("terminal_id", "idempotency_key", name="uq_cash_sales_terminal_key"),
    Index("ix_cash_sales_mykey_at", "mykey_id", "at"),
)

# status: open | closed. Periods are JST dates, both inclusive, one after the other.
settlements = Table(
    "settlements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("period_from", Date, nullable=False),
    Column("period_to", Date, nullable=False),
    Column("status", String(10), nullable=False),
    Column("created_at", Timestamp(), nullable=False),
    Column("closed_at", Timestamp(), nullable=True),
    Column("closed_by", Integer, ForeignKey("staff.id"), nullable=True),
)

# What a closed settlement counted: each ledger row / voucher / conflict at most once, ever.
settlement_items = Table(
    "settlement_items",
    metadata,
    Column("source", String(10), nullable=False),
    Column("source_id", Integer, nullable=False),
    Column("settlement_id", Integer, ForeignKey("settlements.id"), nullable=False),
    Column("shop_id", Integer, nullable=False),
    Column("late", Integer, nullable=False),
    PrimaryKeyConstraint("source", "source_id", name="pk_settlement_items"),
    Index("ix_settlement_items_settlement", "settlement_id"),
)

# The closed figures per shop (never recomputed).
settlement_lines = Table(
    "settlement_lines",
    metadata,
    Column("settlement_id", Integer, ForeignKey("settlements.id"), nullable=False),
    Column("shop_id", Integer, ForeignKey("shops.id"), nullable=False),
    Column("figures", Text, nullable=False),
    Column("amount_due", Integer, nullable=False),
    PrimaryKeyConstraint("settlement_id", "shop_id", name="pk_settlement_lines"),
)

# owner: "shop:<id>" (a payee) | "payer" (the association's own account, the transfer file's requester)
bank_accounts = Table(
    "bank_accounts",
    metadata,
    Column("owner", String(20), primary_key=True),
    Column("bank_code", String(4), nullable=False),
    Column("branch_code", String(3), nullable=False),
    Column("account_type", String(1), nullable=False),
    Column("account_number", String(7), nullable=False),
    Column("holder_kana", String(40), nullable=False),
    Column("requester_code", String(10), nullable=True),
    Column("updated_at", Timestamp(), nullable=False),
    Column("updated_by", Integer, ForeignKey("staff.id"), nullable=True),
)
