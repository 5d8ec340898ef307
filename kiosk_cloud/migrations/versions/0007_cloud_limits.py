"""idempotency keys per terminal, voucher key validity and revocation, CRL bookkeeping (issue 8, limits helper)

- idempotency: primary key (terminal_id, key) instead of key alone; ledger: unique (terminal_id,
  idempotency_key) instead of idempotency_key alone; vouchers.redeem_key: a plain index (two terminals may use
  the same key text).
- voucher_keys: verify_until (vouchers signed by the key verify until then; existing keys: their valid_until)
  and revoked_at.
- municipalities: offline_window_s and crl_grace_s (NULL: the cloud's settings).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("idempotency", schema=None) as batch_op:
        batch_op.drop_constraint("pk_idempotency", type_="primary")
        batch_op.create_primary_key("pk_idempotency", ["terminal_id", "key"])
    with op.batch_alter_table("ledger", schema=None) as batch_op:
        batch_op.drop_constraint("uq_ledger_idempotency_key", type_="unique")
        batch_op.create_unique_constraint("uq_ledger_terminal_key", ["terminal_id", "idempotency_key"])
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.drop_constraint("uq_vouchers_redeem_key", type_="unique")
        batch_op.create_index("ix_vouchers_redeem_key", ["redeem_key"], unique=False)
    with op.batch_alter_table("voucher_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verify_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE voucher_keys SET verify_until = valid_until WHERE verify_until IS NULL")
    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("offline_window_s", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("crl_grace_s", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("municipalities", schema=None) as batch_op:
        batch_op.drop_column("crl_grace_s")
        batch_op.drop_column("offline_window_s")
    with op.batch_alter_table("voucher_keys", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("verify_until")
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.drop_index("ix_vouchers_redeem_key")
        batch_op.create_unique_constraint("uq_vouchers_redeem_key", ["redeem_key"])
    with op.batch_alter_table("ledger", schema=None) as batch_op:
        batch_op.drop_constraint("uq_ledger_terminal_key", type_="unique")
        batch_op.create_unique_constraint("uq_ledger_idempotency_key", ["idempotency_key"])
    with op.batch_alter_table("idempotency", schema=None) as batch_op:
        batch_op.drop_constraint("pk_idempotency", type_="primary")
        batch_op.create_primary_key("pk_idempotency", ["key"])
