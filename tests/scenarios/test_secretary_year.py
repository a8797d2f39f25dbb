"""The secretary's year, from the empty database to a restored backup, through the real windows with the mouse
and keyboard only. Each step checks what the person sees: the text on screen, the row in the table, the printed
PDF read back."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application, first_run_setup
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import Database, open_database
from chibo_desktop.ui.backup_dialogs import RestoreDialog, StickPassphraseDialog
from chibo_desktop.ui.exchange_dialogs import ExportDialog, PackagesDialog
from chibo_desktop.ui.fund_dialogs import CapitalDialog, FundDialog, LoanDialog, RepaymentDialog
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.import_dialog import ImportDialog
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.meeting_dialog import MeetingDialog
from chibo_desktop.ui.member_dialog import MemberDialog
from chibo_desktop.ui.print_preview import PreviewDialog
from tests.helpers.days import CLOCK
from tests.helpers.gui import (
    answering_modal,
    button_texts,
    choose_menu,
    click,
    click_row,
    click_tab,
    double_click_row,
    field,
    find_button,
    find_row,
    key,
    new_window,
    row_texts,
    settle,
    type_into,
    type_text,
    windows,
)

ROSTER_FILE = [
    ("Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Tổ đảng / ấp"),
    ("Lê Thị Mai", "Nữ", "12/03/1980", "03/02/2005", "Tổ 1"),
    ("Nguyễn Văn Bình", "Nam", "07/09/1968", "19/05/1990", "Tổ 2"),
    ("Phạm Thị Lan", "Nữ", "25/12/1985", "02/09/2010", "Tổ 3"),
]

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing",
    # Saving with Ctrl+S after a reason was typed and Enter pressed: Qt warns, the reason is kept (checked in
    # the minutes below). Known, to be looked into in the attendance view.
    "QAbstractItemView::commitData called with an editor that does not belong to this view",
)

ROSTER_COLUMNS = {"name": 0}
IMPORT_COLUMNS = {"name": 1, "result": 8}
MEETING_COLUMNS = {"date": 0, "present": 3, "state": 5}
CTRL = Qt.KeyboardModifier.ControlModifier
STICK_PASSPHRASE = "mat-khau-usb-2026"
PASSPHRASE = "tan phu 2026"
PACKAGE_COLUMNS = {"file": 0, "branch": 1, "result": 5}
FUND_COLUMNS = {"name": 0, "cash": 2, "outstanding": 3}
LOAN_COLUMNS = {"borrower": 0, "outstanding": 4, "state": 7}
JOURNAL_COLUMNS = {"entry": 1, "amount": 2, "note": 4}


@pytest.fixture
def office(qapp: QApplication, db: Database, tmp_path: Path) -> Iterator[Application]:
    """The app as started on the secretary's computer: Vietnamese, an empty database, nothing set up yet.
    The first-run setup is the test's first step, so the window is opened there."""
    switch = LanguageSwitch()
    assert switch.use("vi")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    app = Application(qapp, Services.build(db), settings, switch)
    yield app
    app.tasks.wait()
    if app.window is not None:
        app.window.close()
    app.daily.stop()
    qapp.removeEventFilter(app.idle_lock)
    app.services.db.close()
    switch.use("en")


@pytest.fixture
def upper(qapp: QApplication, office: Application, tmp_path: Path) -> Iterator[Application]:
    """The commune Party committee's computer: its own, empty database (set up as a committee in the test)."""
    folder = tmp_path / "committee"
    folder.mkdir()
    db = open_database(folder / "chibo.sqlite", folder / "backups", clock=CLOCK)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    app = Application(qapp, Services.build(db), settings, office.languages)
    yield app
    app.tasks.wait()
    if app.window is not None:
        app.window.close()
    app.daily.stop()
    qapp.removeEventFilter(app.idle_lock)
    app.services.db.close()


