"""The upper level's review list of members sent by two units: a member UUID a package carries that this database
holds for another unit is set aside here, with both versions, instead of being written over the other unit's record
or refusing the whole package; the records of the package that refer to it wait with it.

Revision ID: member_conflicts
Revises: roster_order
Create Date: 2026-11-30 09:45:00
"""

import sqlalchemy as sa
from alembic import op

from chibo_desktop.storage import audit_schema

revision = "member_conflicts"
down_revision = "roster_order"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("member_uuid", sa.String(length=36), nullable=False),
        sa.Column("stored_unit_id", sa.Integer(), nullable=False),
        sa.Column("stored_record", sa.Text(), nullable=False),
        sa.Column("sent_unit_id", sa.Integer(), nullable=False),
        sa.Column("sent_record", sa.Text(), nullable=False),
        sa.Column("held", sa.LargeBinary(), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=False, server_default=""),
        sa.CheckConstraint("state IN ('waiting', 'kept', 'taken')", name=op.f("ck_member_conflict_state")),
        sa.ForeignKeyConstraint(
            ["stored_unit_id"], ["org_unit.id"], name=op.f("fk_member_conflict_stored_unit_id_org_unit")
        ),
        sa.ForeignKeyConstraint(
            ["sent_unit_id"], ["org_unit.id"], name=op.f("fk_member_conflict_sent_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_conflict")),
        sa.UniqueConstraint("uuid", name=op.f("uq_member_conflict_uuid")),
    )
    op.create_index(
        op.f("ix_member_conflict_member_uuid"), "member_conflict", ["member_uuid", "sent_unit_id"], unique=False
    )
    op.create_index(op.f("ix_member_conflict_state"), "member_conflict", ["state"], unique=False)
    audit_schema.install(op.get_bind(), ("member_conflict",))  # who kept or took which version, and when


def downgrade() -> None:
    audit_schema.drop(op.get_bind(), ("member_conflict",))
    op.drop_index(op.f("ix_member_conflict_state"), table_name="member_conflict")
    op.drop_index(op.f("ix_member_conflict_member_uuid"), table_name="member_conflict")
    op.drop_table("member_conflict")
