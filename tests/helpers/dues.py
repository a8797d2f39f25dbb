"""The dues rules as the migration seeds them, and members built by hand, for the dues tests."""

from datetime import date

from chibo_desktop.domain.dues import Decision, DuesMember, DuesSetting
from chibo_desktop.domain.members import EventKind, PartyAge, StatusEvent
from chibo_desktop.domain.rules import RuleBook, RuleValue

RATES_2026 = {
    "salary": {"rate": 100},
    "pension": {"rate": 50},
    "student": {"amount": 5000},
    "other": {"rate": 30, "of": "minimum_wage"},
    "other_retired": {"rate": 20, "of": "minimum_wage"},
}
RATES_2028 = {
    **RATES_2026,
    "other": {"rate": 50, "of": "minimum_wage"},
    "other_retired": {"rate": 30, "of": "minimum_wage"},
}
# What a branch that kept Quyết định 342-QĐ/TW would add: others paid a fixed amount the branch chose.
OLD_RATES = {
    "salary": {"rate": 100},
    "pension": {"rate": 50},
    "student": {"amount": 2000},
    "other": {"amount": 3000},
    "other_retired": {"amount": 1500},
}
SEEDED = (
    RuleValue("dues.rates", RATES_2026, date(2026, 2, 1)),
    RuleValue("dues.rates", RATES_2028, date(2028, 1, 1)),
    RuleValue(
        "dues.minimum_wage", {"I": 5_310_000, "II": 4_730_000, "III": 4_140_000, "IV": 3_700_000}, date(2026, 1, 1)
    ),
    RuleValue("dues.region", 4, date(2026, 1, 1)),
    RuleValue("dues.rounding", {"step": 100, "mode": "nearest"}, date(2026, 2, 1)),
    RuleValue("dues.exempt_party_years", 50, date(2026, 2, 1)),
    RuleValue(
        "dues.retirement_age",
        {
            "M": {"year": 2021, "months": 723, "step": 3, "until": 744},
            "F": {"year": 2021, "months": 664, "step": 4, "until": 720},
        },
        date(2021, 1, 1),
    ),
    RuleValue("dues.reduction_percents", [30, 50, 70], date(2026, 2, 1)),
    RuleValue("dues.decision_max_months", 12, date(2026, 2, 1)),
    RuleValue("dues.removal_unpaid_months", 3, date(2026, 2, 1)),
    RuleValue("dues.branch_share_percent", 30, date(2026, 2, 1)),
    RuleValue("dues.book_start", 202602, date(2000, 1, 1)),
)


def rules(*more: RuleValue) -> RuleBook:
    return RuleBook([*SEEDED, *more])


def member(
    member_id: int,
    name: str = "Nguyễn Văn An",
    gender: str = "M",
    born: date = date(1980, 3, 4),
    admitted: date = date(2010, 5, 19),
    settings: tuple[DuesSetting, ...] = (),
    decisions: tuple[Decision, ...] = (),
    events: tuple[StatusEvent, ...] = (),
) -> DuesMember:
    history = (StatusEvent(EventKind.ADMITTED, admitted), *events)
    return DuesMember(member_id, name, gender, born, PartyAge(admitted), history, settings, decisions)
