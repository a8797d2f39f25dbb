"""Party dues for the sample branch, from the first month of the dues book to today: teachers and workers on a
social-insurance salary, pensioners, two students, the rest "other" members on the regional minimum wage; an
exemption for illness, a reduction for a poor household that ends this month, the social pension, a veteran who
reaches 50 years of Party age this year; most pay at the monthly collection (some online), a few pay late, in
part or ahead, two stop paying (one with a reason), one payment is undone, and the upper level's share is paid
up each month except the latest."""

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import add_months, add_years
from chibo_desktop.domain.dues import (
    Category,
    Channel,
    Decision,
    DecisionKind,
    DecisionReason,
    DuesEntry,
    DuesSetting,
    month_end,
    month_start,
    months_between,
)
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.members import EventKind, state_on
from chibo_desktop.domain.roster import RosterEntry
from chibo_desktop.services.dues import DuesService
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.storage import dues_queries, member_queries
from chibo_desktop.storage.db import Database

SALARIED = ("Giáo viên", "Công nhân")
USER = "Thủ quỹ (dữ liệu mẫu)"


def _veteran(db: Database, today: date, attached: list[RosterEntry]) -> None:
    """Make a temporarily attached member a veteran who reaches 50 years of Party age on 15 June this year (the
    sample's own members are drawn at random and may not include one)."""
    if not attached:
        return
    entry = attached[0]
    decision = date(today.year - 50, 6, 15)
    ceremony = decision + timedelta(days=17)
    veteran = replace(
        entry.record,
        date_of_birth=date(today.year - 75, 4, 12),
        admission_decision_date=decision,
        admission_date=ceremony,
        official_date=add_years(ceremony, 1),
        occupation="Hưu trí",
    )
    with db.write() as session:
        member_queries.update_member(session, entry.id, veteran)


