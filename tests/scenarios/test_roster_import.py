"""A roster kept in the official register's layout taken in from the window: the preview shows what was read of
each row, the cells the setup lacks are offered once, a transfer is not an admission, and the end is said."""

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFileDialog
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.import_dialog import ImportDialog
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.gui import choose_menu, click, click_button, find_button
from tests.helpers.popups import on_next_modal, pick_in_file_dialog
from tests.services.test_roster_io import register


def _row(dialog: ImportDialog, name: str) -> list[str]:
    table = dialog.table
    for row in range(table.rowCount()):
        texts = [table.item(row, column).text() for column in range(table.columnCount())]
        if name in texts:
            return texts
    raise AssertionError(f"no row for {name}")


def test_a_register_with_new_cells_and_a_transfer(
    qtbot: QtBot, services: Services, tmp_path: Path, vietnamese: None
) -> None:
    path = register(
        tmp_path / "so-dang-vien.xlsx",
        [
            [1, "Nguyễn Thị Bích", "05/02/1970", "Nữ\nKinh\nKhông", "", "05/02/1995\n05/02/1996", "", "", "", "Tổ 1"],
            [2, "Lâm Văn Tư", "01/03/1975", "Nam, Khmer, Phật giáo", "", "19/05/2000, 19/05/2001", "",
             "01/06/2020\nĐảng bộ xã Tân Phú", "", "Tổ 9"],
            [3, "Danh Thị Út", "10/10/1980", "Nữ, Khmer, Phật giáo", "", "03/02/2025", "", "", "", "Ấp Mới"],
        ],
    )  # fmt: skip
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        window.show()

    picked = on_next_modal(pick_in_file_dialog(qtbot, str(tmp_path), path.name), QFileDialog)
    choose_menu(window, "Tệp", "Nhập danh sách…")
    assert picked, "no file dialog opened"
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=10000)

    bich, tu, ut = _row(dialog, "Nguyễn Thị Bích"), _row(dialog, "Lâm Văn Tư"), _row(dialog, "Danh Thị Út")
    assert {"05/02/1970", "Tổ 1", "Kinh", "05/02/1995", "05/02/1996", "Chính thức", "mới"} <= set(bich)
    assert {"01/03/1975", "Tổ 9", "Khmer", "19/05/2000", "Chính thức, chuyển đến 01/06/2020"} <= set(tu)
    assert {"10/10/1980", "Ấp Mới", "03/02/2025", "Dự bị"} <= set(ut)
    assert "mới, thuộc tổ mới" in tu and not any("Tổ 9" in text for text in tu[-1:])  # no error per row
    assert "Tổ 9, Ấp Mới" in dialog.new_cells.text()  # the new cells, said once
    assert find_button(dialog, "Nhập 1 đảng viên mới").isEnabled()

    click(dialog.findChild(QCheckBox, "create_cells"))
    click_button(dialog, "Nhập 3 đảng viên mới")
    qtbot.waitUntil(lambda: "Đã nhập 3 đảng viên" in dialog.summary.text(), timeout=10000)
    assert "Tổ 9, Ấp Mới" in dialog.summary.text()
    qtbot.waitUntil(lambda: window.roster_view.model.rowCount() == 3, timeout=10000)
    assert [h.name for h in services.organisation.require().hamlets][-2:] == ["Tổ 9", "Ấp Mới"]
    click_button(dialog, "Đóng")
    assert not dialog.isVisible()
