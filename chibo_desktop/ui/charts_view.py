"""The charts tab: attendance per month, the membership mix and the funds' balance, painted on screen, and the same
charts printed (reportlab's own charts, in reports/charts_pdf.py)."""

import math
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.charts import MIX_LABELS, NO_HAMLET, ChartsData
from chibo_desktop.domain.dates import MONTH_LABELS
from chibo_desktop.services.changes import Change
from chibo_desktop.ui.i18n import translate
from chibo_desktop.ui.numbers import number
from chibo_desktop.ui.tasks import Job, TaskRunner

BLUE, RED, GREEN, GREY = QColor("#1f4e79"), QColor("#b03a2e"), QColor("#1e8449"), QColor("#7f7f7f")
LINES = (BLUE, RED, GREEN, GREY)


def _nice(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above *value*: an axis whose four steps read as round numbers."""
    scale = 10 ** math.floor(math.log10(value))
    return next(step * scale for step in (1, 2, 2.5, 5, 10) if step * scale >= value)


class Chart(QWidget):
    """One chart: vertical bars over labels (with an optional dashed bar line), horizontal bars, or lines."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.kind = "bars"
        self.labels: list[str] = []
        self.series: list[tuple[str, list[float | None]]] = []
        self.line_at: float | None = None
        self.maximum = 0.0
        self.value_text: Callable[[float], str] = lambda v: f"{v:.0f}"
        self.setMinimumHeight(230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_data(
        self,
        kind: str,
        labels: list[str],
        series: list[tuple[str, list[float | None]]],
        maximum: float | None = None,
        line_at: float | None = None,
        value_text: Callable[[float], str] | None = None,
    ) -> None:
        self.kind, self.labels, self.series, self.line_at = kind, labels, series, line_at
        values = [v for _name, vs in series for v in vs if v is not None]
        self.maximum = maximum if maximum is not None else _nice(max([*values, 1.0]) * 1.05)
        if value_text is not None:
            self.value_text = value_text
        if kind == "hbars":
            self.setMinimumHeight(max(230, 22 * len(labels) + 50))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        font.setBold(False)
        painter.setFont(font)
        if not self.series or not self.labels:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nothing to show for this year."))
            return
        if self.kind == "hbars":
            self._hbars(painter)
        else:
            self._vertical(painter)

    def _vertical(self, painter: QPainter) -> None:
        left, top, bottom = 60.0, 30.0, 46.0 if self.kind == "lines" else 26.0
        area = QRectF(left, top, self.width() - left - 12, self.height() - top - bottom)
        painter.setPen(QPen(GREY, 0.5))
        for step in range(5):
            value = self.maximum * step / 4
            y = area.bottom() - area.height() * step / 4
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.drawText(QRectF(0, y - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight, self.value_text(value))
        slot = area.width() / len(self.labels)
        for index, label in enumerate(self.labels):
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(
                QRectF(area.left() + index * slot, area.bottom() + 2, slot, 18), Qt.AlignmentFlag.AlignCenter, label
            )

        def y_of(value: float) -> float:
            return area.bottom() - area.height() * min(value, self.maximum) / self.maximum

        if self.kind == "bars":
            for index, height in enumerate(self.series[0][1]):
                if height is None:
                    continue
                bar = QRectF(
                    area.left() + index * slot + slot * 0.15, y_of(height), slot * 0.7, area.bottom() - y_of(height)
                )
                painter.fillRect(bar, BLUE)
                painter.drawText(
                    QRectF(bar.left() - 4, bar.top() - 16, bar.width() + 8, 14),
                    Qt.AlignmentFlag.AlignCenter,
                    self.value_text(height),
                )
            if self.line_at is not None:
                painter.setPen(QPen(RED, 1.2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(area.left(), y_of(self.line_at)), QPointF(area.right(), y_of(self.line_at)))
            return
        for number_, (name, values) in enumerate(self.series):
            colour = LINES[number_ % len(LINES)]
            painter.setPen(QPen(colour, 2))
            points = [QPointF(area.left() + (i + 0.5) * slot, y_of(v)) for i, v in enumerate(values) if v is not None]
            for start, end in zip(points, points[1:], strict=False):
                painter.drawLine(start, end)
            legend_x = area.left() + number_ * (area.width() / max(1, len(self.series)))
            painter.fillRect(QRectF(legend_x, self.height() - 18, 10, 10), colour)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(
                QRectF(legend_x + 14, self.height() - 22, area.width() / len(self.series) - 16, 18),
                Qt.AlignmentFlag.AlignLeft,
                name,
            )

    def _hbars(self, painter: QPainter) -> None:
        # the names' column as wide as the widest name (a long hamlet's, or "No hamlet / cell recorded"), within
        # a third of the chart
        widest = max(painter.fontMetrics().horizontalAdvance(label) for label in self.labels)
        left, top = min(max(150.0, widest + 16.0), self.width() / 3), 30.0
        area = QRectF(left, top, self.width() - left - 50, self.height() - top - 10)
        row = area.height() / len(self.labels)
        for index, (label, value) in enumerate(zip(self.labels, self.series[0][1], strict=True)):
            y = area.top() + index * row
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(
                QRectF(0, y, left - 8, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )
            width = area.width() * (value or 0) / self.maximum
            painter.fillRect(QRectF(area.left(), y + row * 0.15, width, row * 0.7), GREEN)
            painter.drawText(
                QRectF(area.left() + width + 4, y, 60, row), Qt.AlignmentFlag.AlignVCenter, self.value_text(value or 0)
            )


class ChartsWidget(QWidget):
    """The chosen year's figures, computed in the background by *load(year)* whenever the tab comes into view or
    another year is chosen (``loaded`` once painted), and after a change while it is in view; ``print_requested``
    asks for them printed."""

    loaded = Signal()
    print_requested = Signal(int)

    def __init__(
        self,
        today: date,
        load: Callable[[int], ChartsData],
        tasks: TaskRunner,
        failed: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._tasks = tasks
        self._failed = failed
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(1930, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        top.addWidget(self.year)
        top.addStretch()
        printing = QPushButton(self.tr("Print the charts…"))
        printing.clicked.connect(lambda: self.print_requested.emit(self.year.value()))
        top.addWidget(printing)
        layout.addLayout(top)
        self.attendance = Chart(self.tr("Members attending, per month (%)"))
        self.mix = Chart(self.tr("Membership mix"))
        self.balances = Chart(self.tr("Funds' balance at each month's end (million đồng)"))
        inner = QWidget()
        column = QVBoxLayout(inner)
        for chart in (self.attendance, self.mix, self.balances):
            column.addWidget(chart)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout.addWidget(scroll)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # the tab chosen, not the window restored from the taskbar
            self.refresh()

    def on_change(self, _change: Change) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> Job:
        year, load = self.year.value(), self._load
        return self._tasks.run("charts", lambda: load(year), self._ready, self._failed, owner=self)

    def _ready(self, data: ChartsData) -> None:
        self.show_data(data)
        self.loaded.emit()

    def show_data(self, data: ChartsData) -> None:
        # the data carries the mix's names in Vietnamese, for the printed page; the screen speaks its own language
        months = [translate("Month", label) for label in MONTH_LABELS]
        self.attendance.show_data("bars", months, [("", list(data.attendance))], 100.0, data.bar)
        rows = [(translate("Charts", label), count) for label, (_vi, count) in zip(MIX_LABELS, data.mix, strict=True)]
        rows += [(name or translate("Charts", NO_HAMLET), count) for name, count in data.by_hamlet]
        self.mix.show_data("hbars", [label for label, _c in rows], [("", [float(c) for _l, c in rows])])
        self.balances.show_data(
            "lines",
            months,
            [(name, [v / 1_000_000 for v in values]) for name, values in data.balances],
            value_text=lambda v: number(round(v)),
        )