def write_demo_dues(db: Database, seed: int, today: date) -> int:
    """Returns how many journal entries were written."""
    rng = random.Random(seed * 7919 + 11)
    service = DuesService(db, OrganisationService(db), Clock.fixed(today), user=lambda: USER)
    start = service.ledger().start
    this_month = month_start(today)
    if this_month < start:
        return 0
    with db.read() as session:
        roster = [entry for entry, _search in member_queries.load_roster(session)]
    attached = [e for e in roster if e.events and all(ev.kind == EventKind.ATTACHED_IN for ev in e.events)]
    _veteran(db, today, attached)

    def pays_here(entry: RosterEntry) -> bool:
        state = state_on(entry.events, month_end(this_month))
        return state.belongs and not state.away and not state.suspended

    paying = sorted((e for e in roster if pays_here(e)), key=lambda e: e.record.date_of_birth or today)
    youngest = {e.id for e in paying[-2:]}  # two students
    settings: list[DuesSetting] = []
    decisions: list[Decision] = []
    for entry in paying:
        occupation = entry.record.occupation
        if entry.id in youngest:
            settings.append(DuesSetting(entry.id, start, Category.STUDENT, note="Sinh viên đại học"))
        elif occupation in SALARIED:
            base = rng.randrange(55, 125) * 100_000
            settings.append(DuesSetting(entry.id, start, Category.SALARY, base))
        elif occupation == "Hưu trí" and rng.random() < 0.5:
            settings.append(DuesSetting(entry.id, start, Category.PENSION, rng.randrange(35, 90) * 100_000))
    salaried = [s for s in settings if s.category == Category.SALARY]
    if salaried:  # a rise in pay, and a teacher who pays more than the rate by choice
        first = salaried[0]
        raised = min(add_months(start, 4), this_month)
        settings.append(DuesSetting(first.member_id, raised, Category.SALARY, first.base + 600_000))
        if len(salaried) > 1:
            s = salaried[1]
            settings.remove(s)
            settings.append(DuesSetting(s.member_id, s.valid_from, s.category, s.base, pledged=s.base // 100 + 50_000))
    others = [e for e in paying if e.id not in {s.member_id for s in settings}]
    rng.shuffle(others)
    if len(others) >= 3:
        ill, poor, pensioned = others[0], others[1], others[2]
        sick_from = min(add_months(start, 2), this_month)
        decisions.append(
            Decision(ill.id, DecisionKind.EXEMPT, 100, DecisionReason.SERIOUS_ILLNESS, sick_from,
                     add_months(sick_from, 5), "07-QĐ/ĐU", sick_from - timedelta(days=5), "Điều trị ung thư")
        )  # fmt: skip
        poor_from = max(start, add_months(this_month, -5))
        decisions.append(
            Decision(poor.id, DecisionKind.REDUCE, 50, DecisionReason.POOR_HOUSEHOLD, poor_from, this_month,
                     "15-QĐ/ĐU", poor_from - timedelta(days=3), "Hộ nghèo năm " + str(poor_from.year))
        )  # fmt: skip
        decisions.append(
            Decision(pensioned.id, DecisionKind.EXEMPT, 100, DecisionReason.SOCIAL_PENSION, start, None,
                     "02-QĐ/ĐU", start - timedelta(days=2), "Hưởng trợ cấp hưu trí xã hội")
        )  # fmt: skip
    with db.write() as session:
        for setting in settings:
            dues_queries.save_setting(session, setting)
        for decision in decisions:
            dues_queries.add_decision(session, decision)

    ledger = service.ledger()
    ids = [e.id for e in paying]
    rng.shuffle(ids)
    someone = ids[-1] if ids else -1
    stopped, excused, ahead, partial, late = (ids[i] if len(ids) > i else -1 for i in range(5))
    online = set(ids[5 : 5 + max(1, len(ids) // 8)])
    ids += [e.id for e in roster if e.id not in set(ids)]  # members who left, or were away: their months too
    months = months_between(start, this_month)
    for month in months:
        current = month == this_month
        day = min(today, month + timedelta(days=rng.randrange(4, 24)))
        for member_id in ids:
            if current and rng.random() < 0.4:
                continue  # this month's collection is still going on
            if member_id in (stopped, excused) and month >= add_months(this_month, -4):
                if member_id == excused:
                    _try(ledger.mark_unpaid, member_id, month, "Đi làm ăn xa, hẹn gửi sau", day, today)
                continue
            if member_id == late and month.month % 3 != 0:
                continue  # pays each quarter's arrears in its last month
            if member_id == ahead and month != start and month.month % 6 != 1:
                continue  # pays six months ahead in January and July
            owed = ledger.owed(member_id, month)
            if member_id == ahead:
                owed += 5 * ledger.calc.due(ledger.members[member_id], month).due
            if member_id == partial:
                owed = max(1_000, owed - 5_000)  # always a little short
            if owed > 0:
                channel = Channel.ONLINE if member_id in online else Channel.CASH
                _try(ledger.pay, member_id, month, owed, channel, day, today)
        if month == add_months(this_month, -2):
            # a payment recorded against the wrong member, undone with a reversing entry
            wrong = _try(ledger.pay, someone, month, 11_100, Channel.CASH, day, today)
            if wrong:
                ledger.reverse(wrong[0].id, min(today, day + timedelta(days=3)), today, "Ghi nhầm người nộp")
        if month < add_months(this_month, -1):
            paid_up_on = min(today, month_end(month) + timedelta(days=rng.randrange(3, 10)))
            amount = ledger.to_pay_up(month)
            if amount > 0:
                _try(ledger.hand_over, month, amount, Channel.CASH, paid_up_on, today, "Nộp Đảng ủy xã")
    branch = OrganisationService(db).require()
    with db.write() as session:
        stored = dues_queries.insert_entries(session, branch.branch_id, ledger.entries)
    assert stored == [e.id for e in ledger.entries], "the sample's journal must go into an empty table"
    return len(stored)


def _try(action: Callable[..., list[DuesEntry]], *args: object) -> list[DuesEntry]:
    """Post, or skip a sample entry the rules refuse (a member away that month …)."""
    try:
        return action(*args)
    except UserError:
        return []
