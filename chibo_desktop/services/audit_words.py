"""How each table, column and stored code of the audit log reads in words.

The triggers log rows as the database holds them: table and column names, codes ("disbursement", "M"), ids,
amounts in đồng, dates in ISO. A person reads labels and values: "Bút toán quỹ · loại: Giải ngân", "số tiền:
1.500.000 đ", "chủ trì: Lê Văn Tư", "22/11/2026 09:00". Every column of every audited table is described here
(a test checks it against the schema); a column that is not is shown by a plain name and logged once.
"""

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from chibo_desktop.domain.admissions import STEP_LABELS, Step
from chibo_desktop.domain.dates import screen_date, screen_time
from chibo_desktop.domain.dues import (
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    REASON_LABELS,
    REGION_NAMES,
    Category,
    DecisionKind,
)
from chibo_desktop.domain.dues import ENTRY_LABELS as DUES_ENTRY_LABELS
from chibo_desktop.domain.formatting import DOCUMENTS, decimal, money, number
from chibo_desktop.domain.funds import ENTRY_LABELS, SOURCE_LABELS, RateMethod, ScheduleKind
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from chibo_desktop.domain.meetings import KIND_LABELS, MARK_LABELS, Role
from chibo_desktop.domain.members import EVENT_LABELS, GENDER_LABELS, STATUS_LABELS, Gender, Standing, Status
from chibo_desktop.domain.organisation import LEVEL_LABELS
from chibo_desktop.domain.review import AWARD_LABELS, NOT_RATED_LABELS, Level, NotRated
from chibo_desktop.domain.review import LEVEL_LABELS as REVIEW_LEVEL_LABELS
from chibo_desktop.domain.rubric import BAND_LABELS, CRITERION_LABELS
from chibo_desktop.domain.rule_shapes import rule_problem
from chibo_desktop.domain.rules import KEYS, format_rule_value

log = logging.getLogger(__name__)
C = "Audit"
Tr = Callable[[str, str], str]  # (context, text) → the text in the user's language

TABLES = {
    "org_unit": QT_TRANSLATE_NOOP("Audit", "Organisation"),
    "hamlet": QT_TRANSLATE_NOOP("Audit", "Hamlet / cell"),
    "member": QT_TRANSLATE_NOOP("Audit", "Member"),
    "party_card": QT_TRANSLATE_NOOP("Audit", "Party card"),
    "status_event": QT_TRANSLATE_NOOP("Audit", "Status history"),
    "rule_value": QT_TRANSLATE_NOOP("Audit", "Rule"),
    "thematic_topic": QT_TRANSLATE_NOOP("Audit", "Thematic topic"),
    "meeting": QT_TRANSLATE_NOOP("Audit", "Meeting"),
    "meeting_guest": QT_TRANSLATE_NOOP("Audit", "Meeting guest"),
    "agenda_item": QT_TRANSLATE_NOOP("Audit", "Agenda item"),
    "opinion": QT_TRANSLATE_NOOP("Audit", "Opinion"),
    "resolution": QT_TRANSLATE_NOOP("Audit", "Resolution"),
    "assignment": QT_TRANSLATE_NOOP("Audit", "Assignment"),
    "attendance": QT_TRANSLATE_NOOP("Audit", "Attendance"),
    "meeting_addendum": QT_TRANSLATE_NOOP("Audit", "Minutes addendum"),
    "fund": QT_TRANSLATE_NOOP("Audit", "Fund"),
    "loan": QT_TRANSLATE_NOOP("Audit", "Loan"),
    "loan_installment": QT_TRANSLATE_NOOP("Audit", "Repayment plan"),
    "fund_entry": QT_TRANSLATE_NOOP("Audit", "Fund entry"),
    "key_pair": QT_TRANSLATE_NOOP("Audit", "Key of this computer"),
    "branch_key": QT_TRANSLATE_NOOP("Audit", "Branch key"),
    "app_lock": QT_TRANSLATE_NOOP("Audit", "Password on opening"),
    "dues_setting": QT_TRANSLATE_NOOP("Audit", "Dues settings"),
    "dues_decision": QT_TRANSLATE_NOOP("Audit", "Dues exemption or reduction"),
    "dues_entry": QT_TRANSLATE_NOOP("Audit", "Dues entry"),
    "term": QT_TRANSLATE_NOOP("Audit", "Term"),
    "public_holiday": QT_TRANSLATE_NOOP("Audit", "Public holiday"),
    "member_review": QT_TRANSLATE_NOOP("Audit", "Member's yearly review"),
    "branch_review": QT_TRANSLATE_NOOP("Audit", "Branch's yearly rating"),
    "member_award": QT_TRANSLATE_NOOP("Audit", "Commendation or discipline"),
    "candidate": QT_TRANSLATE_NOOP("Audit", "Candidate for admission"),
    "candidate_step": QT_TRANSLATE_NOOP("Audit", "Admission step"),
    "member_conflict": QT_TRANSLATE_NOOP("Audit", "Member sent by two units"),
    "package": QT_TRANSLATE_NOOP("Audit", "Package from a unit"),  # one entry per package taken in
}
ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("Audit", "added"),
    "update": QT_TRANSLATE_NOOP("Audit", "changed"),
    "delete": QT_TRANSLATE_NOOP("Audit", "removed"),
}

# Codes stored in the database → (context, label): the labels the rest of the app shows for them.
Codes = Mapping[str, tuple[str, str]]


