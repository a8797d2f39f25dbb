"""Print preview, Save as PDF and printing from the same dialog; the year's book in the background."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services import printing
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.print_preview import PreviewDialog, print_pdf, save_copy
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY


def window(qtbot: QtBot, services: Services) -> MainWindow:
    write_demo(services.db, members=40, seed=3, today=TODAY, meeting_years=1)
    w = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.meetings_loaded, timeout=10000):
        w.show()
    return w


def test_preview_save_and_print_the_register(
    qtbot: QtBot, services: Services, vietnamese: None, tmp_path: Path
) -> None:
    w = window(qtbot, services)
    with qtbot.waitSignal(w.printing.preview_ready, timeout=20000) as signal:
        w.printing.print_register(2026)
    dialog = signal.args[0]
    assert isinstance(dialog, PreviewDialog)
    qtbot.waitUntil(lambda: len(dialog.page_labels) > 0, timeout=10000)
    pages = len(PdfReader(dialog.pdf).pages)
    assert len(dialog.page_labels) == pages
    assert dialog.info.text() == f"{pages} trang"
    assert dialog.save_button.text() == "Lưu thành PDF…" and dialog.print_button.text() == "In…"

    saved = save_copy(dialog.pdf, tmp_path / "so-theo-doi.pdf")
    assert saved.read_bytes() == dialog.pdf.read_bytes()
    assert not (tmp_path / "so-theo-doi.pdf.part").exists()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # the office printer, standing in as a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    assert print_pdf(dialog.pdf, printer) == pages
    printed = PdfReader(tmp_path / "printed.pdf").pages
    assert len(printed) == pages
    assert printed[0].mediabox.width > printed[0].mediabox.height  # the landscape register prints landscape


def test_minutes_of_the_chosen_meeting(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    w = window(qtbot, services)
    w.meetings_view.list_view.selectRow(0)
    meeting_id = w.meetings_view.selected_meeting()
    assert meeting_id is not None
    with qtbot.waitSignal(w.printing.preview_ready, timeout=20000) as signal:
        w.printing.print_minutes()
    text = " ".join(page.extract_text() for page in PdfReader(signal.args[0].pdf).pages)
    assert "BIÊN BẢN" in text and "THƯ KÝ" in text


def test_the_book_builds_in_the_background_and_can_be_cancelled(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    w = window(qtbot, services)
    with qtbot.waitSignal(w.printing.print_finished, timeout=20000):
        job = w.printing.print_book(2026)
        job.cancel()
    assert w.statusBar().currentMessage() == "Đã hủy; không có tệp nào được ghi."
    with qtbot.waitSignal(w.printing.preview_ready, timeout=60000) as signal:
        w.printing.print_book(2026)
    reader = PdfReader(signal.args[0].pdf)
    assert "SỔ BIÊN BẢN" in reader.pages[0].extract_text()
    assert len(reader.pages) > len(services.meetings.list_meetings(2026))


def test_save_as_pdf_offers_the_documents_name_and_says_where_it_went(
    qtbot: QtBot, services: Services, vietnamese: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # the save dialog opens in the user's Documents
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    monkeypatch.chdir(tmp_path)  # not in the folder the program was started from
    w = window(qtbot, services)
    with qtbot.waitSignal(w.printing.preview_ready, timeout=20000) as signal:
        w.printing.print_register(2026)
    dialog = signal.args[0]
    offered: list[str] = []

    def type_a_name() -> None:
        chooser = QApplication.activeModalWidget()
        name = chooser.findChild(QLineEdit, "fileNameEdit") if isinstance(chooser, QFileDialog) else None
        if name is None:  # not the dialog expected: close it, and let the assertions below say so
            if chooser is not None:
                chooser.close()
            return
        offered.append(name.text())
        name.selectAll()
        QTest.keyClicks(name, "so-cua-chi-bo")
        QTest.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_a_name)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert offered == ["so-theo-doi-sinh-hoat-2026.pdf"]
    saved = documents / "so-cua-chi-bo.pdf"
    assert saved.read_bytes() == dialog.pdf.read_bytes()
    assert w.statusBar().currentMessage() == f"Đã lưu {saved}."
    assert dialog.info.text() == f"Đã lưu {saved}."


def test_the_printer_is_given_the_pdfs_a4_paper(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    pdf = services.printer.write_into(printing.BLANK_MINUTES, TODAY, tmp_path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # the office printer's own default paper
    printer.setResolution(100)
    assert print_pdf(pdf, printer) == len(PdfReader(pdf).pages)
    box = PdfReader(tmp_path / "printed.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4, not Letter's 612 × 792
