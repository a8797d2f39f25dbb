"""The figures a committee keeps per unit apart from the records (the way health-information systems keep their
analytics tables), so that its stats and reports read a few hundred rows instead of ten thousand histories.

Each kind of figure is kept in the form that answers any range of days exactly, with the rules applied when it
is read (a rule changed for a past month then changes the figures without a refresh):

- members: the unit's counts on each day they change (a member's state changes only on an event's day or the day
  after an event's end), the ethnic groups counted by name so that the rule of the majority is applied on reading;
  the admissions of a member admitted more than once each on its own row, so that a period counts the member once;
- meetings: one row per meeting with its attendance counted by (role, mark, spoke), and per calendar year the
  lines of the members with an absence that year, in the few letters the flags need;
- loans: each loan's plan and its journal's net amount of each kind on each day, the portfolio on any day being
  worked out from them (a period reads only the loans still running on its day or paid out inside it);
- review: per year, the members on the review grouped by the facts its rules look at, and the unit's rating;
- dues: what the unit's newest package reported, per month (sums, members exempt) and per member (the months
  with something due and those ending still owed, as bits over the months).

The structures here are plain JSON values (dates as ISO text): storage writes them as they are.
"""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from chibo_desktop.domain.funds import (
    Entry,
    EntryKind,
    Installment,
    Loan,
    LoanState,
    RateMethod,
    ScheduleKind,
    position,
)
from chibo_desktop.domain.meetings import AttendanceLine, MeetingKind, Role
from chibo_desktop.domain.meetings import Mark as AttendanceMark
from chibo_desktop.domain.members import (
    EventKind,
    Gender,
    MemberState,
    Standing,
    StatusEvent,
    ordered,
    state_in_order,
)
from chibo_desktop.domain.register import FlagKind, MeetingSummary, MemberFlag
from chibo_desktop.domain.review import (
    Level,
    NotRated,
    ReviewRules,
    cap_check,
    count_levels,
    not_rated_for,
    review_day,
)
from chibo_desktop.domain.roster import RosterCounts, RosterEntry
from chibo_desktop.domain.text import name_sort_key

FORMAT = 8
"""The form of the kept figures; a unit whose figures were kept in another form has them worked out again (8: the
review keeps the unit's own members only, without those temporarily attached there)."""

Json = dict[str, Any]


# --- members --------------------------------------------------------------------------------------------------


def _share(entry: RosterEntry, state: MemberState) -> Counter[str]:
    """What one member adds to the unit's counts in *state* (as :func:`roster.count_roster` counts)."""
    c: Counter[str] = Counter()
    if not state.belongs:
        return c
    if not state.own:
        c["attached"] = 1
        return c
    c["total"] = 1
    c["official" if state.standing == Standing.OFFICIAL else "probationary"] = 1
    if entry.record.gender == Gender.FEMALE:
        c["women"] = 1
    if entry.record.ethnicity:
        c["e:" + entry.record.ethnicity.casefold()] = 1
    c["exempted"] = int(state.exempted)
    c["away"] = int(state.away)
    c["suspended"] = int(state.suspended)
    c["h:" + entry.hamlet] = 1
    return +c


def member_steps(entries: Iterable[RosterEntry]) -> list[tuple[date, Json]]:
    """The unit's counts on each day they change, with the members admitted that day who were admitted only once:
    ``[(day, {"counts": {…}, "admitted": n})]`` in order of day. The counts on any day are those of the last step
    on or before it. A member admitted more than once (re-admitted after leaving) is kept apart, by
    :func:`readmissions`, so that a period holding two of their admissions counts them once."""
    changes: dict[date, list[tuple[int, Counter[str]]]] = {}
    admitted: Counter[date] = Counter()
    for n, entry in enumerate(entries):
        days = {e.on for e in entry.events} | {e.end_date + timedelta(days=1) for e in entry.events if e.end_date}
        history = ordered(entry.events)  # sorted once for all its days
        for day in days:
            changes.setdefault(day, []).append((n, _share(entry, state_in_order(history, day))))
        admissions = {e.on for e in entry.events if e.kind == EventKind.ADMITTED}
        if len(admissions) == 1:
            admitted[admissions.pop()] += 1
    now: dict[int, Counter[str]] = {}
    totals: Counter[str] = Counter()
    steps: list[tuple[date, Json]] = []
    last: dict[str, int] | None = None
    for day in sorted(changes):
        for n, share in changes[day]:
            totals.subtract(now.get(n, Counter()))
            totals.update(share)
            now[n] = share
        counts = {k: v for k, v in sorted(totals.items()) if v}
        if counts != last or admitted[day]:
            steps.append((day, {"counts": counts, "admitted": admitted[day]}))
            last = counts
    return steps