# The one entry of a package taken in at the upper level (storage/audit_schema.log_package): its fields in words,
# and the package's kinds of record by the name the log gives their table.
PACKAGE_TAKEN_IN = QT_TRANSLATE_NOOP("Audit", "taken in")
PACKAGE_FIELDS = {
    "sequence": QT_TRANSLATE_NOOP("Audit", "package number"),
    "file": QT_TRANSLATE_NOOP("Audit", "file"),
    "made_at": QT_TRANSLATE_NOOP("Audit", "made by the unit at"),
    "fingerprint": QT_TRANSLATE_NOOP("Audit", "fingerprint of the unit's key"),
    "sha256": QT_TRANSLATE_NOOP("Audit", "package's hash (SHA-256)"),
}
PACKAGE_KINDS = {
    "org_units": "org_unit",
    "hamlets": "hamlet",
    "members": "member",
    "status_events": "status_event",
    "party_cards": "party_card",
    "meetings": "meeting",
    "funds": "fund",
    "loans": "loan",
    "fund_entries": "fund_entry",
    "member_reviews": "member_review",
    "branch_reviews": "branch_review",
    "member_awards": "member_award",
}
PACKAGE_OUTCOMES = {
    "new": QT_TRANSLATE_NOOP("Audit", "{count} added"),
    "updated": QT_TRANSLATE_NOOP("Audit", "{count} changed"),
    "removed": QT_TRANSLATE_NOOP("Audit", "{count} removed"),
    "conflicts": QT_TRANSLATE_NOOP("Audit", "{count} differing, kept as they were here"),
}
PACKAGE_WAITING = QT_TRANSLATE_NOOP("Audit", "members set aside for review")


def _codes(context: str, labels: Mapping[Any, str]) -> dict[str, tuple[str, str]]:
    return {str(code): (context, label) for code, label in labels.items()}


ROLE_LABELS = {Role.OFFICIAL: Status.OFFICIAL, Role.PROBATIONARY: Status.PROBATIONARY, Role.ATTACHED: Status.ATTACHED}
RATE_LABELS = {
    RateMethod.NONE: QT_TRANSLATE_NOOP("Audit", "interest-free"),
    RateMethod.FLAT: QT_TRANSLATE_NOOP("Audit", "monthly rate on the amount lent"),
    RateMethod.DECLINING: QT_TRANSLATE_NOOP("Audit", "monthly rate on the principal still owed"),
}
SCHEDULE_LABELS = {
    ScheduleKind.EQUAL_PRINCIPAL: QT_TRANSLATE_NOOP("Audit", "equal principal each month"),
    ScheduleKind.AT_END: QT_TRANSLATE_NOOP("Audit", "all at the end of the term"),
}
DECISION_LABELS = {
    DecisionKind.EXEMPT: QT_TRANSLATE_NOOP("Audit", "exempt"),
    DecisionKind.REDUCE: QT_TRANSLATE_NOOP("Audit", "reduced"),
}
CONFLICT_STATES = {
    "waiting": QT_TRANSLATE_NOOP("Audit", "waiting for review"),
    "kept": QT_TRANSLATE_NOOP("Audit", "stored version kept"),
    "taken": QT_TRANSLATE_NOOP("Audit", "sent version taken"),
}
KEY_PURPOSES = {
    "signing": QT_TRANSLATE_NOOP("Audit", "signing key"),
    "encryption": QT_TRANSLATE_NOOP("Audit", "key for locked packages"),
}
CODES: dict[str, Codes] = {
    "gender": _codes("Member", GENDER_LABELS),
    "event": _codes("Event", EVENT_LABELS),
    "standing": _codes("Status", {s: STATUS_LABELS[Status(s.value)] for s in Standing}),
    "meeting_kind": _codes("Meeting", KIND_LABELS),
    "mark": _codes("Meeting", MARK_LABELS),
    "role": _codes("Status", {role: STATUS_LABELS[status] for role, status in ROLE_LABELS.items()}),
    "source": _codes("Fund", SOURCE_LABELS),
    "entry": _codes("Fund", ENTRY_LABELS),
    "rate_method": _codes(C, RATE_LABELS),
    "schedule": _codes(C, SCHEDULE_LABELS),
    "level": _codes("Setup", LEVEL_LABELS),
    "key_purpose": _codes(C, KEY_PURPOSES),
    "conflict_state": _codes(C, CONFLICT_STATES),
    "dues_category": _codes("Dues", CATEGORY_LABELS),
    "dues_reason": _codes("Dues", REASON_LABELS),
    "dues_decision": _codes(C, DECISION_LABELS),
    "dues_entry": _codes("Dues", DUES_ENTRY_LABELS),
    "dues_channel": _codes("Dues", CHANNEL_LABELS),
    "review_level": _codes("Review", REVIEW_LEVEL_LABELS),
    "award_kind": _codes("Review", AWARD_LABELS),
    "admission_step": _codes("Admissions", STEP_LABELS),
}


@dataclass(frozen=True)
class Column:
    label: str  # translatable, context "Audit"
    kind: str = "text"  # text, date, moment, money, number, bool, rate, photo, scores, rule_key, rule_value,
    # member, hamlet, unit, meeting (an id shown by name), or a key of CODES


def _col(label: str, kind: str = "text") -> Column:
    return Column(label, kind)


