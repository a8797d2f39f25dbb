"""The yearly review of members and of the branch, commendations and discipline, candidates for admission with
their steps, and the rules of the review and of the admission reminders as dated values with their source.

Revision ID: review_admissions
Revises: dues_book
Create Date: 2026-11-30 07:00:00
"""

import datetime
import json

import sqlalchemy as sa
from alembic import op

revision = "review_admissions"
down_revision = "upper_figures"
branch_labels = None
depends_on = None

REVIEW_2025 = datetime.date(2025, 1, 1)
RULES = [
    {
        "key": "review.bands",
        "value_json": json.dumps({"excellent": 90, "good": 70, "completed": 50}),
        "valid_from": REVIEW_2025,
        "note": "Quy định 366-QĐ/TW (2025) và Hướng dẫn 43-HD/BTCTW: thang 100 điểm; Hoàn thành xuất sắc nhiệm vụ từ "
        "90 điểm, Hoàn thành tốt 70 đến dưới 90, Hoàn thành 50 đến dưới 70, Không hoàn thành dưới 50 — ngày hiệu lực "
        "cần đối chiếu",
    },
    {
        "key": "review.excellent_cap_percent",
        "value_json": json.dumps(20),
        "valid_from": REVIEW_2025,
        "note": "Số đảng viên Hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số được xếp loại Hoàn thành tốt nhiệm vụ "
        "(quy định trước năm 2025; chưa xác nhận còn áp dụng theo Quy định 366-QĐ/TW) — sửa theo hướng dẫn của cấp "
        "ủy cấp trên",
    },
    {
        "key": "review.not_rated",
        "value_json": json.dumps({"exempted": True, "suspended": True, "admitted_months": 6}),
        "valid_from": REVIEW_2025,
        "note": "Không xếp loại: đảng viên được miễn công tác và sinh hoạt đảng, đang bị đình chỉ sinh hoạt, kết nạp "
        "chưa đủ 6 tháng (quy định năm 2023; chưa xác nhận còn áp dụng); đảng viên sinh hoạt tạm thời do chi bộ nơi "
        "sinh hoạt chính thức xếp loại",
    },
    {
        "key": "admission.step_days",
        "value_json": json.dumps(
            {"class": 365, "vouched": 180, "verified": 120, "branch_vote": 60, "decision": 60, "ceremony": 42}
        ),
        "valid_from": datetime.date(2011, 1, 1),
        "note": "Lễ kết nạp trong 30 ngày làm việc kể từ ngày nhận quyết định (Hướng dẫn thi hành Điều lệ Đảng, cần "
        "đối chiếu), tính là 42 ngày; các mốc khác (số ngày sau bước trước) là lịch nhắc việc chi bộ tự đặt",
    },
]


def _stamp() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "member_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("self_level", sa.String(length=20), nullable=True),
        sa.Column("points", sa.Integer(), nullable=True),
        sa.Column("proposed_level", sa.String(length=20), nullable=True),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_total", sa.Integer(), nullable=True),
        sa.Column("final_level", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        _stamp(),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_member_review_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_review")),
        sa.UniqueConstraint("member_id", "year", name=op.f("uq_member_review_member_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_member_review_uuid")),
    )
    op.create_index(op.f("ix_member_review_member_id"), "member_review", ["member_id"], unique=False)
    op.create_table(
        "branch_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=True),
        sa.Column("decision_no", sa.String(length=50), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        _stamp(),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_unit.id"], name=op.f("fk_branch_review_org_unit_id_org_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch_review")),
        sa.UniqueConstraint("org_unit_id", "year", name=op.f("uq_branch_review_org_unit_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_branch_review_uuid")),
    )
    op.create_table(
        "member_award",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("form", sa.String(length=200), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("decision_no", sa.String(length=50), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _stamp(),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_member_award_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_award")),
        sa.UniqueConstraint("uuid", name=op.f("uq_member_award_uuid")),
    )
    op.create_index(op.f("ix_member_award_member_id"), "member_award", ["member_id"], unique=False)
    op.create_table(
        "candidate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("hamlet_id", sa.Integer(), nullable=True),
        sa.Column("ethnicity", sa.String(length=50), nullable=False),
        sa.Column("religion", sa.String(length=50), nullable=False),
        sa.Column("residence", sa.String(length=200), nullable=False),
        sa.Column("occupation", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        _stamp(),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_unit.id"], name=op.f("fk_candidate_org_unit_id_org_unit")),
        sa.ForeignKeyConstraint(
            ["hamlet_id"], ["hamlet.id"], name=op.f("fk_candidate_hamlet_id_hamlet"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_candidate_member_id_member"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate")),
        sa.UniqueConstraint("uuid", name=op.f("uq_candidate_uuid")),
    )
    op.create_table(
        "candidate_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _stamp(),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidate.id"], name=op.f("fk_candidate_step_candidate_id_candidate"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_step")),
        sa.UniqueConstraint("candidate_id", "step", name=op.f("uq_candidate_step_candidate_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_candidate_step_uuid")),
    )
    op.create_index(op.f("ix_candidate_step_candidate_id"), "candidate_step", ["candidate_id"], unique=False)
    rule_value = sa.table(
        "rule_value",
        sa.column("key", sa.String),
        sa.column("value_json", sa.Text),
        sa.column("valid_from", sa.Date),
        sa.column("note", sa.Text),
    )
    op.bulk_insert(rule_value, RULES)


def downgrade() -> None:
    op.execute("DELETE FROM rule_value WHERE key LIKE 'review.%' OR key = 'admission.step_days'")
    op.drop_index(op.f("ix_candidate_step_candidate_id"), table_name="candidate_step")
    op.drop_table("candidate_step")
    op.drop_table("candidate")
    op.drop_index(op.f("ix_member_award_member_id"), table_name="member_award")
    op.drop_table("member_award")
    op.drop_table("branch_review")
    op.drop_index(op.f("ix_member_review_member_id"), table_name="member_review")
    op.drop_table("member_review")
