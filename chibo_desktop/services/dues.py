"""Party dues: members' settings and decisions, the monthly collection, handovers to the upper level, the book,
the flags and the figures of ``chibo stats``.

Every posting is checked by the domain :class:`DuesLedger` on the journal as stored, inside the write transaction
(so two windows cannot both hand over the same money), and only then are its new lines inserted: a refused entry
writes nothing.
"""

import getpass
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.dues import (
    OPEN_ENDED_REASONS,
    Category,
    Channel,
    Decision,
    DecisionKind,
    DecisionReason,
    DueCache,
    DuesEntry,
    DuesMember,
    DuesSetting,
    book_start,
    live_entries,
    month_start,
    month_text,
    months_between,
)
from chibo_desktop.domain.dues_book import (
    DuesBook,
    DuesFlag,
    DuesLedger,
    MemberMonth,
    MonthTotals,
    flags,
    unpaid_in_figures,
)
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import party_age
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.domain.text import hidden_characters, name_sort_key, nfc, refuse_hidden_characters
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.committee_figures import upper_dues
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.storage import dues_queries, member_queries
from chibo_desktop.storage.db import Database, Session


def _msg(text: str, **args: object) -> Message:
    return Message("Dues", text, dict(args))


FIELDS = _msg(QT_TRANSLATE_NOOP("Dues", "Some fields need attention; see the messages beside them."))


def _unlisted() -> Message:
    """An "unknown" value (one read from a newer app's data) is shown, never written."""
    return _msg(QT_TRANSLATE_NOOP("Dues", "Choose one of the values in the list."))


def _require_channel(channel: Channel) -> None:
    if channel == Channel.UNKNOWN:
        raise UserError(FIELDS, {"channel": _unlisted()})


@dataclass(frozen=True)
class SheetRow:
    """One member on the month's collection screen."""

    member_id: int
    name: str
    month: MemberMonth
    born: date | None = None  # tells the member from another of the same name on the sheet

    @property
    def paid_up(self) -> bool:
        return self.month.owed <= 0


@dataclass(frozen=True)
class DuesSheet:
    """The month's collection: who pays here, what each owes and paid, and the branch's figures."""

    month: date
    rows: tuple[SheetRow, ...]
    totals: MonthTotals
    flags: tuple[DuesFlag, ...]
    start: date  # the first month of the book


def sheet_row(ledger: DuesLedger, member_id: int, month: date) -> SheetRow | None:
    """The member's line on the month's sheet; None when they neither pay here that month, nor owe, nor paid."""
    found = ledger.member_month(member_id, month)
    if found is None:
        return None
    if not found.due.listed and found.collected == 0 and found.arrears <= 0:
        return None
    member = ledger.members[member_id]
    return SheetRow(member_id, member.name, found, member.date_of_birth)


@dataclass(frozen=True)
class Posted:
    """What a posting changed, with the journal as it now stands, to redraw a line without reading it all again."""

    change: Change
    ledger: DuesLedger

    def row(self, member_id: int, month: date) -> SheetRow | None:
        return sheet_row(self.ledger, member_id, month_start(month))

    def totals(self, month: date) -> MonthTotals:
        return self.ledger.totals([month_start(month)])


@dataclass(frozen=True)
class MemberDues:
    """One member's dues settings, decisions and journal, for the settings dialog and the receipt."""

    member_id: int
    name: str
    settings: tuple[DuesSetting, ...]
    decisions: tuple[Decision, ...]
    months: tuple[MemberMonth, ...]  # from the start of the book to this month
    entries: tuple[DuesEntry, ...]


@dataclass(frozen=True)
class BranchDuesLine:
    """One branch's dues over a period, as its packages reported them (the committee's window)."""

    name: str
    due: int
    collected: int
    ratio: float | None  # collected ÷ due
    paid_up: int
    members_unpaid: int


