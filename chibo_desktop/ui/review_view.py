"""The yearly review tab: the members to review with the year's attendance and dues beside them, those not rated
apart with the reason, one member's review edited at the side, the cap on "excellent" checked as levels are
given, and the branch's own rating of the year."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import Message
from chibo_desktop.domain.review import (
    LEVEL_LABELS,
    LEVEL_SHORT,
    LEVELS,
    NOT_RATED_LABELS,
    BranchReview,
    Level,
    MemberReview,
    level_for_points,
)
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.review import ReviewLine, ReviewService, ReviewSheet
from chibo_desktop.ui.crash import show_user_error
from chibo_desktop.ui.editor import ask_to_save
from chibo_desktop.ui.form_fields import ERROR_COLOUR, DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.namesakes import told_apart
from chibo_desktop.ui.numbers import share
from chibo_desktop.ui.tasks import TaskRunner
from chibo_desktop.ui.text_table import ID_ROLE, TextTableModel, fit_columns, list_view

WATCHED = frozenset({Topic.REVIEW, Topic.MEMBERS, Topic.MEETINGS, Topic.DUES, Topic.RULES, Topic.ADMISSIONS})


def short(level: Level | None) -> str:
    return translate("Review", LEVEL_SHORT[level]) if level else ""


def level_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem("—", "")
    for level in LEVELS:
        combo.addItem(translate("Review", LEVEL_LABELS[level]), level.value)
    return combo


def chosen_level(combo: QComboBox) -> Level | None:
    value = combo.currentData()
    return Level(value) if value else None


def set_level(combo: QComboBox, level: Level | None) -> None:
    combo.setCurrentIndex(combo.findData(level.value if level else ""))


def number(edit: QLineEdit) -> int | None:
    text = edit.text().strip()
    return int(text) if text else None


class ReviewWidget(QWidget):
    loaded = Signal()

    def __init__(
        self,
        review: ReviewService,
        on_change: Callable[[Change], None],
        tasks: TaskRunner,
        today: Callable[[], date],
        failed: Callable[[BaseException], None],
        print_summary: Callable[[int], object],
        print_member: Callable[[int], object],
        add_award: Callable[[int, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._review = review
        self._on_change = on_change
        self._tasks = tasks
        self._failed = failed
        self._print_member = print_member
        self._add_award = add_award
        self._sheet: ReviewSheet | None = None
        self._current: ReviewLine | None = None
        self._names: dict[int, str] = {}  # the rated members' names as listed, two of the same name told apart
        self._stale = True
        self._read_only = False
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        year_label = QLabel(self.tr("&Year"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2200)
        self.year.setValue(today().year)
        year_label.setBuddy(self.year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        top.addWidget(year_label)
        top.addWidget(self.year)
        self.counts = QLabel()
        top.addWidget(self.counts, 1)
        self.print_button = QPushButton(self.tr("&Print the summary"))
        self.print_button.clicked.connect(lambda: print_summary(self.year.value()))
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.cap = QLabel()
        self.cap.setObjectName("cap_warning")
        self.cap.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.cap.setWordWrap(True)
        self.cap.hide()
        layout.addWidget(self.cap)

        body = QHBoxLayout()
        layout.addLayout(body, 1)
        lists = QVBoxLayout()
        body.addLayout(lists, 3)
        box = QGroupBox(self.tr("Members to review"))
        inner = QVBoxLayout(box)
        self.model = TextTableModel(
            [
                self.tr("Full name"),
                self.tr("Cell"),
                self.tr("Absent,\nno reason"),
                self.tr("Dues months\nunpaid"),
                self.tr("Self-\nrating"),
                self.tr("Points"),
                self.tr("Branch\nproposes"),
                self.tr("Votes"),
                self.tr("Final\nlevel"),
                self.tr("Note"),
            ],
            self,
            right_aligned=(2, 3, 5),
        )
        self.table = list_view(self.model)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        inner.addWidget(self.table)
        lists.addWidget(box, 3)
        box = QGroupBox(self.tr("Not rated this year"))
        inner = QVBoxLayout(box)
        self.apart = TextTableModel([self.tr("Full name"), self.tr("Why not rated"), self.tr("Note")], self)
        self.apart_table = list_view(self.apart)
        self.apart_table.selectionModel().selectionChanged.connect(self._chosen)
        inner.addWidget(self.apart_table)
        lists.addWidget(box, 1)

        side_panel = QWidget()
        side_panel.setMaximumWidth(380)  # the lists take the rest of the width
        side = QVBoxLayout(side_panel)
        side.setContentsMargins(0, 0, 0, 0)
        body.addWidget(side_panel, 1)
        box = QGroupBox(self.tr("The chosen member's review"))
        self.editor = box
        column = QVBoxLayout(box)
        self.errors = FieldErrors()
        self.name = QLabel(self.tr("Choose a member in the list."))
        self.name.setWordWrap(True)
        column.addWidget(self.name)
        self.facts = QLabel()
        self.facts.setObjectName("facts")
        self.facts.setWordWrap(True)
        self.facts.setMinimumHeight(3 * self.facts.fontMetrics().lineSpacing())  # wrapped, never cut short
        column.addWidget(self.facts)
        form = QFormLayout()
        column.addLayout(form)
        self.self_level = level_combo()
        self.points = QLineEdit()
        self.points.setValidator(QIntValidator(0, 100, self))
        self.suggested = QLabel()
        self.proposed = level_combo()
        self.votes_for = QLineEdit()
        self.votes_for.setValidator(QIntValidator(0, 9999, self))
        self.votes_total = QLineEdit()
        self.votes_total.setValidator(QIntValidator(0, 9999, self))
        self.final = level_combo()
        self.note = QLineEdit()
        self.errors.add_row(form, self.tr("Se&lf-rating"), self.self_level, "self_level")
        self.errors.add_row(form, self.tr("P&oints (of 100)"), self.points, "points")
        form.addRow(self.suggested)
        self.errors.add_row(form, self.tr("Branch p&roposes"), self.proposed, "proposed_level")
        self.errors.add_row(form, self.tr("Votes &for"), self.votes_for, "votes_for")
        self.errors.add_row(form, self.tr("Members &voting"), self.votes_total, "votes_total")
        self.errors.add_row(form, self.tr("Fi&nal level (committee)"), self.final, "final_level")
        self.errors.add_row(form, self.tr("No&te"), self.note, "note")
        self.message = message_label()
        form.addRow(self.message)
        # the messages follow the fields as they are typed in: put right, they go, the line under the form with them
        self.errors.recheck, self.errors.summary = self._problems, self.message
        self.save_button = QPushButton(self.tr("&Save the review"))
        self.save_button.clicked.connect(self.save)
        form.addRow(self.save_button)
        buttons = QHBoxLayout()
        self.award_button = QPushButton(self.tr("Commendation or &discipline…"))
        self.award_button.clicked.connect(self._award)
        self.record_button = QPushButton(self.tr("Print the &record"))
        self.record_button.clicked.connect(self._print_record)
        buttons.addWidget(self.award_button)
        buttons.addWidget(self.record_button)
        form.addRow(buttons)
        for edit in (self.points, self.votes_for, self.votes_total, self.note):
            edit.returnPressed.connect(self.save)
        self.points.textChanged.connect(self._suggest)
        side.addWidget(box)
        # named only, under the editor (where the lists' height is not taken): their home branch reviews them
        self.attached = QLabel()
        self.attached.setObjectName("attached_note")
        self.attached.setWordWrap(True)
        self.attached.setStyleSheet("color: #5f6368;")  # grey: for information, nothing to fill in
        self.attached.hide()
        side.addWidget(self.attached)

        side.addStretch(1)

        # the branch's own rating: one line under the lists
        box = QGroupBox(self.tr("The branch's own rating of the year"))
        self.branch_box = box
        row = QHBoxLayout(box)
        self.branch_level = level_combo()
        self.branch_decision = QLineEdit()
        self.branch_decision.setPlaceholderText(self.tr("e.g. 125-QĐ/ĐU"))
        self.branch_date = DateField()
        for text, widget in (
            (self.tr("Le&vel"), self.branch_level),
            (self.tr("Decision n&umber"), self.branch_decision),
            (self.tr("Decision d&ate"), self.branch_date),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, 1)
        self.branch_save = QPushButton(self.tr("Save the &branch's rating"))
        self.branch_save.clicked.connect(self.save_branch)
        row.addWidget(self.branch_save)
        self.branch_saved = QLabel()  # "Saved." once the rating is stored: the button alone says nothing
        self.branch_saved.setStyleSheet("color: #1b5e20;")
        row.addWidget(self.branch_saved)
        lists.addWidget(box)
        self._enable_editor(False)

    # --- loading -----------------------------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._enable_editor(self._current is not None)
        self.branch_box.setEnabled(not read_only)

    def shown(self) -> None:
        if self._stale:
            self.refresh()

    def on_change(self, change: Change) -> None:
        if change.topics & WATCHED:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self._stale = False
        year, review = self.year.value(), self._review
        self._tasks.run("review", lambda: review.sheet(year), self.show_sheet, self._failed, owner=self)

    def show_sheet(self, sheet: ReviewSheet) -> None:
        keep = self._current.member_id if self._current else None
        self._sheet = sheet
        identities = self._review.identities
        self._names = dict(told_apart([(line.member_id, line.name) for line in sheet.rated], identities))
        apart = dict(told_apart([(line.member_id, line.name) for line in sheet.not_rated], identities))
        self.model.set_rows([(line.member_id, self._cells(line), False) for line in sheet.rated])
        self.apart.set_rows(
            [
                (
                    line.member_id,
                    (
                        apart[line.member_id],
                        translate("Review", NOT_RATED_LABELS[line.not_rated]).format(
                            months=sheet.rules.not_rated.get("admitted_months", 0)
                        )
                        if line.not_rated
                        else "",
                        line.review.note,
                    ),
                    False,
                )
                for line in sheet.not_rated
            ]
        )
        self.attached.setVisible(bool(sheet.attached))
        self.attached.setText(
            self.tr(
                "Temporarily attached here, reviewed by their home branch and counted in neither list: {names}."
            ).format(names=", ".join(sheet.attached))
        )
        fit_columns(self.table)
        fit_columns(self.apart_table)
        counts, rated, undecided = sheet.counts
        parts = [f"{short(c.level)}: {c.count} ({share(c.percent / 100)})" for c in counts]
        self.counts.setText(
            self.tr("{rated} of {total} have a level — {parts}").format(
                rated=rated, total=len(sheet.rated), parts="; ".join(parts)
            )
        )
        cap = sheet.cap
        self.cap.setVisible(cap.exceeded)
        self.cap.setText(
            self.tr(
                "Too many “excellent”: {excellent} for {good} “good”. At most {percent} % of “good” may be "
                "“excellent”, that is {allowed}. Lower some proposals or ask the committee."
            ).format(excellent=cap.excellent, good=cap.good, percent=cap.cap_percent, allowed=cap.allowed)
        )
        branch = sheet.branch
        set_level(self.branch_level, branch.level if branch else None)
        self.branch_decision.setText(branch.decision_no if branch else "")
        self.branch_date.set_value(branch.decided_on if branch else None)
        self._current = None
        if keep is not None:
            self._reselect(keep)
        if self._current is None:
            self._fill(None)
        self.loaded.emit()

    def _cells(self, line: ReviewLine) -> tuple[str, ...]:
        r = line.review
        votes = f"{r.votes_for}/{r.votes_total}" if r.votes_for is not None and r.votes_total is not None else ""
        return (
            self._names.get(line.member_id, line.name),
            line.hamlet,
            str(line.facts.unexcused_absences),
            str(line.facts.unpaid_months),
            short(r.self_level),
            "" if r.points is None else str(r.points),
            short(r.proposed_level),
            votes,
            short(r.final_level),
            r.note,
        )

    def _reselect(self, member_id: int) -> None:
        for table, model in ((self.table, self.model), (self.apart_table, self.apart)):
            for row in range(model.rowCount()):
                if model.index(row, 0).data(ID_ROLE) == member_id:
                    selection = table.selectionModel()
                    selection.blockSignals(True)
                    table.selectRow(row)
                    selection.blockSignals(False)
                    self._fill(self._line(member_id))
                    return

    def _line(self, member_id: int) -> ReviewLine | None:
        if self._sheet is None:
            return None
        return next((x for x in (*self._sheet.rated, *self._sheet.not_rated) if x.member_id == member_id), None)

    # --- the editor --------------------------------------------------------------------------------------

    def _enable_editor(self, chosen: bool) -> None:
        rated = chosen and self._current is not None and self._current.not_rated is None
        for widget in (self.self_level, self.points, self.proposed, self.votes_for, self.votes_total, self.final):
            widget.setEnabled(rated and not self._read_only)
        self.note.setEnabled(chosen and not self._read_only)
        self.save_button.setEnabled(chosen and not self._read_only)
        self.award_button.setEnabled(chosen and not self._read_only)
        self.record_button.setEnabled(chosen)

    def _form(self) -> tuple[object, ...]:
        return (
            self.self_level.currentIndex(),
            self.points.text(),
            self.proposed.currentIndex(),
            self.votes_for.text(),
            self.votes_total.text(),
            self.final.currentIndex(),
            self.note.text(),
        )

    def _fill(self, line: ReviewLine | None) -> None:
        self._current = line
        self.errors.clear()
        self.message.clear()
        r = line.review if line else MemberReview(0, self.year.value())
        self.name.setText(f"<b>{line.name}</b>" if line else self.tr("Choose a member in the list."))
        if line is not None:
            self.facts.setText(
                self.tr(
                    "In {year}: absent without reason {unexcused}, with reason {excused}, of {required} meetings.\n"
                    "Dues months unpaid without reason: {unpaid}."
                ).format(
                    year=self.year.value(),
                    unexcused=line.facts.unexcused_absences,
                    excused=line.facts.excused_absences,
                    required=line.facts.meetings_required,
                    unpaid=line.facts.unpaid_months,
                )
            )
        else:
            self.facts.clear()
        set_level(self.self_level, r.self_level)
        self.points.setText("" if r.points is None else str(r.points))
        set_level(self.proposed, r.proposed_level)
        self.votes_for.setText("" if r.votes_for is None else str(r.votes_for))
        self.votes_total.setText("" if r.votes_total is None else str(r.votes_total))
        set_level(self.final, r.final_level)
        self.note.setText(r.note)
        self._saved_form = self._form()
        self._enable_editor(line is not None)
        self._suggest()

    def _suggest(self) -> None:
        points = self.points.text().strip()
        if not points or self._sheet is None:
            self.suggested.clear()
            return
        level = level_for_points(int(points), self._sheet.rules)
        self.suggested.setText(self.tr("By the points: {level}").format(level=translate("Review", LEVEL_LABELS[level])))

    def has_changes(self) -> bool:
        return self._current is not None and self._form() != self._saved_form

    def _chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        member_id = int(indexes[0].data(ID_ROLE))
        previous = self._current
        if previous is not None and previous.member_id != member_id and self.has_changes():
            answer = ask_to_save(
                self,
                self.tr("The review of {name} was changed. Save it before choosing another member?").format(
                    name=previous.name
                ),
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                self._reselect_keep_form(previous.member_id)
                return
        other = self.apart_table if self.sender() is self.table.selectionModel() else self.table
        other.selectionModel().blockSignals(True)
        other.clearSelection()
        other.selectionModel().blockSignals(False)
        self._fill(self._line(member_id))

    def _reselect_keep_form(self, member_id: int) -> None:
        form = self._form()
        for table in (self.table, self.apart_table):
            table.selectionModel().blockSignals(True)
            table.clearSelection()
        self._reselect(member_id)
        for table in (self.table, self.apart_table):
            table.selectionModel().blockSignals(False)
        (
            self_level,
            points,
            proposed,
            votes_for,
            votes_total,
            final,
            note,
        ) = form
        self.self_level.setCurrentIndex(int(self_level))  # type: ignore[call-overload]
        self.points.setText(str(points))
        self.proposed.setCurrentIndex(int(proposed))  # type: ignore[call-overload]
        self.votes_for.setText(str(votes_for))
        self.votes_total.setText(str(votes_total))
        self.final.setCurrentIndex(int(final))  # type: ignore[call-overload]
        self.note.setText(str(note))

    def _typed(self, member_id: int) -> MemberReview:
        return MemberReview(
            member_id,
            self.year.value(),
            chosen_level(self.self_level),
            number(self.points),
            chosen_level(self.proposed),
            number(self.votes_for),
            number(self.votes_total),
            chosen_level(self.final),
            self.note.text(),
        )

    def _problems(self) -> dict[str, Message]:
        """What is still wrong with the review as typed (asked while a message is shown)."""
        return {} if self._current is None else self._review.problems(self._typed(self._current.member_id))

    def save(self) -> bool:
        line = self._current
        if line is None:
            return False
        self.message.clear()
        review = self._typed(line.member_id)
        self.errors.clear()
        try:
            change = self._review.save(review)
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._saved_form = self._form()
        self._on_change(change)
        return True

    def save_branch(self) -> None:
        self.branch_saved.clear()
        try:
            decided_on = self.branch_date.value()
        except ValueError as error:
            show_user_error(self, UserError(date_problem(error)))
            return
        review = BranchReview(
            self.year.value(), chosen_level(self.branch_level), self.branch_decision.text(), decided_on
        )
        try:
            change = self._review.save_branch(review)
        except UserError as error:
            show_user_error(self, UserError(error.message))  # the field's own words would say it twice
            return
        self.branch_saved.setText(self.tr("Saved."))
        self._on_change(change)

    def _award(self) -> None:
        if self._current is not None:
            self._add_award(self._current.member_id, self._current.name)

    def _print_record(self) -> None:
        if self._current is not None:
            self._print_member(self._current.member_id)
