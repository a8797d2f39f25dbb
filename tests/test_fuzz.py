"""Random input into the roster import and every form's validation: a clear refusal or a whole write, never a
crash and never half a write. One shared database per test; the audit log's newest id tells whether anything
at all was written (every table a form touches is audited)."""

import csv
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.funds import EntryKind, RateMethod, ScheduleKind
from chibo_desktop.domain.meetings import MeetingKind, MeetingRecord
from chibo_desktop.domain.members import EventKind, MemberRecord, StatusEvent
from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.funds import LoanRequest
from chibo_desktop.services.roster_io import RowStatus
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.workbooks import good_workbook, pack, parts

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

words = st.text(max_size=40)
digits = st.text(alphabet="0123456789 -x", max_size=14)
dates = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
near_dates = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
money = st.integers(min_value=-(10**16), max_value=10**16)
CAPITAL_KINDS = [EntryKind.CONTRIBUTION, EntryKind.CAPITAL_IN, EntryKind.CAPITAL_OUT]  # what the form offers


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    folder = tmp_path_factory.mktemp("fuzz")
    db = open_database(folder / "chibo.sqlite", clock=CLOCK)
    write_demo(db, members=10, seed=5, today=TODAY, meeting_years=1)
    yield Services.build(db)
    db.close()


def _last_write(services: Services) -> tuple[int, int]:
    with sqlite3.connect(services.db.path) as conn:
        audit = conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
        members = conn.execute("SELECT count(*) FROM member").fetchone()[0]
    return audit, members


def _whole_or_nothing(services: Services, action: Callable[[], Any]) -> bool:
    """Run *action*: True when it wrote; a UserError must leave the file exactly as it was."""
    before = _last_write(services)
    try:
        action()
    except UserError as error:
        assert error.message.render()  # a message to show
        assert _last_write(services) == before
        return False
    return True


@FUZZ
@given(name=words, gender=st.sampled_from(["M", "F", "", "X"]), born=dates, cccd=digits, admitted=dates, official=dates)
def test_member_form(
    shared: Services, name: str, gender: str, born: date | None, cccd: str, admitted: date | None, official: date | None
) -> None:
    record = MemberRecord(
        full_name=name, gender=gender, date_of_birth=born, cccd=cccd, admission_date=admitted, official_date=official
    )
    before = _last_write(shared)[1]
    if _whole_or_nothing(shared, lambda: shared.members.add(record)):
        assert _last_write(shared)[1] == before + 1


@FUZZ
@given(kind=st.sampled_from(list(EventKind)), on=dates, until=dates, note=words)
def test_status_event_form(shared: Services, kind: EventKind, on: date | None, until: date | None, note: str) -> None:
    member_id = shared.members.roster(TODAY).entries[0][0].id
    _whole_or_nothing(shared, lambda: shared.members.add_event(member_id, StatusEvent(kind, on, until, note=note)))  # type: ignore[arg-type]


@FUZZ
@given(kind=st.sampled_from(list(MeetingKind)), on=near_dates, start=words, end=words, place=words, topic=words)
def test_meeting_form(
    shared: Services, kind: MeetingKind, on: date | None, start: str, end: str, place: str, topic: str
) -> None:
    record = MeetingRecord(kind=kind, on=on, start=start, end=end, place=place, topic=topic)
    _whole_or_nothing(shared, lambda: shared.meetings.create(record))


@FUZZ
@given(amount=money, on=near_dates, note=words, kind=st.sampled_from(CAPITAL_KINDS))
def test_fund_forms(shared: Services, amount: int, on: date | None, note: str, kind: EntryKind) -> None:
    fund = shared.funds.funds()[0].fund
    _fund, loans, _entries = shared.funds.book(fund.id)
    _whole_or_nothing(shared, lambda: shared.funds.capital(fund.id, kind, amount, on, None, note))  # type: ignore[arg-type]
    if loans:
        _whole_or_nothing(shared, lambda: shared.funds.repay(loans[0].id, amount, on, note))  # type: ignore[arg-type]


@FUZZ
@given(key=st.sampled_from(["probation_months", "minimum_age", "badge_milestones", "nonsense"]), text=words, on=dates)
def test_rules_form(shared: Services, key: str, text: str, on: date | None) -> None:
    _whole_or_nothing(shared, lambda: shared.rules.set_value(key, text, on, "fuzz"))  # type: ignore[arg-type]


@FUZZ
@given(branch=words, upper=words, place=words, hamlets=st.lists(words, max_size=5))
def test_setup_form(shared: Services, branch: str, upper: str, place: str, hamlets: list[str]) -> None:
    _whole_or_nothing(shared, lambda: shared.organisation.save(OrganisationSetup(branch, upper, place, tuple(hamlets))))


