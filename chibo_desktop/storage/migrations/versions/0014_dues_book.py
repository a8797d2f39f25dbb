"""The Party dues book (Quy định 01-QĐ/TW, 2026): members' dues settings, exemption and reduction decisions, the
dues journal, and the dues rules as dated values, each with its source in the note.

Revision ID: dues_book
Revises: 0013
Create Date: 2026-12-02 09:00:00
"""

import datetime
import json

import sqlalchemy as sa
from alembic import op

from chibo_desktop.storage import audit_schema

revision = "dues_book"
down_revision = "0013"
branch_labels = None
depends_on = None

TABLES = ("dues_setting", "dues_decision", "dues_entry")

QD01 = "Quy định 01-QĐ/TW ngày 03/02/2026, hiệu lực 01/02/2026 (theo baophutho.vn 08/02/2026, thuvienphapluat.vn)"
OTHER_SOURCE = (
    "đảng viên không tham gia BHXH bắt buộc: 0,3% lương tối thiểu vùng năm 2026–2027, 0,5% từ 2028; "
    "đến tuổi nghỉ hưu: 0,2% rồi 0,3% — theo một trang tin pháp luật dẫn Điều 3 khoản 2.2, chưa đối chiếu văn bản gốc"
)
RATES_2026 = {
    "salary": {"rate": 100},
    "pension": {"rate": 50},
    "student": {"amount": 5000},
    "other": {"rate": 30, "of": "minimum_wage"},
    "other_retired": {"rate": 20, "of": "minimum_wage"},
}
RATES_2028 = {**RATES_2026, "other": {"rate": 50, "of": "minimum_wage"}, "other_retired": {"rate": 30, "of": "minimum_wage"}}
RETIREMENT = {
    "M": {"year": 2021, "months": 723, "step": 3, "until": 744},
    "F": {"year": 2021, "months": 664, "step": 4, "until": 720},
}


