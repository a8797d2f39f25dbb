"""Every window and dialog fits the usual office screen, 1366×768 less the taskbar (728 pixels high), with room
for its title bar, and each of its buttons is on that screen (or in a list that scrolls to it).

The suite runs on such a screen (tests/conftest.py); the offscreen platform draws no title bar, so one is added.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QStyle,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.members import STATUS_LABELS, Status
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.access_dialogs import UnlockDialog
from chibo_desktop.ui.approve_dialog import ApproveDialog
from chibo_desktop.ui.crash import CrashDialog
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.print_preview import PreviewDialog
from tests.helpers.demo import demo_window
from tests.helpers.gui import click_button, click_row, click_tab, find_row, settle, windows

SCREEN = QRect(0, 0, 1366, 728)
TITLE_BAR = 32  # a Windows 10 title bar and border at 100 %, which the offscreen platform does not draw


def problems(window: QWidget) -> list[str]:
    """What of *window* would not be on the screen."""
    name = f"{type(window).__name__} “{window.windowTitle()}”"
    found = []
    area = window.geometry()
    if area.width() > SCREEN.width() or area.height() + TITLE_BAR > SCREEN.height():
        found.append(f"{name} is {area.width()}×{area.height()} (+{TITLE_BAR} title bar)")
    if not SCREEN.contains(area):
        found.append(f"{name} is placed at {area.x()},{area.y()}–{area.right()},{area.bottom()}, off the screen")
    for hint, size in (("size hint", window.sizeHint()), ("minimum size", window.minimumSizeHint())):
        if size.width() > SCREEN.width() or size.height() + TITLE_BAR > SCREEN.height():
            found.append(f"{name} has a {hint} of {size.width()}×{size.height()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or scrolls(button, window):
            continue
        where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        on_screen = where.translated(area.topLeft())
        if not window.rect().contains(where) or not SCREEN.contains(on_screen):
            found.append(f"{name}: the button “{button.text()}” is at {on_screen.getCoords()}, off the screen")
    return found


def scrolls(widget: QWidget, window: QWidget) -> bool:
    """Inside a list or area that scrolls (so a person can bring it into view)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
            return True
        parent = parent.parentWidget()
    return False


def every_page(window: QWidget) -> Iterator[None]:
    """Show each page of each tab widget in turn (buttons on hidden pages are laid out when shown)."""
    yield
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisibleTo(window):
            continue
        for index in range(tabs.count()):
            if tabs.isTabEnabled(index) and tabs.isTabVisible(index):
                click_tab(tabs, tabs.tabText(index).replace("&", ""))
                QApplication.processEvents()
                yield


def check(window: QWidget, found: list[str]) -> None:
    QApplication.processEvents()
    for _page in every_page(window):
        found.extend(p for p in problems(window) if p not in found)


@pytest.fixture(params=["vi", "en"])
def window(request: pytest.FixtureRequest, qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    """The sample branch's window in each language (English words are often longer)."""
    switch = LanguageSwitch()
    assert switch.use(request.param)
    yield demo_window(qtbot, services, request.param)
    switch.use("en")


def tr(context: str, text: str) -> str:
    """What the screen shows for *text* in the language in use."""
    return QCoreApplication.translate(context, text)


def opened(qtbot: QtBot, open_it: Callable[[], object]) -> list[QWidget]:
    """The windows that *open_it* puts on the screen."""
    before = windows()
    open_it()
    qtbot.waitUntil(lambda: bool(windows() - before), timeout=10000)
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]


def close(dialogs: list[QWidget]) -> None:
    for dialog in dialogs:
        dialog.hide()  # not close(): an editor with changes would ask; this test only looks


