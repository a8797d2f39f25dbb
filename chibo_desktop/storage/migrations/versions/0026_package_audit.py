"""At the upper level the rows a package's merge brings in are no longer logged one by one by the audit triggers:
the package carries the branch's own log of them (kept per branch, ``branch_audit``), and the import writes one
entry for the package instead (who took it in, from which unit, what it added and changed per kind, the package's
number and hash). Edits a person makes stay logged as before. The triggers of every logged table are made again with
the condition; on SQLite the merge marks itself in the new column ``audit_actor.merging``, on PostgreSQL in the
transaction's setting ``chibo.merging`` (storage/audit_schema.py).

Revision ID: package_audit
Revises: unit_figures_topic
Create Date: 2026-11-30 16:15:00
"""

import sqlalchemy as sa
from alembic import op

from chibo_desktop.storage import audit_schema

revision = "package_audit"
down_revision = "unit_figures_topic"
branch_labels = None
depends_on = None

TABLES = (
    "org_unit", "hamlet", "member", "party_card", "status_event", "rule_value", "thematic_topic", "meeting",
    "meeting_guest", "agenda_item", "opinion", "resolution", "assignment", "attendance", "meeting_addendum", "fund",
    "loan", "loan_installment", "fund_entry", "key_pair", "branch_key", "app_lock", "dues_setting", "dues_decision",
    "dues_entry", "term", "public_holiday", "member_review", "branch_review", "member_award", "candidate",
    "candidate_step", "member_conflict",
)  # fmt: skip  # the audited tables at this revision, written out: later revisions add to audit_schema.AUDITED


def upgrade() -> None:
    op.add_column("audit_actor", sa.Column("merging", sa.Integer(), nullable=False, server_default="0"))
    audit_schema.install(op.get_bind(), TABLES, merge_unlogged=True)


def downgrade() -> None:
    # the triggers read audit_actor: SQLite's copy-and-rename of the table would find them pointing at nothing
    audit_schema.drop(op.get_bind(), TABLES)
    with op.batch_alter_table("audit_actor") as batch:
        batch.drop_column("merging")
    audit_schema.install(op.get_bind(), TABLES)
