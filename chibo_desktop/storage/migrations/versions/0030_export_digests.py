"""The branch keeps, with each package it writes, a digest of every record it held then
(``export_log.record_digests``), so that once the upper level acknowledged a package the next one carries only the
records that changed since: a month's package then holds a few records, not the branch's whole history.

Revision ID: export_digests
Revises: receipt_lock
Create Date: 2026-12-01 06:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "export_digests"
down_revision = "receipt_lock"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("export_log", sa.Column("record_digests", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("export_log") as batch_op:
        batch_op.drop_column("record_digests")
