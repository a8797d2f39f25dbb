"""Party dues (đảng phí) under Quy định 01-QĐ/TW (2026): what each member owes for a month, and the journal's
entries (the book itself is :mod:`chibo_desktop.domain.dues_book`).

Every figure comes from dated rule rows (``dues.*`` in :mod:`chibo_desktop.domain.rules`), never from a
constant here: the rates, the regional minimum wages, the rounding, the Party age that exempts, the retirement
ages, the share the branch keeps. Money is whole đồng in ``int``; a rate is in hundredths of a percent
(100 = 1 %), so an amount is an exact fraction rounded once.

When things are judged within a month:
- the rules (rates, wages, rounding, shares) are those in force on the month's first day, so a rule that takes
  effect on a date changes only the months that begin on or after it;
- the member's standing (in the branch, away, suspended) is taken at the month's end, and so are ages (Party
  age, retirement age): a member who reaches 50 years of Party age in June is exempt for June;
- the member's dues settings and the exemption or reduction decisions are month by month.

A member pays here in a month when they belong to the branch at its end (own members and the temporarily
attached) and are neither temporarily away (they pay where they are) nor suspended.

The journal (payments, handovers to the upper level, "not paid" notes with their reason) is never edited: a
mistake is undone by a reversing entry, in the same book month as the entry it undoes.
"""

import calendar
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from chibo_desktop.domain.dates import add_months
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from chibo_desktop.domain.members import PartyAge, StatusEvent, ordered, state_in_order
from chibo_desktop.domain.rules import RuleBook


class Category(StrEnum):
    SALARY = "salary"  # in compulsory social insurance: a share of the salary it is paid on
    PENSION = "pension"  # on a pension
    STUDENT = "student"  # pupils and students: a fixed amount
    OTHER = "other"  # the rest (most village members): a share of the regional minimum wage
    UNKNOWN = "unknown"  # a stored category this version does not know: no rate applies to it; never written


CATEGORY_LABELS = {
    Category.SALARY: QT_TRANSLATE_NOOP("Dues", "Social-insurance salary"),
    Category.PENSION: QT_TRANSLATE_NOOP("Dues", "Pension"),
    Category.STUDENT: QT_TRANSLATE_NOOP("Dues", "Pupil or student"),
    Category.OTHER: QT_TRANSLATE_NOOP("Dues", "Other (regional minimum wage)"),
    Category.UNKNOWN: QT_TRANSLATE_NOOP("Dues", "Unknown category"),
}
REGION_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}


class DecisionKind(StrEnum):
    EXEMPT = "exempt"
    REDUCE = "reduce"
    UNKNOWN = "unknown"  # a stored kind this version does not know: its stored percentage applies; never written


class DecisionReason(StrEnum):
    SOCIAL_PENSION = "social_pension"  # on the social pension (trợ cấp hưu trí xã hội): no end needed
    POOR_HOUSEHOLD = "poor_household"
    NEAR_POOR_HOUSEHOLD = "near_poor_household"
    SERIOUS_ILLNESS = "serious_illness"
    HARDSHIP = "hardship"  # other financial hardship
    UNKNOWN = "unknown"  # a stored reason this version does not know; never written


REASON_LABELS = {
    DecisionReason.SOCIAL_PENSION: QT_TRANSLATE_NOOP("Dues", "On the social pension"),
    DecisionReason.POOR_HOUSEHOLD: QT_TRANSLATE_NOOP("Dues", "Poor household"),
    DecisionReason.NEAR_POOR_HOUSEHOLD: QT_TRANSLATE_NOOP("Dues", "Near-poor household"),
    DecisionReason.SERIOUS_ILLNESS: QT_TRANSLATE_NOOP("Dues", "Serious illness"),
    DecisionReason.HARDSHIP: QT_TRANSLATE_NOOP("Dues", "Other hardship"),
    DecisionReason.UNKNOWN: QT_TRANSLATE_NOOP("Dues", "Unknown reason"),
}
OPEN_ENDED_REASONS = frozenset({DecisionReason.SOCIAL_PENSION})


