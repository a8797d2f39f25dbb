"""A package locked with the upper level's key keeps that key (public) in ``export_log.recipient``, so that the next
package is offered the same lock: the branch pasted the key once, not every month.

Revision ID: export_recipient
Revises: package_audit
Create Date: 2026-11-30 20:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "export_recipient"
down_revision = "package_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("export_log", sa.Column("recipient", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("export_log") as batch_op:
        batch_op.drop_column("recipient")