def choose_item(combo: QComboBox, text: str) -> None:
    """Click into the box and step through it with the arrow keys until *text* shows, as a person would."""
    click(combo)
    QApplication.processEvents()
    popup = QApplication.activePopupWidget()
    if popup is not None:
        key(popup, Qt.Key.Key_Escape)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        key(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"no {text!r} in the box"


def write_roster(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in ROSTER_FILE:
        sheet.append(row)
    book.save(path)
    return path


def open_file(path: Path) -> Callable[[QWidget], None]:
    """Answer Qt's own file dialog as a person does: paste the path copied from the file manager into the file
    name box and press Enter. (Typed key by key, the box's completion turns "/tmp/x" into a name in the dialog's
    starting folder before Enter is pressed, under the test platform.)"""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None and name.isVisible(), "the file dialog has no file name box"
        click(name)
        QApplication.clipboard().setText(str(path))
        key(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        key(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        key(name, Qt.Key.Key_Return)

    return act


def import_roster(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    before = windows()
    with answering_modal(open_file(path)):
        choose_menu(window, "Tệp", "Nhập danh sách…")
    dialog = new_window(qtbot, ImportDialog, before)
    qtbot.waitUntil(lambda: "dòng mới" in dialog.summary.text(), timeout=10000)
    return dialog


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """The person clicks the window's title bar, so the window system makes it the active one again (it does
    so by itself when a dialog closes on a desktop; the test platform leaves no window active)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def pdf_text(path: Path) -> str:
    assert path.read_bytes()[:5] == b"%PDF-", f"{path} is not a PDF"
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def save_preview_as_pdf(qtbot: QtBot, preview: PreviewDialog, target: Path) -> str:
    """In the preview: wait for the pages, "Lưu thành PDF…", answer the save dialog; the PDF's text."""
    qtbot.waitUntil(lambda: preview.info.text().endswith("trang"), timeout=30000)
    with answering_modal(open_file(target)):
        click(find_button(preview, "Lưu thành PDF…"))
    assert preview.info.text() == f"Đã lưu {target}."
    return pdf_text(target)


def approve(box: QWidget) -> None:
    """Say yes to the approval's confirmation (a plain question, or the dialog that also takes the date)."""
    assert box.windowTitle() == "Thông qua biên bản", box.windowTitle()
    if isinstance(box, QMessageBox):
        yes = box.button(QMessageBox.StandardButton.Yes)
        assert yes is not None, f"the question offers {button_texts(box)}"
        click(yes)
    else:
        click(find_button(box, "Thông qua và khóa"))


def test_the_secretarys_year(qtbot: QtBot, office: Application, upper: Application, tmp_path: Path) -> None:
    # 1. First run: the database is empty, so the setup asks who keeps it; the secretary types and saves.
    def set_up(dialog: QWidget) -> None:
        assert dialog.windowTitle() == "Thiết lập tệp dữ liệu"
        type_into(field(dialog, "Tên chi bộ"), "Chi bộ ấp Tân Phú")
        type_into(field(dialog, "Cấp trên trực tiếp"), "Đảng ủy xã Tân Hùng")
        type_into(field(dialog, "Địa danh trên văn bản"), "Tân Hùng")
        hamlets = field(dialog, "Các tổ đảng hoặc ấp")
        type_into(hamlets, "Tổ 1")
        key(hamlets, Qt.Key.Key_Return)
        type_into(hamlets, "Tổ 2", select_all=False)
        click(find_button(dialog, "Lưu"))

    with answering_modal(set_up):
        assert first_run_setup(office.services)
    window = office.open_window()
    qtbot.waitUntil(lambda: window.isVisible() and "Chi bộ ấp Tân Phú" in window.windowTitle(), timeout=10000)
    roster = window.roster_view.table

    # 2. A new member: a date that does not exist is refused beside its field; corrected, the row appears.
    before = windows()
    click(find_button(window.findChild(QToolBar, "main_toolbar"), "Thêm đảng viên"))
    member = new_window(qtbot, MemberDialog, before)
    type_into(field(member, "Họ và tên *"), "Trần Văn Hùng")
    choose_item(field(member, "Giới tính *"), "Nam")  # type: ignore[arg-type]
    birth = field(member, "Ngày sinh *")
    type_into(birth, "31/02/1975")
    choose_item(field(member, "Tổ đảng / ấp"), "Tổ 2")  # type: ignore[arg-type]
    click_tab(member.tabs, "Quá trình vào Đảng")
    type_into(field(member, "Ngày vào Đảng *"), "19/05/2001")
    key(field(member, "Ngày vào Đảng *"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert member.isVisible(), "a member with 31/02 as birthday was saved"
    assert member.errors.visible_text("date_of_birth") == "Tháng 02/1975 không có ngày 31 (tháng này có 28 ngày)."
    assert birth.isVisible(), "the form did not go back to the field that is wrong"
    type_into(birth, "28/02/1975")
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        click(find_button(member, "Lưu"))
    assert not member.isVisible()
    assert "Trần Văn Hùng" in row_texts(roster, ROSTER_COLUMNS["name"])

    # 3. The roster kept in a spreadsheet: one of its people is in a cell the setup does not have yet. The
    # preview says so on that row and offers the cell once; ticked, all three are imported.
    roster_file = write_roster(tmp_path / "danh-sach.xlsx")
    preview = import_roster(qtbot, window, roster_file)
    results = row_texts(preview.table, IMPORT_COLUMNS["result"])
    assert results == ["mới", "mới", "mới, thuộc tổ mới"], results
    find_button(preview, "Nhập 2 đảng viên mới")
    click(find_button(preview, "Thêm các tổ này vào chi bộ"))
    with qtbot.waitSignal(window.roster_loaded, timeout=20000):
        click(find_button(preview, "Nhập 3 đảng viên mới"))
    qtbot.waitUntil(lambda: not preview.isVisible() or "Tổ 3" in preview.summary.text(), timeout=10000)
    names = row_texts(roster, ROSTER_COLUMNS["name"])
    assert sorted(names) == sorted(["Trần Văn Hùng", "Lê Thị Mai", "Nguyễn Văn Bình", "Phạm Thị Lan"])

    # 4. The meeting of the month, by keyboard: Ctrl+M, then the attendance list: find a name, Enter, one key.
    click_tab(window.tabs, "Sinh hoạt chi bộ")
    meetings = window.meetings_view
    before = windows()
    back_to(qtbot, window)
    key(meetings.list_view, Qt.Key.Key_M, CTRL)
    meeting = new_window(qtbot, MeetingDialog, before)
    type_into(field(meeting, "Địa điểm"), "Nhà văn hóa ấp Tân Phú")
    type_into(field(meeting, "Thời gian"), "19:30")  # the box beside the label is the start; the end follows
    type_into(meeting.end, "21:15")
    click_tab(meeting.tabs, "Điểm danh")
    attendance = meeting.attendance
    type_into(attendance.search, "lan")  # tone marks not needed
    key(attendance.search, Qt.Key.Key_Return)
    key(attendance.table, Qt.Key.Key_P)  # absent with reason: the reason is typed next
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "P did not open the reason for typing"
    type_text(editor, "Đi khám bệnh")
    key(editor, Qt.Key.Key_Return)
    type_into(attendance.search, "binh")
    key(attendance.search, Qt.Key.Key_Return)
    key(attendance.table, Qt.Key.Key_K)
    counts = attendance.counts.text()
    assert counts.startswith("Có mặt 2/4 đảng viên phải dự"), counts
    assert "vắng có lý do 1, không lý do 1" in counts, counts
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        key(attendance.table, Qt.Key.Key_S, CTRL)
    assert meeting.message.text() == "Đã lưu.", meeting.message.text()

    # 5. Approving asks first (approved minutes can no longer be changed); yes, and the list says so.
    with answering_modal(approve):
        click(find_button(meeting, "Thông qua biên bản"))
    assert not meeting.isVisible()
    qtbot.waitUntil(lambda: row_texts(meetings.list_view, MEETING_COLUMNS["state"]) == ["đã thông qua"], timeout=10000)
    row = find_row(meetings.list_view, MEETING_COLUMNS["date"], lambda on: on == "22/11/2026")
    assert row_texts(meetings.list_view, MEETING_COLUMNS["present"])[row] == "2/4"

    # 6. The minutes, opened from the list, previewed and saved as a PDF that says what happened.
    before = windows()
    double_click_row(meetings.list_view, row)
    approved = new_window(qtbot, MeetingDialog, before)
    before = windows()
    click(find_button(approved, "Xem trước và in…"))
    preview = new_window(qtbot, PreviewDialog, before, timeout=30000)
    text = save_preview_as_pdf(qtbot, preview, tmp_path / "bien-ban.pdf")
    for expected in (
        "CHI BỘ ẤP TÂN PHÚ",
        "Địa điểm: Nhà văn hóa ấp Tân Phú",
        "Có mặt: 2/4",
        "Phạm Thị Lan",
        "Đi khám bệnh",
        "Nguyễn Văn Bình",
    ):
        assert expected in text, f"{expected!r} is not in the minutes: {text[:600]}"
    click(find_button(preview, "Đóng"))
    click(find_button(approved, "Đóng"))

    # 7. The loan fund: a fund, its capital, a loan paid out to a member.
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    back_to(qtbot, window)
    before = windows()
    click(find_button(funds, "Quỹ mới…"))
    fund = new_window(qtbot, FundDialog, before)
    type_into(field(fund, "Tên"), "Quỹ tương trợ đảng viên")
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        key(field(fund, "Tên"), Qt.Key.Key_S, CTRL)
    assert not fund.isVisible(), fund.message.text()
    assert row_texts(funds.fund_table, FUND_COLUMNS["name"]) == ["Quỹ tương trợ đảng viên"]
    click_row(funds.fund_table, 0)
    settle(window.tasks)

    back_to(qtbot, window)
    before = windows()
    click(find_button(funds, "Thu, chi vốn…"))
    capital = new_window(qtbot, CapitalDialog, before)
    type_into(field(capital, "Số tiền (đồng)"), "20000000")
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        key(field(capital, "Số tiền (đồng)"), Qt.Key.Key_S, CTRL)
    assert not capital.isVisible(), capital.message.text()
    assert row_texts(funds.fund_table, FUND_COLUMNS["cash"]) == ["20.000.000 đ"]

    back_to(qtbot, window)
    before = windows()
    click(find_button(funds, "Cho vay…"))
    loan = new_window(qtbot, LoanDialog, before)
    choose_item(field(loan, "Người vay"), "Phạm Thị Lan")  # type: ignore[arg-type]
    type_into(field(loan, "Hoàn cảnh khó khăn"), "Nhà bị sạt lở")
    type_into(field(loan, "Mục đích vay"), "Sửa nhà")
    type_into(field(loan, "Số tiền (đồng)"), "5000000")
    type_into(field(loan, "hoặc theo số quyết định"), "05-NQ/CB")
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        key(field(loan, "Số tiền (đồng)"), Qt.Key.Key_S, CTRL)
    assert not loan.isVisible(), loan.message.text()
    assert row_texts(funds.fund_table, FUND_COLUMNS["cash"]) == ["15.000.000 đ"]

    # 8. Click the loan, take a repayment; click the journal line, reverse it with a reason.
    click_tab(funds.inner, "Các món vay")
    row = find_row(funds.loan_table, LOAN_COLUMNS["borrower"], lambda name: name == "Phạm Thị Lan")
    assert row_texts(funds.loan_table, LOAN_COLUMNS["state"])[row] == "Đang trả nợ"
    click_row(funds.loan_table, row)
    settle(window.tasks)
    back_to(qtbot, window)
    before = windows()
    click(find_button(funds, "Thu nợ…"))
    repayment = new_window(qtbot, RepaymentDialog, before)
    assert "Phạm Thị Lan" in repayment.windowTitle()
    type_into(field(repayment, "Số tiền (đồng)"), "1000000")
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        key(field(repayment, "Số tiền (đồng)"), Qt.Key.Key_S, CTRL)
    assert not repayment.isVisible()
    assert row_texts(funds.loan_table, LOAN_COLUMNS["outstanding"]) == ["4.000.000 đ"]

    click_tab(funds.inner, "Sổ quỹ")
    assert row_texts(funds.entry_table, JOURNAL_COLUMNS["entry"])[0].startswith("Thu nợ gốc")
    click_row(funds.entry_table, 0)
    settle(window.tasks)
    back_to(qtbot, window)

    def give_reason(box: QWidget) -> None:
        reason = box.findChild(QLineEdit)
        assert reason is not None
        type_into(reason, "Thu trùng")
        key(reason, Qt.Key.Key_Return)

    with qtbot.waitSignal(funds.loaded, timeout=10000), answering_modal(give_reason):
        click(find_button(funds, "Đảo bút toán…"))
    entries = row_texts(funds.entry_table, JOURNAL_COLUMNS["entry"])
    assert entries[0].startswith("Đảo: ") and "Thu nợ gốc (đã đảo)" in entries, entries
    assert row_texts(funds.entry_table, JOURNAL_COLUMNS["note"])[0] == "Thu trùng"
    click_tab(funds.inner, "Các món vay")
    assert row_texts(funds.loan_table, LOAN_COLUMNS["outstanding"]) == ["5.000.000 đ"]

    # 9. The fund's statement of the year, previewed and saved: what came in, went out, and is owed.
    back_to(qtbot, window)
    before = windows()
    click(find_button(funds, "In báo cáo quỹ…"))
    preview = new_window(qtbot, PreviewDialog, before, timeout=30000)
    assert preview.windowTitle() == "Báo cáo quỹ năm 2026"
    text = save_preview_as_pdf(qtbot, preview, tmp_path / "bao-cao-quy.pdf")
    for expected in ("Quỹ tương trợ đảng viên", "Phạm Thị Lan", "20.000.000", "5.000.000", "15.000.000"):
        assert expected in text, f"{expected!r} is not in the statement: {text[:800]}"
    click(find_button(preview, "Đóng"))

    # 10. The package for the upper level, written to a folder (the USB stick) under a passphrase.
    stick = tmp_path / "usb"
    stick.mkdir()
    back_to(qtbot, window)
    before = windows()
    choose_menu(window, "Trao đổi dữ liệu", "Gửi dữ liệu lên cấp trên…")
    export = new_window(qtbot, ExportDialog, before)
    with answering_modal(open_file(stick)):
        click(find_button(export, "Chọn thư mục…"))
    type_into(field(export, "Mật khẩu"), PASSPHRASE)
    type_into(field(export, "Nhập lại"), PASSPHRASE)
    click(find_button(export, "Ghi gói dữ liệu"))
    qtbot.waitUntil(lambda: export.message.text().startswith("Đã ghi"), timeout=30000)
    packages = sorted(stick.glob("*.chibo"))
    assert len(packages) == 1 and packages[0].name in export.message.text(), export.message.text()
    click(find_button(export, "Đóng"))

    # 11. At the commune committee: its database is set up as a committee, and the stick's package taken in.
    def set_up_committee(dialog: QWidget) -> None:
        levels = {b.text(): b for b in dialog.findChildren(QRadioButton)}
        click(levels["Cấp ủy trên các chi bộ (đảng ủy xã, phường …)"])
        type_into(field(dialog, "Tên cấp ủy"), "Đảng ủy xã Tân Hùng")
        type_into(field(dialog, "Cấp trên trực tiếp"), "Huyện ủy Cái Nước")
        type_into(field(dialog, "Địa danh trên văn bản"), "Tân Hùng")
        click(find_button(dialog, "Lưu"))

    with answering_modal(set_up_committee):
        assert first_run_setup(upper.services)
    committee = upper.open_window()
    qtbot.waitUntil(lambda: committee.windowTitle() == "Hồ sơ các chi bộ — Đảng ủy xã Tân Hùng", timeout=10000)
    before = windows()
    choose_menu(committee, "Trao đổi dữ liệu", "Nhận dữ liệu của các chi bộ…")
    intake = new_window(qtbot, PackagesDialog, before)
    type_into(field(intake, "Mật khẩu (nếu chi bộ dùng mật khẩu)"), PASSPHRASE)
    with answering_modal(open_file(stick)):  # the folder picked is checked at once, with the passphrase typed
        click(find_button(intake, "Chọn thư mục (ổ có gói của nhiều chi bộ)…"))
    qtbot.waitUntil(lambda: intake.table.rowCount() == 1 and intake.import_button.isEnabled(), timeout=30000)
    assert row_texts(intake.table, PACKAGE_COLUMNS["branch"]) == ["Chi bộ ấp Tân Phú"]
    assert row_texts(intake.table, PACKAGE_COLUMNS["result"]) == ["Sẵn sàng nhập"]
    compared: list[str] = []

    def fingerprint_matches(box: QWidget) -> None:  # the branch read its key's fingerprint out on the phone
        assert box.objectName() == "compare_fingerprint"
        compared.append(box.findChild(QLabel, "qt_msgbox_label").text())  # type: ignore[union-attr]
        click(box.findChild(QAbstractButton, "matches"))  # type: ignore[arg-type]

    with qtbot.waitSignal(committee.roster_loaded, timeout=30000), answering_modal(fingerprint_matches):
        click(find_button(intake, "Nhập"))
    assert compared and "Chi bộ ấp Tân Phú" in compared[0]
    receipt_name = next(stick.glob("*.chibo-ack")).name
    assert row_texts(intake.table, PACKAGE_COLUMNS["result"]) == [
        f"Đã nhập; đã ghi giấy báo nhận cho chi bộ bên cạnh gói: {receipt_name}"  # the clerk knows to hand it back
    ]
    click(find_button(intake, "Đóng"))
    names = row_texts(committee.roster_view.table, ROSTER_COLUMNS["name"])
    assert sorted(names) == sorted(["Trần Văn Hùng", "Lê Thị Mai", "Nguyễn Văn Bình", "Phạm Thị Lan"])
    receipts = sorted(stick.glob("*.chibo-ack"))
    assert len(receipts) == 1, "no receipt was written beside the package for the branch"

    # 12. Back at the branch, the receipt (.chibo-ack) would be taken in here. Not yet possible: the packages
    # dialog's "Kiểm tra" skips receipts and leaves "Nhập" greyed out, so a person cannot take one in (the
    # intake is being reworked on main). The chain goes on with what does not depend on it.

    # 13. A backup on a stick; a member added afterwards; the backup restored after the question: the roster
    # is back as it was at the backup.
    backup_stick = tmp_path / "usb-backup"
    backup_stick.mkdir()
    back_to(qtbot, window)

    def when_next_modal(act: Callable[[QWidget], None], kind: type[QWidget]) -> None:
        """*act* on the next modal dialog of *kind* (the one a first dialog's answer opens)."""

        def attempt() -> None:
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, kind):
                QTimer.singleShot(0, attempt)
                return
            act(modal)

        QTimer.singleShot(0, attempt)

    def lock(dialog: QWidget) -> None:
        assert isinstance(dialog, StickPassphraseDialog)
        type_text(dialog.passphrase, STICK_PASSPHRASE)
        type_text(dialog.repeat, STICK_PASSPHRASE)
        click(dialog.ok_button)

    def pick_folder_then_lock(dialog: QWidget) -> None:
        when_next_modal(lock, StickPassphraseDialog)
        open_file(backup_stick)(dialog)

    with qtbot.waitSignal(window.backup.finished, timeout=30000), answering_modal(pick_folder_then_lock):
        choose_menu(window, "Tệp", "Sao lưu ra thư mục hoặc USB…")
    told = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
    assert told and "Bản sao lưu đã được ghi và đọc lại kiểm tra" in told[0].text()
    click(told[0].button(QMessageBox.StandardButton.Ok))
    copies = sorted(p for p in backup_stick.rglob("*") if p.is_file())
    assert len(copies) == 1, copies

    back_to(qtbot, window)
    before = windows()
    click(find_button(window.findChild(QToolBar, "main_toolbar"), "Thêm đảng viên"))
    late = new_window(qtbot, MemberDialog, before)
    type_into(field(late, "Họ và tên *"), "Võ Thị Thu")
    choose_item(field(late, "Giới tính *"), "Nữ")  # type: ignore[arg-type]
    type_into(field(late, "Ngày sinh *"), "01/06/1990")
    click_tab(late.tabs, "Quá trình vào Đảng")
    type_into(field(late, "Ngày vào Đảng *"), "03/02/2020")
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        key(field(late, "Ngày vào Đảng *"), Qt.Key.Key_S, CTRL)
    assert "Võ Thị Thu" in row_texts(roster, ROSTER_COLUMNS["name"])

    back_to(qtbot, window)
    before = windows()
    choose_menu(window, "Tệp", "Khôi phục từ bản sao lưu…")
    restore = new_window(qtbot, RestoreDialog, before)

    # The copy on the stick is listed beside the automatic ones, saying what it holds; restoring it asks first,
    # naming the member entered since, who would no longer show.
    qtbot.waitUntil(lambda: any(w.startswith("Có khóa, tại") for w in row_texts(restore.table, 1)), timeout=10000)
    on_stick = find_row(restore.table, 1, lambda where: where == f"Có khóa, tại {backup_stick}")
    click_row(restore.table, on_stick)
    assert str(copies[0]) in restore.preview.text() and "4 đảng viên" in restore.preview.text()
    assert "Khôi phục bản này sẽ làm mất: 1 đảng viên" in restore.preview.text(), restore.preview.text()
    asked: list[str] = []

    def go_back(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text() + "\n" + box.informativeText())
        click(find_button(box, "Vẫn khôi phục"))

    def unlock(box: QWidget) -> None:
        answer = box.findChild(QLineEdit)
        when_next_modal(go_back, QMessageBox)  # once the copy is opened and compared with the data open now
        type_text(answer, STICK_PASSPHRASE)
        key(answer, Qt.Key.Key_Return)

    with answering_modal(unlock):
        click(find_button(restore, "Khôi phục"))
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    assert "4 đảng viên, 1 cuộc họp, 1 khoản vay" in asked[0], asked
    assert "• 1 đảng viên: Võ Thị Thu" in asked[0], asked
    restored = office.window
    assert restored is not None and restored is not window
    qtbot.waitUntil(lambda: row_texts(restored.roster_view.table, ROSTER_COLUMNS["name"]) != [], timeout=20000)
    names = row_texts(restored.roster_view.table, ROSTER_COLUMNS["name"])
    assert sorted(names) == sorted(["Trần Văn Hùng", "Lê Thị Mai", "Nguyễn Văn Bình", "Phạm Thị Lan"])
