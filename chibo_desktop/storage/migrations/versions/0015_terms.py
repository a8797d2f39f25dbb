"""Terms (nhiệm kỳ): a branch's named terms with their dates and the congress's target for admissions.

Revision ID: terms
Revises: dues_book
Create Date: 2026-11-30 07:00:00
"""

import sqlalchemy as sa
from alembic import op

from chibo_desktop.storage import audit_schema

revision = "terms"
down_revision = "dues_book"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("admissions_target", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint('"end" > start', name=op.f("ck_term_ends_after_start")),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_unit.id"], name=op.f("fk_term_org_unit_id_org_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_term")),
        sa.UniqueConstraint("org_unit_id", "name", name=op.f("uq_term_org_unit_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_term_uuid")),
    )
    op.create_index(op.f("ix_term_org_unit_id"), "term", ["org_unit_id"], unique=False)
    audit_schema.install(op.get_bind(), ("term",))


def downgrade() -> None:
    audit_schema.drop(op.get_bind(), ("term",))
    op.drop_index(op.f("ix_term_org_unit_id"), table_name="term")
    op.drop_table("term")
