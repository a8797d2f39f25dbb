"""Mapped classes. Records that travel to the upper level carry a UUID from the day they are made."""

import uuid as uuid_module
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class OrgUnit(Base):
    """A node of the organisation tree: this branch, the committee above it, and so on upward."""

    __tablename__ = "org_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # "branch", "committee"
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    place_name: Mapped[str] = mapped_column(String(100), default="")
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class Hamlet(Base):
    """A hamlet or Party cell inside the branch (ấp, tổ đảng)."""

    __tablename__ = "hamlet"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (UniqueConstraint("org_unit_id", "name"),)


class Member(Base):
    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("hamlet.id", ondelete="SET NULL"), index=True)
    full_name: Mapped[str] = mapped_column(String(120))
    birth_name: Mapped[str] = mapped_column(String(120), default="")
    gender: Mapped[str] = mapped_column(String(1))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    place_of_birth: Mapped[str] = mapped_column(String(200), default="")
    home_town: Mapped[str] = mapped_column(String(200), default="")
    residence: Mapped[str] = mapped_column(String(200), default="")
    ethnicity: Mapped[str] = mapped_column(String(50), default="")
    religion: Mapped[str] = mapped_column(String(50), default="")
    cccd: Mapped[str] = mapped_column(String(12), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    occupation: Mapped[str] = mapped_column(String(100), default="")
    general_education: Mapped[str] = mapped_column(String(20), default="")
    professional_level: Mapped[str] = mapped_column(String(100), default="")
    political_theory: Mapped[str] = mapped_column(String(50), default="")
    foreign_language: Mapped[str] = mapped_column(String(100), default="")
    informatics: Mapped[str] = mapped_column(String(100), default="")
    admission_date: Mapped[date | None] = mapped_column(Date)
    admission_decision_no: Mapped[str] = mapped_column(String(50), default="")
    admission_decision_date: Mapped[date | None] = mapped_column(Date)
    official_date: Mapped[date | None] = mapped_column(Date)
    official_decision_no: Mapped[str] = mapped_column(String(50), default="")
    card_number: Mapped[str] = mapped_column(String(30), default="")
    biography_no: Mapped[str] = mapped_column(String(30), default="")
    badge_no: Mapped[str] = mapped_column(String(30), default="")
    badge_date: Mapped[date | None] = mapped_column(Date)
    party_position: Mapped[str] = mapped_column(String(100), default="")
    government_position: Mapped[str] = mapped_column(String(200), default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(Text, default="", server_default="")  # domain.text.name_order_key
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    events: Mapped[list["StatusEventRow"]] = relationship(back_populates="member", order_by="StatusEventRow.on")
    __table_args__ = (
        Index("ix_member_cccd", "cccd"),
        Index("ix_member_name_key", "name_key", "id"),
        Index("ix_member_search_text", "search_text", "id"),
    )


class PartyCard(Base):
    """Card numbers a member has held: a new series is being issued since 2025, so keep the history."""

    __tablename__ = "party_card"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(30))
    recorded_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class StatusEventRow(Base):
    """One dated step of a member's history; appended, never edited."""

    __tablename__ = "status_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    on: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    standing: Mapped[str | None] = mapped_column(String(20))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    member: Mapped[Member] = relationship(back_populates="events")


class RuleValueRow(Base):
    """A rule value and the day it takes effect (probation months, badge milestones …)."""

    __tablename__ = "rule_value"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    value_json: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    __table_args__ = (UniqueConstraint("key", "valid_from"),)


class ThematicTopic(Base):
    """A thematic topic registered in the year's plan, later linked to the meeting that held it."""

    __tablename__ = "thematic_topic"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)


class MeetingRow(Base):
    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date, index=True)
    start: Mapped[str] = mapped_column(String(5), default="")
    end: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    topic: Mapped[str] = mapped_column(Text, default="")
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("thematic_topic.id", ondelete="SET NULL"))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    number: Mapped[str] = mapped_column(String(30), default="")
    scores_json: Mapped[str] = mapped_column(Text, default="")
    approved_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class MeetingGuest(Base):
    __tablename__ = "meeting_guest"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position_no: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(200), default="")


