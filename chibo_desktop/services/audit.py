"""The audit log as people read it: when, who, what record, which field went from what to what.

The triggers record every change (storage/audit_schema.py); this turns the rows into words, on screen in the
user's language and printed in Vietnamese.
"""

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from chibo_desktop.domain.audit import AuditEntry, Change
from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.formatting import DOCUMENTS, number
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Translate
from chibo_desktop.domain.namesakes import among_namesakes
from chibo_desktop.domain.rules import KEYS
from chibo_desktop.services.audit_words import (
    ACTIONS,
    KEY_PURPOSES,
    PACKAGE_FIELDS,
    PACKAGE_KINDS,
    PACKAGE_OUTCOMES,
    PACKAGE_TAKEN_IN,
    PACKAGE_WAITING,
    TABLES,
    C,
    Tr,
    column,
    moment_text,
    value_text,
)
from chibo_desktop.storage import audit_queries, member_queries
from chibo_desktop.storage.audit_schema import PACKAGE
from chibo_desktop.storage.db import Database, Session
from chibo_desktop.storage.stored_values import report_unusable

# The ids in a row that lead to what the row is about, and the table each points to.
REFERENCES = {
    "member_id": "member",
    "meeting_id": "meeting",
    "agenda_item_id": "agenda_item",
    "fund_id": "fund",
    "loan_id": "loan",
    "hamlet_id": "hamlet",
    "org_unit_id": "org_unit",
    "parent_id": "org_unit",
    "chair_id": "member",
    "secretary_id": "member",
    "candidate_id": "candidate",
}
NAMED_ITSELF = {"member", "meeting", "fund", "loan", "hamlet", "org_unit", "candidate"}  # records that have a name
CONTEXT = (*REFERENCES, "year")  # what an update's entry may not hold but its record is named by


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
        language: str = DOCUMENTS,
    ) -> list[AuditEntry]:
        """The newest changes first, in words (*translate*'s, with amounts as *language* writes them); *search*
        keeps entries whose text contains it (any case)."""
        say: Tr = translate if translate else (lambda _context, text: text)
        with self._db.read() as session:
            rows = audit_queries.entries(session, since, until, limit)
            merged = _values(session, rows)
            names = _names(session, rows, merged)
            apart = _told_apart(session, rows, merged, names, say)
        out = []
        needle = search.casefold().strip()
        for r, known in zip(rows, merged, strict=True):
            table = str(r["table"])
            entry = (
                _package_entry(r, say, language)
                if table == PACKAGE
                else AuditEntry(
                    _moment(r["at"]),
                    r["actor"],
                    say(C, TABLES[table]) if table in TABLES else table.replace("_", " "),
                    _record(table, r["row_id"], known, names, say, apart),
                    say(C, ACTIONS.get(str(r["action"]), str(r["action"]))),
                    _changes(table, r, say, names, language),
                    say(C, QT_TRANSLATE_NOOP("Audit", "(time unknown)")),
                )
            )
            if needle and needle not in _haystack(entry):
                continue
            out.append(entry)
        return out


def _package_entry(r: audit_queries.AuditRecord, say: Tr, language: str) -> AuditEntry:
    """The one entry of a package taken in (its rows are not logged one by one): from which unit, which package,
    and per kind of record how many were added, changed or removed."""
    new = r["new"]
    changes = []
    for name, label in PACKAGE_FIELDS.items():
        value = new.get(name)
        if value is None or value == "":
            continue
        if name == "made_at":
            try:
                value = moment_text(datetime.fromisoformat(str(value)))
            except ValueError:
                report_unusable("audit_log package made_at", str(value))
        changes.append(Change(say(C, label), "", str(value)))
    for kind, table in PACKAGE_KINDS.items():
        said = [
            say(C, text).format(count=number(int(new[f"{kind}.{outcome}"]), language))
            for outcome, text in PACKAGE_OUTCOMES.items()
            if isinstance(new.get(f"{kind}.{outcome}"), int) and new[f"{kind}.{outcome}"] > 0
        ]
        if said:
            changes.append(Change(say(C, TABLES[table]), "", ", ".join(said)))
    if isinstance(new.get("waiting"), int) and new["waiting"] > 0:
        changes.append(Change(say(C, PACKAGE_WAITING), "", number(new["waiting"], language)))
    return AuditEntry(
        _moment(r["at"]),
        r["actor"],
        say(C, TABLES[PACKAGE]),
        str(new.get("unit") or ""),
        say(C, PACKAGE_TAKEN_IN),
        tuple(changes),
        say(C, QT_TRANSLATE_NOOP("Audit", "(time unknown)")),
    )