def readmissions(entries: Iterable[RosterEntry]) -> list[tuple[date, int]]:
    """(day, member id) of each admission of the members admitted more than once: a period counts each of them
    once however many of their admissions it holds, as the records count "new admissions in the period" (the
    members admitted in it, ``roster.count_roster``)."""
    found = []
    for entry in entries:
        days = {e.on for e in entry.events if e.kind == EventKind.ADMITTED}
        if len(days) > 1:
            found += [(day, entry.id) for day in sorted(days)]
    return found


def roster_counts(counts: Mapping[str, int], admitted: int, majority: Sequence[str]) -> RosterCounts:
    """The counts of ``chibo stats`` from kept counts (summed over units); *majority* as the rule gives it on the
    day counted; *admitted*: the members admitted in the period, each counted once."""
    majority_set = {m.casefold() for m in majority}
    return RosterCounts(
        total=counts.get("total", 0),
        official=counts.get("official", 0),
        probationary=counts.get("probationary", 0),
        women=counts.get("women", 0),
        ethnic_minority=sum(v for k, v in counts.items() if k.startswith("e:") and k[2:] not in majority_set),
        admitted_in_period=admitted,
        exempted=counts.get("exempted", 0),
        away=counts.get("away", 0),
        suspended=counts.get("suspended", 0),
        attached=counts.get("attached", 0),
        by_hamlet=tuple(sorted((k[2:], v) for k, v in counts.items() if k.startswith("h:"))),
    )


# --- meetings -------------------------------------------------------------------------------------------------

_ROLES = {r.value: r for r in Role}
_MARKS = {m.value: m for m in AttendanceMark}
_KINDS = {k.value: k for k in MeetingKind}


def meeting_json(meeting: MeetingSummary) -> Json:
    """A meeting's figures: its attendance counted by (role, mark, spoke); the lines are kept per member and year
    (:func:`absences`)."""
    groups = (
        meeting.groups if meeting.groups is not None else Counter((li.role, li.mark, li.spoke) for li in meeting.lines)
    )
    return {
        "kind": meeting.kind.value,
        "guests": meeting.guests,
        "assigned": sorted(meeting.assigned),
        "score": meeting.score,
        "groups": [[r.value, m.value, spoke, n] for (r, m, spoke), n in sorted(groups.items())],
    }


def meeting_of(meeting_id: int, on: date, data: Json) -> MeetingSummary:
    groups: Counter[tuple[Role, AttendanceMark, bool]] = Counter()
    for role, mark, spoke, n in data["groups"]:
        groups[(_ROLES[role], _MARKS[mark], bool(spoke))] += n
    return MeetingSummary(
        id=meeting_id,
        on=on,
        kind=_KINDS[data["kind"]],
        lines=(),
        guests=data["guests"],
        assigned=frozenset(data["assigned"]),
        score=data["score"],
        groups=groups,
    )


_ABSENT = {AttendanceMark.EXCUSED: "e", AttendanceMark.UNEXCUSED: "u", AttendanceMark.AWAY: "a"}

AbsenceLine = tuple[int, str, Role, AttendanceMark]
"""What :func:`absences` reads of an attendance line: member id, name, role, mark."""


def _absence_code(role: Role, mark: AttendanceMark) -> str | None:
    """A line's letter in :func:`absences`, or None for a line never required (``AttendanceLine.required``)."""
    if not AttendanceLine(0, "", role, mark).required(True):
        return None
    return _ABSENT.get(mark, "p")


_CODES = {(role, mark): _absence_code(role, mark) for role in Role for mark in AttendanceMark}
_ABSENT_MARKS = frozenset(mark for mark in AttendanceMark if mark.absent)


def absences(meetings: Sequence[MeetingSummary], lines: Mapping[int, Sequence[AbsenceLine]]) -> list[list[Any]]:
    """The lines the flags look at of the members with an absence among *meetings* (one calendar year's), from
    *lines* (meeting id → its lines, those of the members absent that year or more, each meeting's in the order
    kept): ``[[member id, name, "MMDDc…"], …]``, each line five letters in meeting order: the meeting's month and
    day, then ``u`` (absent without reason), ``e`` (absent with a reason), ``a`` (away: counted only where the rule
    counts the away) or ``p`` (required and not absent); lines never required (attached, exempted, on duty) are
    left out. A member is named as in their last line."""
    ordered_lines = [(m.on.strftime("%m%d"), lines.get(m.id, ())) for m in sorted(meetings, key=lambda m: (m.on, m.id))]
    absent = {member for _day, of in ordered_lines for member, _name, _role, mark in of if mark in _ABSENT_MARKS}
    found: dict[int, list[Any]] = {}
    for day, of in ordered_lines:
        for member, name, role, mark in of:
            if member not in absent:
                continue
            kept = found.get(member)
            if kept is None:
                kept = found[member] = [member, name, ""]
            kept[1] = name
            code = _CODES[(role, mark)]
            if code is not None:
                kept[2] += day + code
    return list(found.values())