class AgendaItemRow(Base):
    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position_no: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    presenter: Mapped[str] = mapped_column(String(120), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")


class OpinionRow(Base):
    __tablename__ = "opinion"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    position_no: Mapped[int] = mapped_column(Integer, default=0)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    speaker: Mapped[str] = mapped_column(String(120))
    summary: Mapped[str] = mapped_column(Text, default="")


class ResolutionRow(Base):
    __tablename__ = "resolution"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position_no: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    votes_abstain: Mapped[int] = mapped_column(Integer, default=0)
    entitled: Mapped[int] = mapped_column(Integer, default=0)


class AssignmentRow(Base):
    __tablename__ = "assignment"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    name: Mapped[str] = mapped_column(String(120))
    task: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date)


class AttendanceRow(Base):
    """One member's line in a meeting's attendance list, stored with the meeting (name and role as they were)."""

    __tablename__ = "attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    mark: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    spoke: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)


class AddendumRow(Base):
    """A correction to an approved meeting: the original stays as it was."""

    __tablename__ = "meeting_addendum"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class FundRow(Base):
    __tablename__ = "fund"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(30))
    custodian: Mapped[str] = mapped_column(String(120), default="")
    max_loan: Mapped[int] = mapped_column(Integer, default=0)
    term_months: Mapped[int] = mapped_column(Integer, default=12)
    rate_method: Mapped[str] = mapped_column(String(20), default="none")
    rate: Mapped[int] = mapped_column(Integer, default=0)
    schedule_kind: Mapped[str] = mapped_column(String(20), default="equal_principal")
    grant: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class LoanRow(Base):
    __tablename__ = "loan"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    borrower: Mapped[str] = mapped_column(String(120))
    reason: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int] = mapped_column(Integer)
    term_months: Mapped[int] = mapped_column(Integer)
    rate_method: Mapped[str] = mapped_column(String(20))
    rate: Mapped[int] = mapped_column(Integer, default=0)
    schedule_kind: Mapped[str] = mapped_column(String(20))
    approved_on: Mapped[date] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    decision_no: Mapped[str] = mapped_column(String(50), default="")
    approved_by: Mapped[str] = mapped_column(String(120), default="")
    disbursed_on: Mapped[date | None] = mapped_column(Date)
    grant: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class InstallmentRow(Base):
    __tablename__ = "loan_installment"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loan.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    due: Mapped[date] = mapped_column(Date)
    principal: Mapped[int] = mapped_column(Integer)
    fee: Mapped[int] = mapped_column(Integer, default=0)


class FundEntryRow(Base):
    """A journal line: never updated or deleted; a mistake is undone by a reversing line."""

    __tablename__ = "fund_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(Integer)
    on: Mapped[date] = mapped_column(Date)
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("loan.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    batch: Mapped[str] = mapped_column(String(32), default="")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("fund_entry.id"), unique=True)
    note: Mapped[str] = mapped_column(Text, default="")
    decision_no: Mapped[str] = mapped_column(String(50), default="")
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class KeyRow(Base):
    """This database's own keys: Ed25519 to sign packages, X25519 to receive packages locked for it."""

    __tablename__ = "key_pair"
    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(20), unique=True)  # "signing", "encryption"
    private: Mapped[bytes] = mapped_column(LargeBinary)
    public: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class ExportRow(Base):
    """A package this database wrote: the sequence goes up by one each time."""

    __tablename__ = "export_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    audit_upto: Mapped[int | None] = mapped_column(Integer)  # the last audit_log id the package carried
    recipient: Mapped[str | None] = mapped_column(String(64))  # the upper level's key it was locked to (public)
    # zlib of {table: {uuid: digest}} of every record held when it was written (exchange_log.record_digests);
    # kept for the newest acknowledged package and those after it, for the next package to carry what changed
    record_digests: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