@FUZZ
@given(new=words, repeat=words, minutes=st.integers(-5, 500))
def test_password_form(shared: Services, new: str, repeat: str, minutes: int) -> None:
    if _whole_or_nothing(shared, lambda: shared.access.set_password(new, repeat, minutes, current="")):
        shared.access.remove_password(new)


cells = st.one_of(words, digits, st.dates().map(lambda d: d.strftime("%d/%m/%Y")), st.just(""))


@FUZZ
@given(rows=st.lists(st.tuples(cells, cells, cells, cells, cells), max_size=12))
def test_roster_import(shared: Services, tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, ...]]) -> None:
    path = tmp_path_factory.mktemp("import") / "ds.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Họ và tên", "Ngày sinh", "Số CCCD", "Giới tính", "Ngày vào Đảng"])
        writer.writerows(rows)
    before = _last_write(shared)[1]
    try:
        preview = shared.roster_io.preview(path)
    except UserError:
        assert _last_write(shared)[1] == before
        return
    if _whole_or_nothing(shared, lambda: shared.roster_io.commit(preview)):
        assert _last_write(shared)[1] == before + preview.count(RowStatus.NEW)


GOOD_WORKBOOK = good_workbook(
    [["Nguyễn Văn Bền", "04/03/1980", "Nam", "19/05/2010", "20/05/2011"], ["Lê Thị Hoa", "05/06/1985", "Nữ", "", ""]]
)
PART_NAMES = sorted(parts(GOOD_WORKBOOK))


@st.composite
def malformed_workbooks(draw: st.DrawFn) -> bytes:
    """A good roster workbook broken in one way a damaged disk, a cut-short copy or a crafted file breaks it."""
    found = parts(GOOD_WORKBOOK)
    name = draw(st.sampled_from(PART_NAMES))
    xml = found[name]
    how = draw(st.sampled_from(["cut file", "flip file", "drop part", "cut part", "flip part", "junk part", "text"]))
    if how == "cut file":
        return GOOD_WORKBOOK[: draw(st.integers(0, len(GOOD_WORKBOOK) - 1))]
    if how == "flip file":
        at = draw(st.integers(0, len(GOOD_WORKBOOK) - 1))
        return GOOD_WORKBOOK[:at] + bytes([draw(st.integers(0, 255))]) + GOOD_WORKBOOK[at + 1 :]
    if how == "drop part":
        del found[name]
    elif how == "cut part":
        found[name] = xml[: draw(st.integers(0, len(xml)))]
    elif how == "flip part":
        at = draw(st.integers(0, len(xml) - 1))
        found[name] = xml[:at] + draw(st.sampled_from([b"<", b">", b"&", b'"', b"\x00", b"\xff", b"x"])) + xml[at + 1 :]
    elif how == "junk part":
        found[name] = draw(st.binary(max_size=300))
    else:
        found[name] = draw(st.text(alphabet='<>/="&;!ab cr:1', max_size=300)).encode()
    return pack(found)


@FUZZ
@given(workbook=malformed_workbooks())
def test_roster_import_of_malformed_workbooks(
    shared: Services, tmp_path_factory: pytest.TempPathFactory, workbook: bytes
) -> None:
    """Damaged workbooks: a message or a preview, never a traceback, and nothing written by the preview."""
    path = tmp_path_factory.mktemp("import") / "ds.xlsx"
    path.write_bytes(workbook)
    before = _last_write(shared)
    try:
        shared.roster_io.preview(path)
    except UserError as error:
        assert error.message.render()
    assert _last_write(shared) == before


@FUZZ
@given(
    reason=words,
    amount=money,
    months=st.integers(-5, 1000),
    method=st.sampled_from(list(RateMethod)),
    rate=st.integers(-100, 100_000),
    kind=st.sampled_from(list(ScheduleKind)),
    approved=near_dates,
    paid_out=near_dates,
)
def test_loan_form(
    shared: Services,
    reason: str,
    amount: int,
    months: int,
    method: RateMethod,
    rate: int,
    kind: ScheduleKind,
    approved: date | None,
    paid_out: date | None,
) -> None:
    fund = shared.funds.funds()[0].fund
    member_id = shared.members.roster(TODAY).entries[0][0].id
    request = LoanRequest(
        fund.id, member_id, reason, "", amount, months, method, rate, kind, approved, disburse_on=paid_out
    )
    _whole_or_nothing(shared, lambda: shared.funds.grant_loan(request))
