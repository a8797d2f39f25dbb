"""The audit log: who changed what, when, with the old and new values; and the logs branches send up.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 21:10:00
"""

import sqlalchemy as sa
from alembic import op

from chibo_desktop.storage import audit_schema

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = (
    "org_unit", "hamlet", "member", "party_card", "status_event", "rule_value", "thematic_topic", "meeting",
    "meeting_guest", "agenda_item", "opinion", "resolution", "assignment", "attendance", "meeting_addendum", "fund",
    "loan", "loan_installment", "fund_entry", "key_pair", "branch_key",
)  # the audited tables at this revision, written out: later revisions add to audit_schema.AUDITED


def upgrade() -> None:
    op.create_table(
        "audit_actor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_actor")),
    )
    op.execute("INSERT INTO audit_actor (id, name) VALUES (1, '')")
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=19), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_table(
        "branch_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_unit.id"], name=op.f("fk_branch_audit_org_unit_id_org_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch_audit")),
        sa.UniqueConstraint("org_unit_id", name=op.f("uq_branch_audit_org_unit_id")),
    )
    audit_schema.install(op.get_bind(), TABLES, audit_schema.SQLITE_ROW_TIME)


def downgrade() -> None:
    audit_schema.drop(op.get_bind(), TABLES)
    op.drop_table("branch_audit")
    op.drop_index("ix_audit_log_at", "audit_log")
    op.drop_table("audit_log")
    op.drop_table("audit_actor")