class ImportRow(Base):
    """A package this database took in, from which branch and with which key."""

    __tablename__ = "import_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at_branch: Mapped[str] = mapped_column(String(40), default="")
    covers_to: Mapped[date | None] = mapped_column(Date)  # the last day the package's data covers
    imported_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class BranchKeyRow(Base):
    """The signing key registered for a branch the first time it sent a package."""

    __tablename__ = "branch_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), unique=True)
    public: Mapped[bytes] = mapped_column(LargeBinary)
    registered_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class AckRow(Base):
    """A receipt from the upper level for one of this database's packages."""

    __tablename__ = "export_ack"
    id: Mapped[int] = mapped_column(primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    received_on: Mapped[str] = mapped_column(String(40))
    upper_name: Mapped[str] = mapped_column(String(200), default="")
    upper_key: Mapped[bytes] = mapped_column(LargeBinary)
    upper_lock: Mapped[str | None] = mapped_column(String(64), nullable=True)  # its encryption key, base64
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class MinutesPdfRow(Base):
    """Approved minutes as the branch printed them, received in its package."""

    __tablename__ = "minutes_pdf"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class AuditActor(Base):
    """Who is writing now: one row, set at the start of every write transaction, read by the audit triggers."""

    __tablename__ = "audit_actor"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    at: Mapped[str | None] = mapped_column(String(19), nullable=True)  # the write's moment, by the app's clock
    # 1 while a package's merge writes (SQLite; PostgreSQL uses the setting chibo.merging): the triggers skip its rows
    merging: Mapped[int] = mapped_column(Integer, server_default="0")


class AuditRow(Base):
    """One change, written by the triggers in storage/audit_schema.py; never changed or deleted by the app."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(19), index=True)
    actor: Mapped[str] = mapped_column(String(200))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    row_uuid: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)


class BranchAuditRow(Base):
    """The audit log a branch sent in its newest package, kept as it came (JSON)."""

    __tablename__ = "branch_audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), unique=True)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    entries: Mapped[int | None] = mapped_column()  # how many entries *content* holds; None: kept before it was counted


class BranchDuesRow(Base):
    """A branch's dues of one member in one month, as its newest package reported them (replaced whole)."""

    __tablename__ = "branch_dues"
    __table_args__ = (Index("ix_branch_dues_unit_month", "org_unit_id", "month"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    member_uuid: Mapped[str] = mapped_column(String(36))
    month: Mapped[date] = mapped_column(Date)
    due: Mapped[int] = mapped_column(Integer)
    collected: Mapped[int] = mapped_column(Integer)
    owed: Mapped[int] = mapped_column(Integer)  # still owed (> 0) or paid ahead (< 0) at the month's end
    listed: Mapped[bool] = mapped_column(Boolean)  # paying at this branch at the month's end
    exempt: Mapped[bool] = mapped_column(Boolean)


class BranchDuesPaidUpRow(Base):
    """What a branch paid up to its upper level in one month, as its newest package reported it."""

    __tablename__ = "branch_dues_paid_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    month: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)


class AppLockRow(Base):
    """One row: the argon2id hashes guarding the app (none when it is open to all) and the idle minutes."""

    __tablename__ = "app_lock"
    id: Mapped[int] = mapped_column(primary_key=True)
    password_hash: Mapped[str | None] = mapped_column(String(300))
    recovery_hash: Mapped[str | None] = mapped_column(String(300))
    idle_minutes: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[str | None] = mapped_column(String(19))
    # the key that seals the private keys in key_pair, itself sealed with a key derived from the password and,
    # apart, from the recovery code (services/access.py); none while there is no password
    key_wrap: Mapped[str | None] = mapped_column(String(300))
    key_wrap_recovery: Mapped[str | None] = mapped_column(String(300))


class DuesSettingRow(Base):
    """How a member's dues are worked out from a month on (category, base, region); a later month takes over."""

    __tablename__ = "dues_setting"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(20))
    base: Mapped[int] = mapped_column(Integer, default=0)
    region: Mapped[int | None] = mapped_column(Integer)
    pledged: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    __table_args__ = (UniqueConstraint("member_id", "valid_from"),)


class DuesDecisionRow(Base):
    """An exemption from dues or a reduction, by a decision, for whole months."""

    __tablename__ = "dues_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    percent: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(30))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(50), default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class DuesEntryRow(Base):
    """A line of the dues journal: never updated or deleted; a mistake is undone by a reversing line."""

    __tablename__ = "dues_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    month: Mapped[date] = mapped_column(Date, index=True)
    on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20), default="cash")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("dues_entry.id"), unique=True)
    batch: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    __table_args__ = (CheckConstraint("amount >= 0", name="amount_not_negative"),)


class TermRow(Base):
    """A term (nhiệm kỳ) of the branch: its name, its dates and the congress's target for admissions."""

    __tablename__ = "term"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    admissions_target: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    __table_args__ = (
        UniqueConstraint("org_unit_id", "name"),
        CheckConstraint('"end" > start', name="ends_after_start"),
    )