def test_every_window_and_dialog_fits_an_office_screen(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    found: list[str] = []
    check(window, found)
    for tab in range(window.tabs.count()):
        click_tab(window.tabs, window.tabs.tabText(tab).replace("&", ""))
        check(window, found)

    click_tab(window.tabs, window.tabs.tabText(0).replace("&", ""))
    roster = window.roster_view.table
    click_row(roster, 0)
    meetings = services.meetings.list_meetings(None)
    approved = next(m.id for m in meetings if m.locked)
    draft = next(m.id for m in meetings if not m.locked)
    draft_year = meetings[0].on.year

    openers: list[tuple[str, Callable[[], object]]] = [
        ("new member", window.new_member),
        ("open member", window.open_selected),
        ("new meeting", window.new_meeting),
        ("approved meeting", lambda: window.open_meeting(approved)),
        ("approval", lambda: ApproveDialog(services.meetings, draft, window).show()),
        ("plan", lambda: window.edit_plan(draft_year)),
        ("rules", window.edit_rules),
        ("setup", window.edit_setup),
        ("terms", window.edit_terms),
        ("holidays", window.edit_holidays),
        ("export", window.export_package),
        ("packages", window.import_packages),
        ("keys", window.show_keys),
        ("restore", window.restore_backup),
        ("audit", window.show_audit),
        ("password", window.edit_password),
        ("unlock", lambda: UnlockDialog(services.access, window).show()),
        ("guide", window.show_guide),
        ("crash", lambda: CrashDialog("Traceback …\n" * 40, str(tmp_path / "chibo.log"), window).show()),
    ]
    book = tmp_path / "danh-sach.xlsx"
    sheet = Workbook()
    sheet.active.append(["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng"])
    sheet.active.append(["Nguyễn Văn An", "05/02/1970", "Nam", "19/05/1995"])
    sheet.save(book)
    openers.append(("import", lambda: window.import_members(book)))
    for label, open_it in openers:
        dialogs = opened(qtbot, open_it)
        settle(window.tasks)
        for dialog in dialogs:
            check(dialog, found)
            if label == "open member":
                for event in opened(qtbot, lambda d=dialog: click_button(d, tr("MemberDialog", "Record an event…"))):
                    check(event, found)
                    close([event])
            if label == "unlock":
                click_button(dialog, tr("UnlockDialog", "Forgot the password?"))
                check(dialog, found)
        close(dialogs)

    funds = window.funds_view
    click_tab(window.tabs, tr("MainWindow", "Loan fund"))
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        click_row(funds.fund_table, find_row(funds.fund_table, 0, lambda name: name.startswith("Vốn ủy thác")))
    loan = find_row(funds.loan_table, 7, lambda state: state == tr("FundsWidget", "Being repaid"))
    click_row(funds.loan_table, loan)
    for source in ("New fund…", "Fund terms…", "Capital in or out…", "New loan…", "Repayment…"):
        text = tr("FundsWidget", source)
        dialogs = opened(qtbot, lambda text=text: click_button(funds, text))
        for dialog in dialogs:
            check(dialog, found)
        close(dialogs)

    dues = window.dues_view
    click_tab(window.tabs, tr("MainWindow", "Party dues"))
    qtbot.waitUntil(lambda: dues.sheet is not None, timeout=10000)
    click_row(dues.table, 0)
    for source in ("Member's dues settings…", "Pay up to the upper level…"):
        text = tr("DuesWidget", source)
        dialogs = opened(qtbot, lambda text=text: click_button(dues, text))
        for dialog in dialogs:
            check(dialog, found)
        close(dialogs)

    review = window.review_view
    click_tab(window.tabs, tr("MainWindow", "Yearly review"))
    qtbot.waitUntil(lambda: review.model.rowCount() > 0, timeout=10000)
    click_row(review.table, 0)
    dialogs = opened(
        qtbot, lambda: click_button(review, tr("ReviewWidget", "Commendation or &discipline…").replace("&", ""))
    )
    for dialog in dialogs:
        check(dialog, found)
    close(dialogs)
    admissions = window.admissions_view
    click_tab(window.tabs, tr("MainWindow", "Admissions"))
    qtbot.waitUntil(lambda: admissions.model.rowCount() > 0, timeout=10000)
    click_row(admissions.table, 0)
    for source in ("&New candidate…", "Record the ne&xt step…"):
        text = tr("AdmissionsWidget", source).replace("&", "")
        dialogs = opened(qtbot, lambda text=text: click_button(admissions, text))
        for dialog in dialogs:
            check(dialog, found)
        close(dialogs)

    previews: list[PreviewDialog] = []
    window.printing.preview_ready.connect(previews.append)
    for open_it in (
        lambda: window.printing.print_minutes(approved),
        window.printing.print_members,
        lambda: window.printing.print_register(draft_year),
    ):
        count = len(previews)
        open_it()
        qtbot.waitUntil(lambda count=count: len(previews) > count, timeout=30000)
        preview = previews[-1]
        qtbot.waitUntil(lambda preview=preview: bool(preview.page_labels), timeout=30000)
        check(preview, found)
        viewport = preview.scroll.viewport().width()
        if (widest := max(label.width() for label in preview.page_labels)) > viewport:  # a page on its side too
            found.append(f"{preview.windowTitle()}: a page {widest} px wide in a view of {viewport} px")
        close([preview])
    job = window.printing.print_book(draft_year)
    progress = window.printing.progress_window
    QApplication.processEvents()
    if progress.isVisible():
        check(progress, found)
    job.cancel()
    settle(window.tasks)
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, QDialog) and dialog.isVisible():
            close([dialog])

    assert found == [], "\n".join(found)


def cut_texts(table: QTableView) -> list[str]:
    """The headings and cells of *table* that its columns show cut (the sort order's arrow beside a heading)."""
    header, model = table.horizontalHeader(), table.model()
    style = table.style()
    cell = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    found = []
    for column in range(model.columnCount()):
        width = header.sectionSize(column)
        heading = str(model.headerData(column, Qt.Orientation.Horizontal))
        if header.fontMetrics().horizontalAdvance(heading) + arrow > width:
            found.append(f"heading {heading!r} in {width} px")
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            if table.fontMetrics().horizontalAdvance(text) + cell > width:
                found.append(f"{text!r} in {width} px")
    return found


@pytest.mark.parametrize("width", [None, SCREEN.width()])
def test_the_roster_fits_the_window_on_an_office_screen_without_scrolling_sideways(
    qtbot: QtBot, window: MainWindow, width: int | None
) -> None:
    """As the window opens on a 1366×728 screen (1280 pixels wide) and made as wide as the screen: every column of
    the roster is in view, and no heading, status or other value of the sample branch is cut ("Probatio…")."""
    if width is not None:
        window.setGeometry(0, TITLE_BAR, width, SCREEN.height() - TITLE_BAR)  # as a maximised window
    assert SCREEN.contains(window.geometry())
    QApplication.processEvents()
    table = window.roster_view.table
    assert table.model().rowCount() > 50
    assert not table.horizontalScrollBar().isVisible() and table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    assert (
        header.sectionPosition(header.count() - 1) + header.sectionSize(header.count() - 1) <= table.viewport().width()
    )
    assert cut_texts(table) == []
    status = header.count() - 1
    for state, label in STATUS_LABELS.items():  # the statuses the sample does not have, too
        if state != Status.FORMER:  # listed only when asked for; read whole in its tooltip
            shown = tr("Status", label)
            need = table.fontMetrics().horizontalAdvance(shown) + 6
            assert need <= header.sectionSize(status), f"{shown!r} needs {need} px"
    statuses = {str(table.model().index(row, status).data()) for row in range(table.model().rowCount())}
    assert {tr("Status", "Official"), tr("Status", "Probationary")} <= statuses  # whole, in the column itself
