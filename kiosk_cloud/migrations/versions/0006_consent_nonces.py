"""used consent nonces for the resident's signed statements (issue 8, consent helper)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "consent_nonces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("stated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.id"],
                                name=op.f("fk_consent_nonces_terminal_id_terminals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_nonces")),
        sa.UniqueConstraint("fingerprint", "nonce", name="uq_consent_nonces_fingerprint_nonce"),
    )
    with op.batch_alter_table("consent_nonces", schema=None) as batch_op:
        batch_op.create_index("ix_consent_nonces_stated_at", ["stated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("consent_nonces", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_nonces_stated_at")
    op.drop_table("consent_nonces")
