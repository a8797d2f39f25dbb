"""A large roster read in name order from SQLite: each member's Vietnamese name-order key in a column of its own,
with an index, so the roster screen can hold ids and fetch rows as they scroll into view (the search already
reads the folded ``search_text``, now indexed with the id for a covering scan).

Revision ID: roster_order
Revises: dues_book
Create Date: 2026-11-30 07:00:00
"""

import sqlalchemy as sa
from alembic import op

from chibo_desktop.domain.text import name_order_key

revision = "roster_order"
down_revision = "review_admissions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("member", sa.Column("name_key", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    rows = bind.exec_driver_sql("SELECT id, full_name FROM member").fetchall()
    if rows:
        # the audit triggers fire on a change of an audited column only: name_key, derived, is not one of them
        bind.exec_driver_sql(
            "UPDATE member SET name_key = ? WHERE id = ?", [(name_order_key(name), id_) for id_, name in rows]
        )
    op.create_index("ix_member_name_key", "member", ["name_key", "id"])
    op.create_index("ix_member_search_text", "member", ["search_text", "id"])


def downgrade() -> None:
    op.drop_index("ix_member_search_text", "member")
    op.drop_index("ix_member_name_key", "member")
    # SQLite's own DROP COLUMN (3.35+): a batch copy of the table would drop it, which the rows referring to the
    # members (events, cards, attendance) forbid while foreign keys are on
    op.execute("ALTER TABLE member DROP COLUMN name_key")
