"""Two members of the same name, "Nguyễn Văn An" born 1960 and 1985, on paper: the minutes, the attendance register,
the fund's statement and the loan ledger name each with the year of birth, read back from the PDFs; a branch
without namesakes prints its names as they are."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.dues import Channel
from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms, RateMethod, ScheduleKind
from chibo_desktop.domain.meetings import AgendaItem, Assignment, Mark, MeetingKind, MeetingRecord, Opinion
from chibo_desktop.domain.review import Level, MemberReview
from chibo_desktop.services.funds import LoanRequest
from chibo_desktop.services.minutes_document import print_minutes
from chibo_desktop.services.printing import (
    AUDIT_LOG,
    BLANK_MINUTES,
    DUES_RECEIPT,
    FUND_STATEMENT,
    LEDGER,
    MEMBER_REVIEW,
    MINUTES,
    REGISTER,
    REVIEW,
    AuditChoice,
    DuesReceiptChoice,
    FundPeriod,
)
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.conftest import SETUP
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.members import add_member
from tests.helpers.pdf import flat, pdf_text

ON = date(2026, 10, 14)
ELDER, YOUNGER = "Nguyễn Văn An (sinh 1960)", "Nguyễn Văn An (sinh 1985)"


def branch(services: Services, namesakes: bool = True) -> dict[str, int]:
    """The branch's members: the two An (or, without namesakes, the elder alone), Bình and the secretary Tám."""
    ids = {"elder": add_member(services, "Nguyễn Văn An", date_of_birth=date(1960, 4, 2))}
    if namesakes:
        ids["younger"] = add_member(services, "Nguyễn Văn An", date_of_birth=date(1985, 8, 30))
    ids["binh"] = add_member(services, "Trần Thị Bình", date_of_birth=date(1972, 1, 5))
    ids["tam"] = add_member(services, "Lê Văn Tám", party_position="Bí thư chi bộ")
    return ids


def meeting(services: Services, ids: dict[str, int]) -> int:
    """The elder An chairs, Tám writes; the younger An is absent without reason (when there is one), Bình with
    one; the elder An speaks and is given a task."""
    marks = {ids["binh"]: (Mark.EXCUSED, "Đi khám bệnh")}
    if "younger" in ids:
        marks[ids["younger"]] = (Mark.UNEXCUSED, "")
    lines = tuple(
        replace(line, mark=marks[line.member_id][0], reason=marks[line.member_id][1])
        if line.member_id in marks
        else replace(line, spoke=line.member_id == ids["elder"])
        for line in services.meetings.draft_lines(ON)
    )
    record = MeetingRecord(
        kind=MeetingKind.REGULAR,
        on=ON,
        start="19:00",
        end="21:00",
        place="Nhà văn hóa ấp Sáu",
        chair_id=ids["elder"],
        secretary_id=ids["tam"],
        agenda=(
            AgendaItem(
                "Kiểm điểm tháng 9",
                "Lê Văn Tám",
                "",
                (Opinion("Nguyễn Văn An", "Đề nghị sửa cầu dân sinh.", ids["elder"]),),
                "",
            ),
        ),
        assignments=(Assignment(ids["elder"], "Nguyễn Văn An", "Vận động sửa cầu", date(2026, 11, 30)),),
    )
    return services.meetings.create(record, lines).ids[0]


def loan_to(services: Services, member_id: int) -> int:
    """A fund lending 3,000,000 đồng to *member_id*; the fund's id."""
    fund = services.funds.save_fund(
        None, "Quỹ quay vòng vốn chi bộ", FundSource.OWN, "Đ/c Phan Thu Mai", FundTerms(max_loan=5_000_000)
    ).ids[0]
    services.funds.capital(fund, EntryKind.CONTRIBUTION, 6_000_000, date(2026, 1, 3), member_id, "Đóng góp")
    loan = LoanRequest(
        fund,
        member_id,
        "Nhà bị sạt lở",
        "Sửa nhà",
        3_000_000,
        6,
        RateMethod.NONE,
        0,
        ScheduleKind.EQUAL_PRINCIPAL,
        date(2026, 2, 1),
        decision_no="04-NQ/CB",
        disburse_on=date(2026, 2, 2),
    )
    services.funds.grant_loan(loan)
    return fund


def printed(services: Services, kind: object, chosen: object, folder: Path) -> tuple[str, Path]:
    out = services.printer.write_into(kind, chosen, folder)  # type: ignore[arg-type]
    return flat(pdf_text(out)), out


def test_the_minutes_name_the_chair_and_the_absent_namesake_by_their_year_of_birth(
    services: Services, tmp_path: Path
) -> None:
    ids = branch(services)
    text, _out = printed(services, MINUTES, meeting(services, ids), tmp_path)
    assert f"Chủ trì: {ELDER}." in text
    assert "Thư ký: Lê Văn Tám." in text
    assert f"Vắng không có lý do (1 đồng chí): {YOUNGER}." in text
    assert "Vắng có lý do (1 đồng chí): Trần Thị Bình (Đi khám bệnh)." in text  # no one else has her name
    assert f"- Đồng chí {ELDER}: Đề nghị sửa cầu dân sinh." in text
    assert f"- Đồng chí {ELDER}: Vận động sửa cầu (thời hạn: 30/11/2026)." in text
    # under the signatures, the names alone: the text above says which An chaired
    assert "THƯ KÝ CHỦ TRÌ (Ký, ghi rõ họ tên) (Ký, ghi rõ họ tên) Lê Văn Tám Nguyễn Văn An DỰ THẢO" in text