class DuesService:
    def __init__(
        self,
        db: Database,
        organisation: OrganisationService,
        clock: Clock,
        user: Callable[[], str] = getpass.getuser,
    ) -> None:
        self._db = db
        self._organisation = organisation
        self._today = clock.today
        self._user = user
        self._due_cache: DueCache = {}  # members' month dues, kept between reads (they rarely change)
        self._kept: tuple[int, date, DuesLedger] | None = None  # (data version, today, ledger) of the last read
        self._lock = threading.Lock()

    # --- loading ------------------------------------------------------------------------------------------

    def _ledger(self, session: Session, org_units: Sequence[int] | None = None) -> DuesLedger:
        """The branch's ledger, built again only when the data changed since the last one (a keystroke on the
        collection screen then costs one small query, not a reload). Never posted to: see :meth:`_post`."""
        if org_units is not None:
            return self._build(session, org_units)
        version, today = dues_queries.data_version(session), self._today()
        with self._lock:
            kept = self._kept
        if kept is not None and kept[0] == version and kept[1] == today:
            return kept[2]
        ledger = self._build(session, None)
        with self._lock:
            self._kept = (version, today, ledger)
        return ledger

    def _build(self, session: Session, org_units: Sequence[int] | None) -> DuesLedger:
        rules = RuleBook(member_queries.load_rules(session))
        settings = dues_queries.settings(session, org_units)
        decisions = dues_queries.decisions(session, org_units)
        members = [
            DuesMember(
                member_id,
                record.full_name,
                record.gender,
                record.date_of_birth,
                party_age(record, events),
                events,
                tuple(settings.get(member_id, ())),
                tuple(decisions.get(member_id, ())),
            )
            for member_id, record, events in member_queries.load_dues_facts(session, org_units)
        ]
        entries = dues_queries.entries(session, org_units)
        if len(self._due_cache) > 1_000_000:
            self._due_cache.clear()
        start = book_start(rules, self._today())
        return DuesLedger(rules, members, entries, start, by=self._user(), cache=self._due_cache)

    def ledger(self, org_units: Sequence[int] | None = None) -> DuesLedger:
        """The branch's (or, with *org_units*, those branches') dues as a domain object, for reading."""
        with self._db.read() as session:
            return self._ledger(session, org_units)

    def received_unpaid(self, year: int, through: date, org_units: Sequence[int] | None = None) -> dict[int, int]:
        """At a committee: each received member's months of *year* up to *through* left unpaid, as the newest
        package of the member's branch reported its dues (*org_units*: of those units; None: every unit that sent
        dues). A member kept by two units (moved) adds up both."""
        found: dict[int, int] = {}
        with self._db.read() as session:
            ids = {uuid: member_id for member_id, uuid in dues_queries.member_uuids(session).items()}
            units = list(org_units) if org_units is not None else dues_queries.ends_units(session, through)
            for unit in units:
                rows, _paid_up = dues_queries.unit_rows(session, unit)
                months: dict[str, list[tuple[date, int, int]]] = defaultdict(list)
                for member_uuid, month, due, collected, _owed, _listed, _exempt in rows:
                    months[member_uuid].append((month, due, collected))
                for member_uuid, figures in months.items():
                    member_id = ids.get(member_uuid)
                    if member_id is not None:
                        found[member_id] = found.get(member_id, 0) + unpaid_in_figures(figures, year, through)
        return found

    def sheet(self, month: date) -> DuesSheet:
        """The collection screen of *month*: members who pay here that month (or still owe, or paid in it)."""
        day = month_start(month)
        ledger = self.ledger()
        rows = [row for member_id in ledger.members if (row := sheet_row(ledger, member_id, day)) is not None]
        rows.sort(key=lambda r: name_sort_key(r.name))
        totals = ledger.totals([day])
        return DuesSheet(day, tuple(rows), totals, tuple(flags(ledger, day.year, self._today())), ledger.start)

    def row(self, member_id: int, month: date) -> tuple[SheetRow | None, MonthTotals]:
        """One member's line again after a write, with the month's figures (cheaper than the whole sheet)."""
        ledger = self.ledger()
        return sheet_row(ledger, member_id, month_start(month)), ledger.totals([month_start(month)])

    def member(self, member_id: int) -> MemberDues:
        ledger = self.ledger()
        member = ledger.members.get(member_id)
        if member is None:
            raise UserError(_msg(QT_TRANSLATE_NOOP("Dues", "This member is not in the branch's dues list.")))
        months = ledger.member_months(member_id, max(month_start(self._today()), ledger.start))
        mine = tuple(e for e in ledger.entries if e.member_id == member_id)
        return MemberDues(member_id, member.name, member.settings, member.decisions, tuple(months), mine)

    def book(self, year: int, org_units: Sequence[int] | None = None) -> DuesBook:
        return self.ledger(org_units).book(year, self._today())

    def journal(self, year: int) -> list[DuesEntry]:
        return [e for e in self.ledger().entries if e.month.year == year]

    def flags(self, year: int) -> list[DuesFlag]:
        return flags(self.ledger(), year, self._today())

    # --- postings -----------------------------------------------------------------------------------------

    def _post(self, action: Callable[[DuesLedger], list[DuesEntry]], *ids: int) -> Posted:
        branch = self._organisation.require_own_records()
        with self._db.write() as session:
            ledger = self._ledger(session).copy()  # readers may hold the kept one
            new = action(ledger)
            stored = dues_queries.insert_entries(session, branch.branch_id, new)
            version = dues_queries.data_version(session)
        expected = ledger.stored_as_expected([e.id for e in new], stored)
        with self._lock:
            self._kept = (version, self._today(), ledger) if expected else None
        members = dict.fromkeys([*ids, *(e.member_id for e in new if e.member_id is not None)])
        return Posted(Change.of(Topic.DUES, *members), ledger)

    def pay(
        self, member_id: int, month: date, amount: int, channel: Channel, on: date | None = None, note: str = ""
    ) -> Posted:
        """A payment of *amount* đồng in the book of *month*, received on *on* (today by default)."""
        _require_channel(channel)
        refuse_hidden_characters({"note": note})
        day = on or self._today()
        return self._post(
            lambda ledger: ledger.pay(member_id, month, amount, channel, day, self._today(), nfc(note)), member_id
        )

    def pay_owed(self, member_id: int, month: date, channel: Channel) -> Posted:
        """The member pays everything owed through *month* (arrears and the month's due), today."""
        _require_channel(channel)

        def action(ledger: DuesLedger) -> list[DuesEntry]:
            owed = ledger.owed(member_id, month)
            if owed <= 0:
                member = ledger.members.get(member_id)
                raise UserError(
                    _msg(
                        QT_TRANSLATE_NOOP("Dues", "{name} owes nothing through {month}."),
                        name=member.name if member else "",
                        month=month_text(month),
                    )
                )
            return ledger.pay(member_id, month, owed, channel, self._today(), self._today())

        return self._post(action, member_id)

    def mark_unpaid(self, member_id: int, month: date, reason: str) -> Posted:
        refuse_hidden_characters({"reason": reason})
        today = self._today()
        return self._post(lambda ledger: ledger.mark_unpaid(member_id, month, nfc(reason), today, today), member_id)

    def hand_over(
        self, month: date, amount: int, channel: Channel = Channel.CASH, on: date | None = None, note: str = ""
    ) -> Posted:
        """The branch pays up part of the upper level's share, in the book of *month*."""
        _require_channel(channel)
        refuse_hidden_characters({"note": note})
        day = on or self._today()
        return self._post(lambda ledger: ledger.hand_over(month, amount, channel, day, self._today(), nfc(note)))

    def reverse(self, entry_id: int, note: str = "") -> Posted:
        """Undo an entry: a reversing entry dated today in the same book month; the original stays."""
        refuse_hidden_characters({"note": note})
        today = self._today()
        return self._post(lambda ledger: ledger.reverse(entry_id, today, today, nfc(note)))

    def check_reverse(self, entry_id: int) -> None:
        """Raise the ``UserError`` that :meth:`reverse` would raise for this entry now (the upper level's share of
        it already paid up, say), writing nothing: asked before the screen asks why the entry is undone."""
        today = self._today()
        self.ledger().copy().reverse(entry_id, today, today)

    def last_entry(self, member_id: int, month: date) -> DuesEntry | None:
        """The member's latest entry of the month that still stands (what a correction would undo)."""
        standing = [
            e for e in live_entries(self.ledger().entries) if e.member_id == member_id and e.month == month_start(month)
        ]
        return standing[-1] if standing else None

    # --- settings and decisions ---------------------------------------------------------------------------

    def save_setting(
        self,
        member_id: int,
        valid_from: date | None,
        category: Category,
        base: int,
        region: int | None,
        pledged: int = 0,
        note: str = "",
    ) -> Change:
        """The member's dues settings from the month of *valid_from*; earlier months keep the earlier settings."""
        self._organisation.require_own_records()
        errors: dict[str, Message] = {}
        if valid_from is None:
            errors["valid_from"] = _msg(QT_TRANSLATE_NOOP("Dues", "Write the month as mm/yyyy, for example 02/2026."))
        if category == Category.UNKNOWN:
            errors["category"] = _unlisted()
        if category in (Category.SALARY, Category.PENSION) and base <= 0:
            errors["base"] = _msg(
                QT_TRANSLATE_NOOP("Dues", "Write the salary or pension the dues are worked out from, in đồng.")
            )
        if base < 0:
            errors["base"] = _msg(QT_TRANSLATE_NOOP("Dues", "An amount cannot be negative."))
        if region is not None and region not in (1, 2, 3, 4):
            errors["region"] = _msg(QT_TRANSLATE_NOOP("Dues", "The region is I, II, III or IV."))
        if pledged < 0:
            errors["pledged"] = _msg(QT_TRANSLATE_NOOP("Dues", "An amount cannot be negative."))
        errors.update(hidden_characters({"note": note}))
        if errors:
            raise UserError(FIELDS, errors)
        assert valid_from is not None
        setting = DuesSetting(member_id, month_start(valid_from), category, base, region, pledged, nfc(note))
        with self._db.write() as session:
            if member_queries.get_member(session, member_id) is None:
                raise UserError(_msg(QT_TRANSLATE_NOOP("Dues", "This member is not in the branch's dues list.")))
            dues_queries.save_setting(session, setting)
        return Change.of(Topic.DUES, member_id)

    def add_decision(
        self,
        member_id: int,
        kind: DecisionKind,
        percent: int,
        reason: DecisionReason,
        start: date | None,
        end: date | None,
        decision_no: str,
        decided_on: date | None,
        note: str = "",
    ) -> Change:
        """An exemption or a reduction by a decision, for whole months, at most the rule's months at a time."""
        self._organisation.require_own_records()
        today = self._today()
        with self._db.read() as session:
            rules = RuleBook(member_queries.load_rules(session))
        on = start or today
        allowed = [int(p) for p in rules.get("dues.reduction_percents", on)]
        longest = int(rules.get("dues.decision_max_months", on))
        errors: dict[str, Message] = {}
        if start is None:
            errors["start"] = _msg(QT_TRANSLATE_NOOP("Dues", "Write the month as mm/yyyy, for example 02/2026."))
        if kind == DecisionKind.UNKNOWN:
            errors["kind"] = _unlisted()
        if reason == DecisionReason.UNKNOWN:
            errors["reason"] = _unlisted()
        if kind == DecisionKind.EXEMPT:
            percent = 100
        elif percent not in allowed:
            errors["percent"] = _msg(
                QT_TRANSLATE_NOOP("Dues", "A reduction is one of: {allowed} %."),
                allowed=", ".join(str(p) for p in allowed),
            )
        if reason in OPEN_ENDED_REASONS and kind != DecisionKind.EXEMPT:
            errors["reason"] = _msg(QT_TRANSLATE_NOOP("Dues", "Members on the social pension are exempt, not reduced."))
        if end is None and reason not in OPEN_ENDED_REASONS:
            errors["end"] = _msg(
                QT_TRANSLATE_NOOP("Dues", "Write the last month: a decision lasts at most {months} months."),
                months=longest,
            )
        if start is not None and end is not None:
            months = len(months_between(start, end))
            if month_start(end) < month_start(start):
                errors["end"] = _msg(QT_TRANSLATE_NOOP("Dues", "The last month comes before the first."))
            elif months > longest and reason not in OPEN_ENDED_REASONS:
                errors["end"] = _msg(
                    QT_TRANSLATE_NOOP("Dues", "A decision lasts at most {months} months; this one would last {count}."),
                    months=longest,
                    count=months,
                )
        if not nfc(decision_no):
            errors["decision_no"] = _msg(QT_TRANSLATE_NOOP("Dues", "Write the number of the decision."))
        if decided_on is not None and decided_on > today:
            errors["decided_on"] = _msg(QT_TRANSLATE_NOOP("Dues", "This date is in the future."))
        errors.update(hidden_characters({"decision_no": decision_no, "note": note}))
        if errors:
            raise UserError(FIELDS, errors)
        assert start is not None
        decision = Decision(
            member_id,
            kind,
            percent,
            reason,
            month_start(start),
            month_start(end) if end else None,
            nfc(decision_no),
            decided_on,
            nfc(note),
        )
        with self._db.write() as session:
            if member_queries.get_member(session, member_id) is None:
                raise UserError(_msg(QT_TRANSLATE_NOOP("Dues", "This member is not in the branch's dues list.")))
            for other in dues_queries.decisions(session).get(member_id, []):
                if other.start <= (decision.end or date.max) and decision.start <= (other.end or date.max):
                    raise UserError(
                        _msg(
                            QT_TRANSLATE_NOOP(
                                "Dues",
                                "This member already has a decision ({number}) for {month}; end it first.",
                            ),
                            number=other.decision_no,
                            month=month_text(max(decision.start, other.start)),
                        ),
                        {"start": _msg(QT_TRANSLATE_NOOP("Dues", "Overlaps another decision."))},
                    )
            dues_queries.add_decision(session, decision)
        return Change.of(Topic.DUES, member_id)

    def end_decision(self, decision_id: int, last_month: date) -> Change:
        """End a decision early (the household is no longer poor …): it covers months up to *last_month*."""
        self._organisation.require_own_records()
        with self._db.write() as session:
            found = dues_queries.decision(session, decision_id)
            if found is None:
                raise UserError(_msg(QT_TRANSLATE_NOOP("Dues", "This decision no longer exists.")))
            last = month_start(last_month)
            if last < found.start or (found.end is not None and last >= found.end):
                raise UserError(
                    _msg(
                        QT_TRANSLATE_NOOP("Dues", "The new last month must lie between {first} and {last}."),
                        first=month_text(found.start),
                        last=month_text(found.end) if found.end else "…",
                    )
                )
            dues_queries.end_decision(session, decision_id, last)
        return Change.of(Topic.DUES, found.member_id)

    # --- figures --------------------------------------------------------------------------------------------

    def package_figures(self) -> dict[str, list[dict[str, object]]]:
        """dues.json of the package: every member's months from the start of the book to this month (due,
        collected, still owed, listed, exempt) and what was paid up each month, so that the upper level can sum
        any range of months and count members paid or not as the branch does."""
        ledger = self.ledger()
        last = month_start(self._today())
        months = ledger.months_to(last)
        with self._db.read() as session:
            uuids = dues_queries.member_uuids(session)
        members: list[dict[str, object]] = []
        for member_id in sorted(ledger.members):
            for mm in ledger.member_months(member_id, last):
                members.append(
                    {
                        "member_uuid": uuids[member_id],
                        "month": mm.month.isoformat(),
                        "due": mm.due.due,
                        "collected": mm.collected,
                        "owed": mm.owed,
                        "listed": mm.due.listed,
                        "exempt": mm.due.exempt,
                    }
                )
        paid_up = [{"month": m.isoformat(), "paid_up": ledger.paid_up_in(m)} for m in months]
        return {"months": paid_up, "members": members}

    def stats(self, period: Period, org_units: Sequence[int] | None = None) -> dict[str, object]:
        """The "dues" object of ``chibo stats --json``: the months of *period* up to this month. At a committee the
        figures are those its branches' packages reported (*org_units*: of those units; None for all), every
        figure None when none of them reported dues."""
        keys = ("due", "collected", "collection_ratio", "members_paid", "members_unpaid", "paid_to_upper", "exempt")
        organisation = self._organisation.get()
        if organisation is not None and organisation.is_committee:
            return self._reported(period, org_units, keys)
        ledger = self.ledger(org_units)
        last = min(month_start(period.end), month_start(self._today()))
        months = [m for m in months_between(period.start, last) if m >= ledger.start]
        if not months:
            return {**dict.fromkeys(keys, 0), "collection_ratio": None}
        totals = ledger.totals(months)
        paid = unpaid = 0
        for member_id in ledger.members:
            rows = [mm for mm in ledger.member_months(member_id, last) if mm.month >= months[0]]
            if not any(mm.due.due > 0 for mm in rows):
                continue
            if rows[-1].owed <= 0:
                paid += 1
            else:
                unpaid += 1
        return {
            "due": totals.due,
            "collected": totals.collected,
            "collection_ratio": round(totals.collected / totals.due, 4) if totals.due else None,
            "members_paid": paid,
            "members_unpaid": unpaid,
            "paid_to_upper": totals.paid_up,
            "exempt": totals.exempt,
        }

    def _reported(self, period: Period, org_units: Sequence[int] | None, keys: tuple[str, ...]) -> dict[str, object]:
        return upper_dues(self.reported(period), org_units)

    def branches(self, period: Period) -> tuple[BranchDuesLine, ...]:
        """At a committee: each branch's dues over *period* (up to this month), in name order."""
        found = self.reported(period)
        with self._db.read() as session:
            names = dues_queries.unit_names(session, list(found))
        return tuple(branch_lines(found, names))

    def reported(self, period: Period) -> dict[int, dues_queries.BranchDuesFigures]:
        """At a committee: unit → its dues over *period* as its packages reported them, in a few queries for all
        the units (see :func:`upper_dues`)."""
        last = min(month_start(period.end), month_start(self._today()))
        with self._db.read() as session:
            return dues_queries.branch_dues_figures(session, month_start(period.start), last)


def branch_lines(found: dict[int, dues_queries.BranchDuesFigures], names: dict[int, str]) -> list[BranchDuesLine]:
    lines = [
        BranchDuesLine(
            names.get(unit, ""),
            f.due,
            f.collected,
            f.collected / f.due if f.due else None,
            f.paid_to_upper,
            f.members_unpaid,
        )
        for unit, f in found.items()
    ]
    lines.sort(key=lambda line: name_sort_key(line.name))
    return lines
