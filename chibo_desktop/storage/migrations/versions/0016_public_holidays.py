"""Public holidays as dated, editable rows, seeded from the ``holidays`` package (Tết by the lunar calendar,
substitute days), so that working days (the 30 working days after probation) skip them.

Revision ID: public_holidays
Revises: terms
Create Date: 2026-11-30 07:10:00
"""

import sqlalchemy as sa
from alembic import op

from chibo_desktop.domain.working_days import SEED_SOURCE, published_holidays
from chibo_desktop.storage import audit_schema

revision = "public_holidays"
down_revision = "terms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "public_holiday",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_holiday")),
        sa.UniqueConstraint("on", name=op.f("uq_public_holiday_on")),
    )
    table = sa.table(
        "public_holiday", sa.column("on", sa.Date), sa.column("name", sa.String), sa.column("source", sa.String)
    )
    op.bulk_insert(table, [{"on": day, "name": name, "source": SEED_SOURCE} for day, name in published_holidays()])
    audit_schema.install(op.get_bind(), ("public_holiday",))  # after the seed: the log shows the user's edits


def downgrade() -> None:
    audit_schema.drop(op.get_bind(), ("public_holiday",))
    op.drop_table("public_holiday")
