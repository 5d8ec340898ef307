"""shop conflicts pulled from the cloud

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('shop_conflicts',
    sa.Column('cloud_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('operation_key', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('involvement', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('message_ja', sa.Text(), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('reported_at', sa.String(length=40), nullable=False),
    sa.Column('acknowledged_at', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('cloud_id')
    )
    with op.batch_alter_table('shop_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shop_conflicts_operation_key'), ['operation_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('shop_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shop_conflicts_operation_key'))
    op.drop_table('shop_conflicts')
