"""A receipt from the upper level may carry its encryption key; the branch keeps it with the receipt
(``export_ack.upper_lock``, base64) and offers to lock its next packages to it, so that no passphrase has to be
told by phone each month and the key never has to be typed.

Revision ID: receipt_lock
Revises: branch_log_entries
Create Date: 2026-12-01 03:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "receipt_lock"
down_revision = "branch_log_entries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("export_ack", sa.Column("upper_lock", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("export_ack") as batch_op:
        batch_op.drop_column("upper_lock")
