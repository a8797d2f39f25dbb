"""Rules the Party changes are data: each value has the date it takes effect.

The database holds the values (seeded by a migration, editable in the app); this module knows which keys
exist, what kind of value each takes, and how to pick the value in force on a given day.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class RuleKey:
    key: str
    kind: str  # "int", "int_list", "str_list", "bool", "json"
    label: str  # translatable, context "Rules"


KEYS: dict[str, RuleKey] = {
    k.key: k
    for k in (
        RuleKey("probation.months", "int", QT_TRANSLATE_NOOP("Rules", "Probation length (months)")),
        RuleKey(
            "probation.recognition_working_days",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Working days to consider recognition after probation"),
        ),
        RuleKey(
            "probation.remind_days_before",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Remind this many days before probation ends"),
        ),
        RuleKey("admission.min_age", "int", QT_TRANSLATE_NOOP("Rules", "Minimum age at admission")),
        RuleKey("badge.milestones", "int_list", QT_TRANSLATE_NOOP("Rules", "Party badge milestones (years)")),
        RuleKey(
            "ethnicity.majority",
            "str_list",
            QT_TRANSLATE_NOOP("Rules", "Ethnic groups not counted as minority"),
        ),
        RuleKey("meeting.quality_bar_percent", "int", QT_TRANSLATE_NOOP("Rules", "Meeting attendance bar (%)")),
        RuleKey(
            "meeting.removal_unexcused_months",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Months absent without reason in a year that allow a removal proposal"),
        ),
        RuleKey(
            "meeting.max_consecutive_absences",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Absences in a row tolerated, even with reason"),
        ),
        RuleKey(
            "meeting.away_counts_as_required",
            "bool",
            QT_TRANSLATE_NOOP("Rules", "Count temporarily away members as required to attend"),
        ),
        RuleKey("meeting.min_minutes", "int", QT_TRANSLATE_NOOP("Rules", "Shortest meeting (minutes)")),
        RuleKey(
            "meeting.min_minutes_combined",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Shortest combined regular and thematic meeting (minutes)"),
        ),
        RuleKey("meeting.scoring_enabled", "bool", QT_TRANSLATE_NOOP("Rules", "Score meetings by the rubric")),
        RuleKey("meeting.rubric", "json", QT_TRANSLATE_NOOP("Rules", "Meeting scoring rubric")),
        RuleKey(
            "cccd.century_gender",
            "json",
            QT_TRANSLATE_NOOP("Rules", "ID number (CCCD): digit 4 → gender and first year of the century of birth"),
        ),
        RuleKey(
            "document.layout",
            "json",
            QT_TRANSLATE_NOOP("Rules", "Printed documents: margins (mm) and font sizes (pt)"),
        ),
        RuleKey(
            "dues.rates",
            "json",
            QT_TRANSLATE_NOOP(
                "Rules",
                "Dues rates by category: rate in hundredths of a percent (100 = 1 %) of the member's salary or "
                "pension, or of the regional minimum wage; or a fixed amount in đồng",
            ),
        ),
        RuleKey(
            "dues.minimum_wage",
            "json",
            QT_TRANSLATE_NOOP("Rules", "Regional minimum wages, đồng a month (regions I–IV)"),
        ),
        RuleKey(
            "dues.region",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Minimum-wage region of the branch's area (1 = I … 4 = IV)"),
        ),
        RuleKey(
            "dues.rounding",
            "json",
            QT_TRANSLATE_NOOP("Rules", "Rounding of dues: step in đồng and mode (nearest, up, down)"),
        ),
        RuleKey(
            "dues.exempt_party_years",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Years of Party age from which a member pays no dues"),
        ),
        RuleKey(
            "dues.retirement_age",
            "json",
            QT_TRANSLATE_NOOP(
                "Rules", "Retirement age in months by the year it is reached (men M, women F), for the dues rates"
            ),
        ),
        RuleKey(
            "dues.reduction_percents",
            "int_list",
            QT_TRANSLATE_NOOP("Rules", "Dues reductions a decision may grant (%)"),
        ),
        RuleKey(
            "dues.decision_max_months",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Longest dues exemption or reduction by one decision (months)"),
        ),
        RuleKey(
            "dues.removal_unpaid_months",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Months without dues in a year, without reason, that allow a removal proposal"),
        ),
        RuleKey(
            "dues.branch_share_percent",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Share of the dues collected that the branch keeps (%); the rest is paid up"),
        ),
        RuleKey(
            "dues.book_start",
            "int",
            QT_TRANSLATE_NOOP("Rules", "First month of the dues book kept in the app (YYYYMM, e.g. 202602)"),
        ),
    )
}


@dataclass(frozen=True)
class RuleValue:
    key: str
    value: Any
    valid_from: date
    note: str = ""


class RuleBook:
    """The rule values of one database; ``get(key, on)`` is the value in force on that day."""

    def __init__(self, values: Iterable[RuleValue]) -> None:
        self._values: dict[str, list[RuleValue]] = {}
        for value in values:
            self._values.setdefault(value.key, []).append(value)
        for history in self._values.values():
            history.sort(key=lambda v: v.valid_from)

    def get(self, key: str, on: date) -> Any:
        history = self._values.get(key, [])
        current = None
        for value in history:
            if value.valid_from <= on:
                current = value
        if current is None:
            if not history:
                raise KeyError(key)
            current = history[0]  # before the first recorded value, the earliest known one applies
        return current.value

    def history(self, key: str) -> list[RuleValue]:
        return list(self._values.get(key, []))

    def keys(self) -> list[str]:
        return sorted(self._values)


def parse_rule_value(kind: str, text: str) -> Any:
    """Read a value typed in the settings screen; ``ValueError`` when it does not fit the kind."""
    text = text.strip()
    if kind == "int":
        return int(text)
    if kind == "int_list":
        return [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    if kind == "str_list":
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if kind == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(text) from error
    if kind == "bool":
        if text.lower() in ("1", "true", "yes", "có", "co"):
            return True
        if text.lower() in ("0", "false", "no", "không", "khong"):
            return False
        raise ValueError(text)
    raise ValueError(kind)


def format_rule_value(kind: str, value: Any) -> str:
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind in ("int_list", "str_list"):
        return ", ".join(str(v) for v in value)
    return str(value)
