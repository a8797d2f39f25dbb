"""The yearly review's and the admissions' tables in the audit log: each member's review, the branch's own rating,
commendations and discipline, candidates and their steps are logged like every other record (who, when, what
changed), on SQLite and on PostgreSQL alike. Rows written before this revision have no history of their own.

Revision ID: review_audit
Revises: member_conflicts
Create Date: 2026-11-30 09:40:00
"""

from alembic import op

from chibo_desktop.storage import audit_schema

revision = "review_audit"
down_revision = "unit_figures"
branch_labels = None
depends_on = None

TABLES = ("member_review", "branch_review", "member_award", "candidate", "candidate_step")  # as at this revision


def upgrade() -> None:
    audit_schema.install(op.get_bind(), TABLES)


def downgrade() -> None:
    audit_schema.drop(op.get_bind(), TABLES)
