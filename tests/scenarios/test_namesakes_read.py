"""Two members of the same name, "Nguyễn Văn An" born 1960 and 1985, where the window lists what happened to them
rather than offers them to pick: the log of changes, the fund's loans and the year's attendance register name each
with the year of birth, though only one of them was changed or borrowed; a name no one else has reads as it is."""

from dataclasses import replace
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.funds import FundSource, FundTerms, RateMethod, ScheduleKind
from chibo_desktop.domain.meetings import Mark, MeetingKind, MeetingRecord
from chibo_desktop.services.funds import LoanRequest
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.audit_dialog import AuditDialog
from tests.helpers.gui import choose_menu, click_button, click_row, click_tab, row_texts, settle, type_into
from tests.helpers.members import add_member
from tests.scenarios.test_namesakes import window_in

WORDS = {
    "vi": {
        "file": "Tệp",
        "log": "Nhật ký thay đổi…",
        "born": "sinh",
        "member": "Đảng viên",
        "show": "Xem",
        "funds": "Quỹ hỗ trợ vay vốn",
        "meetings": "Sinh hoạt chi bộ",
        "register": "Sổ theo dõi sinh hoạt",
    },
    "en": {
        "file": "File",
        "log": "Log of changes…",
        "born": "born",
        "member": "Member",
        "show": "Show",
        "funds": "Loan fund",
        "meetings": "Meetings",
        "register": "Attendance register",
    },
}


def two_an(services: Services) -> tuple[int, int]:
    elder = add_member(services, "Nguyễn Văn An", date_of_birth=date(1960, 4, 2))
    younger = add_member(services, "Nguyễn Văn An", date_of_birth=date(1985, 8, 30))
    add_member(services, "Trần Thị Bình")
    return elder, younger


def shown_log(qtbot: QtBot, dialog: AuditDialog) -> list[str]:
    """The log's "record" column once the list is read (the line under it says how many are shown)."""
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0 and dialog.summary.text().endswith("."), timeout=10000)
    return [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_log_of_changes_names_the_member_changed_by_the_year_of_birth(
    qtbot: QtBot, services: Services, language: str
) -> None:
    words = WORDS[language]
    _elder, younger = two_an(services)
    member = services.members.get(younger)
    services.members.update(younger, replace(member.record, phone="0912345678"))
    window = window_in(qtbot, services, language)

    choose_menu(window, words["file"], words["log"])
    dialog = window.findChild(AuditDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    records = shown_log(qtbot, dialog)
    born, member_word = words["born"], words["member"]
    assert records[0] == f"{member_word}: Nguyễn Văn An ({born} 1985)"  # the newest: the younger An's phone
    assert "0912345678" in dialog.table.item(0, 4).text()
    assert sorted(r for r in records if r.startswith(f"{member_word}: ")) == [
        f"{member_word}: Nguyễn Văn An ({born} 1960)",
        f"{member_word}: Nguyễn Văn An ({born} 1985)",
        f"{member_word}: Nguyễn Văn An ({born} 1985)",
        f"{member_word}: Trần Thị Bình",
    ]
    assert f"{member_word}: Nguyễn Văn An" not in records  # never the name alone: which An would it be?

    type_into(dialog.search, f"{born} 1985")  # what the secretary reads can be searched for
    click_button(dialog, words["show"])
    found = shown_log(qtbot, dialog)
    assert found and all(r.endswith(f"Nguyễn Văn An ({born} 1985)") for r in found), found


def test_a_log_without_namesakes_names_members_as_they_are(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    add_member(services, "Nguyễn Văn An", date_of_birth=date(1960, 4, 2))
    add_member(services, "Trần Thị Bình")
    window = window_in(qtbot, services, "vi")
    choose_menu(window, "Tệp", "Nhật ký thay đổi…")
    dialog = window.findChild(AuditDialog)
    assert dialog is not None
    qtbot.addWidget(dialog)
    members = sorted(r for r in shown_log(qtbot, dialog) if r.startswith("Đảng viên: "))
    assert members == ["Đảng viên: Nguyễn Văn An", "Đảng viên: Trần Thị Bình"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_loans_and_the_register_name_the_two_by_their_year_of_birth(
    qtbot: QtBot, services: Services, language: str
) -> None:
    words = WORDS[language]
    born = words["born"]
    elder, younger = two_an(services)
    terms = FundTerms(max_loan=10_000_000, term_months=6, rate_method=RateMethod.FLAT, rate=0)
    fund = services.funds.save_fund(None, "Quỹ quay vòng vốn chi bộ", FundSource.OWN, "Phan Thu Mai", terms).ids[0]
    request = LoanRequest(
        fund,
        younger,
        "Nhà bị sạt lở",
        "Sửa nhà",
        3_000_000,
        6,
        RateMethod.NONE,
        0,
        ScheduleKind.EQUAL_PRINCIPAL,
        date(2026, 2, 1),
        decision_no="04-NQ/CB",
    )
    services.funds.grant_loan(request)
    on = date(2026, 10, 14)
    lines = tuple(
        replace(line, mark=Mark.UNEXCUSED) if line.member_id == elder else line
        for line in services.meetings.draft_lines(on)
    )
    record = MeetingRecord(kind=MeetingKind.REGULAR, on=on, place="Nhà văn hóa ấp Sáu", chair_id=younger)
    services.meetings.create(record, lines)
    window = window_in(qtbot, services, language)

    funds = window.funds_view
    click_tab(window.tabs, words["funds"])
    qtbot.waitUntil(lambda: funds.fund_model.rowCount() == 1, timeout=10000)
    click_row(funds.fund_table, 0)
    settle(window.tasks)
    assert row_texts(funds.loan_table, 0) == [f"Nguyễn Văn An ({born} 1985)"]  # the elder An borrowed nothing

    click_tab(window.tabs, words["meetings"])
    click_tab(window.meetings_view.inner, words["register"])
    grid = window.meetings_view.grid
    assert row_texts(grid, 0)[:3] == [f"Nguyễn Văn An ({born} 1960)", f"Nguyễn Văn An ({born} 1985)", "Trần Thị Bình"]
