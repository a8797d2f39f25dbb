"""The audit log as people read it: when, who, what record, which field went from what to what.

The triggers record every change (storage/audit_schema.py); this turns the rows into words, on screen in the
user's language and printed in Vietnamese.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from chibo_desktop.domain.audit import AuditEntry, Change
from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Translate
from chibo_desktop.storage import audit_queries
from chibo_desktop.storage.db import Database

C = "Audit"
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
    "dues_setting": QT_TRANSLATE_NOOP("Audit", "Dues settings"),
    "dues_decision": QT_TRANSLATE_NOOP("Audit", "Dues exemption or reduction"),
    "dues_entry": QT_TRANSLATE_NOOP("Audit", "Dues entry"),
}
ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("Audit", "added"),
    "update": QT_TRANSLATE_NOOP("Audit", "changed"),
    "delete": QT_TRANSLATE_NOOP("Audit", "removed"),
}
FIELDS = {
    "full_name": QT_TRANSLATE_NOOP("Audit", "full name"),
    "birth_name": QT_TRANSLATE_NOOP("Audit", "birth name"),
    "gender": QT_TRANSLATE_NOOP("Audit", "gender"),
    "date_of_birth": QT_TRANSLATE_NOOP("Audit", "date of birth"),
    "place_of_birth": QT_TRANSLATE_NOOP("Audit", "place of birth"),
    "home_town": QT_TRANSLATE_NOOP("Audit", "home town"),
    "residence": QT_TRANSLATE_NOOP("Audit", "residence"),
    "ethnicity": QT_TRANSLATE_NOOP("Audit", "ethnicity"),
    "religion": QT_TRANSLATE_NOOP("Audit", "religion"),
    "cccd": QT_TRANSLATE_NOOP("Audit", "ID number (CCCD)"),
    "phone": QT_TRANSLATE_NOOP("Audit", "phone"),
    "occupation": QT_TRANSLATE_NOOP("Audit", "occupation"),
    "admission_date": QT_TRANSLATE_NOOP("Audit", "admission date"),
    "official_date": QT_TRANSLATE_NOOP("Audit", "official date"),
    "card_number": QT_TRANSLATE_NOOP("Audit", "card number"),
    "hamlet_id": QT_TRANSLATE_NOOP("Audit", "hamlet"),
    "photo": QT_TRANSLATE_NOOP("Audit", "photo (bytes)"),
    "kind": QT_TRANSLATE_NOOP("Audit", "kind"),
    "on": QT_TRANSLATE_NOOP("Audit", "date"),
    "end_date": QT_TRANSLATE_NOOP("Audit", "until"),
    "decision_no": QT_TRANSLATE_NOOP("Audit", "decision no."),
    "note": QT_TRANSLATE_NOOP("Audit", "note"),
    "mark": QT_TRANSLATE_NOOP("Audit", "attendance"),
    "reason": QT_TRANSLATE_NOOP("Audit", "reason"),
    "role": QT_TRANSLATE_NOOP("Audit", "role"),
    "amount": QT_TRANSLATE_NOOP("Audit", "amount (đồng)"),
    "approved_on": QT_TRANSLATE_NOOP("Audit", "approved on"),
    "disbursed_on": QT_TRANSLATE_NOOP("Audit", "paid out on"),
    "value_json": QT_TRANSLATE_NOOP("Audit", "value"),
    "valid_from": QT_TRANSLATE_NOOP("Audit", "valid from"),
    "name": QT_TRANSLATE_NOOP("Audit", "name"),
    "title": QT_TRANSLATE_NOOP("Audit", "title"),
    "text": QT_TRANSLATE_NOOP("Audit", "text"),
    "content": QT_TRANSLATE_NOOP("Audit", "content"),
    "topic": QT_TRANSLATE_NOOP("Audit", "topic"),
    "place": QT_TRANSLATE_NOOP("Audit", "place"),
    "created_by": QT_TRANSLATE_NOOP("Audit", "entered by"),
    "category": QT_TRANSLATE_NOOP("Audit", "category"),
    "base": QT_TRANSLATE_NOOP("Audit", "base (đồng)"),
    "region": QT_TRANSLATE_NOOP("Audit", "region"),
    "pledged": QT_TRANSLATE_NOOP("Audit", "paid by choice (đồng)"),
    "percent": QT_TRANSLATE_NOOP("Audit", "percent"),
    "start": QT_TRANSLATE_NOOP("Audit", "from"),
    "end": QT_TRANSLATE_NOOP("Audit", "to"),
    "decided_on": QT_TRANSLATE_NOOP("Audit", "decided on"),
    "month": QT_TRANSLATE_NOOP("Audit", "month"),
    "channel": QT_TRANSLATE_NOOP("Audit", "paid by"),
    "reverses_id": QT_TRANSLATE_NOOP("Audit", "undoes entry"),
}
HIDDEN = {
    "uuid",
    "org_unit_id",
    "member_id",
    "meeting_id",
    "fund_id",
    "loan_id",
    "seq",
    "position_no",
    "batch",
    "agenda_item_id",
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return screen_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


class AuditService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def entries(
        self,
        translate: Translate | None = None,
        since: date | None = None,
        until: date | None = None,
        search: str = "",
        limit: int = 5000,
    ) -> list[AuditEntry]:
        """The newest changes first, in words; *search* keeps entries whose text contains it (any case)."""
        tr: Callable[[str], str] = (lambda text: translate(C, text)) if translate else (lambda text: text)
        with self._db.read() as session:
            rows = audit_queries.entries(session, since, until, limit)
            member_ids = [r["row_id"] for r in rows if r["table"] == "member"]
            member_ids += [(r["new"] or r["old"]).get("member_id") for r in rows if r["table"] != "member"]
            names = audit_queries.member_names(session, [i for i in member_ids if isinstance(i, int)])
            meeting_ids = [r["row_id"] for r in rows if r["table"] == "meeting"]
            meeting_ids += [(r["new"] or r["old"]).get("meeting_id") for r in rows if r["table"] != "meeting"]
            meetings = audit_queries.meeting_dates(session, [i for i in meeting_ids if isinstance(i, int)])
        out = []
        needle = search.casefold().strip()
        for r in rows:
            values = r["new"] or r["old"]
            if r["table"] == "member":
                record = str(values.get("full_name") or names.get(r["row_id"], f"#{r['row_id']}"))
            elif isinstance(values.get("member_id"), int) and values["member_id"] in names:
                record = names[values["member_id"]]
            elif r["table"] == "meeting" and r["row_id"] in meetings:
                record = screen_date(meetings[r["row_id"]])
            elif isinstance(values.get("meeting_id"), int) and values["meeting_id"] in meetings:
                record = tr(TABLES["meeting"]) + " " + screen_date(meetings[values["meeting_id"]])
            else:
                record = str(values.get("name") or values.get("key") or values.get("title") or f"#{r['row_id']}")
            keys = [k for k in dict.fromkeys([*r["old"], *r["new"]]) if k not in HIDDEN]
            changes = tuple(
                Change(tr(FIELDS[k]) if k in FIELDS else k, _text(r["old"].get(k)), _text(r["new"].get(k)))
                for k in keys
                if r["action"] == "update" or _text(r["old"].get(k) if r["old"] else r["new"].get(k))
            )
            entry = AuditEntry(
                datetime.fromisoformat(r["at"]),
                r["actor"],
                tr(TABLES.get(str(r["table"]), str(r["table"]))),
                record,
                tr(ACTIONS.get(str(r["action"]), str(r["action"]))),
                changes,
            )
            if needle and needle not in _haystack(entry):
                continue
            out.append(entry)
        return out


def _haystack(entry: AuditEntry) -> str:
    parts = [entry.actor, entry.what, entry.record, entry.action]
    for change in entry.changes:
        parts += [change.field, change.old, change.new]
    return " ".join(parts).casefold()