HIDDEN = object()  # ids that tie rows together, positions, the key material itself: shown through the record
COLUMNS: dict[str, dict[str, Column | object]] = {
    "org_unit": {
        "uuid": HIDDEN,
        "name": _col(QT_TRANSLATE_NOOP("Audit", "name")),
        "kind": _col(QT_TRANSLATE_NOOP("Audit", "level"), "level"),
        "parent_id": _col(QT_TRANSLATE_NOOP("Audit", "upper level"), "unit"),
        "place_name": _col(QT_TRANSLATE_NOOP("Audit", "place name for documents")),
        "is_self": _col(QT_TRANSLATE_NOOP("Audit", "this computer's own unit"), "bool"),
    },
    "hamlet": {
        "uuid": HIDDEN,
        "org_unit_id": HIDDEN,
        "name": _col(QT_TRANSLATE_NOOP("Audit", "name")),
        "position": HIDDEN,
    },
    "member": {
        "uuid": HIDDEN,
        "org_unit_id": HIDDEN,
        "hamlet_id": _col(QT_TRANSLATE_NOOP("Audit", "hamlet"), "hamlet"),
        "full_name": _col(QT_TRANSLATE_NOOP("Audit", "full name")),
        "birth_name": _col(QT_TRANSLATE_NOOP("Audit", "birth name")),
        "gender": _col(QT_TRANSLATE_NOOP("Audit", "gender"), "gender"),
        "date_of_birth": _col(QT_TRANSLATE_NOOP("Audit", "date of birth"), "date"),
        "place_of_birth": _col(QT_TRANSLATE_NOOP("Audit", "place of birth")),
        "home_town": _col(QT_TRANSLATE_NOOP("Audit", "home town")),
        "residence": _col(QT_TRANSLATE_NOOP("Audit", "residence")),
        "ethnicity": _col(QT_TRANSLATE_NOOP("Audit", "ethnicity")),
        "religion": _col(QT_TRANSLATE_NOOP("Audit", "religion")),
        "cccd": _col(QT_TRANSLATE_NOOP("Audit", "ID number (CCCD)")),
        "phone": _col(QT_TRANSLATE_NOOP("Audit", "phone")),
        "occupation": _col(QT_TRANSLATE_NOOP("Audit", "occupation")),
        "general_education": _col(QT_TRANSLATE_NOOP("Audit", "general education")),
        "professional_level": _col(QT_TRANSLATE_NOOP("Audit", "professional level")),
        "political_theory": _col(QT_TRANSLATE_NOOP("Audit", "political theory")),
        "foreign_language": _col(QT_TRANSLATE_NOOP("Audit", "foreign language")),
        "informatics": _col(QT_TRANSLATE_NOOP("Audit", "informatics")),
        "admission_date": _col(QT_TRANSLATE_NOOP("Audit", "admission date"), "date"),
        "admission_decision_no": _col(QT_TRANSLATE_NOOP("Audit", "admission decision no.")),
        "admission_decision_date": _col(QT_TRANSLATE_NOOP("Audit", "admission decision date"), "date"),
        "official_date": _col(QT_TRANSLATE_NOOP("Audit", "official date"), "date"),
        "official_decision_no": _col(QT_TRANSLATE_NOOP("Audit", "official decision no.")),
        "card_number": _col(QT_TRANSLATE_NOOP("Audit", "card number")),
        "biography_no": _col(QT_TRANSLATE_NOOP("Audit", "biography number")),
        "badge_no": _col(QT_TRANSLATE_NOOP("Audit", "Party badge number")),
        "badge_date": _col(QT_TRANSLATE_NOOP("Audit", "Party badge date"), "date"),
        "party_position": _col(QT_TRANSLATE_NOOP("Audit", "Party position")),
        "government_position": _col(QT_TRANSLATE_NOOP("Audit", "government or mass-organisation position")),
        "photo": _col(QT_TRANSLATE_NOOP("Audit", "photo"), "photo"),
    },
    "party_card": {
        "uuid": HIDDEN,
        "member_id": HIDDEN,
        "number": _col(QT_TRANSLATE_NOOP("Audit", "card number")),
        "recorded_on": _col(QT_TRANSLATE_NOOP("Audit", "recorded on"), "date"),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
    },
    "status_event": {
        "uuid": HIDDEN,
        "member_id": HIDDEN,
        "kind": _col(QT_TRANSLATE_NOOP("Audit", "event"), "event"),
        "on": _col(QT_TRANSLATE_NOOP("Audit", "date"), "date"),
        "end_date": _col(QT_TRANSLATE_NOOP("Audit", "until"), "date"),
        "decision_no": _col(QT_TRANSLATE_NOOP("Audit", "decision no.")),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
        "standing": _col(QT_TRANSLATE_NOOP("Audit", "arrives as"), "standing"),
        "seq": HIDDEN,
    },
    "rule_value": {
        "key": _col(QT_TRANSLATE_NOOP("Audit", "rule"), "rule_key"),
        "value_json": _col(QT_TRANSLATE_NOOP("Audit", "value"), "rule_value"),
        "valid_from": _col(QT_TRANSLATE_NOOP("Audit", "valid from"), "date"),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
    },
    "thematic_topic": {
        "uuid": HIDDEN,
        "org_unit_id": HIDDEN,
        "year": _col(QT_TRANSLATE_NOOP("Audit", "year")),
        "quarter": _col(QT_TRANSLATE_NOOP("Audit", "quarter")),
        "title": _col(QT_TRANSLATE_NOOP("Audit", "topic")),
    },
    "meeting": {
        "uuid": HIDDEN,
        "org_unit_id": HIDDEN,
        "kind": _col(QT_TRANSLATE_NOOP("Audit", "kind"), "meeting_kind"),
        "on": _col(QT_TRANSLATE_NOOP("Audit", "date"), "date"),
        "start": _col(QT_TRANSLATE_NOOP("Audit", "started at")),
        "end": _col(QT_TRANSLATE_NOOP("Audit", "ended at")),
        "place": _col(QT_TRANSLATE_NOOP("Audit", "place")),
        "topic": _col(QT_TRANSLATE_NOOP("Audit", "topic")),
        "topic_id": HIDDEN,
        "chair_id": _col(QT_TRANSLATE_NOOP("Audit", "chair"), "member"),
        "secretary_id": _col(QT_TRANSLATE_NOOP("Audit", "secretary"), "member"),
        "number": _col(QT_TRANSLATE_NOOP("Audit", "minutes number")),
        "scores_json": _col(QT_TRANSLATE_NOOP("Audit", "scores"), "scores"),
        "approved_on": _col(QT_TRANSLATE_NOOP("Audit", "minutes approved on"), "date"),
    },
    "meeting_guest": {
        "uuid": HIDDEN,
        "meeting_id": HIDDEN,
        "position_no": HIDDEN,
        "name": _col(QT_TRANSLATE_NOOP("Audit", "name")),
        "position": _col(QT_TRANSLATE_NOOP("Audit", "position")),
        "unit": _col(QT_TRANSLATE_NOOP("Audit", "unit")),
    },
    "agenda_item": {
        "uuid": HIDDEN,
        "meeting_id": HIDDEN,
        "position_no": HIDDEN,
        "title": _col(QT_TRANSLATE_NOOP("Audit", "title")),
        "presenter": _col(QT_TRANSLATE_NOOP("Audit", "presented by")),
        "content": _col(QT_TRANSLATE_NOOP("Audit", "content")),
        "conclusion": _col(QT_TRANSLATE_NOOP("Audit", "conclusion")),
    },
    "opinion": {
        "uuid": HIDDEN,
        "agenda_item_id": HIDDEN,
        "position_no": HIDDEN,
        "member_id": HIDDEN,
        "speaker": _col(QT_TRANSLATE_NOOP("Audit", "speaker")),
        "summary": _col(QT_TRANSLATE_NOOP("Audit", "what was said")),
    },
    "resolution": {
        "uuid": HIDDEN,
        "meeting_id": HIDDEN,
        "position_no": HIDDEN,
        "text": _col(QT_TRANSLATE_NOOP("Audit", "text")),
        "votes_for": _col(QT_TRANSLATE_NOOP("Audit", "votes for"), "number"),
        "votes_against": _col(QT_TRANSLATE_NOOP("Audit", "votes against"), "number"),
        "votes_abstain": _col(QT_TRANSLATE_NOOP("Audit", "abstentions"), "number"),
        "entitled": _col(QT_TRANSLATE_NOOP("Audit", "entitled to vote"), "number"),
    },
    "assignment": {
        "uuid": HIDDEN,
        "meeting_id": HIDDEN,
        "member_id": HIDDEN,
        "name": _col(QT_TRANSLATE_NOOP("Audit", "assigned to")),
        "task": _col(QT_TRANSLATE_NOOP("Audit", "task")),
        "due": _col(QT_TRANSLATE_NOOP("Audit", "due"), "date"),
    },
    "attendance": {
        "uuid": HIDDEN,
        "meeting_id": HIDDEN,
        "member_id": HIDDEN,
        "name": _col(QT_TRANSLATE_NOOP("Audit", "name")),
        "role": _col(QT_TRANSLATE_NOOP("Audit", "counted as"), "role"),
        "mark": _col(QT_TRANSLATE_NOOP("Audit", "attendance"), "mark"),
        "reason": _col(QT_TRANSLATE_NOOP("Audit", "reason")),
        "spoke": _col(QT_TRANSLATE_NOOP("Audit", "spoke"), "bool"),
    },
    "meeting_addendum": {
        "uuid": HIDDEN,
        "meeting_id": HIDDEN,
        "on": _col(QT_TRANSLATE_NOOP("Audit", "date"), "date"),
        "reason": _col(QT_TRANSLATE_NOOP("Audit", "reason")),
        "text": _col(QT_TRANSLATE_NOOP("Audit", "text")),
    },
    "fund": {
        "uuid": HIDDEN,
        "org_unit_id": HIDDEN,
        "name": _col(QT_TRANSLATE_NOOP("Audit", "name")),
        "source": _col(QT_TRANSLATE_NOOP("Audit", "source"), "source"),
        "custodian": _col(QT_TRANSLATE_NOOP("Audit", "custodian")),
        "max_loan": _col(QT_TRANSLATE_NOOP("Audit", "largest loan"), "money"),
        "term_months": _col(QT_TRANSLATE_NOOP("Audit", "term (months)"), "number"),
        "rate_method": _col(QT_TRANSLATE_NOOP("Audit", "interest"), "rate_method"),
        "rate": _col(QT_TRANSLATE_NOOP("Audit", "rate"), "rate"),
        "schedule_kind": _col(QT_TRANSLATE_NOOP("Audit", "repayment"), "schedule"),
        "grant": _col(QT_TRANSLATE_NOOP("Audit", "grants, not loans"), "bool"),
    },
    "loan": {
        "uuid": HIDDEN,
        "fund_id": HIDDEN,
        "member_id": HIDDEN,
        "borrower": _col(QT_TRANSLATE_NOOP("Audit", "borrower")),
        "reason": _col(QT_TRANSLATE_NOOP("Audit", "hardship")),
        "purpose": _col(QT_TRANSLATE_NOOP("Audit", "purpose")),
        "amount": _col(QT_TRANSLATE_NOOP("Audit", "amount"), "money"),
        "term_months": _col(QT_TRANSLATE_NOOP("Audit", "term (months)"), "number"),
        "rate_method": _col(QT_TRANSLATE_NOOP("Audit", "interest"), "rate_method"),
        "rate": _col(QT_TRANSLATE_NOOP("Audit", "rate"), "rate"),
        "schedule_kind": _col(QT_TRANSLATE_NOOP("Audit", "repayment"), "schedule"),
        "approved_on": _col(QT_TRANSLATE_NOOP("Audit", "approved on"), "date"),
        "meeting_id": _col(QT_TRANSLATE_NOOP("Audit", "approved at the meeting of"), "meeting"),
        "decision_no": _col(QT_TRANSLATE_NOOP("Audit", "decision no.")),
        "approved_by": _col(QT_TRANSLATE_NOOP("Audit", "approved by")),
        "disbursed_on": _col(QT_TRANSLATE_NOOP("Audit", "paid out on"), "date"),
        "grant": _col(QT_TRANSLATE_NOOP("Audit", "a grant, not a loan"), "bool"),
    },
    "loan_installment": {
        "loan_id": HIDDEN,
        "number": _col(QT_TRANSLATE_NOOP("Audit", "instalment"), "number"),
        "due": _col(QT_TRANSLATE_NOOP("Audit", "due"), "date"),
        "principal": _col(QT_TRANSLATE_NOOP("Audit", "principal"), "money"),
        "fee": _col(QT_TRANSLATE_NOOP("Audit", "interest or fee"), "money"),
    },
    "fund_entry": {
        "uuid": HIDDEN,
        "fund_id": HIDDEN,
        "kind": _col(QT_TRANSLATE_NOOP("Audit", "kind"), "entry"),
        "amount": _col(QT_TRANSLATE_NOOP("Audit", "amount"), "money"),
        "on": _col(QT_TRANSLATE_NOOP("Audit", "date"), "date"),
        "loan_id": HIDDEN,
        "member_id": HIDDEN,  # named in the record
        "batch": HIDDEN,
        "reverses_id": _col(QT_TRANSLATE_NOOP("Audit", "reverses an earlier entry"), "present"),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
        "decision_no": _col(QT_TRANSLATE_NOOP("Audit", "decision no.")),
        "created_by": _col(QT_TRANSLATE_NOOP("Audit", "entered by")),
    },
    "key_pair": {
        "purpose": _col(QT_TRANSLATE_NOOP("Audit", "use"), "key_purpose"),
        "public": HIDDEN,
    },
    "branch_key": {
        "org_unit_id": _col(QT_TRANSLATE_NOOP("Audit", "branch"), "unit"),
        "public": HIDDEN,
        "registered_at": _col(QT_TRANSLATE_NOOP("Audit", "registered at"), "moment"),
    },
    "app_lock": {
        "idle_minutes": _col(QT_TRANSLATE_NOOP("Audit", "lock after minutes unused (0: never)"), "number"),
        "changed_at": _col(QT_TRANSLATE_NOOP("Audit", "changed at"), "moment"),
    },
    "dues_setting": {
        "uuid": HIDDEN,
        "member_id": HIDDEN,  # named in the record
        "valid_from": _col(QT_TRANSLATE_NOOP("Audit", "from"), "date"),
        "category": _col(QT_TRANSLATE_NOOP("Audit", "category"), "dues_category"),
        "base": _col(QT_TRANSLATE_NOOP("Audit", "base"), "money"),
        "region": _col(QT_TRANSLATE_NOOP("Audit", "minimum-wage region"), "number"),
        "pledged": _col(QT_TRANSLATE_NOOP("Audit", "pays by choice"), "money"),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
    },
    "dues_decision": {
        "uuid": HIDDEN,
        "member_id": HIDDEN,
        "kind": _col(QT_TRANSLATE_NOOP("Audit", "kind"), "dues_decision"),
        "percent": _col(QT_TRANSLATE_NOOP("Audit", "percent"), "number"),
        "reason": _col(QT_TRANSLATE_NOOP("Audit", "reason"), "dues_reason"),
        "start": _col(QT_TRANSLATE_NOOP("Audit", "first month"), "date"),
        "end": _col(QT_TRANSLATE_NOOP("Audit", "last month"), "date"),
        "decision_no": _col(QT_TRANSLATE_NOOP("Audit", "decision no.")),
        "decided_on": _col(QT_TRANSLATE_NOOP("Audit", "decided on"), "date"),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
    },
    "dues_entry": {
        "uuid": HIDDEN,
        "org_unit_id": HIDDEN,
        "kind": _col(QT_TRANSLATE_NOOP("Audit", "kind"), "dues_entry"),
        "month": _col(QT_TRANSLATE_NOOP("Audit", "book month"), "date"),
        "on": _col(QT_TRANSLATE_NOOP("Audit", "date"), "date"),
        "amount": _col(QT_TRANSLATE_NOOP("Audit", "amount"), "money"),
        "member_id": HIDDEN,  # named in the record
        "channel": _col(QT_TRANSLATE_NOOP("Audit", "paid by"), "dues_channel"),
        "reverses_id": _col(QT_TRANSLATE_NOOP("Audit", "reverses an earlier entry"), "present"),
        "batch": HIDDEN,
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
        "created_by": _col(QT_TRANSLATE_NOOP("Audit", "entered by")),
    },
    "term": {
        "uuid": HIDDEN,
        "org_unit_id": HIDDEN,
        "name": _col(QT_TRANSLATE_NOOP("Audit", "name")),
        "start": _col(QT_TRANSLATE_NOOP("Audit", "first day"), "date"),
        "end": _col(QT_TRANSLATE_NOOP("Audit", "last day"), "date"),
        "admissions_target": _col(QT_TRANSLATE_NOOP("Audit", "admissions target"), "number"),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
    },
    "public_holiday": {
        "on": _col(QT_TRANSLATE_NOOP("Audit", "date"), "date"),
        "name": _col(QT_TRANSLATE_NOOP("Audit", "name")),
        "source": HIDDEN,
    },
    "member_review": {
        "uuid": HIDDEN,
        "member_id": HIDDEN,  # named in the record
        "year": HIDDEN,  # named in the record
        "self_level": _col(QT_TRANSLATE_NOOP("Audit", "self-rating"), "review_level"),
        "points": _col(QT_TRANSLATE_NOOP("Audit", "points"), "number"),
        "proposed_level": _col(QT_TRANSLATE_NOOP("Audit", "branch proposes"), "review_level"),
        "votes_for": _col(QT_TRANSLATE_NOOP("Audit", "votes for"), "number"),
        "votes_total": _col(QT_TRANSLATE_NOOP("Audit", "members voting"), "number"),
        "final_level": _col(QT_TRANSLATE_NOOP("Audit", "final level (committee)"), "review_level"),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
    },
    "branch_review": {
        "uuid": HIDDEN,
        "org_unit_id": HIDDEN,
        "year": HIDDEN,  # named in the record
        "level": _col(QT_TRANSLATE_NOOP("Audit", "rating"), "review_level"),
        "decision_no": _col(QT_TRANSLATE_NOOP("Audit", "decision no.")),
        "decided_on": _col(QT_TRANSLATE_NOOP("Audit", "decided on"), "date"),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
    },
    "member_award": {
        "uuid": HIDDEN,
        "member_id": HIDDEN,  # named in the record
        "kind": _col(QT_TRANSLATE_NOOP("Audit", "kind"), "award_kind"),
        "form": _col(QT_TRANSLATE_NOOP("Audit", "form")),
        "on": _col(QT_TRANSLATE_NOOP("Audit", "date of the decision"), "date"),
        "decision_no": _col(QT_TRANSLATE_NOOP("Audit", "decision no.")),
        "issuer": _col(QT_TRANSLATE_NOOP("Audit", "decided by")),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
    },
    "candidate": {
        "uuid": HIDDEN,
        "org_unit_id": HIDDEN,
        "full_name": _col(QT_TRANSLATE_NOOP("Audit", "full name")),
        "gender": _col(QT_TRANSLATE_NOOP("Audit", "gender"), "gender"),
        "date_of_birth": _col(QT_TRANSLATE_NOOP("Audit", "date of birth"), "date"),
        "hamlet_id": _col(QT_TRANSLATE_NOOP("Audit", "hamlet"), "hamlet"),
        "ethnicity": _col(QT_TRANSLATE_NOOP("Audit", "ethnicity")),
        "religion": _col(QT_TRANSLATE_NOOP("Audit", "religion")),
        "residence": _col(QT_TRANSLATE_NOOP("Audit", "residence")),
        "occupation": _col(QT_TRANSLATE_NOOP("Audit", "occupation")),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
        "member_id": _col(QT_TRANSLATE_NOOP("Audit", "admitted as member"), "member"),
    },
    "candidate_step": {
        "uuid": HIDDEN,
        "candidate_id": HIDDEN,  # named in the record
        "step": _col(QT_TRANSLATE_NOOP("Audit", "step"), "admission_step"),
        "on": _col(QT_TRANSLATE_NOOP("Audit", "date"), "date"),
        "detail": _col(QT_TRANSLATE_NOOP("Audit", "details")),
        "note": _col(QT_TRANSLATE_NOOP("Audit", "note")),
    },
    "member_conflict": {  # the two versions themselves are in the row (JSON), read in the Conflicts tab
        "uuid": HIDDEN,
        "member_uuid": HIDDEN,
        "stored_unit_id": _col(QT_TRANSLATE_NOOP("Audit", "kept here for"), "unit"),
        "stored_record": HIDDEN,
        "sent_unit_id": _col(QT_TRANSLATE_NOOP("Audit", "sent by"), "unit"),
        "sent_record": HIDDEN,
        "held": HIDDEN,
        "package_sha256": HIDDEN,
        "sequence": _col(QT_TRANSLATE_NOOP("Audit", "package number"), "number"),
        "received_at": _col(QT_TRANSLATE_NOOP("Audit", "received at"), "moment"),
        "state": _col(QT_TRANSLATE_NOOP("Audit", "decision"), "conflict_state"),
        "resolved_at": _col(QT_TRANSLATE_NOOP("Audit", "decided at"), "moment"),
        "resolved_by": _col(QT_TRANSLATE_NOOP("Audit", "decided by")),
    },
}
REFERENCES = {"member": "member", "hamlet": "hamlet", "unit": "org_unit", "meeting": "meeting"}  # kind → table
_unknown: set[tuple[str, str]] = set()