class PublicHolidayRow(Base):
    """A day off that is not a weekend (Tết, 30/4, 2/9 …, substitute days), seeded from the ``holidays`` package
    and editable: working days are counted without them."""

    __tablename__ = "public_holiday"
    id: Mapped[int] = mapped_column(primary_key=True)
    on: Mapped[date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20), default="user")  # "seed" (the package) or "user"
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class MemberReviewRow(Base):
    """One member's yearly review (đánh giá, xếp loại): self-rating, the branch's proposal and vote, the final level."""

    __tablename__ = "member_review"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    self_level: Mapped[str | None] = mapped_column(String(20))
    points: Mapped[int | None] = mapped_column(Integer)
    proposed_level: Mapped[str | None] = mapped_column(String(20))
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_total: Mapped[int | None] = mapped_column(Integer)
    final_level: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    __table_args__ = (UniqueConstraint("member_id", "year"),)


class BranchReviewRow(Base):
    """The branch's own yearly rating (tập thể) and the decision that gave it."""

    __tablename__ = "branch_review"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    year: Mapped[int] = mapped_column(Integer)
    level: Mapped[str | None] = mapped_column(String(20))
    decision_no: Mapped[str] = mapped_column(String(50), default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    __table_args__ = (UniqueConstraint("org_unit_id", "year"),)


class AwardRow(Base):
    """A commendation or disciplinary measure on a member (khen thưởng, kỷ luật)."""

    __tablename__ = "member_award"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    form: Mapped[str] = mapped_column(String(200))
    on: Mapped[date] = mapped_column(Date)
    decision_no: Mapped[str] = mapped_column(String(50), default="")
    issuer: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class CandidateRow(Base):
    """A candidate for admission (quần chúng ưu tú); *member_id* is set when the ceremony makes them a member."""

    __tablename__ = "candidate"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    full_name: Mapped[str] = mapped_column(String(120))
    gender: Mapped[str] = mapped_column(String(1))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    hamlet_id: Mapped[int | None] = mapped_column(ForeignKey("hamlet.id", ondelete="SET NULL"))
    ethnicity: Mapped[str] = mapped_column(String(50), default="")
    religion: Mapped[str] = mapped_column(String(50), default="")
    residence: Mapped[str] = mapped_column(String(200), default="")
    occupation: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class CandidateStepRow(Base):
    """One dated step of a candidate's way to admission; appended in order."""

    __tablename__ = "candidate_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date)
    detail: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    __table_args__ = (UniqueConstraint("candidate_id", "step"),)


class MemberConflictRow(Base):
    """A member UUID a package carried that this database holds for another unit: both versions (JSON records as
    the package format writes them), the records of the package that refer to it (``held``, JSON of the format's
    tables), and what the upper level decided — ``waiting``, ``kept`` (the stored version stays) or ``taken`` (the
    sent version, and the member with it, went to the sending unit)."""

    __tablename__ = "member_conflict"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    member_uuid: Mapped[str] = mapped_column(String(36))
    stored_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    stored_record: Mapped[str] = mapped_column(Text)
    sent_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    sent_record: Mapped[str] = mapped_column(Text)
    held: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    package_sha256: Mapped[str] = mapped_column(String(64))
    sequence: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(10), default="waiting")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    __table_args__ = (
        CheckConstraint("state IN ('waiting', 'kept', 'taken')", name="state"),
        Index("ix_member_conflict_member_uuid", "member_uuid", "sent_unit_id"),
        Index("ix_member_conflict_state", "state"),
    )


class UnitFiguresRow(Base):
    """A committee's figures of one unit kept apart from the records (see ``domain/unit_figures``): the unit's
    member counts from a day on, one meeting, its loan book or one year's review, worked out again whole after each
    package from the unit. Derived, so neither audited nor exported."""

    __tablename__ = "unit_figures"
    __table_args__ = (
        Index("ix_unit_figures_unit_topic_day", "org_unit_id", "topic", "day"),
        Index("ix_unit_figures_topic_unit_day", "topic", "org_unit_id", "day"),  # one kind for all units
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(20))  # basis, members, meeting, loans, review
    day: Mapped[date | None] = mapped_column(Date)  # members: from this day; meeting: its day; review: 31 December
    ref: Mapped[int | None] = mapped_column(Integer)  # meeting: its id; review: the year; basis: the form
    figures: Mapped[str] = mapped_column(Text)  # JSON