def _moment(raw: object) -> datetime | None:
    """The moment of an entry; None (shown as unknown, logged once) when the stored text is not one."""
    try:
        return datetime.fromisoformat(str(raw))
    except (TypeError, ValueError):
        report_unusable("audit_log.at", str(raw))
        return None


def _day(raw: object) -> str:
    """A logged date as the log shows it; the stored text itself when it is not a date."""
    try:
        return screen_date(date.fromisoformat(str(raw)[:10]))
    except ValueError:
        report_unusable("audit_log date", str(raw))
        return str(raw)


def _values(session: Session, rows: list[audit_queries.AuditRecord]) -> list[dict[str, Any]]:
    """Each row as fully as it can be known: its logged values, and the references an update did not log
    (read from the row itself, while it exists)."""
    merged = [{**r["old"], **r["new"]} for r in rows]
    missing: dict[str, set[int]] = defaultdict(set)
    for r, known in zip(rows, merged, strict=True):
        if any(column not in known for column in REFERENCES) and isinstance(r["row_id"], int):
            missing[str(r["table"])].add(r["row_id"])
    found = {table: audit_queries.row_values(session, table, ids, list(CONTEXT)) for table, ids in missing.items()}
    for r, known in zip(rows, merged, strict=True):
        for name, value in found.get(str(r["table"]), {}).get(r["row_id"], {}).items():
            known.setdefault(name, value)
    return merged