def kept_flags(
    kept: Iterable[Sequence[Any]], end: date, removal_months: int, max_run: int, away_required: bool
) -> list[MemberFlag]:
    """The flags of the calendar year that ends on *end*, counted up to *end*, from :func:`absences` of the year
    (as :func:`register.warnings` finds them in the meetings' lines)."""
    flags = []
    last = end.strftime("%m%d")
    year = end.year
    for member_id, name, lines in kept:
        unexcused: list[str] = []
        run: list[str] = []
        longest: list[str] = []
        for n in range(0, len(lines), 5):
            day, code = lines[n : n + 4], lines[n + 4]
            if day > last:
                break
            if code == "a" and not away_required:
                continue
            if code == "u":
                unexcused.append(day)
            if code == "u" or code == "e":
                run.append(day)
                if len(run) > len(longest):
                    longest = list(run)
            else:
                run = []
        months = {day[:2] for day in unexcused}
        if unexcused and len(months) >= removal_months:
            dates = tuple(date(year, int(day[:2]), int(day[2:])) for day in unexcused)
            flags.append(MemberFlag(FlagKind.REMOVAL_PROPOSAL, member_id, name, len(months), dates))
        if longest and len(longest) > max_run:
            dates = tuple(date(year, int(day[:2]), int(day[2:])) for day in longest)
            flags.append(MemberFlag(FlagKind.CONSECUTIVE_ABSENCE, member_id, name, len(longest), dates))
    flags.sort(key=flag_order)
    return flags


def flag_order(flag: MemberFlag) -> tuple[str, Any]:
    """The order of the flags (as :func:`register.warnings` sorts them): by kind, then name."""
    return flag.kind.value, name_sort_key(flag.name)


# --- loans ----------------------------------------------------------------------------------------------------


def loan_rows(loans: Sequence[Loan], entries: Sequence[Entry]) -> list[tuple[date | None, int | None, Any]]:
    """The unit's loans with what their portfolio figures need (the plan, the journal's net amount of each kind on
    each day), each with the day from which it no longer moves (its last line, when it is closed, written off or
    never paid out by then; None while it runs) and its payout day as a number (20260315), so that a period reads
    only the loans it can see: those still running on its day and those paid out inside it."""
    net: dict[int, Counter[tuple[str, str]]] = {}
    for e in entries:
        if e.loan_id is not None:
            net.setdefault(e.loan_id, Counter())[(e.kind.value, e.on.isoformat())] += e.amount * e.effect
    rows: list[tuple[date | None, int | None, Any]] = []
    for loan in loans:
        lines = [[kind, n, on] for (kind, on), n in sorted(net.get(loan.id, Counter()).items()) if n]
        mine = [e for e in entries if e.loan_id == loan.id]
        last = max((e.on for e in mine), default=None)
        still = last is not None and position(loan, mine, last).state == LoanState.ACTIVE
        settled = None if still else (last or date(1900, 1, 1))
        paid_out = int(loan.disbursed_on.strftime("%Y%m%d")) if loan.disbursed_on else None
        data = [
            loan.id,
            loan.member_id,
            loan.amount,
            loan.disbursed_on.isoformat() if loan.disbursed_on else None,
            loan.grant,
            [[i.due.isoformat(), i.principal, i.fee] for i in loan.installments],
            lines,
        ]
        rows.append((settled, paid_out, data))
    return rows


_ENTRY_KINDS = {k.value: k for k in EntryKind}


