"""The committee's stats read its kept figures by kind for all units at once (the units' member counts, the
period's meetings, the year's review, the loans): an index that starts with the kind reads only those rows, where
the table was read whole a dozen times a report (a third of the reading at 81 branches).

Revision ID: unit_figures_topic
Revises: province_indexes
Create Date: 2026-11-30 13:20:00
"""

from alembic import op

revision = "unit_figures_topic"
down_revision = "province_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_unit_figures_topic_unit_day", "unit_figures", ["topic", "org_unit_id", "day"])


def downgrade() -> None:
    op.drop_index("ix_unit_figures_topic_unit_day", "unit_figures")
