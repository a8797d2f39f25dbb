"""A strict check of data.json before anything is merged: every table, every record's fields and their types."""

from typing import Any

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message

S, INT, D, N = str, int, "date", type(None)  # D: "YYYY-MM-DD"
OPT_S, OPT_D = (str, N), ("date", N)
TABLES: dict[str, dict[str, Any]] = {
    "org_units": {"uuid": S, "name": S, "kind": S, "place_name": S, "parent_uuid": OPT_S},
    "hamlets": {"uuid": S, "org_uuid": S, "name": S, "position": INT},
    "members": {
        "uuid": S,
        "org_uuid": S,
        "hamlet_uuid": OPT_S,
        "full_name": S,
        "gender": S,
        "date_of_birth": OPT_D,
        "admission_date": OPT_D,
        "official_date": OPT_D,
    },
    "status_events": {
        "uuid": S,
        "member_uuid": S,
        "kind": S,
        "on": D,
        "end_date": OPT_D,
        "decision_no": S,
        "note": S,
        "standing": OPT_S,
        "seq": INT,
    },
    "party_cards": {"uuid": S, "member_uuid": S, "number": S, "recorded_on": OPT_D, "note": S},
    "meetings": {
        "uuid": S,
        "org_uuid": S,
        "kind": S,
        "on": D,
        "approved_on": OPT_D,
        "attendance": list,
        "agenda": list,
        "guests": list,
        "resolutions": list,
        "assignments": list,
        "addenda": list,
    },
    "funds": {"uuid": S, "org_uuid": S, "name": S, "max_loan": INT, "rate": INT},
    "loans": {
        "uuid": S,
        "fund_uuid": S,
        "member_uuid": S,
        "amount": INT,
        "approved_on": D,
        "disbursed_on": OPT_D,
        "plan": list,
    },
    "fund_entries": {
        "uuid": S,
        "fund_uuid": S,
        "kind": S,
        "amount": INT,
        "on": D,
        "loan_uuid": OPT_S,
        "reverses_uuid": OPT_S,
    },
}
MAX_RECORDS = 2_000_000


def _is(value: Any, kind: Any) -> bool:
    if isinstance(kind, tuple):
        return any(_is(value, k) for k in kind)
    if kind == "date":
        return (
            isinstance(value, str)
            and len(value) == 10
            and value[4] == "-"
            and value[7] == "-"
            and value.replace("-", "").isdigit()
        )
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def check(data: Any) -> None:
    """Raise a plain :class:`UserError` naming the first problem; return when the data has the expected shape."""

    def bad(where: str) -> UserError:
        return UserError(
            Message(
                "Exchange",
                QT_TRANSLATE_NOOP("Exchange", "The package's data is malformed ({where}). It was refused."),
                {"where": where},
            )
        )

    if not isinstance(data, dict) or set(data) != set(TABLES):
        raise bad("tables")
    total = 0
    for table, fields in TABLES.items():
        records = data[table]
        if not isinstance(records, list):
            raise bad(table)
        total += len(records)
        if total > MAX_RECORDS:
            raise bad("size")
        for n, record in enumerate(records):
            if not isinstance(record, dict):
                raise bad(f"{table}[{n}]")
            for field, kind in fields.items():
                if field not in record or not _is(record[field], kind):
                    raise bad(f"{table}[{n}].{field}")
            if any(isinstance(v, float) for v in record.values()):
                raise bad(f"{table}[{n}]: money must be whole đồng")