def column(table: str, name: str) -> Column | None:
    """How *table*.*name* reads; ``None`` for a column shown only through its record (an id, a position)."""
    found = COLUMNS.get(table, {}).get(name)
    if found is HIDDEN:
        return None
    if isinstance(found, Column):
        return found
    if (table, name) not in _unknown:
        _unknown.add((table, name))
        log.warning("the log of changes has no words for %s.%s; shown by its name", table, name)
    return Column(name.replace("_", " "))


def moment_text(value: datetime) -> str:
    """30/11/2026 01:01: the moment of a change as the log shows it."""
    return screen_time(value)


def _rate(value: int, language: str) -> str:
    """70 (hundredths of a percent a month) → "0,70 %" ("0.70 %" in English)."""
    return f"{decimal(value / 100, 2, language)} %"


def _scores(raw: str, say: Tr) -> str:
    try:
        scores = json.loads(raw) if raw else {}
    except ValueError:
        return raw
    if not isinstance(scores, dict):
        return raw
    return ", ".join(
        f"{say('Rubric', CRITERION_LABELS[k]) if k in CRITERION_LABELS else k} {v}" for k, v in scores.items()
    )


LAYOUT_LABELS = {
    "top_mm": QT_TRANSLATE_NOOP("Audit", "top margin {value} mm"),
    "bottom_mm": QT_TRANSLATE_NOOP("Audit", "bottom margin {value} mm"),
    "left_mm": QT_TRANSLATE_NOOP("Audit", "left margin {value} mm"),
    "right_mm": QT_TRANSLATE_NOOP("Audit", "right margin {value} mm"),
    "body_pt": QT_TRANSLATE_NOOP("Audit", "text {value} pt"),
    "party_pt": QT_TRANSLATE_NOOP("Audit", "Party name {value} pt"),
    "title_pt": QT_TRANSLATE_NOOP("Audit", "title {value} pt"),
}


