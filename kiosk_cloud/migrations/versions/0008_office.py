"""the commerce-association office (issue 11): reconciliation batches, voucher re-prints, exchanges, cash sales,
settlements and shop bank accounts

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 13:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'voucher_prints',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(13), nullable=False),
        sa.Column('copy', sa.Integer(), nullable=False),
        sa.Column('terminal_id', sa.Integer(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=False),
        sa.Column('printed_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name='fk_voucher_prints_staff_id_staff'),
        sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name='fk_voucher_prints_terminal_id_terminals'),
        sa.PrimaryKeyConstraint('id', name='pk_voucher_prints'),
    )
    op.create_index('ix_voucher_prints_number', 'voucher_prints', ['number'], unique=False)
    op.create_table(
        'reconciliation_batches',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('shop_id', sa.Integer(), nullable=False),
        sa.Column('terminal_id', sa.Integer(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=False),
        sa.Column('second_staff_id', sa.Integer(), nullable=True),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('accepted', sa.Integer(), nullable=False),
        sa.Column('accepted_points', sa.Integer(), nullable=False),
        sa.Column('refused', sa.Integer(), nullable=False),
        sa.Column('results', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['second_staff_id'], ['staff.id'], name='fk_reconciliation_batches_second_staff_id_staff'),
        sa.ForeignKeyConstraint(['shop_id'], ['shops.id'], name='fk_reconciliation_batches_shop_id_shops'),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name='fk_reconciliation_batches_staff_id_staff'),
        sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name='fk_reconciliation_batches_terminal_id_terminals'),
        sa.PrimaryKeyConstraint('id', name='pk_reconciliation_batches'),
    )
    op.create_index('ix_reconciliation_batches_shop', 'reconciliation_batches', ['shop_id', 'id'], unique=False)
    op.create_table(
        'exchanges',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('mykey_id', sa.String(8), nullable=False),
        sa.Column('point_type_id', sa.Integer(), nullable=False),
        sa.Column('points', sa.Integer(), nullable=False),
        sa.Column('shop_id', sa.Integer(), nullable=False),
        sa.Column('serials', sa.Text(), nullable=True),
        sa.Column('card_number', sa.String(40), nullable=True),
        sa.Column('ledger_id', sa.Integer(), nullable=False),
        sa.Column('terminal_id', sa.Integer(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['point_type_id'], ['point_types.id'], name='fk_exchanges_point_type_id_point_types'),
        sa.ForeignKeyConstraint(['shop_id'], ['shops.id'], name='fk_exchanges_shop_id_shops'),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name='fk_exchanges_staff_id_staff'),
        sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name='fk_exchanges_terminal_id_terminals'),
        sa.PrimaryKeyConstraint('id', name='pk_exchanges'),
    )
    op.create_table(
        'cash_sale_rules',
        sa.Column('point_type_id', sa.Integer(), nullable=False, autoincrement=False),
        sa.Column('premium_rate_pct', sa.Integer(), nullable=False),
        sa.Column('max_yen_per_sale', sa.Integer(), nullable=False),
        sa.Column('max_yen_per_resident_month', sa.Integer(), nullable=False),
        sa.Column('validity_days', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['point_type_id'], ['point_types.id'], name='fk_cash_sale_rules_point_type_id_point_types'),
        sa.PrimaryKeyConstraint('point_type_id', name='pk_cash_sale_rules'),
    )
    op.create_table(
        'cash_sales',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('mykey_id', sa.String(8), nullable=False),
        sa.Column('point_type_id', sa.Integer(), nullable=False),
        sa.Column('yen', sa.Integer(), nullable=False),
        sa.Column('points', sa.Integer(), nullable=False),
        sa.Column('premium_points', sa.Integer(), nullable=False),
        sa.Column('premium_rate_pct', sa.Integer(), nullable=False),
        sa.Column('terminal_id', sa.Integer(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=False),
        sa.Column('idempotency_key', sa.String(64), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['point_type_id'], ['point_types.id'], name='fk_cash_sales_point_type_id_point_types'),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name='fk_cash_sales_staff_id_staff'),
        sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name='fk_cash_sales_terminal_id_terminals'),
        sa.PrimaryKeyConstraint('id', name='pk_cash_sales'),
        sa.UniqueConstraint('terminal_id', 'idempotency_key', name='uq_cash_sales_terminal_key'),
    )
    op.create_index('ix_cash_sales_mykey_at', 'cash_sales', ['mykey_id', 'at'], unique=False)
    op.create_table(
        'settlements',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('period_from', sa.Date(), nullable=False),
        sa.Column('period_to', sa.Date(), nullable=False),
        sa.Column('status', sa.String(10), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_by', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['closed_by'], ['staff.id'], name='fk_settlements_closed_by_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_settlements'),
    )
    op.create_table(
        'settlement_items',
        sa.Column('source', sa.String(10), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('settlement_id', sa.Integer(), nullable=False),
        sa.Column('shop_id', sa.Integer(), nullable=False),
        sa.Column('late', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['settlement_id'], ['settlements.id'], name='fk_settlement_items_settlement_id_settlements'),
        sa.PrimaryKeyConstraint('source', 'source_id', name='pk_settlement_items'),
    )
    op.create_index('ix_settlement_items_settlement', 'settlement_items', ['settlement_id'], unique=False)
    op.create_table(
        'settlement_lines',
        sa.Column('settlement_id', sa.Integer(), nullable=False),
        sa.Column('shop_id', sa.Integer(), nullable=False),
        sa.Column('figures', sa.Text(), nullable=False),
        sa.Column('amount_due', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['settlement_id'], ['settlements.id'], name='fk_settlement_lines_settlement_id_settlements'),
        sa.ForeignKeyConstraint(['shop_id'], ['shops.id'], name='fk_settlement_lines_shop_id_shops'),
        sa.PrimaryKeyConstraint('settlement_id', 'shop_id', name='pk_settlement_lines'),
    )
    op.create_table(
        'bank_accounts',
        sa.Column('owner', sa.String(20), nullable=False),
        sa.Column('bank_code', sa.String(4), nullable=False),
        sa.Column('branch_code', sa.String(3), nullable=False),
        sa.Column('account_type', sa.String(1), nullable=False),
        sa.Column('account_number', sa.String(7), nullable=False),
        sa.Column('holder_kana', sa.String(40), nullable=False),
        sa.Column('requester_code', sa.String(10), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['updated_by'], ['staff.id'], name='fk_bank_accounts_updated_by_staff'),
        sa.PrimaryKeyConstraint('owner', name='pk_bank_accounts'),
    )


def downgrade() -> None:
    op.drop_table('bank_accounts')
    op.drop_table('settlement_lines')
    op.drop_index('ix_settlement_items_settlement', table_name='settlement_items')
    op.drop_table('settlement_items')
    op.drop_table('settlements')
    op.drop_index('ix_cash_sales_mykey_at', table_name='cash_sales')
    op.drop_table('cash_sales')
    op.drop_table('cash_sale_rules')
    op.drop_table('exchanges')
    op.drop_index('ix_reconciliation_batches_shop', table_name='reconciliation_batches')
    op.drop_table('reconciliation_batches')
    op.drop_index('ix_voucher_prints_number', table_name='voucher_prints')
    op.drop_table('voucher_prints')
