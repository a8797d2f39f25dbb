"""The layout of printed documents as a dated setting (HD 36-HD/VPTW defaults).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import datetime
import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LAYOUT = {
    "top_mm": 20,
    "bottom_mm": 20,
    "left_mm": 30,
    "right_mm": 15,
    "body_pt": 14,
    "party_pt": 15,
    "title_pt": 15,
}


def upgrade() -> None:
    rule_value = sa.table(
        "rule_value",
        sa.column("key", sa.String),
        sa.column("value_json", sa.Text),
        sa.column("valid_from", sa.Date),
        sa.column("note", sa.Text),
    )
    op.bulk_insert(
        rule_value,
        [
            {
                "key": "document.layout",
                "value_json": json.dumps(LAYOUT),
                "valid_from": datetime.date(2018, 1, 1),
                "note": "Hướng dẫn 36-HD/VPTW: lề trên 20, dưới 20, trái 30, phải 15 mm; chữ 14; tên Đảng 15",
            }
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM rule_value WHERE key = 'document.layout'")