class ExemptMark(StrEnum):
    PARTY_AGE = "party_age"  # 50 years of Party age or more (the rule's figure)
    DECISION = "decision"  # exempt by a decision
    REDUCED = "reduced"  # reduced by a decision


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def months_between(first: date, last: date) -> list[date]:
    """The first days of the months from *first*'s to *last*'s, both included."""
    out = []
    current = month_start(first)
    while current <= last:
        out.append(current)
        current = add_months(current, 1)
    return out


def month_text(month: date) -> str:
    """03/2026: how a month is written on screen and in the book."""
    return f"{month.month:02d}/{month.year}"


@dataclass(frozen=True)
class DuesSetting:
    """How a member's dues are worked out from a month on; a later row takes over from its month."""

    member_id: int
    valid_from: date  # the first day of a month
    category: Category
    base: int = 0  # đồng: the social-insurance salary (or allowance) or the pension; unused otherwise
    region: int | None = None  # for OTHER: 1–4 (I–IV); None = the branch's region (rule dues.region)
    pledged: int = 0  # đồng a month the member chose to pay above the rate (0 = none)
    note: str = ""
    id: int = 0


@dataclass(frozen=True)
class Decision:
    """An exemption or a reduction, by a decision, for whole months."""

    member_id: int
    kind: DecisionKind
    percent: int  # the reduction: 30, 50, 70 …; 100 for an exemption
    reason: DecisionReason
    start: date  # first month (its first day)
    end: date | None  # last month (its first day), included; None only where the reason allows it
    decision_no: str = ""
    decided_on: date | None = None
    note: str = ""
    id: int = 0

    def covers(self, month: date) -> bool:
        return self.start <= month and (self.end is None or month <= self.end)

    def months(self) -> int | None:
        if self.end is None:
            return None
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


@dataclass(frozen=True)
class DuesMember:
    """The facts about one member that the dues need, taken from the roster."""

    id: int
    name: str
    gender: str  # "M" / "F"
    date_of_birth: date | None
    party_age: PartyAge | None
    events: tuple[StatusEvent, ...]
    settings: tuple[DuesSetting, ...] = ()
    decisions: tuple[Decision, ...] = ()


# --- the rules in force for a month ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """One category's rate: a share of a base (hundredths of a percent), or a fixed amount."""

    rate: int = 0  # hundredths of a percent: 100 = 1 %
    amount: int | None = None  # a fixed amount in đồng instead of a share
    of_minimum_wage: bool = False  # the base is the regional minimum wage, not the member's own

    @staticmethod
    def from_json(value: Any) -> "Rate":
        if "amount" in value:
            return Rate(amount=int(value["amount"]))
        return Rate(rate=int(value["rate"]), of_minimum_wage=value.get("of") == "minimum_wage")


RATE_KEYS = ("salary", "pension", "student", "other", "other_retired")


@dataclass(frozen=True)
class MonthRules:
    """The dues rules for one month: ``rates`` is None before the first rate row (nothing is due then)."""

    month: date
    rates: dict[str, Rate] | None
    minimum_wage: dict[int, int]
    region: int
    rounding_step: int
    rounding_mode: str
    exempt_party_years: int
    branch_share_percent: int
    retirement: dict[str, Any]
    retirement_key: str = ""


def _first(book: RuleBook, key: str) -> date | None:
    history = book.history(key)
    return history[0].valid_from if history else None


def month_rules(book: RuleBook, month: date) -> MonthRules:
    day = month_start(month)
    first_rates = _first(book, "dues.rates")
    rates = None
    if first_rates is not None and first_rates <= day:
        rates = {key: Rate.from_json(value) for key, value in book.get("dues.rates", day).items()}
    wages = {_region(name): int(amount) for name, amount in book.get("dues.minimum_wage", day).items()}
    rounding = book.get("dues.rounding", day)
    retirement = book.get("dues.retirement_age", month_end(day))
    return MonthRules(
        month=day,
        rates=rates,
        minimum_wage=wages,
        region=int(book.get("dues.region", day)),
        rounding_step=max(1, int(rounding.get("step", 1))),
        rounding_mode=str(rounding.get("mode", "nearest")),
        exempt_party_years=int(book.get("dues.exempt_party_years", day)),
        branch_share_percent=int(book.get("dues.branch_share_percent", day)),
        retirement=retirement,
        retirement_key=json.dumps(retirement, sort_keys=True),
    )