DUES_RATE_LABELS = {  # (context, text)
    "salary": ("Dues", CATEGORY_LABELS[Category.SALARY]),
    "pension": ("Dues", CATEGORY_LABELS[Category.PENSION]),
    "student": ("Dues", CATEGORY_LABELS[Category.STUDENT]),
    "other": ("Dues", CATEGORY_LABELS[Category.OTHER]),
    "other_retired": ("Audit", QT_TRANSLATE_NOOP("Audit", "other members at or past retirement age")),
}
ROUNDING_LABELS = {
    "nearest": QT_TRANSLATE_NOOP("Audit", "to the nearest {step} đ"),
    "up": QT_TRANSLATE_NOOP("Audit", "up to {step} đ"),
    "down": QT_TRANSLATE_NOOP("Audit", "down to {step} đ"),
}


DUES_WORDS = {
    "years_months": QT_TRANSLATE_NOOP("Audit", "{years} years {months} months"),
    "years": QT_TRANSLATE_NOOP("Audit", "{years} years"),
    "of_wage": QT_TRANSLATE_NOOP("Audit", "of the minimum wage"),
    "of_base": QT_TRANSLATE_NOOP("Audit", "of the base"),
    "region": QT_TRANSLATE_NOOP("Audit", "region {name} {amount}"),
    "roadmap": QT_TRANSLATE_NOOP("Audit", "{who}: {age} in {year}, {step} months more each year up to {until}"),
}