def loans_of(kept: Iterable[Sequence[Any]], on: date) -> tuple[list[Loan], list[Entry]]:
    """The loans and journal lines of kept loans (:func:`loan_rows`), as :func:`funds.figures` reads them for the
    portfolio on *on*: each loan's lines of a kind summed into one on or before *on* and one after it (its position
    adds up the first, whether it was ever paid out adds up both)."""
    loans, entries = [], []
    counted = on.isoformat()
    for loan_id, member, amount, disbursed, grant, plan, lines in kept:
        loans.append(
            Loan(
                id=loan_id,
                uuid="",
                fund_id=0,
                member_id=member,
                borrower="",
                reason="",
                purpose="",
                amount=amount,
                term_months=len(plan),
                rate_method=RateMethod.FLAT,
                rate=0,
                schedule_kind=ScheduleKind.EQUAL_PRINCIPAL,
                installments=tuple(Installment(date.fromisoformat(d), p, f) for d, p, f in plan),
                approved_on=date.min,
                disbursed_on=date.fromisoformat(disbursed) if disbursed else None,
                grant=grant,
            )
        )
        sums: dict[tuple[str, bool], list[Any]] = {}
        for kind, value, day in lines:
            kept = sums.setdefault((kind, day > counted), [0, day])
            kept[0] += value
            kept[1] = day
        for (kind, _after), (value, day) in sums.items():
            entries.append(Entry(0, 0, _ENTRY_KINDS[kind], value, date.fromisoformat(day), loan_id))
    return loans, entries


# --- review ---------------------------------------------------------------------------------------------------


ReviewResult = tuple[Level | None, Level | None]
"""A member's review of a year as the figures read it: the level that counts (``MemberReview.result``) and the
final level."""


def histories(entries: Iterable[RosterEntry]) -> list[tuple[RosterEntry, list[StatusEvent]]]:
    """Each member with its events :func:`~chibo_desktop.domain.members.ordered` once, for :func:`review_facts` of
    many years."""
    return [(entry, ordered(entry.events)) for entry in entries]


def review_facts(
    members: Iterable[tuple[RosterEntry, Sequence[StatusEvent]]],
    reviews: Mapping[int, ReviewResult],
    year: int,
    branch_level: Level | None,
    awards: Counter[str],
) -> Json:
    """The unit's review of *year* in the facts its rules look at: the members on the review grouped by (own,
    suspended, exempted, admitted since, result, final level). *members*: :func:`histories`; *reviews*: member
    id → its review of the year. Only the unit's own members are on its review (as
    :func:`~chibo_desktop.domain.review.on_review` says): one temporarily attached there is reviewed by their
    home branch, so ``own`` is always true here (kept for the form of the figures)."""
    day = review_day(year)
    groups: Counter[tuple[bool, bool, bool, str | None, str | None, str | None]] = Counter()
    for entry, history in members:
        state = state_in_order(history, day)
        if not state.own:
            continue
        admitted = [e.on for e in history if e.kind == EventKind.ADMITTED and e.on <= day]
        since = max(admitted) if admitted else entry.record.admission_date
        result, final = reviews.get(entry.id, _NOT_REVIEWED)
        groups[
            (
                state.own,
                state.suspended,
                state.exempted,
                since.isoformat()[:7] if since else None,  # the month is enough: see review_figures
                result.value if result else None,
                final.value if final else None,
            )
        ] += 1
    return {
        "members": [[*key, n] for key, n in sorted(groups.items(), key=lambda kn: repr(kn[0]))],
        "branch_level": branch_level.value if branch_level else None,
        "commendations": awards["commendation"],
        "disciplines": awards["discipline"],
    }


_NOT_REVIEWED: ReviewResult = (None, None)


def review_figures(
    kept: Sequence[Json], year: int, rules: ReviewRules, reasons: dict[tuple[Any, ...], NotRated | None] | None = None
) -> dict[str, object]:
    """The ``review`` object of ``chibo stats`` (as ``ReviewSheet.as_json`` gives it) from the kept facts of the
    units, in order: the rating is the first unit's that has one. *reasons* keeps the reasons already worked out
    for the same facts, year and rules (several calls share it).

    The admission is kept as its month: N months after any day of a month falls in the same month, and the review
    day is the last day of its month, so the month decides whether N months have passed by the review day."""
    results: list[Level | None] = []
    finals: list[Level | None] = []
    apart: Counter[str] = Counter()
    known = {} if reasons is None else reasons
    for facts in kept:
        for _own, suspended, exempted, since, result, final, n in facts["members"]:
            key = (suspended, exempted, since)
            if key in known:
                reason = known[key]
            else:
                admitted = date(int(since[:4]), int(since[5:7]), 1) if since else None
                reason = known[key] = not_rated_for(suspended, exempted, admitted, year, rules)
            if reason is None:
                results += [Level(result) if result else None] * n
                finals += [Level(final) if final else None] * n
            else:
                apart[reason.value] += n
    counts, rated, undecided = count_levels(results)
    level = next((f["branch_level"] for f in kept if f["branch_level"]), None)
    return {
        "year": year,
        "to_review": len(results),
        "not_rated": sum(apart.values()),
        "not_rated_by_reason": dict(apart),
        "rated": rated,
        "undecided": undecided,
        "by_level": {c.level.value: c.count for c in counts},
        "final_by_level": {c.level.value: c.count for c in count_levels(finals)[0]},
        "cap_exceeded": cap_check(results, rules).exceeded,
        "branch_level": level,
        "commendations": sum(f["commendations"] for f in kept),
        "disciplines": sum(f["disciplines"] for f in kept),
    }