def _region(name: str | int) -> int:
    """ "I"…"IV" or 1…4 → 1…4."""
    if isinstance(name, int):
        return name
    text = str(name).strip().upper()
    for number, roman in REGION_NAMES.items():
        if text in (roman, str(number)):
            return number
    raise ValueError(name)


def round_amount(numerator: int, denominator: int, step: int, mode: str) -> int:
    """numerator / denominator đồng rounded to a multiple of *step*: "nearest" (half up), "up" or "down"."""
    unit = denominator * step
    whole, rest = divmod(numerator, unit)
    if mode == "up":
        whole += 1 if rest else 0
    elif mode == "down":
        pass
    elif 2 * rest >= unit:
        whole += 1
    return whole * step


def retirement_months(rule: dict[str, Any], gender: str, year: int) -> int:
    """The retirement age in months for someone who reaches it in *year* (a roadmap rising each year to a cap)."""
    r = rule.get(gender) or rule.get("M")
    assert r is not None
    start, months, step, until = int(r["year"]), int(r["months"]), int(r["step"]), int(r["until"])
    if year < start:
        return months - step
    return min(months + step * (year - start), until)


def retirement_date(rule: dict[str, Any], gender: str, birth: date | None) -> date | None:
    """The day a member reaches retirement age: the age in force in the year they reach it."""
    if birth is None:
        return None
    r = rule.get(gender) or rule.get("M")
    assert r is not None
    months, step, until = int(r["months"]), int(r["step"]), int(r["until"])
    # no year before the one in which the lowest age of the roadmap could be reached can qualify
    lowest = min(months - step, months, until) if step >= 0 else 0
    for year in range(max(birth.year + 40, birth.year + (birth.month - 1 + lowest) // 12), birth.year + 90):
        reached = add_months(birth, retirement_months(rule, gender, year))
        if reached.year <= year:
            return reached
    return None


# --- one member, one month ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthDue:
    """What a member owes for one month, and why."""

    month: date
    listed: bool  # pays here this month
    category: Category
    base: int  # the amount the rate applies to (salary, pension, minimum wage); 0 for a fixed amount
    rate_due: int  # by the rate, before any exemption or reduction
    due: int  # what is due this month
    by_rule: int = 0  # due by the rules (after exemption or reduction), before the member's own higher amount
    mark: ExemptMark | None = None
    reduction: int = 0  # percent taken off (100 = exempt)
    no_rate: bool = False  # no rate in force (before the first rate row)
    retired: bool = False  # "other" member at or past retirement age
    pledged: bool = False  # the member's own higher amount applies
    region: int = 0  # the minimum-wage region used (1–4), for "other" members

    @property
    def exempt(self) -> bool:
        return self.mark in (ExemptMark.PARTY_AGE, ExemptMark.DECISION)


def month_due(
    month: date,
    listed: bool,
    category: Category,
    base: int,
    rate_due: int,
    due: int,
    by_rule: int = 0,
    mark: ExemptMark | None = None,
    reduction: int = 0,
    no_rate: bool = False,
    retired: bool = False,
    pledged: bool = False,
    region: int = 0,
) -> MonthDue:
    """``MonthDue(...)``, equal to it field for field, made in half the time: a frozen dataclass sets each of its
    13 fields with its own ``object.__setattr__``, and a branch's export works out every member's months (a test
    holds the fields set here to the class's)."""
    made: MonthDue = object.__new__(MonthDue)
    made.__dict__.update(
        month=month,
        listed=listed,
        category=category,
        base=base,
        rate_due=rate_due,
        due=due,
        by_rule=by_rule,
        mark=mark,
        reduction=reduction,
        no_rate=no_rate,
        retired=retired,
        pledged=pledged,
        region=region,
    )
    return made


def setting_on(settings: Sequence[DuesSetting], month: date) -> DuesSetting | None:
    current = None
    for s in sorted(settings, key=lambda s: s.valid_from):
        if s.valid_from <= month:
            current = s
    return current


def decision_on(decisions: Sequence[Decision], month: date) -> Decision | None:
    for d in decisions:
        if d.covers(month):
            return d
    return None


DueCache = dict[tuple[object, ...], object]  # (rules, member id, member fingerprint, month …) → MonthDue or a sum


def rules_key(book: RuleBook) -> str:
    """A fingerprint of the dues rules: a month's due depends only on it, the member's facts and the month."""
    values = []
    for name in book.keys():  # noqa: SIM118 (a RuleBook, not a dict)
        if name.startswith("dues."):
            values += [(v.key, v.valid_from.isoformat(), v.value) for v in book.history(name)]
    return json.dumps(values, sort_keys=True)


class DuesCalculator:
    """Month dues for many members: the rules of each month and each member's dates are worked out once, and each
    member's month once. *cache* may be shared between calculators on the same rules (the services keep one, so a
    write does not work every member's months out again)."""

    def __init__(self, book: RuleBook, cache: DueCache | None = None) -> None:
        self._book = book
        self._months: dict[date, MonthRules] = {}
        self._retirement: dict[tuple[int, str], date | None] = {}
        self._milestones: dict[tuple[int, int], date] = {}
        self._cache: DueCache = cache if cache is not None else {}
        self._key = rules_key(book)
        self._fingerprints: dict[int, int] = {}  # id(member object) → hash of its facts, worked out once
        self._ends: dict[date, date] = {}  # a month's first day → its last
        self._histories: dict[int, list[StatusEvent]] = {}  # id(member object) → its events in order, sorted once

    def _fingerprint(self, member: "DuesMember") -> int:
        found = self._fingerprints.get(id(member))
        if found is None:
            found = self._fingerprints[id(member)] = hash(member)
        return found

    def rules(self, month: date) -> MonthRules:
        day = month_start(month)
        found = self._months.get(day)
        if found is None:
            found = self._months[day] = month_rules(self._book, day)
        return found

    def _retired(self, member: DuesMember, rules: MonthRules, last_day: date) -> bool:
        key = (member.id, rules.retirement_key)
        if key not in self._retirement:
            self._retirement[key] = retirement_date(rules.retirement, member.gender, member.date_of_birth)
        reached = self._retirement[key]
        return reached is not None and reached <= last_day

    def reaches_exemption(self, member: DuesMember, years: int) -> date | None:
        """The day the member reaches *years* of Party age (None without an admission date)."""
        if member.party_age is None:
            return None
        key = (member.id, years)
        if key not in self._milestones:
            self._milestones[key] = member.party_age.milestone_date(years)
        return self._milestones[key]

    def due(self, member: DuesMember, month: date) -> MonthDue:
        day = month if month.day == 1 else month_start(month)
        key = (self._key, member.id, self._fingerprint(member), day)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._due(member, day)
        return found  # type: ignore[return-value]

    def cumulative(self, member: DuesMember, start: date, last: date) -> int:
        """The sum of the member's dues from *start*'s month to *last*'s, both included."""
        first, final = month_start(start), month_start(last)
        if final < first:
            return 0
        key = (self._key, member.id, self._fingerprint(member), first, final, "sum")
        found = self._cache.get(key)
        if found is None:
            before = self.cumulative(member, first, add_months(final, -1)) if final > first else 0
            found = self._cache[key] = before + self.due(member, final).due
        return found  # type: ignore[return-value]

    def _history(self, member: DuesMember) -> list[StatusEvent]:
        found = self._histories.get(id(member))
        if found is None:
            found = self._histories[id(member)] = ordered(member.events)
        return found

    def _due(self, member: DuesMember, month: date) -> MonthDue:
        day = month
        last_day = self._ends.get(day)
        if last_day is None:
            last_day = self._ends[day] = month_end(day)
        rules = self.rules(day)
        state = state_in_order(self._history(member), last_day)
        listed = state.belongs and not state.away and not state.suspended
        setting = setting_on(member.settings, day)
        category = setting.category if setting else Category.OTHER
        if not listed:
            return month_due(day, False, category, 0, 0, 0)
        if rules.rates is None:
            return month_due(day, True, category, 0, 0, 0, no_rate=True)
        retired = False
        key = category.value
        if category == Category.OTHER:
            retired = self._retired(member, rules, last_day)
            key = "other_retired" if retired else "other"
        rate = rules.rates.get(key)
        if rate is None:
            return month_due(day, True, category, 0, 0, 0, no_rate=True, retired=retired)
        region = setting.region if setting and setting.region else rules.region
        own_base = setting.base if setting else 0
        if rate.amount is not None:
            base, numerator, denominator = 0, rate.amount, 1
        else:
            base = rules.minimum_wage.get(region, 0) if rate.of_minimum_wage else own_base
            numerator, denominator = base * rate.rate, 10_000
        step, mode = rules.rounding_step, rules.rounding_mode
        rate_due = round_amount(numerator, denominator, step, mode)
        mark: ExemptMark | None = None
        reduction = 0
        reached = self.reaches_exemption(member, rules.exempt_party_years)
        decision = decision_on(member.decisions, day)
        if reached is not None and reached <= last_day:
            mark, reduction = ExemptMark.PARTY_AGE, 100
        elif decision is not None:
            reduction = 100 if decision.kind == DecisionKind.EXEMPT else decision.percent
            mark = ExemptMark.DECISION if reduction >= 100 else ExemptMark.REDUCED
        due = round_amount(numerator * (100 - reduction), denominator * 100, step, mode) if reduction < 100 else 0
        by_rule = due
        pledged = bool(setting and setting.pledged > due)
        if setting and pledged:
            due = setting.pledged
        return month_due(
            day, True, category, base, rate_due, due, by_rule, mark, reduction, False, retired, pledged, region
        )


# --- the journal ---------------------------------------------------------------------------------------------


class EntryKind(StrEnum):
    PAYMENT = "payment"  # a member pays (cash to the branch, or online)
    HANDOVER = "handover"  # the branch pays up the upper level's share
    UNPAID = "unpaid"  # the member did not pay this month; the reason given (no money)
    UNKNOWN = "unknown"  # a stored kind this version does not know: shown, counted nowhere; never written


class Channel(StrEnum):
    CASH = "cash"  # cash to the branch
    ONLINE = "online"  # through the national public-service portal (Cổng Dịch vụ công Quốc gia)
    UNKNOWN = "unknown"  # a stored channel this version does not know: counted as paid, not as online; never written


CHANNEL_LABELS = {
    Channel.CASH: QT_TRANSLATE_NOOP("Dues", "Cash"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("Dues", "Online (public-service portal)"),
    Channel.UNKNOWN: QT_TRANSLATE_NOOP("Dues", "Unknown channel"),
}
ENTRY_LABELS = {
    EntryKind.PAYMENT: QT_TRANSLATE_NOOP("Dues", "Paid"),
    EntryKind.HANDOVER: QT_TRANSLATE_NOOP("Dues", "Paid up to the upper level"),
    EntryKind.UNPAID: QT_TRANSLATE_NOOP("Dues", "Not paid"),
    EntryKind.UNKNOWN: QT_TRANSLATE_NOOP("Dues", "Unknown entry"),
}


@dataclass(frozen=True)
class DuesEntry:
    """A line of the dues journal. A reversal has the same kind, amount and book month, and names the entry."""

    id: int
    kind: EntryKind
    month: date  # the book month it belongs to (first day)
    on: date  # the day it happened
    amount: int  # đồng; > 0, except 0 for an UNPAID note
    member_id: int | None = None
    channel: Channel = Channel.CASH
    reverses: int | None = None
    note: str = ""  # the reason for an UNPAID note; the reason for a reversal
    by: str = ""
    at: str = ""
    batch: str = ""

    @property
    def effect(self) -> int:
        return -1 if self.reverses is not None else 1

    @property
    def signed(self) -> int:
        return self.amount * self.effect


def live_entries(entries: Iterable[DuesEntry]) -> list[DuesEntry]:
    """The entries that still stand: neither reversed nor reversals."""
    entries = list(entries)
    reversed_ids = {e.reverses for e in entries if e.reverses is not None}
    return [e for e in entries if e.reverses is None and e.id not in reversed_ids]


def rule_problem(key: str, value: Any) -> str | None:
    """Why a typed value of a ``dues.*`` rule cannot be used (a translatable text, context "Rules"), or None."""
    try:
        if key == "dues.rates":
            if not isinstance(value, dict) or set(value) != set(RATE_KEYS):
                return QT_TRANSLATE_NOOP(
                    "Rules", "Give a rate for each of: salary, pension, student, other, other_retired."
                )
            for item in value.values():
                rate = Rate.from_json(item)
                if rate.rate < 0 or (rate.amount is not None and rate.amount < 0):
                    return QT_TRANSLATE_NOOP("Rules", "Rates and amounts cannot be negative.")
        elif key == "dues.minimum_wage":
            if not isinstance(value, dict) or sorted(_region(k) for k in value) != [1, 2, 3, 4]:
                return QT_TRANSLATE_NOOP("Rules", "Give the minimum wage of each region: I, II, III and IV.")
            if any(not isinstance(v, int) or v <= 0 for v in value.values()):
                return QT_TRANSLATE_NOOP("Rules", "A minimum wage is a whole number of đồng, more than 0.")
        elif key == "dues.region":
            if value not in REGION_NAMES:
                return QT_TRANSLATE_NOOP("Rules", "The region is 1, 2, 3 or 4.")
        elif key == "dues.rounding":
            if int(value["step"]) < 1 or value.get("mode", "nearest") not in ("nearest", "up", "down"):
                return QT_TRANSLATE_NOOP("Rules", "The step is at least 1 đồng; the mode is nearest, up or down.")
        elif key == "dues.retirement_age":
            for gender in ("M", "F"):
                r = value[gender]
                if int(r["months"]) < 1 or int(r["step"]) < 0 or int(r["until"]) < int(r["months"]):
                    raise ValueError(gender)
                int(r["year"])
        elif key == "dues.branch_share_percent":
            if not 0 <= int(value) <= 100:
                return QT_TRANSLATE_NOOP("Rules", "A share is 0 to 100 %.")
        elif key == "dues.book_start":
            if not 190001 <= int(value) <= 299912 or not 1 <= int(value) % 100 <= 12:
                return QT_TRANSLATE_NOOP("Rules", "Write the month as mm/yyyy, for example 11/2026.")
        elif key == "dues.reduction_percents":
            if not value or any(not 0 < int(p) < 100 for p in value):
                return QT_TRANSLATE_NOOP("Rules", "Each reduction is between 1 and 99 %.")
    except (KeyError, TypeError, ValueError, AttributeError):
        return QT_TRANSLATE_NOOP(
            "Rules", "The value does not have the form of the current one; copy it and change the figures."
        )
    return None


def book_start(book: RuleBook, on: date) -> date:
    """The first month of the dues book (the rule dues.book_start, YYYYMM)."""
    value = int(book.get("dues.book_start", on))
    return date(value // 100, value % 100, 1)


def parse_month(text: str) -> date | None:
    """A month as typed: 03/2026, 3/2026, 3-2026, 3.2026 or 2026-03; empty gives None; ``ValueError`` otherwise."""
    cleaned = text.strip().replace("-", "/").replace(".", "/").replace(" ", "")
    if not cleaned:
        return None
    parts = cleaned.split("/")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise ValueError(text)
    first, second = (int(p) for p in parts)
    month, year = (second, first) if len(parts[0]) == 4 else (first, second)
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise ValueError(text)
    return date(year, month, 1)
