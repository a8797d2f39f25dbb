"""The import preview of a roster typed in TCVN3: it shows the names converted, and says so."""

from pathlib import Path

from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.legacy_text import encode_tcvn3
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.import_dialog import ImportDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.gui import row_texts, settle

HEADINGS = ["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức", "Dân tộc"]
ROWS = [
    ["Nguyễn Văn Bền", "04/03/1980", "Nam", "19/05/2010", "20/05/2011", "Kinh"],
    ["Lê Thị Ửng", "05/06/1975", "Nữ", "03/02/2001", "03/02/2002", "Kinh"],
]
NAMES = [r[0] for r in ROWS]


def _csv(rows: list[list[str]]) -> str:
    return "\r\n".join(",".join(r) for r in [HEADINGS, *rows]) + "\r\n"


def test_the_import_preview_says_the_names_were_converted(
    qtbot: QtBot, services: Services, tmp_path: Path, vietnamese: None
) -> None:
    path = tmp_path / "danh-sach-abc.csv"
    path.write_bytes(encode_tcvn3(_csv(ROWS)))
    tasks = TaskRunner()
    dialog = ImportDialog(services.roster_io, path, lambda _change: None, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(tasks)
    note = dialog.findChild(QLabel, "encoding_note")
    assert note is not None and note.isVisible()
    assert note.text().startswith("Chữ tiếng Việt trong tệp được gõ bằng bảng mã cũ TCVN3 (ABC, .VnTime)")
    table = dialog.findChild(QTableWidget)
    assert table is not None and row_texts(table, 1) == NAMES