def test_the_blank_form_and_the_register_tell_the_two_apart(services: Services, tmp_path: Path) -> None:
    ids = branch(services)
    meeting(services, ids)
    form, _out = printed(services, BLANK_MINUTES, ON, tmp_path)
    assert form.count(ELDER) == 1 and form.count(YOUNGER) == 1
    register, out = printed(services, REGISTER, ON.year, tmp_path)
    assert out.name == f"so-theo-doi-sinh-hoat-{ON.year}.pdf"
    assert f"{ELDER} x" in register and f"{YOUNGER} K" in register, register
    assert "Trần Thị Bình" in register and "Trần Thị Bình (sinh" not in register


def test_the_fund_statement_and_the_ledger_name_the_borrower_though_the_namesake_borrowed_nothing(
    services: Services, tmp_path: Path
) -> None:
    ids = branch(services)
    fund = loan_to(services, ids["younger"])
    statement, _out = printed(services, FUND_STATEMENT, FundPeriod(fund, parse_period("2026")), tmp_path)
    assert f"{YOUNGER} 3.000.000 02/02/2026" in statement
    ledger, out = printed(services, LEDGER, ids["younger"], tmp_path)
    assert f"Đảng viên: {YOUNGER}" in ledger
    assert out.name == f"so-vay-nguyen-van-an-sinh-1985-{TODAY.isoformat()}.pdf"
    # the borrower's name alone under the signature, beside the fund's manager
    assert ledger.endswith(
        "NGƯỜI VAY NGƯỜI QUẢN LÝ QUỸ (Ký, ghi rõ họ tên) (Ký, ghi rõ họ tên) Nguyễn Văn An Phan Thu Mai"
    ), ledger[-200:]


def test_the_printed_log_of_changes_names_the_member_changed(services: Services, tmp_path: Path) -> None:
    ids = branch(services)
    member = services.members.get(ids["younger"])
    services.members.update(ids["younger"], replace(member.record, phone="0912345678"))
    text, _out = printed(services, AUDIT_LOG, AuditChoice(search="0912345678"), tmp_path)
    assert f"Đảng viên: {YOUNGER}" in text and "sửa số điện thoại: 0912345678" in text, text


def test_the_review_the_member_form_and_the_dues_receipt_tell_them_apart(services: Services, tmp_path: Path) -> None:
    ids = branch(services)
    for member_id in ids.values():
        services.review.save(MemberReview(member_id, TODAY.year, points=85, proposed_level=Level.GOOD))
    review, _out = printed(services, REVIEW, TODAY.year, tmp_path)
    assert ELDER in review and YOUNGER in review and "Trần Thị Bình (sinh" not in review
    form, out = printed(services, MEMBER_REVIEW, ids["younger"], tmp_path)
    assert "Họ và tên: Nguyễn Văn An " in form and "30/08/1985" in form  # the form gives the date of birth itself
    assert out.name == "phieu-theo-doi-nguyen-van-an-sinh-1985.pdf"  # the elder An's form is another file
    services.dues.pay(ids["younger"], date(2026, 3, 1), 20_000, Channel.CASH)
    receipt, out = printed(services, DUES_RECEIPT, DuesReceiptChoice(ids["younger"], 2026), tmp_path)
    assert f"Họ và tên đảng viên: {YOUNGER}" in receipt and receipt.rstrip().endswith("Nguyễn Văn An")
    assert out.name == "bien-lai-dang-phi-nguyen-van-an-sinh-1985-2026.pdf"


def test_a_branch_without_namesakes_prints_every_name_as_it_is(services: Services, tmp_path: Path) -> None:
    ids = branch(services, namesakes=False)
    minutes, _out = printed(services, MINUTES, meeting(services, ids), tmp_path)
    assert "Chủ trì: Nguyễn Văn An." in minutes and "(sinh" not in minutes
    register, _out = printed(services, REGISTER, ON.year, tmp_path)
    assert "Nguyễn Văn An x" in register and "(sinh" not in register
    fund = loan_to(services, ids["elder"])
    statement, _out = printed(services, FUND_STATEMENT, FundPeriod(fund, parse_period("2026")), tmp_path)
    assert "Nguyễn Văn An 3.000.000" in statement and "(sinh" not in statement
    ledger, out = printed(services, LEDGER, ids["elder"], tmp_path)
    assert "Đảng viên: Nguyễn Văn An " in ledger and "(sinh" not in ledger
    assert out.name == f"so-vay-nguyen-van-an-{TODAY.isoformat()}.pdf"
    _form, out = printed(services, MEMBER_REVIEW, ids["elder"], tmp_path)
    assert out.name == "phieu-theo-doi-nguyen-van-an.pdf"


@pytest.mark.sqlite_only  # the quick path reads a file
def test_the_quick_minutes_tell_them_apart_as_the_usual_ones_do(tmp_path: Path) -> None:
    path = tmp_path / "branch.sqlite"
    db = open_database(path, tmp_path / "backups", clock=CLOCK)
    try:
        services = Services.build(db)
        services.organisation.save(SETUP)
        meeting_id = meeting(services, branch(services))
        usual, _out = printed(services, MINUTES, meeting_id, tmp_path)
    finally:
        db.close()
    assert print_minutes(path, meeting_id, tmp_path / "quick.pdf", CLOCK)
    quick = flat(pdf_text(tmp_path / "quick.pdf"))
    assert quick == usual and f"Chủ trì: {ELDER}." in quick
