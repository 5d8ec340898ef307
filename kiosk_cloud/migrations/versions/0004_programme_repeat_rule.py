"""grant programmes: repeat_rule (once_per_day | once | unlimited); existing programmes stay unlimited

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("repeat_rule", sa.String(length=20), server_default="unlimited",
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.drop_column("repeat_rule")
