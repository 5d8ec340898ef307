"""municipal accounts unique per point type, kind and name (several support-event accounts per point type)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index("uq_accounts_municipal")
        batch_op.create_index("uq_accounts_municipal_name", ["point_type_id", "kind", "name"], unique=True,
                              postgresql_where=sa.text("mykey_id IS NULL"), sqlite_where=sa.text("mykey_id IS NULL"))


def downgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index("uq_accounts_municipal_name")
        batch_op.create_index("uq_accounts_municipal", ["point_type_id", "kind"], unique=True,
                              postgresql_where=sa.text("mykey_id IS NULL"), sqlite_where=sa.text("mykey_id IS NULL"))
