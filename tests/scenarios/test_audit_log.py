"""The log of changes as the secretary opens it from the menu and prints it: labels and Vietnamese values, the
moment as 22/11/2026 09:00, never the database's own names."""

import re

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.audit_dialog import AuditDialog
from tests.helpers.demo import demo_window
from tests.helpers.gui import choose_menu, click_button
from tests.services.test_audit import CODES, SNAKE


def test_the_log_on_screen_and_on_paper_speaks_vietnamese(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services, members=20)
    services.access.set_password("bi-thu-2026", "bi-thu-2026", 5)

    choose_menu(window, "Tệp", "Nhật ký thay đổi…")
    dialog = window.findChild(AuditDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 100, timeout=20000)
    table = dialog.table
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert all(re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d", row[0]) for row in cells)
    words = [w for row in cells for text in row[1:] for line in text.splitlines() for w in re.split(r": | → ", line)]
    assert [w for w in words if SNAKE.search(w) or w in CODES] == []
    assert [cells[0][0], cells[0][2], cells[0][3]] == ["22/11/2026 09:00", "Mật khẩu khi mở", "sửa"]
    assert "tự khóa sau số phút không dùng (0: không khóa): 10 → 5" in cells[0][4]
    assert any("loại: Giải ngân" in row[4] for row in cells)

    with qtbot.waitSignal(window.printing.preview_ready, timeout=30000) as shown:
        click_button(dialog, "In…")
    text = " ".join(page.extract_text() for page in PdfReader(shown.args[0].pdf).pages)
    assert "NHẬT KÝ THAY ĐỔI DỮ LIỆU" in text and "Mật khẩu khi mở" in text and "Giải ngân" in text
    assert "22/11/2026 09:00" in text and "disbursement" not in text and "app_lock" not in text
