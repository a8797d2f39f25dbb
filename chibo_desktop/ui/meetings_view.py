"""The meetings tab: the year's meetings, the attendance register (members × months) and its warnings."""

from collections.abc import Callable, Mapping
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import MONTH_LABELS, screen_date
from chibo_desktop.domain.dues import month_text
from chibo_desktop.domain.meetings import KIND_LABELS, MARK_KEYS, Mark, MeetingKind
from chibo_desktop.domain.namesakes import Identity, sharing_a_name
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.domain.register import FlagKind, YearGrid
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.meetings import MeetingListItem, MeetingService, Register
from chibo_desktop.ui.form_fields import ERROR_COLOUR
from chibo_desktop.ui.i18n import translate
from chibo_desktop.ui.namesakes import told_apart
from chibo_desktop.ui.numbers import percent
from chibo_desktop.ui.selection import enable_while_chosen
from chibo_desktop.ui.tasks import TaskRunner
from chibo_desktop.ui.text_table import ID_ROLE, TextTableModel

ROOT = QModelIndex()
ABSENT_COLOURS = {Mark.EXCUSED: "#fff4e5", Mark.UNEXCUSED: "#fdecea"}


class GridModel(QAbstractTableModel):
    """Members × months with a mark per meeting, the member's totals, and a last row of month ratios."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid: YearGrid | None = None
        self._names: dict[int, str] = {}
        self._letters = {mark: translate("MarkLetter", key) for mark, key in MARK_KEYS.items()}
        self._months = [translate("Month", label) for label in MONTH_LABELS]

    def set_grid(self, grid: YearGrid, names: Mapping[int, str] | None = None) -> None:
        """*names*: member id → the name shown, where two of the same name are told apart."""
        self.beginResetModel()
        self._grid = grid
        self._names = dict(names or {})
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() or self._grid is None else len(self._grid.rows) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else 15  # name, 12 months, present/required, ratio

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._grid is None:
            return None
        grid = self._grid
        row, column = index.row(), index.column()
        if row == len(grid.rows):  # the branch's month ratios
            if role == Qt.ItemDataRole.DisplayRole:
                if column == 0:
                    return self.tr("Branch: present / required")
                if 1 <= column <= 12:
                    present, required = grid.ratio([column])
                    return f"{present}/{required}" if required else ""
                present, required = grid.ratio(range(1, 13))
                return f"{present}/{required}" if column == 13 else percent(present, required)
            if role == Qt.ItemDataRole.FontRole:
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
            return None
        line = grid.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._names.get(line.member_id, line.name)
            if 1 <= column <= 12:
                return " ".join(self._letters[m] for m in line.cells[column - 1])
            if column == 13:
                return f"{line.present}/{line.required}"
            return percent(line.present, line.required)
        if role == Qt.ItemDataRole.BackgroundRole and 1 <= column <= 12:
            marks = line.cells[column - 1]
            worst = Mark.UNEXCUSED if Mark.UNEXCUSED in marks else Mark.EXCUSED if Mark.EXCUSED in marks else None
            return QBrush(QColor(ABSENT_COLOURS[worst])) if worst else None
        if role == ID_ROLE:
            return line.member_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Member")
        if section <= 12:
            meetings = self._grid.meetings_per_month[section - 1] if self._grid else 0
            return self._months[section - 1] + (f" ({meetings})" if meetings > 1 else "")
        return self.tr("Present") if section == 13 else self.tr("Ratio")


class MeetingsWidget(QWidget):
    """The chosen year's meetings and register (at a committee, of the branch chosen), computed in the
    background (``loaded`` once shown); opens meetings through callbacks. It reloads itself after a change to the
    meetings or the rules."""

    loaded = Signal()
    REFRESHED_BY = frozenset({Topic.MEETINGS, Topic.RULES})

    def __init__(
        self,
        open_meeting: Callable[[int], None],
        new_meeting: Callable[[], None],
        edit_plan: Callable[[int], None],
        print_minutes: Callable[[int | None], object],
        today: date,
        meetings: MeetingService,
        tasks: TaskRunner,
        failed: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_meeting = open_meeting
        self._meetings = meetings
        self._tasks = tasks
        self._failed = failed
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(1990, 2200)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        bar.addWidget(self.year)
        self.branch = QComboBox()  # at a committee: whose meetings and register are shown
        self.branch.setObjectName("meetings_branch_filter")
        self.branch.addItem(self.tr("All branches"), None)
        self.branch.currentIndexChanged.connect(lambda _index: self.refresh())
        self.branch.hide()
        bar.addWidget(self.branch)
        self.new_button = QPushButton(self.tr("New meeting…"))
        self.new_button.setObjectName("new_meeting")
        self.new_button.clicked.connect(new_meeting)
        bar.addWidget(self.new_button)
        self.print_button = QPushButton(self.tr("Print the minutes…"))
        self.print_button.clicked.connect(lambda: print_minutes(None))
        bar.addWidget(self.print_button)
        self.plan_button = QPushButton(self.tr("Thematic plan…"))
        self.plan_button.clicked.connect(lambda: edit_plan(self.year.value()))
        bar.addWidget(self.plan_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.inner = QTabWidget()
        layout.addWidget(self.inner)

        self.list_model = TextTableModel(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Topic"),
                self.tr("Present / required"),
                self.tr("Ratio"),
                self.tr("Minutes"),
                self.tr("Branch"),
            ],
            self,
        )
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.verticalHeader().hide()
        for column in range(6):  # every heading readable in both languages; the topic takes what is left
            mode = QHeaderView.ResizeMode.Stretch if column == 2 else QHeaderView.ResizeMode.ResizeToContents
            self.list_view.horizontalHeader().setSectionResizeMode(column, mode)
        # a chosen meeting is the whole row: headings drawn bold for it said nothing, and outgrew the widths their
        # plain text was given ("Có mặt / phải dự" lost the end of its last letter)
        self.list_view.horizontalHeader().setHighlightSections(False)
        self.list_view.setColumnHidden(6, True)  # the branch: shown at a committee only
        self.list_view.doubleClicked.connect(lambda index: self._open_meeting(int(index.data(ID_ROLE))))
        self.inner.addTab(self.list_view, self.tr("Meetings"))
        enable_while_chosen(self.list_view, self.print_button)
        self.print_button.setToolTip(self.tr("Choose a meeting in the list first."))

        register = QSplitter(Qt.Orientation.Vertical)
        self.grid_model = GridModel(self)
        self.grid = QTableView()
        self.grid.setObjectName("register_grid")
        self.grid.setModel(self.grid_model)
        self.grid.verticalHeader().hide()
        self.grid.verticalHeader().setDefaultSectionSize(24)
        self.grid.setColumnWidth(0, 200)
        for column in range(1, 13):
            self.grid.setColumnWidth(column, 52)
        register.addWidget(self.grid)
        lower = QWidget()
        lower_box = QHBoxLayout(lower)
        self.summary = QTextBrowser()
        self.summary.setObjectName("register_summary")
        self.warnings = QTextBrowser()
        self.warnings.setObjectName("register_warnings")
        lower_box.addWidget(self.summary, 1)
        lower_box.addWidget(self.warnings, 1)
        register.addWidget(lower)
        # the quarter and year figures (about 200 px) show whole on a 768-pixel screen; the grid scrolls
        register.setStretchFactor(0, 1)
        register.setStretchFactor(1, 0)
        lower.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 13)
        self.legend = QLabel(
            self.tr(
                "x present · L late · E absent with reason · U absent without reason · e exempted · a temporarily away · d special duty"
            )
        )
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.addWidget(self.legend)
        box.addWidget(register)
        self.inner.addTab(holder, self.tr("Attendance register"))

    def on_change(self, change: Change) -> None:
        if change.topics & self.REFRESHED_BY:
            self.refresh()

    def refresh(self) -> None:
        year, units, meetings = self.year.value(), self.chosen_units(), self._meetings

        def work() -> tuple[list[MeetingListItem], Register, dict[int, Identity]]:
            items, register = meetings.year_view(year, units)
            alike = sharing_a_name((row.member_id, row.name) for row in register.grid.rows)
            return items, register, meetings.identities(alike) if alike else {}

        self._tasks.run("meetings", work, self._year_ready, self._failed, owner=self)

    def _year_ready(self, result: tuple[list[MeetingListItem], Register, dict[int, Identity]]) -> None:
        self.show_year(*result)
        self.loaded.emit()

    def set_organisation(self, organisation: Organisation) -> None:
        """At a committee the meetings are its branches', read-only: a branch column and filter, no new meeting
        and no thematic plan of its own."""
        committee = organisation.is_committee
        self.new_button.setVisible(not committee)
        self.plan_button.setVisible(not committee)
        self.branch.setVisible(committee)
        self.list_view.setColumnHidden(6, not committee)
        if committee:
            self.list_view.setColumnWidth(6, 180)
        chosen = self.branch.currentData()
        self.branch.blockSignals(True)
        self.branch.clear()
        self.branch.addItem(self.tr("All branches"), None)
        for unit in organisation.branches:
            self.branch.addItem(unit.name, unit.id)
        self.branch.setCurrentIndex(max(0, self.branch.findData(chosen)))
        self.branch.blockSignals(False)

    def chosen_units(self) -> list[int] | None:
        """The branch chosen at a committee (None: every branch)."""
        unit = self.branch.currentData() if self.branch.isVisibleTo(self) else None
        return None if unit is None else [int(unit)]

    def selected_meeting(self) -> int | None:
        rows = self.list_view.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def show_year(
        self, items: list[MeetingListItem], register: Register, identities: Mapping[int, Identity] | None = None
    ) -> None:
        """The year's meetings and register; *identities* tell apart two members of the same name on it."""
        self.list_model.set_rows(
            [
                (
                    item.id,
                    (
                        screen_date(item.on),
                        translate("Meeting", KIND_LABELS[item.kind]),
                        self._topic(item),
                        f"{item.present}/{item.required}",
                        percent(item.present, item.required),
                        self.tr("approved") if item.locked else self.tr("draft"),
                        item.branch,
                    ),
                    False,
                )
                for item in items
            ]
        )
        known = dict(identities or {})
        names = dict(told_apart([(row.member_id, row.name) for row in register.grid.rows], lambda _ids: known))
        self.grid_model.set_grid(register.grid, names)
        self.summary.setHtml(self._summary_html(register))
        self.warnings.setHtml(self._warnings_html(register, names))

    def _topic(self, item: MeetingListItem) -> str:
        """The topic typed (a thematic meeting always has one); without one, what the minutes' title calls the
        meeting: "Sinh hoạt thường kỳ tháng 11/2026", "Sinh hoạt bất thường ngày 03/12/2026"."""
        if item.topic or item.kind not in (MeetingKind.REGULAR, MeetingKind.EXTRAORDINARY):
            return item.topic
        if item.kind == MeetingKind.REGULAR:
            return self.tr("Regular meeting of {month}").format(month=month_text(item.on))
        return self.tr("Extraordinary meeting of {date}").format(date=screen_date(item.on))

    def _summary_html(self, register: Register) -> str:
        rows = []
        for label, s in [(self.tr("Q{q}").format(q=q + 1), register.quarters[q]) for q in range(4)] + [
            (self.tr("Year"), register.whole_year)
        ]:
            ratio = percent(round((s.average_ratio or 0) * 10000), 10000) if s.average_ratio is not None else "–"
            rows.append(
                f"<tr><td><b>{label}</b></td><td>{s.held}</td><td>{s.regular}</td><td>{s.thematic}</td>"
                f"<td>{ratio}</td><td>{s.present}/{s.required}</td><td>{s.guest_attendances}</td><td>{s.assigned_members}</td></tr>"
            )
        head = "".join(
            f"<th>{h}</th>"
            for h in (
                "",
                self.tr("Held"),
                self.tr("Regular"),
                self.tr("Thematic"),
                self.tr("Average ratio"),
                self.tr("Present / required"),
                self.tr("Upper-level guests"),
                self.tr("Members assigned tasks"),
            )
        )
        return f"<table cellpadding='3'><tr>{head}</tr>{''.join(rows)}</table>"

    def _warnings_html(self, register: Register, names: Mapping[int, str]) -> str:
        w = register.warnings
        parts = []
        for b in w.below_bar:
            parts.append(
                self.tr("Meeting of {date}: {present}/{required} present ({ratio}), below the bar.").format(
                    date=screen_date(b.on), present=b.present, required=b.required, ratio=percent(b.present, b.required)
                )
            )
        for f in w.flags:
            if f.kind == FlagKind.REMOVAL_PROPOSAL:
                parts.append(
                    self.tr(
                        "{name}: absent without reason in {count} months — the branch may propose removal (the upper level decides)."
                    ).format(name=escape(names.get(f.member_id, f.name)), count=f.count)
                )
            else:
                parts.append(
                    self.tr("{name}: absent {count} times in a row.").format(
                        name=escape(names.get(f.member_id, f.name)), count=f.count
                    )
                )
        if w.months_without_regular:
            parts.append(
                self.tr("No regular meeting in month(s): {months}.", "", len(w.months_without_regular)).format(
                    months=", ".join(map(str, w.months_without_regular))
                )
            )
        if w.quarters_without_thematic:
            parts.append(
                self.tr("No thematic meeting in quarter(s): {quarters}.", "", len(w.quarters_without_thematic)).format(
                    quarters=", ".join(map(str, w.quarters_without_thematic))
                )
            )
        if not parts:
            return "<p>" + self.tr("No warnings.") + "</p>"
        items = "".join(f"<li>{p}</li>" for p in parts)
        heading = self.tr("Warnings")
        return f"<p style='color:{ERROR_COLOUR}'><b>{heading}</b></p><ul>{items}</ul>"
