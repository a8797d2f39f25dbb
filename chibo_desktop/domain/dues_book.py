"""The dues book of a branch from its journal: balances, Part I and Part II, the flags, and postings checked before
anything is written.

The services load the members, the rules and the journal into a :class:`DuesLedger`, ask it for new entries (it
refuses, with a message, anything that breaks a rule), and store exactly those; the property tests drive the
same class with random sequences and check that the book always reconciles.
"""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from functools import lru_cache

from chibo_desktop.domain.dates import add_months, screen_date
from chibo_desktop.domain.dues import (
    Channel,
    DueCache,
    DuesCalculator,
    DuesEntry,
    DuesMember,
    EntryKind,
    MonthDue,
    live_entries,
    month_start,
    month_text,
    months_between,
)
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.formatting import Number
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.domain.text import name_sort_key


@dataclass(frozen=True)
class MemberMonth:
    """Part I: one member in one month."""

    member_id: int
    month: date
    due: MonthDue
    arrears: int  # the balance carried in: owed (> 0) or paid ahead (< 0)
    collected: int  # paid in this book month, cash and online
    online: int
    owed: int  # arrears + due − collected: still owed (> 0) or paid ahead (< 0)
    unpaid_reason: str | None  # the reason given for not paying this month (None: nothing recorded)

    @property
    def unpaid(self) -> bool:
        """Paid nothing at this month's collection while something was due and is still owed (Part II's count;
        the removal flag counts differently, see :meth:`DuesLedger.unpaid_months`)."""
        return self.due.due > 0 and self.collected == 0 and self.owed > 0


@dataclass(frozen=True)
class MonthTotals:
    """Part II: the branch in one month (or a quarter, or the year: then counts are at its last month)."""

    label: str
    members: int  # paying here at the month's end
    exempt: int
    unpaid: int  # paid nothing at the month's collection, with something due
    due: int
    collected: int
    online: int
    above_rate: int  # the part of the due members chose to pay above the rate
    kept: int  # the branch's share
    upper: int  # the upper level's share
    paid_up: int
    to_pay_up: int  # the upper level's share not yet paid up, at the month's end


@dataclass(frozen=True)
class DuesBook:
    year: int
    months: tuple[date, ...]  # the year's months in the book (from its start, up to the month asked for)
    members: tuple[DuesMember, ...]  # in Vietnamese name order
    part_one: dict[int, tuple[MemberMonth, ...]]  # member id → the year's months (only months in the book)
    part_two: tuple[MonthTotals, ...]  # each quarter's three months then the quarter, and last the year
    by_month: dict[date, MonthTotals] = field(default_factory=dict)


@lru_cache(maxsize=64)
def _months_run(start: date, last: date) -> tuple[date, ...]:
    """The first days of the months from *start* to *last* (none when *last* comes first), worked out once for
    all the members of a book."""
    return tuple(months_between(start, last)) if last >= start else ()


def _refuse(text: str, **args: object) -> UserError:
    return UserError(Message("Dues", text, dict(args)))


