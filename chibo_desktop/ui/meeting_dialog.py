"""Recording a meeting: when and where, guests, attendance, agenda with opinions, resolutions and votes,
assignments, the optional score; approving the minutes; addenda once approved."""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import parse_date, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.meetings import (
    KIND_LABELS,
    Assignment,
    AttendanceLine,
    Guest,
    Meeting,
    MeetingKind,
    MeetingRecord,
    Resolution,
)
from chibo_desktop.domain.namesakes import Identity, sharing_a_name, shown_names
from chibo_desktop.domain.rubric import BAND_LABELS, CRITERION_LABELS
from chibo_desktop.services.changes import Change
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.ui.agenda_editor import NAME_ROLE, AgendaEditor
from chibo_desktop.ui.approve_dialog import ApproveDialog
from chibo_desktop.ui.attendance_view import AttendanceView
from chibo_desktop.ui.editor import EditorDialog, compared_by_data
from chibo_desktop.ui.enter_key import enter_cell, enter_goes_along
from chibo_desktop.ui.form_fields import BAD_DATE, ERROR_COLOUR, DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.namesakes import told_apart
from chibo_desktop.ui.screen import fit_to_screen, scrolling
from chibo_desktop.ui.selection import enable_while_chosen


def _table(headings: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(headings)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    enter_goes_along(table)  # Enter keeps the cell and goes to the next one, never saving the meeting
    return table


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1


class MeetingDialog(EditorDialog):
    """``meeting=None`` records a new meeting on *on*; otherwise edits it, or only shows it once approved.

    ``read_only`` only shows it, approved or not, with no addendum (a branch's meeting, at a committee). Once its
    minutes are approved (and the editor closed), ``approved`` gives a line that says so, for the status bar."""

    approved = Signal(str)

    def __init__(
        self,
        meetings: MeetingService,
        on_change: Callable[[Change], None],
        today: date,
        meeting: Meeting | None = None,
        parent: QWidget | None = None,
        on_print: Callable[[int], object] | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.read_only = read_only and meeting is not None
        self._meetings = meetings
        self._on_print = on_print
        self._on_change = on_change
        self._meeting = meeting
        self._today = today
        record = meeting.record if meeting else MeetingRecord(on=today)
        assert record.on is not None
        self._rules = meetings.rules(record.on)
        lines = meeting.lines if meeting else meetings.draft_lines(record.on)
        self._locked = bool(meeting and meeting.locked) or self.read_only
        self.setWindowTitle(
            self.tr("New meeting")
            if meeting is None
            else self.tr("Meeting of {date}").format(date=screen_date(record.on))
        )
        fit_to_screen(self, 940, 700)
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        if self.read_only and meeting is not None:
            banner = QLabel(
                self.tr(
                    "Kept by the branch: this meeting came in its package and can only be read here. "
                    "Changes and addenda are made at the branch."
                )
            )
            banner.setObjectName("read_only_banner")
            banner.setWordWrap(True)
            banner.setStyleSheet("background: #fff4e5; padding: 6px;")
            layout.addWidget(banner)
        elif self._locked and meeting is not None and meeting.approved_on is not None:
            banner = QLabel(
                self.tr(
                    "The minutes were approved on {date}; the meeting can no longer be changed. Corrections go in an addendum."
                ).format(date=screen_date(meeting.approved_on))
            )
            banner.setObjectName("locked_banner")
            banner.setWordWrap(True)
            banner.setStyleSheet("background: #fff4e5; padding: 6px;")
            layout.addWidget(banner)
        self.tabs = QTabWidget()
        self.errors.tabs = self.tabs  # a tab that hides an error is marked
        layout.addWidget(self.tabs)
        self._identities: dict[int, Identity] = {}
        self._build_general(record, lines)
        self.attendance = AttendanceView(lines, self._rules.away_required, shown=self._shown(lines))
        self.attendance.model.changed.connect(self._touched)
        self._attendance_touched = meeting is not None
        self.tabs.addTab(self.attendance, self.tr("Attendance list"))
        self._build_agenda(record)
        self._build_decisions(record, lines)
        if self._rules.scoring:
            self._build_score(record)
        if meeting is not None and self._locked and not self.read_only:
            self._build_addenda(meeting)
        self.message = message_label()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.approve_button = QPushButton(self.tr("Approve the minutes"))
        self.approve_button.setObjectName("approve")
        self.buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(lambda: self.approve())  # not clicked(bool): that is no "confirm"
        self.approve_button.setEnabled(meeting is not None and not self._locked)
        self.print_button = QPushButton(self.tr("Preview and print…"))
        self.print_button.setObjectName("print")
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_minutes)
        self.print_button.setEnabled(on_print is not None)
        layout.addWidget(self.buttons)
        if self._locked:
            self._lock_inputs()
        # the agenda and the attendance are compared as the items and lines they hold: the agenda's fields show one
        # item of several, rebuilt on each choice, and the attendance's search box only finds
        compared_by_data(self.agenda_editor)
        compared_by_data(self.attendance)
        self.track_changes(lambda: self.attendance.model.lines(), self.agenda_editor.agenda)  # a new date, a new list

    # --- general ------------------------------------------------------------------------------------------

    def _build_general(self, record: MeetingRecord, lines: tuple[AttendanceLine, ...]) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            if kind != MeetingKind.UNKNOWN:  # shown for a stored value not understood, never chosen
                self.kind.addItem(translate("Meeting", label), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(record.kind.value)))
        self.on = DateField()
        self.on.set_value(record.on)
        self.on.editingFinished.connect(self._date_changed)
        self.start = QLineEdit(record.start)
        self.end = QLineEdit(record.end)
        for box in (self.start, self.end):  # a hint that cannot pass for a time written in
            box.setPlaceholderText(self.tr("hh:mm"))
        self.place = QLineEdit(record.place)
        self.number = QLineEdit(record.number)
        self.number.setPlaceholderText(self.tr("e.g. 12-BB/CB"))
        self.topic = QLineEdit(record.topic)
        self.plan = QComboBox()
        self.plan.addItem(self.tr("(not from the year's plan)"), None)
        assert record.on is not None
        for topic_id, quarter, title, _held in self._meetings.topics(record.on.year):
            label = self.tr("Q{q}: {title}").format(q=quarter, title=title) if quarter else title
            self.plan.addItem(label, topic_id)
        self.plan.setCurrentIndex(max(0, self.plan.findData(record.topic_id)))
        self.plan.currentIndexChanged.connect(self._plan_chosen)
        self.chair = QComboBox()
        self.secretary = QComboBox()
        self._fill_people(lines, record.chair_id, record.secretary_id)
        self.errors.add_row(form, self.tr("Kind"), self.kind, "kind")
        self.errors.add_row(form, self.tr("Date"), self.on, "on")
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        self.errors.add_row(form, self.tr("Time"), times, "start")
        self.errors.add_row(form, "", QWidget(), "end")  # where an error about the end time shows
        self.errors.add_row(form, self.tr("Place"), self.place, "place")
        self.errors.add_row(form, self.tr("Minutes number"), self.number, "number")
        self.errors.add_row(form, self.tr("Thematic topic"), self.topic, "topic")
        self.errors.add_row(form, self.tr("From the year's plan"), self.plan, "topic_id")
        self.errors.add_row(form, self.tr("Chair"), self.chair, "chair_id")
        self.errors.add_row(form, self.tr("Secretary"), self.secretary, "secretary_id")
        self.guests = _table([self.tr("Guest"), self.tr("Position"), self.tr("Unit")])
        for guest in record.guests:
            self._append(self.guests, [guest.name, guest.position, guest.unit])
        form.addRow(self.tr("Guests (e.g. the upper-level committee member)"), self._with_buttons(self.guests, 3))
        self.tabs.addTab(page, self.tr("General"))

    def _listed(self, people: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """*people* (id, name) as one list shows them: two of the same name told apart."""
        return told_apart(people, self._read_identities)

    def _read_identities(self, member_ids: Sequence[int]) -> dict[int, Identity]:
        missing = [i for i in member_ids if i not in self._identities]
        if missing:
            self._identities.update(self._meetings.identities(missing))
        return self._identities

    def _shown(self, lines: Sequence[AttendanceLine]) -> dict[int, str]:
        return dict(self._listed([(line.member_id, line.name) for line in lines]))

    def _fill_people(self, lines: tuple[AttendanceLine, ...], chair: int | None, secretary: int | None) -> None:
        people = self._listed([(line.member_id, line.name) for line in lines if line.own])
        for combo, chosen in ((self.chair, chair), (self.secretary, secretary)):
            combo.clear()
            combo.addItem("", None)
            for member_id, shown in people:
                combo.addItem(shown, member_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _plan_chosen(self) -> None:
        if self.plan.currentData() is not None and not self.topic.text().strip():
            self.topic.setText(self.plan.currentText().split(": ", 1)[-1])

    def _touched(self) -> None:
        self._attendance_touched = True

    def _date_changed(self) -> None:
        """A new meeting's list follows its date until the secretary starts marking it."""
        if self._meeting is not None or self._attendance_touched:
            return
        try:
            on = self.on.value()
        except ValueError:
            return
        if on is None:
            return
        lines = self._meetings.draft_lines(on)
        index = self.tabs.indexOf(self.attendance)
        self.attendance.deleteLater()
        self.attendance = AttendanceView(lines, self._meetings.rules(on).away_required, shown=self._shown(lines))
        self.attendance.model.changed.connect(self._touched)
        compared_by_data(self.attendance)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, self.attendance, self.tr("Attendance list"))
        self._fill_people(lines, self.chair.currentData(), self.secretary.currentData())

    def _with_buttons(self, table: QTableWidget, columns: int) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(table)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add a row"))
        remove = QPushButton(self.tr("Remove the row"))
        add.clicked.connect(lambda: (self._append(table, [""] * columns), enter_cell(table, table.rowCount() - 1, 0)))
        remove.clicked.connect(lambda: table.removeRow(table.currentRow()) if table.currentRow() >= 0 else None)
        enable_while_chosen(table, remove, allowed=lambda: not self._locked)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        box.addLayout(row)
        return holder

    @staticmethod
    def _append(table: QTableWidget, texts: list[str]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(texts):
            table.setItem(row, column, QTableWidgetItem(text))

    # --- agenda -------------------------------------------------------------------------------------------

    def _build_agenda(self, record: MeetingRecord) -> None:
        self.agenda_editor = AgendaEditor(record.agenda, self._speaker_choices, presenters=self._presenter_choices)
        self.tabs.addTab(scrolling(self.agenda_editor), self.tr("Agenda"))
        self.tabs.currentChanged.connect(
            lambda index: (
                self.tabs.widget(index).isAncestorOf(self.agenda_editor) and self.agenda_editor.reload_speakers()
            )
        )

    def _speaker_choices(self) -> list[tuple[int | None, str, str]]:
        """Who may speak: the members present (or late) on the attendance list as it stands, then the guests; as
        (member id or None, the name the minutes record, the name as listed)."""
        attended = [line for line in self.attendance.model.lines() if line.mark.attended]
        shown = dict(self._listed([(line.member_id, line.name) for line in attended]))
        people: list[tuple[int | None, str, str]] = [
            (line.member_id, line.name, shown[line.member_id]) for line in attended
        ]
        guests = [_cell(self.guests, r, 0) for r in range(self.guests.rowCount())]
        return people + [(None, name, name) for name in guests if name]

    def _presenter_choices(self) -> list[tuple[int | None, str, str]]:
        """Who may present an item: the branch's members on the attendance list, as (member id, the name the minutes
        record: told apart in the documents' wording when another member has the same name, the name as listed)."""
        people = [(line.member_id, line.name) for line in self.attendance.model.lines() if line.own]
        alike = sharing_a_name(people)
        recorded = dict(shown_names(people, self._read_identities(alike))) if alike else dict(people)
        listed = dict(self._listed(people))
        return [(member_id, recorded[member_id], listed[member_id]) for member_id, _name in people]

    # --- resolutions and assignments ----------------------------------------------------------------------

    def _build_decisions(self, record: MeetingRecord, lines: tuple[AttendanceLine, ...]) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(QLabel(self.tr("Resolutions and votes")))
        self.resolutions = _table(
            [self.tr("Resolution"), self.tr("For"), self.tr("Against"), self.tr("Abstain"), self.tr("Entitled to vote")]
        )
        header = self.resolutions.horizontalHeader()
        for column in range(1, 5):
            heading = self.resolutions.horizontalHeaderItem(column)
            text = heading.text() if heading is not None else ""
            self.resolutions.setColumnWidth(column, header.fontMetrics().horizontalAdvance(text) + 24)
        for r in record.resolutions:
            self._append(
                self.resolutions,
                [r.text, str(r.votes_for), str(r.votes_against), str(r.votes_abstain), str(r.entitled)],
            )
        box.addWidget(self._with_buttons(self.resolutions, 5))
        self.errors_resolutions = message_label()
        box.addWidget(self.errors_resolutions)
        box.addWidget(QLabel(self.tr("Assignments (members given a task)")))
        self.assignments = _table([self.tr("Task"), self.tr("Member"), self.tr("Due (dd/mm/yyyy)")])
        self.assignments.setColumnWidth(1, 220)
        self.assignments.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        own = [(line.member_id, line.name) for line in lines if line.own]
        self._assignment_people = [
            (member_id, name, shown) for (member_id, name), (_id, shown) in zip(own, self._listed(own), strict=True)
        ]
        for a in record.assignments:
            self.add_assignment(a.member_id, a.task, screen_date(a.due))
        add = QPushButton(self.tr("Add an assignment"))
        add.clicked.connect(
            lambda: (
                self.add_assignment(None, "", ""),
                enter_cell(self.assignments, self.assignments.rowCount() - 1, 0),
            )
        )
        remove = QPushButton(self.tr("Remove the row"))
        remove.clicked.connect(
            lambda: (
                self.assignments.removeRow(self.assignments.currentRow())
                if self.assignments.currentRow() >= 0
                else None
            )
        )
        enable_while_chosen(self.assignments, remove, allowed=lambda: not self._locked)
        box.addWidget(self.assignments)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        box.addLayout(row)
        self.errors_assignments = message_label()
        box.addWidget(self.errors_assignments)
        self.tabs.addTab(page, self.tr("Resolutions and tasks"))

    def add_assignment(self, member_id: int | None, task: str, due: str) -> None:
        row = self.assignments.rowCount()
        self.assignments.insertRow(row)
        self.assignments.setItem(row, 0, QTableWidgetItem(task))
        combo = QComboBox()
        combo.addItem("", None)
        for person_id, name, shown in self._assignment_people:
            combo.addItem(shown, person_id)
            combo.setItemData(combo.count() - 1, name, NAME_ROLE)
        combo.setCurrentIndex(max(0, combo.findData(member_id)))
        self.assignments.setCellWidget(row, 1, combo)
        self.assignments.setItem(row, 2, QTableWidgetItem(due))

    # --- score and addenda --------------------------------------------------------------------------------

    def _build_score(self, record: MeetingRecord) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.scores: dict[str, QSpinBox] = {}
        given = dict(record.scores)
        for name, maximum in self._rules.rubric.criteria:
            spin = QSpinBox()
            spin.setRange(0, maximum)
            spin.setValue(given.get(name, 0))
            spin.valueChanged.connect(self._show_total)
            label = translate("Rubric", CRITERION_LABELS.get(name, name))
            form.addRow(f"{label} (≤ {maximum})", spin)
            self.scores[name] = spin
        self.total = QLabel()
        form.addRow(self.tr("Total"), self.total)
        self._show_total()
        self.tabs.addTab(page, self.tr("Score"))

    def _show_total(self) -> None:
        total = sum(spin.value() for spin in self.scores.values())
        band = self._rules.rubric.band(total)
        label = translate("Rubric", BAND_LABELS.get(band, band))
        self.total.setText(f"{total} / {self._rules.rubric.maximum} — {label}")

    def _build_addenda(self, meeting: Meeting) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.addenda_list = QListWidget()
        for a in meeting.addenda:
            self.addenda_list.addItem(f"{screen_date(a.on)} — {a.reason}: {a.text}")
        form.addRow(self.tr("Addenda"), self.addenda_list)
        self.addendum_reason = QLineEdit()
        self.addendum_text = QPlainTextEdit()
        self.addendum_errors = FieldErrors()
        self.addendum_errors.add_row(form, self.tr("Why"), self.addendum_reason, "reason")
        self.addendum_errors.add_row(form, self.tr("Correction"), self.addendum_text, "text")
        add = QPushButton(self.tr("Add the addendum"))
        add.setObjectName("add_addendum")
        add.clicked.connect(self.add_addendum)
        form.addRow("", add)
        self.tabs.addTab(page, self.tr("Addenda"))

    def _lock_inputs(self) -> None:
        for widget in (
            self.kind,
            self.on,
            self.start,
            self.end,
            self.place,
            self.number,
            self.topic,
            self.plan,
            self.chair,
            self.secretary,
            self.guests,
            self.resolutions,
            self.assignments,
        ):
            widget.setEnabled(False)
        self.attendance.set_read_only(True)
        self.agenda_editor.set_read_only(True)
        addenda = None if self.read_only else self.tabs.widget(self.tabs.count() - 1)
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not addenda:
                for button in page.findChildren(QPushButton):
                    button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        if self.read_only:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
            self.approve_button.hide()
        for spin in getattr(self, "scores", {}).values():
            spin.setEnabled(False)

    # --- saving -------------------------------------------------------------------------------------------

    def record(self) -> tuple[MeetingRecord, dict[str, Message]]:
        bad: dict[str, Message] = {}
        try:
            on = self.on.value()
        except ValueError as error:
            on, bad["on"] = None, date_problem(error)
        guests = tuple(
            Guest(_cell(self.guests, r, 0), _cell(self.guests, r, 1), _cell(self.guests, r, 2))
            for r in range(self.guests.rowCount())
            if _cell(self.guests, r, 0)
        )
        agenda = self.agenda_editor.agenda()
        resolutions = tuple(
            Resolution(
                _cell(self.resolutions, r, 0),
                _int(_cell(self.resolutions, r, 1) or "0"),
                _int(_cell(self.resolutions, r, 2) or "0"),
                _int(_cell(self.resolutions, r, 3) or "0"),
                _int(_cell(self.resolutions, r, 4) or "0"),
            )
            for r in range(self.resolutions.rowCount())
            if _cell(self.resolutions, r, 0)
        )
        assignments = []
        for r in range(self.assignments.rowCount()):
            combo = self.assignments.cellWidget(r, 1)
            assert isinstance(combo, QComboBox)
            task = _cell(self.assignments, r, 0)
            if not task and combo.currentData() is None:
                continue
            try:
                due = parse_date(_cell(self.assignments, r, 2))
            except ValueError:
                due, bad["assignments"] = None, BAD_DATE
            member_id = combo.currentData()
            name = combo.itemData(combo.currentIndex(), NAME_ROLE) if member_id is not None else combo.currentText()
            assignments.append(Assignment(member_id if member_id is not None else -1, name, task, due))
        scores = tuple((name, spin.value()) for name, spin in getattr(self, "scores", {}).items())
        record = MeetingRecord(
            kind=MeetingKind(self.kind.currentData()),
            on=on,
            start=self.start.text().strip(),
            end=self.end.text().strip(),
            place=self.place.text(),
            topic=self.topic.text(),
            chair_id=self.chair.currentData(),
            secretary_id=self.secretary.currentData(),
            number=self.number.text(),
            guests=guests,
            agenda=agenda,
            resolutions=resolutions,
            assignments=tuple(assignments),
            topic_id=self.plan.currentData(),
            scores=scores,
        )
        return record, bad

    def save(self) -> bool:
        self.forget_saved()
        self.message.clear()
        self.errors_resolutions.clear()
        self.errors_assignments.clear()
        record, bad = self.record()
        lines = self.attendance.model.lines()
        try:
            if bad:
                errors = self._meetings.validate(self._meetings.normalised(record), lines)
                errors.update(bad)
                raise UserError(
                    Message(
                        "Meeting",
                        QT_TRANSLATE_NOOP("Meeting", "Some fields need attention; see the messages beside them."),
                    ),
                    errors,
                )
            if self._meeting is None:
                change = self._meetings.create(record, lines)
                self._meeting = self._meetings.get(change.ids[0])
                self.approve_button.setEnabled(True)
            else:
                change = self._meetings.update(self._meeting.id, record, lines)
                self._meeting = self._meetings.get(self._meeting.id)
        except UserError as error:
            self._show_errors(error)
            return False
        self._on_change(change)
        self.message.setStyleSheet("color: #1b5e20;")
        self.track_changes()
        saved = self.tr("Saved.")
        if self._meetings.missing_for_minutes(self._meeting.record):  # a draft: said now, not only at approval
            saved = self.tr("Saved. Before the minutes are approved, write the times the meeting started and ended.")
        self.say_saved(self.message, saved, self.tr("There are changes not saved yet."))
        return True

    def save_changes(self) -> bool:
        """Approved minutes are not saved again: what can be typed there is an addendum (and nothing at all in
        a branch's meeting read at a committee)."""
        if self.read_only:
            return False
        return self.add_addendum() if self._locked else self.save()

    def _show_errors(self, error: UserError) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setText(render(error.message))
        self.errors.show(error.field_errors)
        if "attendance" in error.field_errors:
            self.message.setText(render(error.field_errors["attendance"]))
            self.tabs.setCurrentWidget(self.attendance)
        if "resolutions" in error.field_errors:
            self.errors_resolutions.setText(render(error.field_errors["resolutions"]))
        if "assignments" in error.field_errors:
            self.errors_assignments.setText(render(error.field_errors["assignments"]))
        for key in ("guests", "agenda"):  # no place beside a field: the message under the tabs says where
            if key in error.field_errors:
                self.message.setText(render(error.field_errors[key]))
        first_tab = {"on", "start", "end", "place", "number", "topic", "chair_id", "secretary_id", "guests"}
        if error.field_errors.keys() & first_tab:
            self.tabs.setCurrentIndex(0)
        elif "agenda" in error.field_errors:
            self.tabs.setCurrentIndex(
                next(i for i in range(self.tabs.count()) if self.tabs.widget(i).isAncestorOf(self.agenda_editor))
            )

    def print_minutes(self) -> None:
        """Print what is stored: an open meeting is saved first."""
        if self._on_print is None or (not self._locked and not self.save()):
            return
        assert self._meeting is not None
        self._on_print(self._meeting.id)

    def approve(self) -> bool:
        """Save, then ask: the confirmation states the attendance against the bar and takes the approval date.
        Only a confirmed approval locks the meeting, and only once the times the minutes state are written: until
        then nothing is saved or asked, the message says what is missing and the empty box takes the cursor."""
        missing = self._meetings.missing_for_minutes(self.record()[0])
        if missing:
            self.forget_saved()
            self._show_errors(
                UserError(
                    Message(
                        "Meeting",
                        QT_TRANSLATE_NOOP(
                            "Meeting",
                            "The minutes must state when the meeting started and ended: write both times on the "
                            "General tab, then click Approve the minutes again.",
                        ),
                    ),
                    missing,
                )
            )
            (self.start if "start" in missing else self.end).setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        if not self.save():
            return False
        assert self._meeting is not None
        confirm = ApproveDialog(self._meetings, self._meeting.id, self)
        try:
            accepted = confirm.exec() == QDialog.DialogCode.Accepted
            change = confirm.change
        finally:
            confirm.setParent(None)  # gone at once: its fields are not this editor's (nor unsaved changes of it)
            confirm.deleteLater()
        if not accepted or change is None:
            return False
        self._on_change(change)
        self.accept()
        self.approved.emit(  # the meeting as the save above wrote and read it back: its day is the one approved
            self.tr(
                "The minutes of the meeting of {date} are approved and locked; corrections now go in an addendum."
            ).format(date=screen_date(self._meeting.record.on))
        )
        return True

    def add_addendum(self) -> bool:
        assert self._meeting is not None
        try:
            change = self._meetings.add_addendum(
                self._meeting.id, self.addendum_reason.text(), self.addendum_text.toPlainText()
            )
        except UserError as error:
            self.message.setText(render(error.message))
            self.addendum_errors.show(error.field_errors)
            return False
        self._on_change(change)
        self._meeting = self._meetings.get(self._meeting.id)
        self.addenda_list.clear()
        for a in self._meeting.addenda:
            self.addenda_list.addItem(f"{screen_date(a.on)} — {a.reason}: {a.text}")
        self.addendum_reason.clear()
        self.addendum_text.clear()
        self.addendum_errors.clear()
        self.track_changes()
        return True