def _percent_of(hundredths: int, language: str) -> str:
    """100 hundredths of a percent → "1 %", 50 → "0,5 %", 25 → "0,25 %" (a dot in English)."""
    places = 0 if hundredths % 100 == 0 else 1 if hundredths % 10 == 0 else 2
    return f"{decimal(hundredths / 100, places, language)} %"


def _months_age(months: int, say: Tr) -> str:
    years, rest = divmod(months, 12)
    return (
        say(C, "{years} years {months} months").format(years=years, months=rest)
        if rest
        else say(C, "{years} years").format(years=years)
    )


def _dues_rule_words(key: str, value: Any, say: Tr, language: str) -> str | None:
    if key == "dues.rates" and isinstance(value, dict):
        parts = []
        for name, rate in value.items():
            label = say(*DUES_RATE_LABELS[name]) if name in DUES_RATE_LABELS else name
            if isinstance(rate, dict) and "amount" in rate:
                parts.append(f"{label}: {money(int(rate['amount']), language)}")
            elif isinstance(rate, dict):
                base = say(C, DUES_WORDS["of_wage" if rate.get("of") == "minimum_wage" else "of_base"])
                parts.append(f"{label}: {_percent_of(int(rate.get('rate', 0)), language)} {base}")
        return "; ".join(parts)
    if key == "dues.minimum_wage" and isinstance(value, dict):
        return ", ".join(
            say(C, "region {name} {amount}").format(name=k, amount=money(int(v), language)) for k, v in value.items()
        )
    if key == "dues.rounding" and isinstance(value, dict):
        mode = str(value.get("mode", "nearest"))
        return say(C, ROUNDING_LABELS.get(mode, ROUNDING_LABELS["nearest"])).format(
            step=number(int(value["step"]), language)
        )
    if key == "dues.retirement_age" and isinstance(value, dict):
        parts = []
        for gender, r in value.items():
            who = say("Member", GENDER_LABELS[Gender(gender)]) if gender in ("M", "F") else gender
            parts.append(
                say(C, DUES_WORDS["roadmap"]).format(
                    who=who,
                    age=_months_age(int(r["months"]), say),
                    year=r["year"],
                    step=r["step"],
                    until=_months_age(int(r["until"]), say),
                )
            )
        return "; ".join(parts)
    return None


