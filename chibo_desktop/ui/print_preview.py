"""Print preview inside the app, with "Save as PDF" and printing to the office printer from the same dialog.

The document is always a PDF made by the reports (the same file the CLI writes); the preview and the printer
get its pages rendered by PDFium, so what is printed is what was previewed.
"""

import shutil
from pathlib import Path

from PySide6.QtCore import QRect, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.files import replace_atomically
from chibo_desktop.reports.preview import PageImage, page_images
from chibo_desktop.ui import file_dialogs
from chibo_desktop.ui.screen import fit_to_screen, widen_to
from chibo_desktop.ui.tasks import TaskRunner

SCREEN_DPI = 80
PRINT_DPI_CAP = 300


def to_qimage(page: PageImage) -> QImage:
    return QImage(page.rgb, page.width, page.height, page.stride, QImage.Format.Format_RGB888).copy()


def save_copy(source: Path, target: Path) -> Path:
    """Copy the finished PDF to where the user chose, all of it or nothing."""
    return replace_atomically(target, lambda temporary: shutil.copyfile(source, temporary))


def page_setup(page: PageImage) -> tuple[QPageSize, QPageLayout.Orientation]:
    """The paper of a PDF page (A4 for every document of the app, matched to the printer's own A4) and which way
    it lies: the printer is told both, so its default paper (Letter, say) does not shrink or crop the page."""
    short, long = sorted((page.width_pt, page.height_pt))
    size = QPageSize(QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    landscape = page.width_pt > page.height_pt
    return size, QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Draw every page of *pdf* on *printer*, on the PDF's own paper, scaled to its printable area; returns the
    pages printed."""
    dpi = min(PRINT_DPI_CAP, printer.resolution())
    painter = QPainter()
    printed = 0
    for page in page_images(pdf, dpi):
        size, orientation = page_setup(page)
        printer.setPageSize(size)
        printer.setPageOrientation(orientation)
        if printed == 0:
            if not painter.begin(printer):
                raise OSError("the printer could not be opened")
        else:
            printer.newPage()
        area = painter.viewport()
        image = to_qimage(page)
        scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(area.x(), area.y(), scaled.width(), scaled.height()), image)
        printed += 1
    if printed:
        painter.end()
    return printed


class PreviewDialog(QDialog):
    """``saved(path)`` once the PDF was saved where the user chose."""

    saved = Signal(object)

    def __init__(
        self, pdf: Path, title: str, suggested_name: str, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self._suggested = suggested_name
        self.setWindowTitle(title)
        fit_to_screen(self, 820, 900)
        layout = QVBoxLayout(self)
        self.info = QLabel(self.tr("Preparing the preview…"))
        layout.addWidget(self.info)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; }")
        layout.addWidget(self.scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.choose_and_save)
        self.print_button.clicked.connect(self.choose_printer_and_print)
        layout.addWidget(buttons)
        self.page_labels: list[QLabel] = []
        tasks.run(
            f"preview-{id(self)}",
            lambda: [to_qimage(p) for p in page_images(pdf, SCREEN_DPI)],
            self._show_pages,
            self._failed,
            owner=self,  # a preview closed before its pages are drawn gets nothing delivered
        )

    def _show_pages(self, images: list[QImage]) -> None:
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; margin: 6px;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.info.setText(self.tr("{count} page(s)", "", len(images)).format(count=len(images)))
        # a page on its side (the register, the dues book) is wider than the dialog: widen it, within the screen
        inner = self.pages_layout.contentsMargins()
        margins = (  # the dialog's and the frame's edges, the scroll bar, the layout's and the page's own margins
            self.width()
            - self.scroll.width()
            + 2 * self.scroll.frameWidth()
            + self.scroll.verticalScrollBar().sizeHint().width()
            + inner.left()
            + inner.right()
            + 2 * 6
        )
        widen_to(self, max((image.width() for image in images), default=0) + margins)

    def _failed(self, error: BaseException) -> None:
        self.info.setText(self.tr("The preview could not be made: {reason}").format(reason=error))

    def choose_and_save(self) -> None:
        chosen = file_dialogs.save_file(
            self, file_dialogs.Kind.DOCUMENTS, self.tr("Save as PDF"), self._suggested, self.tr("PDF (*.pdf)")
        )
        if chosen:
            target = save_copy(self.pdf, chosen.with_suffix(".pdf"))
            self.info.setText(self.tr("Saved {path}.").format(path=target))
            self.saved.emit(target)

    def choose_printer_and_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            count = print_pdf(self.pdf, printer)
            self.info.setText(self.tr("Sent {count} page(s) to the printer.", "", count).format(count=count))