class DuesLedger:
    """The dues journal of a branch with its members: balances, the book, the flags, and postings."""

    def __init__(
        self,
        rules: RuleBook,
        members: Sequence[DuesMember],
        entries: Sequence[DuesEntry],
        start: date,
        by: str = "",
        cache: DueCache | None = None,
    ) -> None:
        """*start* is the first month of the book: nothing is due and nothing is paid before it. *cache* keeps the
        members' month dues between ledgers (see :class:`DuesCalculator`)."""
        self.rules = rules
        self.calc = DuesCalculator(rules, cache)
        self.members = {m.id: m for m in members}
        self.entries = list(entries)
        self.start = month_start(start)
        self.by = by
        self._next_id = max((e.id for e in self.entries), default=0) + 1
        self._index()

    def _index(self) -> None:
        self._paid: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
        self._online: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
        self._collected: dict[date, int] = defaultdict(int)
        self._handed: dict[date, int] = defaultdict(int)
        self._reasons: dict[tuple[int, date], str] = {}
        self._notes: dict[int, DuesEntry] = {}  # the "not paid" notes by id, to take a reversed one's reason away
        self._months: dict[int, list[MemberMonth]] = {}  # each member's months as last worked out
        for e in self.entries:
            self._add(e)

    def _add(self, e: DuesEntry) -> None:
        if e.member_id is not None:
            self._months.pop(e.member_id, None)
        if e.kind == EntryKind.PAYMENT and e.member_id is not None:
            self._paid[e.member_id][e.month] += e.signed
            self._collected[e.month] += e.signed
            if e.channel == Channel.ONLINE:
                self._online[e.member_id][e.month] += e.signed
        elif e.kind == EntryKind.HANDOVER:
            self._handed[e.month] += e.signed
        elif e.kind == EntryKind.UNPAID and e.member_id is not None:
            key = (e.member_id, e.month)
            if e.reverses is None:
                self._notes[e.id] = e
                self._reasons[key] = e.note
            else:
                undone = self._notes.pop(e.reverses, None)
                if undone is not None and self._reasons.get(key) == undone.note:
                    later = [n for n in self._notes.values() if (n.member_id, n.month) == key]
                    if later:
                        self._reasons[key] = later[-1].note
                    else:
                        del self._reasons[key]

    def copy(self) -> "DuesLedger":
        """A ledger with the same journal that can take postings while readers keep using this one."""
        twin = object.__new__(DuesLedger)
        twin.rules, twin.calc, twin.members, twin.start, twin.by = (
            self.rules,
            self.calc,
            self.members,
            self.start,
            self.by,
        )
        twin.entries = list(self.entries)
        twin._next_id = self._next_id
        twin._paid = defaultdict(lambda: defaultdict(int), {k: defaultdict(int, v) for k, v in self._paid.items()})
        twin._online = defaultdict(lambda: defaultdict(int), {k: defaultdict(int, v) for k, v in self._online.items()})
        twin._collected = defaultdict(int, self._collected)
        twin._handed = defaultdict(int, self._handed)
        twin._reasons = dict(self._reasons)
        twin._notes = dict(self._notes)
        twin._months = dict(self._months)
        return twin

    def stored_as_expected(self, placeholders: Sequence[int], stored: Sequence[int]) -> bool:
        """After the new entries were stored: True when the database gave them the ids the ledger expected (it
        does, as nothing is ever deleted from the journal); otherwise this ledger must not be kept."""
        return list(placeholders) == list(stored)

    # --- reading ----------------------------------------------------------------------------------------------

    def months_to(self, last: date) -> list[date]:
        return months_between(self.start, last) if last >= self.start else []

    def member_months(self, member_id: int, last: date) -> list[MemberMonth]:
        """The member's months from the start of the book to *last*, with the balance carried through."""
        final = month_start(last)
        known = self._months.get(member_id)
        if known and known[-1].month >= final:
            return [mm for mm in known if mm.month <= final]
        computed = self._member_months(member_id, final)
        self._months[member_id] = computed
        return list(computed)

    def _member_months(self, member_id: int, last: date) -> list[MemberMonth]:
        member = self.members[member_id]
        out = []
        balance = 0
        paid = self._paid.get(member_id, {})
        online = self._online.get(member_id, {})
        for month in _months_run(self.start, month_start(last)):
            due = self.calc.due(member, month)
            collected = paid.get(month, 0)
            owed = balance + due.due - collected
            reason = self._reasons.get((member_id, month))
            mm: MemberMonth = object.__new__(MemberMonth)  # MemberMonth(...) field for field: see dues.month_due
            mm.__dict__.update(
                member_id=member_id,
                month=month,
                due=due,
                arrears=balance,
                collected=collected,
                online=online.get(month, 0),
                owed=owed,
                unpaid_reason=reason,
            )
            out.append(mm)
            balance = owed
        return out

    def member_month(self, member_id: int, month: date) -> MemberMonth | None:
        months = self.member_months(member_id, month)
        return months[-1] if months and months[-1].month == month_start(month) else None

    def owed(self, member_id: int, month: date) -> int:
        """Still owed (> 0) or paid ahead (< 0) at the end of *month*, with the entries so far."""
        found = self.member_month(member_id, month)
        return found.owed if found else 0

    def unpaid_months(self, member_id: int, year: int, through: date) -> list[MemberMonth]:
        """The months of *year* up to *through* that nothing has been paid for, counting every payment so far (a
        late payment covers the oldest months first), and for which no reason was recorded."""
        last = min(month_start(through), date(year, 12, 1))
        total_paid = sum(self._paid.get(member_id, {}).values())
        out = []
        cumulative_due = 0
        for mm in self.member_months(member_id, last):
            before = cumulative_due
            cumulative_due += mm.due.due
            if mm.month.year != year or mm.due.due <= 0 or total_paid > before:
                continue
            if not (mm.unpaid_reason or "").strip():
                out.append(mm)
        return out

    def paid_up_in(self, month: date) -> int:
        """What was handed to the upper level for *month* (reversals taken off)."""
        return self._handed.get(month_start(month), 0)

    def collected_in(self, month: date) -> int:
        return self._collected.get(month_start(month), 0)

    def shares(self, month: date) -> tuple[int, int]:
        """(kept by the branch, due to the upper level) of what was collected in *month*: the branch's share is
        rounded down to the đồng, the upper level gets the rest, so the two always add up."""
        collected = self.collected_in(month)
        kept = collected * self.calc.rules(month).branch_share_percent // 100
        return kept, collected - kept

    def to_pay_up(self, month: date) -> int:
        """The upper level's share of everything collected up to *month*, less what was paid up by then."""
        day = month_start(month)
        upper = sum(self.shares(m)[1] for m in self._collected if m <= day)
        handed = sum(v for m, v in self._handed.items() if m <= day)
        return upper - handed

    def _paid_through(self, member_id: int, month: date) -> int:
        return sum(v for m, v in self._paid.get(member_id, {}).items() if m <= month)

    def _totals(self, months: Sequence[date], label: str) -> MonthTotals:
        """Part II over *months*, without working out whole member histories: dues are cached and summed, the
        payments come from the index."""
        last = months[-1]
        members = exempt = unpaid = due = collected = online = above = 0
        for member in self.members.values():
            paid = self._paid.get(member.id, {})
            for month in months:
                month_due = self.calc.due(member, month)
                due += month_due.due
                collected += paid.get(month, 0)
                online += self._online.get(member.id, {}).get(month, 0)
                above += month_due.due - month_due.by_rule if month_due.pledged else 0
            end = self.calc.due(member, last)
            if end.listed:
                members += 1
                exempt += 1 if end.exempt else 0
                owed = self.calc.cumulative(member, self.start, last) - self._paid_through(member.id, last)
                unpaid += 1 if end.due > 0 and paid.get(last, 0) == 0 and owed > 0 else 0
        kept = upper = paid_up = 0
        for month in months:
            k, u = self.shares(month)
            kept, upper, paid_up = kept + k, upper + u, paid_up + self._handed.get(month, 0)
        return MonthTotals(
            label, members, exempt, unpaid, due, collected, online, above, kept, upper, paid_up, self.to_pay_up(last)
        )

    def totals(self, months: Sequence[date], label: str = "") -> MonthTotals:
        """Part II over *months* (one month, a quarter, a year), counts at the last of them."""
        days = [month_start(m) for m in months if month_start(m) >= self.start]
        if not days:
            return MonthTotals(label, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        return self._totals(days, label or month_text(days[-1]))

    def book(self, year: int, last: date | None = None) -> DuesBook:
        """The book of *year*: the months from the start of the book up to *last*'s month (all of the year
        without it), each quarter with a month in it, and the year."""
        final = min(date(year, 12, 1), month_start(last)) if last else date(year, 12, 1)
        months = tuple(m for m in (date(year, n, 1) for n in range(1, 13)) if self.start <= m <= final)
        part_one = {
            member_id: tuple(mm for mm in self.member_months(member_id, final) if mm.month in months)
            for member_id in self.members
        }
        by_month = {month: self._totals([month], month_text(month)) for month in months}
        rows: list[MonthTotals] = []
        for quarter in range(4):
            chosen = [m for m in months if (m.month - 1) // 3 == quarter]
            if chosen:
                rows.extend(by_month[m] for m in chosen)
                rows.append(self._totals(chosen, f"Q{quarter + 1}"))
        if months:
            rows.append(self._totals(list(months), str(year)))
        ordered = tuple(sorted(self.members.values(), key=lambda m: name_sort_key(m.name)))
        return DuesBook(year, months, ordered, part_one, tuple(rows), by_month)

    # --- postings -----------------------------------------------------------------------------------------

    def _entry(self, kind: EntryKind, month: date, on: date, amount: int, **more: object) -> DuesEntry:
        entry = DuesEntry(self._next_id, kind, month_start(month), on, amount, by=self.by, **more)  # type: ignore[arg-type]
        self._next_id += 1
        return entry

    def _check_month(self, month: date, on: date, today: date) -> None:
        if month_start(month) < self.start:
            raise _refuse(
                QT_TRANSLATE_NOOP("Dues", "The dues book starts in {start}; nothing can be recorded before it."),
                start=month_text(self.start),
            )
        if month_start(month) > month_start(today):
            raise _refuse(QT_TRANSLATE_NOOP("Dues", "The month {month} has not begun yet."), month=month_text(month))
        if on > today:
            raise _refuse(QT_TRANSLATE_NOOP("Dues", "The date {date} is in the future."), date=screen_date(on))
        if on < month_start(month):
            raise _refuse(
                QT_TRANSLATE_NOOP("Dues", "An entry in the book of {month} cannot be dated before that month."),
                month=month_text(month),
            )

    def _member(self, member_id: int) -> DuesMember:
        member = self.members.get(member_id)
        if member is None:
            raise _refuse(QT_TRANSLATE_NOOP("Dues", "This member is not in the branch's dues list."))
        return member

    def _commit(self, new: list[DuesEntry]) -> list[DuesEntry]:
        """Accept *new* only if the upper level is never paid more than its share of what was collected."""
        before = self.entries
        self.entries = before + new
        for e in new:
            self._add(e)
        first = min(e.month for e in new)
        months = sorted(m for m in set(self._collected) | set(self._handed) if m >= first)
        for month in months:
            short = self.to_pay_up(month)
            if short < 0:
                self.entries = before
                self._index()
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "Dues",
                        "By {month} the upper level would have been paid {amount} đồng more than its share of the "
                        "dues collected. Reverse the payment up to the upper level first, then record it again.",
                    ),
                    month=month_text(month),
                    amount=Number(-short),
                )
        return new

    def pay(
        self, member_id: int, month: date, amount: int, channel: Channel, on: date, today: date, note: str = ""
    ) -> list[DuesEntry]:
        """A member pays *amount* in the book of *month*: all they owe, part of it, or more (paid ahead)."""
        member = self._member(member_id)
        if not isinstance(amount, int) or amount <= 0:
            raise _refuse(QT_TRANSLATE_NOOP("Dues", "The amount must be a whole number of đồng, more than 0."))
        self._check_month(month, on, today)
        current = self.member_month(member_id, month)
        if current is None or (not current.due.listed and current.arrears <= 0):
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Dues",
                    "{name} does not pay dues here in {month} (not in the branch that month, temporarily away — "
                    "members away pay where they are — or suspended), and owes nothing from before.",
                ),
                name=member.name,
                month=month_text(month),
            )
        return self._commit(
            [self._entry(EntryKind.PAYMENT, month, on, amount, member_id=member_id, channel=channel, note=note)]
        )

    def mark_unpaid(self, member_id: int, month: date, reason: str, on: date, today: date) -> list[DuesEntry]:
        """Record that the member did not pay this month, with the reason given (empty: no reason)."""
        member = self._member(member_id)
        self._check_month(month, on, today)
        current = self.member_month(member_id, month)
        if current is None or not current.due.listed or current.due.due <= 0:
            raise _refuse(
                QT_TRANSLATE_NOOP("Dues", "{name} has nothing due in {month}."),
                name=member.name,
                month=month_text(month),
            )
        if current.collected > 0:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Dues",
                    "{name} has already paid in {month}. To undo a payment recorded by mistake, reverse it.",
                ),
                name=member.name,
                month=month_text(month),
            )
        batch = uuid.uuid4().hex
        new = [
            self._entry(e.kind, e.month, max(on, e.on), 0, member_id=member_id, reverses=e.id, batch=batch)
            for e in live_entries(self.entries)
            if e.kind == EntryKind.UNPAID and e.member_id == member_id and e.month == month_start(month)
        ]
        new.append(self._entry(EntryKind.UNPAID, month, on, 0, member_id=member_id, note=reason, batch=batch))
        return self._commit(new)

    def hand_over(
        self, month: date, amount: int, channel: Channel, on: date, today: date, note: str = ""
    ) -> list[DuesEntry]:
        """The branch pays up *amount* of the upper level's share, in the book of *month*."""
        if not isinstance(amount, int) or amount <= 0:
            raise _refuse(QT_TRANSLATE_NOOP("Dues", "The amount must be a whole number of đồng, more than 0."))
        self._check_month(month, on, today)
        owed = self.to_pay_up(month)
        if amount > owed:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Dues", "That is more than the upper level's share not yet paid up by {month}: {amount} đồng."
                ),
                month=month_text(month),
                amount=Number(max(0, owed)),
            )
        return self._commit([self._entry(EntryKind.HANDOVER, month, on, amount, channel=channel, note=note)])

    def reverse(self, entry_id: int, on: date, today: date, note: str = "") -> list[DuesEntry]:
        """Undo an entry with a reversing one in the same book month; the original stays in the journal."""
        target = next((e for e in self.entries if e.id == entry_id), None)
        if target is None:
            raise _refuse(QT_TRANSLATE_NOOP("Dues", "This entry is not in the dues journal."))
        if target.reverses is not None:
            raise _refuse(QT_TRANSLATE_NOOP("Dues", "A reversal cannot itself be reversed; record the entry again."))
        if any(e.reverses == entry_id for e in self.entries):
            raise _refuse(QT_TRANSLATE_NOOP("Dues", "This entry has already been reversed."))
        if on > today:
            raise _refuse(QT_TRANSLATE_NOOP("Dues", "The date {date} is in the future."), date=screen_date(on))
        reversal = replace(
            target, id=self._next_id, on=max(on, target.on), reverses=target.id, note=note, by=self.by, at="", batch=""
        )
        self._next_id += 1
        return self._commit([reversal])


