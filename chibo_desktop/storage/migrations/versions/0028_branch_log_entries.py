"""The log a branch sent is kept with the number of its entries (``branch_audit.entries``), so that a later package,
which carries only the entries after those the upper level holds, is joined to the kept text as it came instead of
the whole log being read and written again each month. A log kept before has no number: the next package reads it
once and counts it.

Revision ID: branch_log_entries
Revises: export_recipient
Create Date: 2026-11-30 23:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "branch_log_entries"
down_revision = "export_recipient"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("branch_audit", sa.Column("entries", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("branch_audit") as batch_op:
        batch_op.drop_column("entries")
