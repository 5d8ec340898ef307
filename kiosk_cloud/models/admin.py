"""The municipality's administration (issue 12): voucher rules per point type, and the indexes the reports use.

The terminals' last contact and outbox backlog are columns of `terminals` (models/identity.py)."""

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, String, Table, Text

from kiosk_cloud.models.base import Timestamp, metadata
from kiosk_cloud.models.ops import applications, conflicts
from kiosk_cloud.models.points import ledger, vouchers

# Voucher rules (seed 003 6-4): default validity, the most points on one voucher, which shops accept them
# (`shop_ids`: JSON list; empty = every shop). One row per point type; no row = the cloud's settings.
voucher_rules = Table(
    "voucher_rules",
    metadata,
    Column("point_type_id", Integer, ForeignKey("point_types.id"), primary_key=True),
    Column("validity_days", Integer, nullable=False),
    Column("max_points", Integer, nullable=False),
    Column("shop_ids", Text, nullable=False, server_default="[]"),
    Column("updated_at", Timestamp(), nullable=False),
)

# The ledger summed per month (Japan time), kind, shop, programme and terminal, kept by the database itself: triggers
# on `ledger` (migration 0010) add every row in the transaction that writes it, whichever path writes it (general
# path, batch runners, asyncpg hot paths, seeding). 0 stands for "none" in shop/programme (a key column is never
# NULL). The terminal is part of the key so that two terminals' transactions never wait on one summary row; a row
# without a terminal (expiry write-off, sweep) is keyed -1 … -64 by its account, for the same reason.
# `premium_n` / `premium_n_points`: the rows with premium points, and all their points (the accounting export
# charges such a grant as premium). Whole months of a report read this; a partial month reads the ledger.
ledger_monthly = Table(
    "ledger_monthly",
    metadata,
    Column("month", String(7), primary_key=True),  # 'YYYY-MM', Japan time
    Column("kind", String(20), primary_key=True),
    Column("shop_id", Integer, primary_key=True, autoincrement=False),
    Column("programme_id", Integer, primary_key=True, autoincrement=False),
    Column("terminal_id", Integer, primary_key=True, autoincrement=False),
    Column("n", BigInteger, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("premium_points", BigInteger, nullable=False),
    Column("premium_n", BigInteger, nullable=False),
    Column("premium_n_points", BigInteger, nullable=False),
)

# A resident's points given to a support event (特定支援イベント, seed 003 6-1/6-4 ③): the resident's ledger row
# (kind `event_support`, reference `event:<account>`) and the name the resident wished the organiser to be told
# (NULL: anonymous). One row per gift.
event_supporters = Table(
    "event_supporters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_account_id", Integer, ForeignKey("accounts.id"), nullable=False, index=True),
    Column("ledger_id", Integer, ForeignKey("ledger.id"), nullable=False, unique=True),
    Column("mykey_id", String(8), nullable=False),
    Column("points", Integer, nullable=False),
    Column("name", String(40), nullable=True),
    Column("at", Timestamp(), nullable=False),
    Column("terminal_id", Integer, ForeignKey("terminals.id"), nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=True),
)

# Reports (services/report_queries.py): each one query over a period; PostgreSQL answers the ledger ones from
# the index alone (INCLUDE), SQLite uses the leading columns.
REPORT_INDEXES = (
    Index("ix_ledger_report", ledger.c.kind, ledger.c.occurred_at,
          postgresql_include=["shop_id", "programme_id", "account_id", "points", "premium_points", "offline"]),
    Index("ix_vouchers_issued_at", vouchers.c.issued_at),
    Index("ix_vouchers_redeemed_at", vouchers.c.redeemed_at),
    Index("ix_vouchers_voided_at", vouchers.c.voided_at),
    Index("ix_applications_created_at", applications.c.created_at),
    Index("ix_applications_status", applications.c.status, applications.c.id),
    Index("ix_conflicts_created_at", conflicts.c.created_at),
)
