"""The private keys are sealed when the app has a password: the sealing key, wrapped by the password and by the
recovery code.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 04:00:00
"""

import sqlalchemy as sa
from alembic import op

from chibo_desktop.storage import audit_schema

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("app_lock", sa.Column("key_wrap", sa.String(length=300), nullable=True))
    op.add_column("app_lock", sa.Column("key_wrap_recovery", sa.String(length=300), nullable=True))
    audit_schema.install(op.get_bind(), ("app_lock",))  # the wraps are secret: never in the log


def downgrade() -> None:
    with op.batch_alter_table("app_lock") as batch_op:
        batch_op.drop_column("key_wrap_recovery")
        batch_op.drop_column("key_wrap")
    audit_schema.install(op.get_bind(), ("app_lock",))
