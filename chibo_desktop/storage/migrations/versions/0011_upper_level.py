"""The level a database keeps, and how far each package's data reaches.

The level is the kind of the database's own unit ("branch" or "committee"). Before it was asked at setup, a
commune committee set itself up as a branch; a database that has taken in branches' packages is a committee.
``import_log.covers_to`` is the last day a package's data covers (its manifest's period "to"), which decides
whether a branch has sent for a period; older rows take the day the package was made.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"  # a real date type and a real boolean there
    day = "CAST(substr(created_at_branch, 1, 10) AS DATE)" if postgresql else "substr(created_at_branch, 1, 10)"
    is_self = "is_self" if postgresql else "is_self = 1"
    op.add_column("import_log", sa.Column("covers_to", sa.Date(), nullable=True))
    op.execute(f"UPDATE import_log SET covers_to = {day} WHERE created_at_branch != ''")
    op.execute(
        f"UPDATE org_unit SET kind = 'committee' WHERE {is_self} AND kind = 'branch' "
        "AND EXISTS (SELECT 1 FROM import_log)"
    )


def downgrade() -> None:
    is_self = "is_self" if op.get_bind().dialect.name == "postgresql" else "is_self = 1"
    op.execute(f"UPDATE org_unit SET kind = 'branch' WHERE {is_self}")
    with op.batch_alter_table("import_log") as batch_op:
        batch_op.drop_column("covers_to")
