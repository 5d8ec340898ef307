"""the municipality's administration (issue 12): terminals' last contact and outbox backlog, voucher rules,
indexes for the reports

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 14:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("terminals") as batch:
        batch.add_column(sa.Column("last_seen_at", _TS, nullable=True))
        batch.add_column(sa.Column("outbox_backlog", sa.Integer(), nullable=True))
    with op.batch_alter_table("programmes") as batch:
        batch.add_column(sa.Column("default_points", sa.Integer(), nullable=True))
    op.create_table(
        "voucher_rules",
        sa.Column("point_type_id", sa.Integer(), nullable=False),
        sa.Column("validity_days", sa.Integer(), nullable=False),
        sa.Column("max_points", sa.Integer(), nullable=False),
        sa.Column("shop_ids", sa.Text(), server_default="[]", nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(["point_type_id"], ["point_types.id"],
                                name="fk_voucher_rules_point_type_id_point_types"),
        sa.PrimaryKeyConstraint("point_type_id", name="pk_voucher_rules"),
    )
    op.create_index("ix_ledger_report", "ledger", ["kind", "occurred_at"], unique=False,
                    postgresql_include=["shop_id", "programme_id", "account_id", "points", "premium_points",
                                        "offline"])
    op.create_index("ix_vouchers_issued_at", "vouchers", ["issued_at"], unique=False)
    op.create_index("ix_vouchers_redeemed_at", "vouchers", ["redeemed_at"], unique=False)
    op.create_index("ix_vouchers_voided_at", "vouchers", ["voided_at"], unique=False)
    op.create_index("ix_applications_created_at", "applications", ["created_at"], unique=False)
    op.create_index("ix_applications_status", "applications", ["status", "id"], unique=False)
    op.create_index("ix_conflicts_created_at", "conflicts", ["created_at"], unique=False)


def downgrade() -> None:
    for name, table in (("ix_conflicts_created_at", "conflicts"), ("ix_applications_status", "applications"),
                        ("ix_applications_created_at", "applications"), ("ix_vouchers_voided_at", "vouchers"),
                        ("ix_vouchers_redeemed_at", "vouchers"), ("ix_vouchers_issued_at", "vouchers"),
                        ("ix_ledger_report", "ledger")):
        op.drop_index(name, table_name=table)
    op.drop_table("voucher_rules")
    with op.batch_alter_table("programmes") as batch:
        batch.drop_column("default_points")
    with op.batch_alter_table("terminals") as batch:
        batch.drop_column("outbox_backlog")
        batch.drop_column("last_seen_at")