def _names(
    session: Session, rows: list[audit_queries.AuditRecord], merged: list[dict[str, Any]]
) -> dict[str, dict[int, str]]:
    """table → id → the name a person knows the record by (a meeting by its date)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for r, known in zip(rows, merged, strict=True):
        if r["table"] in NAMED_ITSELF and isinstance(r["row_id"], int):
            wanted[str(r["table"])].add(r["row_id"])
        for name, table in REFERENCES.items():
            if isinstance(known.get(name), int):
                wanted[table].add(known[name])
    agenda = audit_queries.names(session, "agenda_item", wanted.pop("agenda_item", set()))
    wanted["meeting"].update(i for i in agenda.values() if isinstance(i, int))
    found: dict[str, dict[int, str]] = {}
    for table, ids in wanted.items():
        raw = audit_queries.names(session, table, ids)
        found[table] = {i: screen_date(v) if isinstance(v, date) else str(v) for i, v in raw.items()}
    found["agenda_item"] = {i: found["meeting"][m] for i, m in agenda.items() if m in found.get("meeting", {})}
    return found


def _told_apart(
    session: Session,
    rows: list[audit_queries.AuditRecord],
    merged: list[dict[str, Any]],
    names: dict[str, dict[int, str]],
    say: Tr,
) -> dict[tuple[int, str], str]:
    """(member id, name) → the name the log shows, for the members it names whose name another member of the branch
    has too (two "Nguyễn Văn An", only one of them changed): told apart by the year of birth, as the lists of the
    window and the documents do. The members' and the borrowers' names in *names* are told apart in place; a log
    of a branch without namesakes reads no more than this one question."""
    loan_members = {
        loan_id: values["member_id"]
        for loan_id, values in audit_queries.row_values(session, "loan", names.get("loan", {}), ["member_id"]).items()
        if isinstance(values.get("member_id"), int)
    }
    people: list[tuple[int, str]] = list(names.get("member", {}).items())
    for r, known in zip(rows, merged, strict=True):
        row_id = r["row_id"]
        if r["table"] == "member" and isinstance(row_id, int) and known.get("full_name"):
            people.append((row_id, str(known["full_name"])))
        elif r["table"] == "loan" and isinstance(known.get("member_id"), int):
            if isinstance(row_id, int):
                loan_members.setdefault(row_id, known["member_id"])
            if known.get("borrower"):
                people.append((known["member_id"], str(known["borrower"])))
    people += [(loan_members[i], name) for i, name in names.get("loan", {}).items() if i in loan_members]
    namesakes = member_queries.namesakes(session, sorted({member_id for member_id, _name in people}))
    if not namesakes:
        return {}
    listed = list(dict.fromkeys(people))
    born = say("Namesakes", QT_TRANSLATE_NOOP("Namesakes", "{name} (born {born})"))
    card = say("Namesakes", QT_TRANSLATE_NOOP("Namesakes", "{name} (Party card {card})"))
    told = among_namesakes(listed, namesakes, born, card)
    shown = {person: name for person, (_id, name) in zip(listed, told, strict=True)}
    if "member" in names:
        names["member"] = {i: shown.get((i, name), name) for i, name in names["member"].items()}
    if "loan" in names:
        names["loan"] = {i: shown.get((loan_members.get(i, -1), name), name) for i, name in names["loan"].items()}
    return shown


def _record(
    table: str,
    row_id: int,
    known: dict[str, Any],
    names: dict[str, dict[int, str]],
    say: Tr,
    apart: dict[tuple[int, str], str],
) -> str:
    """Which record an entry is about, as a person names it: the member, the meeting's date, the fund…; *apart*
    names a member who has a namesake (see :func:`_told_apart`)."""
    own = names.get(table, {}).get(row_id)
    if table == "member":
        name = str(known.get("full_name") or "")
        return apart.get((row_id, name), name) if name else own or ""
    if table == "meeting":
        return own or (_day(known["on"]) if known.get("on") else "")
    if table in ("fund", "hamlet", "org_unit"):
        return str(known.get("name") or own or "")
    if table == "loan":
        borrower = str(known.get("borrower") or "")
        member = known.get("member_id")
        return (apart.get((member, borrower), borrower) if isinstance(member, int) else borrower) or own or ""
    if table == "candidate":
        return str(known.get("full_name") or own or "")
    if table == "rule_value":
        key = KEYS.get(str(known.get("key", "")))
        return say("Rules", key.label) if key else ""
    if table == "thematic_topic":
        return str(known.get("title") or "")
    if table == "term":
        return str(known.get("name") or "")
    if table == "public_holiday":
        on = known.get("on")
        return f"{_day(on)} {known.get('name') or ''}".strip() if on else ""
    if table == "key_pair":
        purpose = KEY_PURPOSES.get(str(known.get("purpose", "")))
        return say(C, purpose) if purpose else ""
    parts = []
    for name, parent in (
        ("fund_id", "fund"),
        ("loan_id", "loan"),
        ("member_id", "member"),
        ("candidate_id", "candidate"),
        ("org_unit_id", "org_unit"),
    ):
        ref = known.get(name)
        found = names.get(parent, {}).get(ref) if isinstance(ref, int) else None
        if found and found not in parts and (parent != "org_unit" or table == "branch_key"):
            parts.append(found)
    if table in ("member_review", "branch_review") and known.get("year") is not None:
        parts.append(say(C, QT_TRANSLATE_NOOP("Audit", "year {year}")).format(year=known["year"]))
    if not parts and table in ("opinion", "assignment", "attendance"):
        parts.append(str(known.get("speaker") or known.get("name") or ""))
    meeting = None
    if isinstance(known.get("meeting_id"), int):
        meeting = names.get("meeting", {}).get(known["meeting_id"])
    elif isinstance(known.get("agenda_item_id"), int):
        meeting = names.get("agenda_item", {}).get(known["agenda_item_id"])
    if meeting:
        parts.append(say(C, QT_TRANSLATE_NOOP("Audit", "meeting of {date}")).format(date=meeting))
    return ", ".join(p for p in parts if p)


def _changes(
    table: str, r: audit_queries.AuditRecord, say: Tr, names: dict[str, dict[int, str]], language: str
) -> tuple[Change, ...]:
    """Field by field, in words: everything an added or removed record held, what an update changed."""
    old, new = r["old"], r["new"]
    out = []
    for name in dict.fromkeys([*old, *new]):
        col = column(table, name)
        if col is None:
            continue
        before = value_text(table, col, old.get(name), old, say, names, language) if old else ""
        after = value_text(table, col, new.get(name), new, say, names, language) if new else ""
        if r["action"] != "update" and not (before or after):
            continue  # an empty field of a record added or removed says nothing
        if r["action"] == "delete":
            before, after = "", before  # what the removed record held, read like an addition
        out.append(Change(say(C, col.label), before, after))
    return tuple(out)


def _haystack(entry: AuditEntry) -> str:
    parts = [entry.actor, entry.what, entry.record, entry.action]
    for change in entry.changes:
        parts += [change.field, change.old, change.new]
    return " ".join(parts).casefold()
