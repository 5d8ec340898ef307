"""account kinds up to 20 characters (municipal_default); one municipal account per point type and kind

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 00:22:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.alter_column("kind", existing_type=sa.String(length=16), type_=sa.String(length=20),
                              existing_nullable=False)
        batch_op.create_index("uq_accounts_municipal", ["point_type_id", "kind"], unique=True,
                              postgresql_where=sa.text("mykey_id IS NULL"), sqlite_where=sa.text("mykey_id IS NULL"))


def downgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index("uq_accounts_municipal")
        batch_op.alter_column("kind", existing_type=sa.String(length=20), type_=sa.String(length=16),
                              existing_nullable=False)
