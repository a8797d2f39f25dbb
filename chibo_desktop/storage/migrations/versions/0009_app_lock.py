"""An optional password on opening the app: argon2id hashes of the password and of its recovery code.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22 21:10:00
"""

import sqlalchemy as sa
from alembic import op

from chibo_desktop.storage import audit_schema

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_lock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=True),
        sa.Column("recovery_hash", sa.String(length=300), nullable=True),
        sa.Column("idle_minutes", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.String(length=19), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_lock")),
    )
    op.execute("INSERT INTO app_lock (id, idle_minutes) VALUES (1, 10)")
    audit_schema.install(op.get_bind(), ("app_lock",), audit_schema.SQLITE_ROW_TIME)  # who set or removed the password, and when; never the hash


def downgrade() -> None:
    audit_schema.drop(op.get_bind(), ("app_lock",))
    op.drop_table("app_lock")