def _review_rule_words(key: str, value: dict[str, Any], say: Tr) -> str:
    if key == "review.bands":
        return ", ".join(
            f"{say('Review', REVIEW_LEVEL_LABELS[Level(name)])} ≥ {int(low)}" for name, low in value.items()
        )
    if key == "review.not_rated":
        parts = [
            say("Review", NOT_RATED_LABELS[reason])
            for reason in (NotRated.EXEMPTED, NotRated.SUSPENDED)
            if value.get(reason.value)
        ]
        if value.get("admitted_months"):
            months = int(value["admitted_months"])
            parts.append(say("Review", NOT_RATED_LABELS[NotRated.NEWLY_ADMITTED]).format(months=months))
        return "; ".join(parts)
    return ", ".join(
        say(C, QT_TRANSLATE_NOOP("Audit", "{step}: {days} days")).format(
            step=say("Admissions", STEP_LABELS[Step(name)]), days=int(days)
        )
        for name, days in value.items()
    )


def _rule_words(key: str, value: Any, say: Tr, language: str) -> str | None:
    """The rules whose values are structures, in words (the others read as the rules screen writes them)."""
    if key.startswith("dues."):
        try:
            return _dues_rule_words(key, value, say, language)
        except (KeyError, TypeError, ValueError):
            return None
    if key == "cccd.century_gender" and isinstance(value, dict):
        return "; ".join(
            f"{digit}: {say('Member', GENDER_LABELS[Gender(meaning[0])])} {meaning[1]}–{meaning[1] + 99}"
            for digit, meaning in sorted(value.items())
            if isinstance(meaning, list) and len(meaning) == 2 and meaning[0] in ("M", "F")
        )
    if key == "meeting.rubric" and isinstance(value, dict):
        criteria = ", ".join(
            f"{say('Rubric', CRITERION_LABELS.get(name, name))} {points}" for name, points in value.get("criteria", [])
        )
        bands = ", ".join(
            f"{say('Rubric', BAND_LABELS.get(name, name))} ≥ {low}" for name, low in value.get("bands", [])
        )
        return f"{criteria}; {bands}"
    if key in ("review.bands", "review.not_rated", "admission.step_days") and isinstance(value, dict):
        try:
            return _review_rule_words(key, value, say)
        except (KeyError, TypeError, ValueError):
            return None
    if key == "document.layout" and isinstance(value, dict):
        return ", ".join(
            say(C, LAYOUT_LABELS[name]).format(value=amount) if name in LAYOUT_LABELS else f"{name} {amount}"
            for name, amount in value.items()
        )
    return None


