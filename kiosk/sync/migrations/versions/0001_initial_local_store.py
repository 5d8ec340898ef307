"""initial local store

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21 23:52:25.790748
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('operations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('offline', sa.Boolean(), nullable=False),
    sa.Column('retry_of', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('message_ja', sa.Text(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('finished_at', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operations_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_operations_status'), ['status'], unique=False)

    op.create_table('reference_items',
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('item_id', sa.String(length=128), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'item_id')
    )
    op.create_table('sync_state',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('conflicts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('operation_key', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('message_ja', sa.Text(), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.Column('reported_at', sa.String(length=40), nullable=False),
    sa.Column('acknowledged_at', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['operation_key'], ['operations.key'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('operation_key')
    )
    op.create_table('dead_letters',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('operation_key', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('message_ja', sa.Text(), nullable=False),
    sa.Column('failed_at', sa.String(length=40), nullable=False),
    sa.Column('resolved_at', sa.String(length=40), nullable=True),
    sa.Column('resolution', sa.String(length=16), nullable=True),
    sa.Column('resolved_by', sa.String(length=80), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['operation_key'], ['operations.key'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('operation_key')
    )
    op.create_table('offline_payments',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('operation_key', sa.String(length=36), nullable=False),
    sa.Column('card_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('point_type_id', sa.String(length=64), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['operation_key'], ['operations.key'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('operation_key')
    )
    with op.batch_alter_table('offline_payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offline_payments_card_fingerprint'), ['card_fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_offline_payments_day'), ['day'], unique=False)

    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('operation_key', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('destination', sa.String(length=40), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_attempt_at', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['operation_key'], ['operations.key'], ),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('operation_key')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_kind'), ['kind'], unique=False)

    op.create_table('redemptions',
    sa.Column('voucher_number', sa.String(length=13), nullable=False),
    sa.Column('operation_key', sa.String(length=36), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('redeemed_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['operation_key'], ['operations.key'], ),
    sa.PrimaryKeyConstraint('voucher_number')
    )
    


def downgrade() -> None:
    
    op.drop_table('redemptions')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_kind'))

    op.drop_table('outbox')
    with op.batch_alter_table('offline_payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offline_payments_day'))
        batch_op.drop_index(batch_op.f('ix_offline_payments_card_fingerprint'))

    op.drop_table('offline_payments')
    op.drop_table('dead_letters')
    op.drop_table('conflicts')
    op.drop_table('sync_state')
    op.drop_table('reference_items')
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operations_status'))
        batch_op.drop_index(batch_op.f('ix_operations_kind'))

    op.drop_table('operations')
    
