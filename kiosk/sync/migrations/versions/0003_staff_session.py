"""operations.staff_session: the clerk's session an operation was done under (issue 8)

Kept per operation because an operation queued offline must reach the cloud with the session of the clerk who did
it, even if another clerk has logged in since. The token is useless without this terminal's own credentials (the
cloud accepts it only from the terminal it was issued to, and only for operations dated while it was open).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 14:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('staff_session', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.drop_column('staff_session')
