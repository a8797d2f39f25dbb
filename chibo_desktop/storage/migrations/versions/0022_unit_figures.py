"""A committee's figures per unit kept apart from the records, so that its stats and reports read a few hundred
rows instead of every member's history: ``unit_figures`` holds, per unit, its member counts on each day they change,
one row per meeting with its attendance counted, its loan book and each recent year's review, as JSON worked out
again whole after each package from the unit. The rows of a file taken in before this revision are worked out on
first use (the app's code does it; a migration does not import it).

Revision ID: unit_figures
Revises: member_conflicts
Create Date: 2026-11-30 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "unit_figures"
down_revision = "member_conflicts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_figures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_unit_id", sa.Integer(), sa.ForeignKey("org_unit.id", ondelete="CASCADE"), nullable=False),
        sa.Column("topic", sa.String(20), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("ref", sa.Integer(), nullable=True),
        sa.Column("figures", sa.Text(), nullable=False),
    )
    op.create_index("ix_unit_figures_unit_topic_day", "unit_figures", ["org_unit_id", "topic", "day"])


def downgrade() -> None:
    op.drop_index("ix_unit_figures_unit_topic_day", "unit_figures")
    op.drop_table("unit_figures")
