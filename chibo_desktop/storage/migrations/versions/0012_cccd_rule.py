"""The rule that reads gender and year of birth out of a 12-digit ID number (CCCD), as a dated rule value.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 12:00:00
"""

import datetime
import json

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Digit 4 → (gender, first year of the century of birth): 20th century men 0, women 1; 21st 2 and 3; …
CODES = {str(digit): ["M" if digit % 2 == 0 else "F", 1900 + 100 * (digit // 2)] for digit in range(10)}


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
                "key": "cccd.century_gender",
                "value_json": json.dumps(CODES),
                "valid_from": datetime.date(2016, 1, 1),
                "note": "Nghị định 137/2015/NĐ-CP Điều 13, Thông tư 07/2016/TT-BCA Điều 7: chữ số thứ 4 là mã thế kỷ "
                "sinh và giới tính (thế kỷ 20: nam 0, nữ 1; thế kỷ 21: nam 2, nữ 3; …), chữ số 5–6 là hai số cuối "
                "của năm sinh",
            }
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM rule_value WHERE key = 'cccd.century_gender'")