def rule_value_words(key: str, value: Any, say: Tr, language: str = DOCUMENTS) -> str:
    """A rule's value as a person reads it, in the user's language (the audit log and the rules screen; *language*
    writes its amounts): yes or no, a month as mm/yyyy, the rules made of parts in words; a value of a form this
    version does not know, or of a key it does not declare, as stored."""
    spec = KEYS.get(key)
    if spec is None:
        return json.dumps(value, ensure_ascii=False)
    words = _rule_words(key, value, say, language) if rule_problem(key, value) is None else None
    if words is not None:
        return words
    if spec.kind == "bool" and isinstance(value, bool):
        return say(C, QT_TRANSLATE_NOOP("Audit", "yes")) if value else say(C, QT_TRANSLATE_NOOP("Audit", "no"))
    if key == "dues.region" and value in REGION_NAMES:
        return say(C, QT_TRANSLATE_NOOP("Audit", "region {name}")).format(name=REGION_NAMES[value])
    return format_rule_value(spec.kind, value)


def value_text(
    table: str,
    col: Column,
    value: Any,
    row: Mapping[str, Any],
    say: Tr,
    names: Mapping[str, Mapping[int, str]],
    language: str = DOCUMENTS,
) -> str:
    """*value* of a column in words; *row* is the rest of the row (a rule's value reads by its key), *names*
    the names of the records that ids point to, by table; amounts as *language* writes them."""
    if value is None or value == "":
        return ""
    kind = col.kind
    try:
        if kind == "date":
            return screen_date(date.fromisoformat(str(value)[:10]))
        if kind == "moment":
            return moment_text(datetime.fromisoformat(str(value)))
        if kind == "money":
            return money(int(value), language)
        if kind == "number":
            return number(int(value), language)
        if kind == "bool":
            return say(C, QT_TRANSLATE_NOOP("Audit", "yes")) if int(value) else say(C, QT_TRANSLATE_NOOP("Audit", "no"))
        if kind == "present":
            return say(C, QT_TRANSLATE_NOOP("Audit", "yes"))
        if kind == "rate":
            return _rate(int(value), language)
        if kind == "photo":
            return say(C, QT_TRANSLATE_NOOP("Audit", "a photo"))
        if kind == "scores":
            return _scores(str(value), say)
        if kind == "rule_key":
            key = KEYS.get(str(value))
            return say("Rules", key.label) if key else str(value)
        if kind == "rule_value":
            return rule_value_words(str(row.get("key", "")), json.loads(str(value)), say, language)
        if kind in REFERENCES:
            found = names.get(REFERENCES[kind], {}).get(int(value))
            if found is None:
                return say(C, QT_TRANSLATE_NOOP("Audit", "(no longer there)"))
            return found
        if kind in CODES:
            label = CODES[kind].get(str(value))
            return say(*label) if label else f"{value} (?)"
    except (ValueError, TypeError, KeyError):
        return str(value)
    return str(value)
