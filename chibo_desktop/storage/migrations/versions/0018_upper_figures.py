"""What the upper level keeps beside the records to answer quickly, and how far each package's log reached.

``export_log.audit_upto`` is the last audit entry a package carried, so that the next package carries only the
entries after the newest one the upper level acknowledged. ``branch_dues`` holds each branch's dues per member
and month as its newest package reported them, ``branch_dues_paid_up`` what it paid up each month; both are
replaced whole by each package that carries dues, and the committee sums them for any range of months.

Revision ID: upper_figures
Revises: dues_book
Create Date: 2026-12-03 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "upper_figures"
down_revision = "postgresql"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("export_log", sa.Column("audit_upto", sa.Integer(), nullable=True))
    op.create_table(
        "branch_dues",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_unit_id", sa.Integer(), sa.ForeignKey("org_unit.id"), nullable=False),
        sa.Column("member_uuid", sa.String(36), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("due", sa.Integer(), nullable=False),
        sa.Column("collected", sa.Integer(), nullable=False),
        sa.Column("owed", sa.Integer(), nullable=False),
        sa.Column("listed", sa.Boolean(), nullable=False),
        sa.Column("exempt", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_branch_dues_unit_month", "branch_dues", ["org_unit_id", "month"])
    op.create_table(
        "branch_dues_paid_up",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_unit_id", sa.Integer(), sa.ForeignKey("org_unit.id"), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
    )
    op.create_index("ix_branch_dues_paid_up_org_unit_id", "branch_dues_paid_up", ["org_unit_id"])


def downgrade() -> None:
    op.drop_table("branch_dues_paid_up")
    op.drop_table("branch_dues")
    with op.batch_alter_table("export_log") as batch_op:
        batch_op.drop_column("audit_upto")
