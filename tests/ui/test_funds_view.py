"""The loan fund as a custodian uses it: grant a loan, take two repayments, reverse one, read the statement and
the overdue panel."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms, RateMethod, ScheduleKind
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.services.changes import Change
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.fund_dialogs import LoanDialog, RepaymentDialog
from chibo_desktop.ui.funds_view import FundsWidget
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.gui import answering_modal, click, click_row, click_tab, find_button, key, type_into


def test_grant_repay_reverse_and_read(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    member = services.members.add(
        MemberRecord(
            full_name="Kim Thị Sô Phi",
            gender="F",
            date_of_birth=date(1975, 1, 1),
            admission_date=date(2000, 5, 19),
            official_date=date(2001, 6, 1),
        )
    ).ids[0]
    fund_id = services.funds.save_fund(
        None,
        "Quỹ quay vòng vốn chi bộ",
        FundSource.OWN,
        "Đ/c Phan Thu Mai",
        FundTerms(
            max_loan=10_000_000,
            term_months=6,
            rate_method=RateMethod.FLAT,
            rate=50,
            schedule=ScheduleKind.EQUAL_PRINCIPAL,
        ),
    ).ids[0]
    services.funds.capital(fund_id, EntryKind.CONTRIBUTION, 20_000_000, date(2026, 1, 5))
    changes: list[Change] = []
    tasks = TaskRunner()
    widget = FundsWidget(
        services.funds,
        lambda: [(member, "Kim Thị Sô Phi")],
        lambda: [],
        changes.append,
        tasks,
        lambda: TODAY,
        lambda f, y: None,
        lambda m: None,
    )
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.view is not None, timeout=5000)

    loan = LoanDialog(
        services.funds, services.funds.fund(fund_id), [(member, "Kim Thị Sô Phi")], [], changes.append, TODAY
    )
    qtbot.addWidget(loan)
    loan.member.setCurrentIndex(1)
    loan.reason.setText("Chồng ốm nặng")
    loan.purpose.setText("Chữa bệnh")
    loan.amount.setText("6.000.000")
    loan.approved_on.setText("01/07/2026")
    loan.decision_no.setText("09-NQ/CB")
    loan.pay_on.setText("02/07/2026")
    loan.make_plan()
    assert (
        loan.plan.rowCount() == 6
        and loan.plan.item(0, 1).text() == "1.000.000 đ"
        and loan.plan.item(0, 2).text() == "30.000 đ"
    )
    loan.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert loan.message.text() == ""
    positions = services.funds.positions(fund_id, TODAY)
    assert len(positions) == 1 and positions[0].loan.borrower == "Kim Thị Sô Phi"

    for on in ("02/08/2026", "02/09/2026"):
        pos = services.funds.positions(fund_id, date(2026, 8, 2) if on.startswith("02/08") else date(2026, 9, 2))[0]
        repay = RepaymentDialog(services.funds, pos, changes.append, TODAY)
        qtbot.addWidget(repay)
        repay.amount.setText("1.030.000")
        assert repay.split.text() == "lãi, phí 30.000 đ; gốc 1.000.000 đ"
        repay.on.setText(on)
        repay.save()
        assert repay.message.text() == ""

    widget.refresh()
    qtbot.waitUntil(
        lambda: widget.entry_model.rowCount() == 6, timeout=5000
    )  # contribution, payout, 2 × (fee + principal)
    widget.show()
    click_tab(widget.inner, "Sổ quỹ")
    click_row(widget.entry_table, 0)  # the newest: the second repayment's principal

    def give_reason(box: QWidget) -> None:
        reason = box.findChild(QLineEdit)
        type_into(reason, "Thu trùng")
        key(reason, Qt.Key.Key_Return)

    with answering_modal(give_reason):
        click(find_button(widget, "Đảo bút toán…"))
    qtbot.waitUntil(lambda: widget.entry_model.rowCount() == 8, timeout=5000)  # its fee and principal are both reversed
    texts = [widget.entry_model.data(widget.entry_model.index(r, 1)) for r in range(widget.entry_model.rowCount())]
    assert texts[0].startswith("Đảo: ") and texts.count("Thu nợ gốc (đã đảo)") == 1

    statement = " ".join(widget.statement.toPlainText().split())
    assert (
        "Số dư đầu kỳ 0 đ" in statement
        and "Thu nợ gốc 1.000.000 đ" in statement
        and "Thu lãi, phí 30.000 đ" in statement
    )
    assert "Số dư cuối kỳ 15.030.000 đ" in statement and "Số liệu cân đối." in statement
    overdue = widget.overdue_model
    assert overdue.rowCount() == 1
    assert overdue.data(overdue.index(0, 0)) == "Kim Thị Sô Phi" and overdue.data(overdue.index(0, 5)) == "31-90"
    assert "PAR30" in widget.overdue_summary.text() and "100,0%" in widget.overdue_summary.text()


def test_a_member_s_contribution_is_named_without_waiting_for_the_members_listed_today(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    """The fund's lines come with the names of the members they name, read in the background. The members listed
    today (the dialogs' choices) need every member's state, which a large committee's roster works out for many
    seconds after its rows show: the list asked for them on the GUI thread, and the window froze meanwhile."""
    member = services.members.add(
        MemberRecord(
            full_name="Lò Văn Páo",
            gender="M",
            date_of_birth=date(1970, 3, 1),
            admission_date=date(1995, 5, 19),
            official_date=date(1996, 6, 1),
        )
    ).ids[0]
    fund_id = services.funds.save_fund(
        None,
        "Quỹ tương trợ",
        FundSource.OWN,
        "Đ/c Phan Thu Mai",
        FundTerms(max_loan=5_000_000, term_months=6, rate_method=RateMethod.FLAT, rate=0, schedule=ScheduleKind.AT_END),
    ).ids[0]
    services.funds.capital(fund_id, EntryKind.CONTRIBUTION, 500_000, date(2026, 1, 5), member_id=member)
    asked: list[str] = []
    widget = FundsWidget(
        services.funds,
        lambda: asked.append("members listed today") or [],
        lambda: [],
        lambda change: None,
        TaskRunner(),
        lambda: TODAY,
        lambda f, y: None,
        lambda m: None,
    )
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.view is not None, timeout=5000)
    named = [widget.entry_model.data(widget.entry_model.index(row, 3)) for row in range(widget.entry_model.rowCount())]
    assert named == ["Lò Văn Páo"] and asked == []
