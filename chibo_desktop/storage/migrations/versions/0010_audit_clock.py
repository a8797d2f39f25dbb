"""The audit log takes the moment of a write from the app's clock (stored beside the actor), not SQLite's.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 03:00:00
"""

import sqlalchemy as sa
from alembic import op

from chibo_desktop.storage import audit_schema

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


TABLES = (
    "org_unit", "hamlet", "member", "party_card", "status_event", "rule_value", "thematic_topic", "meeting",
    "meeting_guest", "agenda_item", "opinion", "resolution", "assignment", "attendance", "meeting_addendum", "fund",
    "loan", "loan_installment", "fund_entry", "key_pair", "branch_key", "app_lock",
)  # the audited tables at this revision, written out: later revisions add to audit_schema.AUDITED


def upgrade() -> None:
    op.add_column("audit_actor", sa.Column("at", sa.String(length=19), nullable=True))
    audit_schema.install(op.get_bind(), TABLES)


def downgrade() -> None:
    audit_schema.install(op.get_bind(), TABLES, row_time=audit_schema.SQLITE_ROW_TIME)
    with op.batch_alter_table("audit_actor") as batch_op:
        batch_op.drop_column("at")