# --- dues -----------------------------------------------------------------------------------------------------


def dues_book(rows: Iterable[tuple[str, date, int, int, int, bool, bool]], paid_up: Iterable[tuple[date, int]]) -> Json:
    """The dues a unit's package reported, from its rows (member, month, due, collected, owed, listed, exempt) and
    what it paid up each month."""
    found = list(rows)
    months = sorted({month for _m, month, *_rest in found})
    index = {month: n for n, month in enumerate(months)}
    sums = [[0, 0, 0] for _ in months]  # due, collected, members exempt (listed) at the month's end
    members: dict[str, list[int]] = {}
    for member, month, due, collected, owed, listed, exempt in found:
        n = index[month]
        kept = sums[n]
        kept[0] += due
        kept[1] += collected
        kept[2] += int(listed and exempt)
        masks = members.setdefault(member, [0, 0])
        if due > 0:
            masks[0] |= 1 << n
        if owed > 0:
            masks[1] |= 1 << n
    paid: Counter[str] = Counter()
    for month, amount in paid_up:
        paid[month.isoformat()] += amount
    return {
        "months": [m.isoformat() for m in months],
        "sums": sums,
        "paid_up": dict(paid),
        "members": sorted(members.values()),
    }


def dues_figures(book: Json, first: date, last: date) -> dict[str, int] | None:
    """A unit's dues over the months *first*..*last* (first days) as ``dues_queries.branch_dues_figures`` sums
    them, or None when it reported no month up to *last*."""
    start, end = first.isoformat(), last.isoformat()
    months: list[str] = book["months"]
    upto = [n for n, month in enumerate(months) if month <= end]
    if not upto:
        return None
    inside = 0
    due = collected = 0
    for n, month in enumerate(months):
        if start <= month <= end:
            inside |= 1 << n
            due += book["sums"][n][0]
            collected += book["sums"][n][1]
    last_bit = 1 << upto[-1]
    owing = [unsettled for due_bits, unsettled in book["members"] if due_bits & inside]
    paid = sum(1 for unsettled in owing if not unsettled & last_bit)
    return {
        "due": due,
        "collected": collected,
        "members_paid": paid,
        "members_unpaid": len(owing) - paid,
        "paid_to_upper": sum(v for month, v in book["paid_up"].items() if start <= month <= end),
        "exempt": book["sums"][upto[-1]][2],
    }


# --- what the committee's stats read ------------------------------------------------------------------------


@dataclass(frozen=True)
class KeptFigures:
    """What the committee keeps of its units for one period, read in a few queries (through the ORM by
    ``services/unit_figures``, with ``sqlite3`` alone by ``storage/plain_figures``)."""

    units: tuple[int, ...]  # every unit kept
    counts: dict[int, dict[str, int]]  # unit → member counts on the day counted
    admitted: dict[int, int]  # unit → members admitted in the period (each member once)
    meetings: dict[int, list[MeetingSummary]]  # unit → its meetings in the period
    absences: dict[int, list[list[Any]]]  # unit → the lines the flags look at, of the year the period ends in
    loans: dict[int, tuple[list[Loan], list[Entry], int]]  # unit → loans, their journal lines, number of funds
    review: dict[int, Json]  # unit → the review of the year the period ends in
    dues: dict[int, Json]  # unit → the dues its newest package reported
    worked_out: int = 0  # how many units had their figures worked out first


@dataclass(frozen=True)
class ReceivedBranch:
    """A unit whose packages this database took in, with its last package."""

    id: int
    uuid: str
    name: str
    sequence: int
    received_on: date | None
    units: tuple[int, ...] = ()  # the unit and those below it (a commune's branches)
    covers_to: date | None = None  # the last day the data of its newest package covers

    def sent_for(self, end: date) -> bool:
        """Whether the branch has sent data that reaches *end* (a period's last day), whenever it was taken in."""
        return self.covers_to is not None and self.covers_to >= end


@dataclass(frozen=True)
class BranchDuesFigures:
    """One unit's dues over a range of months, as its packages reported them."""

    due: int
    collected: int
    members_paid: int
    members_unpaid: int
    paid_to_upper: int
    exempt: int
