"""A province's committee reads and checks one commune at a time among a few hundred: the unit columns those reads
filter on get indexes, so that their cost follows the commune's rows, not the province's. The tree's parent (a
unit's branches), the members, meetings and funds of a unit (what is worked out again for a unit after its
package), and a member's hamlet (removing a hamlet clears it from the members who had it: without an index every
member of the province is read, on SQLite and on PostgreSQL alike).

Revision ID: province_indexes
Revises: member_conflicts
Create Date: 2026-11-30 10:00:00
"""

from alembic import op

revision = "province_indexes"
down_revision = "review_audit"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_org_unit_parent_id", "org_unit", "parent_id"),
    ("ix_member_org_unit_id", "member", "org_unit_id"),
    ("ix_member_hamlet_id", "member", "hamlet_id"),
    ("ix_meeting_org_unit_id", "meeting", "org_unit_id"),
    ("ix_fund_org_unit_id", "fund", "org_unit_id"),
]


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column])


def downgrade() -> None:
    for name, table, _column in reversed(INDEXES):
        op.drop_index(name, table)