def upgrade() -> None:
    op.create_table(
        "dues_setting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("base", sa.Integer(), nullable=False),
        sa.Column("region", sa.Integer(), nullable=True),
        sa.Column("pledged", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_dues_setting_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_setting")),
        sa.UniqueConstraint("member_id", "valid_from", name=op.f("uq_dues_setting_member_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_dues_setting_uuid")),
    )
    op.create_index(op.f("ix_dues_setting_member_id"), "dues_setting", ["member_id"], unique=False)
    op.create_table(
        "dues_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("decision_no", sa.String(length=50), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_dues_decision_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_decision")),
        sa.UniqueConstraint("uuid", name=op.f("uq_dues_decision_uuid")),
    )
    op.create_index(op.f("ix_dues_decision_member_id"), "dues_decision", ["member_id"], unique=False)
    op.create_table(
        "dues_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("batch", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_dues_entry_amount_not_negative")),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_dues_entry_member_id_member")),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_unit.id"], name=op.f("fk_dues_entry_org_unit_id_org_unit")),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["dues_entry.id"], name=op.f("fk_dues_entry_reverses_id_dues_entry")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_entry")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_dues_entry_reverses_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_dues_entry_uuid")),
    )
    op.create_index(op.f("ix_dues_entry_member_id"), "dues_entry", ["member_id"], unique=False)
    op.create_index(op.f("ix_dues_entry_month"), "dues_entry", ["month"], unique=False)
    op.create_index(op.f("ix_dues_entry_org_unit_id"), "dues_entry", ["org_unit_id"], unique=False)
    audit_schema.install(op.get_bind(), TABLES)

    rule_value = sa.table(
        "rule_value",
        sa.column("key", sa.String),
        sa.column("value_json", sa.Text),
        sa.column("valid_from", sa.Date),
        sa.column("note", sa.Text),
    )
    new_rule = datetime.date(2026, 2, 1)
    op.bulk_insert(
        rule_value,
        [
            {"key": "dues.rates", "value_json": json.dumps(RATES_2026), "valid_from": new_rule,
             "note": f"{QD01}: BHXH bắt buộc 1% tiền lương đóng BHXH tháng trước (nghỉ ốm, thai sản: 1% trợ cấp); "
                     f"lương hưu 0,5%; học sinh, sinh viên 5.000 đ/tháng; {OTHER_SOURCE}"},
            {"key": "dues.rates", "value_json": json.dumps(RATES_2028), "valid_from": datetime.date(2028, 1, 1),
             "note": f"Bước năm 2028 của {OTHER_SOURCE}"},
            {"key": "dues.minimum_wage",
             "value_json": json.dumps({"I": 5_310_000, "II": 4_730_000, "III": 4_140_000, "IV": 3_700_000}),
             "valid_from": datetime.date(2026, 1, 1),
             "note": "Lương tối thiểu vùng từ 01/01/2026 theo báo chí (Nghị định 293/2025/NĐ-CP — số hiệu cần đối chiếu)"},
            {"key": "dues.region", "value_json": json.dumps(4), "valid_from": datetime.date(2026, 1, 1),
             "note": "Vùng của địa bàn chi bộ (phụ lục nghị định lương tối thiểu); mặc định vùng IV — sửa cho đúng địa bàn"},
            {"key": "dues.rounding", "value_json": json.dumps({"step": 100, "mode": "nearest"}), "valid_from": new_rule,
             "note": "Chưa tìm thấy quy định làm tròn; mặc định làm tròn đến hàng trăm đồng (từ 50 đồng làm tròn lên)"},
            {"key": "dues.exempt_party_years", "value_json": json.dumps(50), "valid_from": new_rule,
             "note": f"{QD01}: miễn đóng khi có từ đủ 50 năm tuổi Đảng (theo khoaduoc.pnt.edu.vn)"},
            {"key": "dues.retirement_age", "value_json": json.dumps(RETIREMENT), "valid_from": datetime.date(2021, 1, 1),
             "note": "Bộ luật Lao động 2019, Điều 169: nam 60 tuổi 3 tháng năm 2021, mỗi năm thêm 3 tháng đến 62 tuổi; "
                     "nữ 55 tuổi 4 tháng, mỗi năm thêm 4 tháng đến 60 tuổi (tính theo tháng)"},
            {"key": "dues.reduction_percents", "value_json": json.dumps([30, 50, 70]), "valid_from": new_rule,
             "note": f"{QD01}: giảm 30%, 50% hoặc 70% (theo khoaduoc.pnt.edu.vn)"},
            {"key": "dues.decision_max_months", "value_json": json.dumps(12), "valid_from": new_rule,
             "note": f"{QD01}: mỗi lần xem xét miễn, giảm tối đa 12 tháng (theo khoaduoc.pnt.edu.vn)"},
            {"key": "dues.removal_unpaid_months", "value_json": json.dumps(3), "valid_from": new_rule,
             "note": f"{QD01}: không đóng đảng phí ba tháng trong năm mà không có lý do chính đáng thì chi bộ xem xét, "
                     "đề nghị cấp có thẩm quyền xóa tên (theo thuvienphapluat.vn)"},
            {"key": "dues.branch_share_percent", "value_json": json.dumps(30), "valid_from": new_rule,
             "note": "Chưa tìm thấy tỷ lệ theo QĐ 01-QĐ/TW. 30% là mức chi bộ trực thuộc đảng ủy cơ sở thường được "
                     "trích giữ lại theo QĐ 342-QĐ/TW (2010) — chưa đối chiếu; sửa theo hướng dẫn của cấp ủy cấp trên"},
            {"key": "dues.book_start", "value_json": json.dumps(202602), "valid_from": datetime.date(2000, 1, 1),
             "note": "Tháng đầu tiên chi bộ ghi sổ đảng phí trong chương trình (trước đó ghi sổ giấy)"},
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM rule_value WHERE key LIKE 'dues.%'")
    audit_schema.drop(op.get_bind(), TABLES)
    op.drop_index(op.f("ix_dues_entry_org_unit_id"), table_name="dues_entry")
    op.drop_index(op.f("ix_dues_entry_month"), table_name="dues_entry")
    op.drop_index(op.f("ix_dues_entry_member_id"), table_name="dues_entry")
    op.drop_table("dues_entry")
    op.drop_index(op.f("ix_dues_decision_member_id"), table_name="dues_decision")
    op.drop_table("dues_decision")
    op.drop_index(op.f("ix_dues_setting_member_id"), table_name="dues_setting")
    op.drop_table("dues_setting")