class FlagKind(StrEnum):
    REMOVAL_PROPOSAL = "removal_proposal"  # unpaid months without reason reach the rule: the upper level decides
    DECISION_ENDS = "decision_ends"  # an exemption or reduction's last month is this month
    REACHES_EXEMPTION = "reaches_exemption"  # reaches the Party age that exempts, this year


@dataclass(frozen=True)
class DuesFlag:
    kind: FlagKind
    member_id: int
    name: str
    count: int = 0  # unpaid months (removal); the Party age reached (exemption)
    months: tuple[date, ...] = ()  # the unpaid months; the last month of the decision
    on: date | None = None  # the day the Party age is reached
    born: date | None = None  # tells the member from another of the same name in the list

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "member_id": self.member_id,
            "count": self.count,
            "months": [m.strftime("%Y-%m") for m in self.months],
            "on": self.on.isoformat() if self.on else None,
        }


def flags(ledger: DuesLedger, year: int, today: date) -> list[DuesFlag]:
    """What the secretary should look at in *year*, as of *today*: the app flags, the branch and the upper level
    decide. Unpaid months count up to the last month that has ended."""
    out: list[DuesFlag] = []
    this_month = month_start(today)
    through = min(date(year, 12, 1), add_months(this_month, -1))
    limit = int(ledger.rules.get("dues.removal_unpaid_months", min(today, date(year, 12, 31))))
    for m in sorted(ledger.members.values(), key=lambda m: name_sort_key(m.name)):
        if through >= date(year, 1, 1):
            unpaid = ledger.unpaid_months(m.id, year, through)
            if len(unpaid) >= limit:
                out.append(
                    DuesFlag(
                        FlagKind.REMOVAL_PROPOSAL,
                        m.id,
                        m.name,
                        len(unpaid),
                        tuple(u.month for u in unpaid),
                        born=m.date_of_birth,
                    )
                )
        if year == today.year:
            for d in m.decisions:
                if d.end == this_month:
                    out.append(
                        DuesFlag(FlagKind.DECISION_ENDS, m.id, m.name, d.percent, (d.end,), born=m.date_of_birth)
                    )
        years = ledger.calc.rules(date(year, 12, 1)).exempt_party_years
        reached = ledger.calc.reaches_exemption(m, years)
        listed = ledger.calc.due(m, min(date(year, 12, 1), this_month)).listed
        if reached is not None and reached.year == year and listed:
            out.append(
                DuesFlag(
                    FlagKind.REACHES_EXEMPTION, m.id, m.name, years, (month_start(reached),), reached, m.date_of_birth
                )
            )
    return out


def unpaid_in_figures(months: Sequence[tuple[date, int, int]], year: int, through: date) -> int:
    """From a branch's dues figures of one member as its package reports them, (month, due, collected) from the
    start of its book: how many months of *year* up to *through* nothing has been paid for, counting every payment
    reported (a late payment covers the oldest months first), as :meth:`DuesLedger.unpaid_months` counts them at
    the branch. The reasons a branch recorded for not paying do not travel in the figures."""
    rows = sorted(months)
    total_paid = sum(collected for _month, _due, collected in rows)
    last = min(month_start(through), date(year, 12, 1))
    cumulative = count = 0
    for month, due, _collected in rows:
        if month > last:
            break
        before, cumulative = cumulative, cumulative + due
        if month.year == year and due > 0 and total_paid <= before:
            count += 1
    return count
