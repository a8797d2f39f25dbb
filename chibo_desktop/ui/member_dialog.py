"""Adding or editing a member: the biography fields, the Party record, education, photo and history."""

from collections.abc import Callable
from dataclasses import fields
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import EVENT_LABELS, Gender, Member, MemberRecord, ordered
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.domain.review import AWARD_LABELS, LEVEL_LABELS, Level
from chibo_desktop.domain.text import is_same_name
from chibo_desktop.services.changes import Change
from chibo_desktop.services.members import Joining, JoinKind, MemberService
from chibo_desktop.services.review import MemberRecordOfReviews
from chibo_desktop.ui import file_dialogs
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.event_dialog import EventDialog
from chibo_desktop.ui.form_fields import DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.namesakes import with_what_tells_apart
from chibo_desktop.ui.screen import scrolling

ETHNICITIES = ["Kinh", "Khmer", "Hoa", "Tày", "Thái", "Mường", "Nùng", "H'Mông", "Dao", "Chăm", "Ê Đê", "Ba Na"]
THEORY_LEVELS = ["", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"]
DATE_INPUTS = ("date_of_birth", "admission_date", "admission_decision_date", "official_date", "badge_date")
PHOTO_SIZE = (240, 320)


class MemberDialog(EditorDialog):
    """``member=None`` adds a new member; otherwise edits that member. Errors are shown beside each field.

    ``read_only`` shows a member without a way to change it (a branch's record, at a committee). Once saved (and
    closed), ``saved`` gives the member's id and a line that says so, naming the member, for the status bar."""

    saved = Signal(int, str)

    def __init__(
        self,
        members: MemberService,
        organisation: Organisation,
        on_change: Callable[[Change], None],
        today: Callable[[], date],
        member: Member | None = None,
        parent: QWidget | None = None,
        read_only: bool = False,
        reviews: MemberRecordOfReviews | None = None,
    ) -> None:
        """*reviews*: the member's yearly reviews and commendations and discipline, shown on their own tab."""
        super().__init__(parent)
        self.read_only = read_only and member is not None
        self._members = members
        self._organisation = organisation
        self._on_change = on_change
        self._today = today
        self._member = member
        self._photo: bytes | None = None
        self._photo_changed = False
        self.setWindowTitle(
            self.tr("New member") if member is None else self.tr("Member: {name}").format(name=member.record.full_name)
        )
        self.resize(720, 640)
        self.errors = FieldErrors()
        self.inputs: dict[str, QWidget] = {}
        self._field_tab: dict[str, int] = {}

        layout = QVBoxLayout(self)
        if self.read_only and member is not None:
            banner = QLabel(
                self.tr(
                    "Kept by {branch}: this record came in its package and can only be read here. "
                    "Changes are made at the branch."
                ).format(branch=member.branch)
            )
            banner.setObjectName("read_only_banner")
            banner.setWordWrap(True)
            banner.setStyleSheet("background: #fff4e5; padding: 6px;")
            layout.addWidget(banner)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self._build_personal()
        self._build_party()
        self._build_education()
        if reviews is not None:
            self._build_reviews(reviews)
        if member is not None:
            self._build_history()
        self.message = message_label()
        layout.addWidget(self.message)
        self.errors.tabs, self.errors.recheck, self.errors.summary = self.tabs, self._problems, self.message
        self.buttons = self.save_buttons()
        layout.addWidget(self.buttons)
        if member is not None:
            self._load(member)
        if self.read_only:
            self._make_read_only()
        else:
            for field in ("admission_date", "official_date", "joined_on"):
                widget = self.inputs.get(field)
                if isinstance(widget, QLineEdit):
                    widget.textChanged.connect(self._warn)
            if self._member is None:
                join = self.inputs["join_kind"]
                assert isinstance(join, QComboBox)
                join.currentIndexChanged.connect(self._warn)
            self._warn()
        self.track_changes(lambda: self._photo_changed)

    # --- building ----------------------------------------------------------------------------------------

    def _tab(self, title: str) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tabs.addTab(scrolling(page), title)  # the form grows with its error lines
        return form

    def _text(self, form: QFormLayout, label: str, field: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(field)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self._add(form, label, edit, field)
        return edit

    def _date(self, form: QFormLayout, label: str, field: str) -> DateField:
        edit = DateField()
        edit.setObjectName(field)
        self._add(form, label, edit, field)
        return edit

    def _combo(self, form: QFormLayout, label: str, field: str, items: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(field)
        combo.setEditable(True)
        combo.addItems(items)
        self._add(form, label, combo, field)
        return combo

    def _add(self, form: QFormLayout, label: str, widget: QWidget, field: str) -> None:
        self.errors.add_row(form, label, widget, field)
        self.inputs[field] = widget
        self._field_tab[field] = self.tabs.count() - 1

    def _build_personal(self) -> None:
        form = self._tab(self.tr("Personal"))
        top = QHBoxLayout()
        self.photo_label = QLabel(self.tr("No photo"))
        self.photo_label.setFixedSize(90, 120)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #999;")
        choose = QPushButton(self.tr("Choose photo…"))
        choose.setObjectName("choose_photo")
        choose.clicked.connect(self._choose_photo)
        top.addWidget(self.photo_label)
        top.addWidget(choose)
        top.addStretch(1)
        form.addRow(top)
        self._text(form, self.tr("Full name *"), "full_name", self.tr("e.g. Nguyễn Thị Ngọc Bích"))
        self._text(form, self.tr("Birth name"), "birth_name")
        gender = QComboBox()
        gender.setObjectName("gender")
        gender.addItem("", "")
        gender.addItem(translate("Member", "Male"), str(Gender.MALE))
        gender.addItem(translate("Member", "Female"), str(Gender.FEMALE))
        self._add(form, self.tr("Gender *"), gender, "gender")
        self._date(form, self.tr("Date of birth *"), "date_of_birth")
        self._text(form, self.tr("Place of birth"), "place_of_birth")
        self._text(form, self.tr("Home town"), "home_town")
        self._text(form, self.tr("Residence"), "residence")
        self._combo(form, self.tr("Ethnicity"), "ethnicity", ETHNICITIES)
        self._text(form, self.tr("Religion"), "religion", self.tr("e.g. Không, Phật giáo"))
        self._text(form, self.tr("ID number (CCCD)"), "cccd", self.tr("12 digits"))
        self._text(form, self.tr("Phone"), "phone")
        self._text(form, self.tr("Occupation"), "occupation")
        hamlet = QComboBox()
        hamlet.setObjectName("hamlet_id")
        hamlet.addItem("", None)
        for h in self._organisation.hamlets:
            hamlet.addItem(h.name, h.id)
        self._add(form, self.tr("Hamlet / cell"), hamlet, "hamlet_id")

    def _build_party(self) -> None:
        form = self._tab(self.tr("Party record"))
        if self._member is None:
            join = QComboBox()
            join.setObjectName("join_kind")
            join.addItem(self.tr("Admitted by this branch"), str(JoinKind.ADMITTED))
            join.addItem(self.tr("Transferred in from another branch"), str(JoinKind.TRANSFERRED_IN))
            join.addItem(self.tr("Temporarily attached here"), str(JoinKind.ATTACHED_IN))
            self._add(form, self.tr("Joined this branch"), join, "join_kind")
            self.joined_on = self._date(form, self.tr("Date joined this branch"), "joined_on")
            join.currentIndexChanged.connect(self._join_changed)
            self._join_changed()
        self._date(form, self.tr("Admission ceremony *"), "admission_date")
        self._text(form, self.tr("Admission decision number"), "admission_decision_no")
        self._date(form, self.tr("Admission decision date"), "admission_decision_date")
        self._date(form, self.tr("Recognised official on"), "official_date")
        self._text(form, self.tr("Official decision number"), "official_decision_no")
        self.probation_warning = QLabel()  # a probation long over with nothing recorded: say so, and what to do
        self.probation_warning.setObjectName("probation_warning")
        self.probation_warning.setWordWrap(True)
        self.probation_warning.setStyleSheet("background: #fff4e5; padding: 6px;")
        self.probation_warning.hide()
        form.addRow("", self.probation_warning)
        self._text(form, self.tr("Party card number"), "card_number")
        self.card_history = QLabel()
        self.card_history.setWordWrap(True)
        form.addRow("", self.card_history)
        self._text(form, self.tr("Biography number"), "biography_no", self.tr("e.g. 012345-ST"))
        self._text(form, self.tr("Party badge number"), "badge_no")
        self._date(form, self.tr("Party badge date"), "badge_date")
        self._text(form, self.tr("Party position"), "party_position")
        self._text(form, self.tr("Government or mass-organisation position"), "government_position")

    def _join_changed(self) -> None:
        join = self.inputs["join_kind"]
        assert isinstance(join, QComboBox)
        self.joined_on.setEnabled(join.currentData() != str(JoinKind.ADMITTED))

    def _build_education(self) -> None:
        form = self._tab(self.tr("Education"))
        self._text(form, self.tr("General education"), "general_education", self.tr("e.g. 12/12"))
        self._text(form, self.tr("Professional level"), "professional_level")
        self._combo(form, self.tr("Political theory"), "political_theory", THEORY_LEVELS)
        self._text(form, self.tr("Foreign language"), "foreign_language")
        self._text(form, self.tr("Informatics"), "informatics")

    def _build_history(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Decision"), self.tr("Note")]
        )
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        box.addWidget(self.history)
        add = QPushButton(self.tr("Record an event…"))
        add.setObjectName("add_event")
        add.clicked.connect(self.open_event_dialog)
        box.addWidget(add, alignment=Qt.AlignmentFlag.AlignLeft)
        box.addWidget(QLabel(self.tr("History is never changed: a mistake is corrected by recording a new event.")))
        self.tabs.addTab(page, self.tr("History"))

    def _build_reviews(self, found: MemberRecordOfReviews) -> None:
        """Read-only here: reviews are written on the yearly review tab, commendations and discipline there too."""
        page = QWidget()
        box = QVBoxLayout(page)

        def level(value: Level | None) -> str:
            return translate("Review", LEVEL_LABELS[value]) if value else ""

        self.reviews = QTableWidget(len(found.reviews), 5)
        self.reviews.setHorizontalHeaderLabels(
            [self.tr("Year"), self.tr("Points"), self.tr("Branch proposed"), self.tr("Final level"), self.tr("Note")]
        )
        for row, r in enumerate(found.reviews):
            cells = (str(r.year), "" if r.points is None else str(r.points), level(r.proposed_level))
            for column, text in enumerate((*cells, level(r.final_level), r.note)):
                self.reviews.setItem(row, column, QTableWidgetItem(text))
        self.awards = QTableWidget(len(found.awards), 4)
        self.awards.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Form"), self.tr("Decision")])
        for row, a in enumerate(found.awards):
            cells = (screen_date(a.on), translate("Review", AWARD_LABELS[a.kind]), a.form, a.decision_no)
            for column, text in enumerate(cells):
                self.awards.setItem(row, column, QTableWidgetItem(text))
        for table in (self.reviews, self.awards):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
            table.resizeColumnsToContents()
        box.addWidget(QLabel(self.tr("Yearly reviews")))
        box.addWidget(self.reviews)
        box.addWidget(QLabel(self.tr("Commendations and discipline")))
        box.addWidget(self.awards)
        self.tabs.addTab(page, self.tr("Reviews"))

    def _make_read_only(self) -> None:
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            elif isinstance(widget, QComboBox) and widget.isEditable():
                widget.lineEdit().setReadOnly(True)
                widget.setEnabled(False)
            else:
                widget.setEnabled(False)
        for button in self.findChildren(QPushButton):
            if button.objectName() in ("add_event", "choose_photo"):
                button.hide()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    # --- loading and saving ------------------------------------------------------------------------------

    def _load(self, member: Member) -> None:
        record = member.record
        for f in fields(MemberRecord):
            widget = self.inputs.get(f.name)
            value = getattr(record, f.name)
            if isinstance(widget, DateField):
                widget.set_value(value)
            elif isinstance(widget, QComboBox) and f.name in ("gender", "hamlet_id"):
                if f.name == "hamlet_id" and value is not None and widget.findData(value) < 0 and member.hamlet:
                    widget.addItem(member.hamlet, value)  # a branch's cell, shown at a committee
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(value or "")
            elif isinstance(widget, QLineEdit):
                widget.setText(value or "")
        if len(member.card_history) > 1:
            earlier = ", ".join(n for n, _d in member.card_history[:-1])
            self.card_history.setText(self.tr("Earlier card numbers: {numbers}").format(numbers=earlier))
        if member.has_photo:
            self._show_photo(self._members.photo(member.id))
        self._fill_history(member)

    def _fill_history(self, member: Member) -> None:
        events = ordered(member.events)
        self.history.setRowCount(len(events))
        for row, event in enumerate(events):
            when = screen_date(event.on) + (f" – {screen_date(event.end_date)}" if event.end_date else "")
            for column, text in enumerate(
                (when, translate("Event", EVENT_LABELS[event.kind]), event.decision_no, event.note)
            ):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    def record(self) -> tuple[MemberRecord, dict[str, Message]]:
        """The record as typed, and the fields that could not even be read (bad dates)."""
        values: dict[str, object] = {}
        bad: dict[str, Message] = {}
        for f in fields(MemberRecord):
            widget = self.inputs.get(f.name)
            if isinstance(widget, DateField):
                try:
                    values[f.name] = widget.value()
                except ValueError as error:
                    values[f.name] = None
                    bad[f.name] = date_problem(error)
            elif isinstance(widget, QComboBox) and f.name in ("gender", "hamlet_id"):
                values[f.name] = widget.currentData() if f.name == "hamlet_id" else (widget.currentData() or "")
            elif isinstance(widget, QComboBox):
                values[f.name] = widget.currentText()
            elif isinstance(widget, QLineEdit):
                values[f.name] = widget.text()
        return MemberRecord(**values), bad  # type: ignore[arg-type]

    def _joining(self, bad: dict[str, Message]) -> Joining:
        join = self.inputs["join_kind"]
        assert isinstance(join, QComboBox)
        kind = JoinKind(join.currentData())
        if kind == JoinKind.ADMITTED:
            return Joining()
        try:
            on = self.joined_on.value()
        except ValueError as error:
            on, bad["joined_on"] = None, date_problem(error)
        return Joining(kind=kind, on=on)

    def _warn(self) -> None:
        """What the form warns of as it stands (a warning, not a mistake: saving is not refused): a probation long
        over with nothing recorded since. A date that cannot be read yet warns of nothing."""
        record, bad = self.record()
        joining = self._joining(bad) if self._member is None else None
        warning = None
        if not bad:
            events = self._member.events if self._member is not None else None
            warning = self._members.probation_warning(record, events, joining)
        self.probation_warning.setText("" if warning is None else render(warning))
        self.probation_warning.setVisible(warning is not None)

    def _problems(self) -> dict[str, Message]:
        """Everything wrong with the form as it stands: the unreadable dates and whatever the rules find."""
        record, bad = self.record()
        joining = self._joining(bad) if self._member is None else None
        errors = self._members.validate(record, joining)
        errors.update(bad)
        return errors

    def save(self) -> None:
        if self.read_only:
            return
        self.message.clear()
        record, bad = self.record()
        joining = self._joining(bad) if self._member is None else None
        try:
            if bad:
                raise UserError(
                    Message(
                        "Validation",
                        QT_TRANSLATE_NOOP("Validation", "Some fields need attention; see the messages beside them."),
                    ),
                    self._problems(),  # every problem at once, not only the dates that could not be read
                )
            if not self._another_person(record, joining):
                return  # the secretary goes back to the form, as typed
            if self._member is None:
                assert joining is not None
                change = self._members.add(record, joining)
                member_id = change.ids[0]
            else:
                member_id = self._member.id
                change = self._members.update(member_id, record)
            if self._photo_changed:
                change = self._members.set_photo(member_id, self._photo)
        except UserError as error:
            self.message.setText(render(error.message))
            order = list(self.inputs)  # the order of the form, tab by tab: the first error shown is the topmost
            errors = dict(sorted(error.field_errors.items(), key=lambda i: order.index(i[0]) if i[0] in order else 0))
            first = self.errors.show(errors)
            if first is not None:
                self.tabs.setCurrentIndex(self._field_tab.get(next(iter(errors)), 0))
                first.setFocus()
            return
        self._on_change(change)
        name = record.normalised().full_name
        self.saved.emit(
            member_id,
            self.tr("Added {name} to the roster.").format(name=name)
            if self._member is None
            else self.tr("Saved the record of {name}.").format(name=name),
        )
        self.accept()

    def _another_person(self, record: MemberRecord, joining: Joining | None) -> bool:
        """Whether to go on saving a member whose name the branch already has (a member entered twice is counted
        twice in every report): asked, naming those kept with their year of birth. Enter, Escape or closing the
        question go back to the form; only the explicit answer saves. Not asked while the form has mistakes (they are
        shown first), nor when an edit keeps the member's own name."""
        name = record.normalised().full_name
        if self._member is not None and is_same_name(name, self._member.record.full_name):
            return True
        if not name or self._members.validate(record, joining):
            return True  # refused anyway: its messages come first
        own = None if self._member is None else self._member.id
        kept = [person for person in self._members.same_name(name) if person.id != own]
        if not kept:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Same name on the roster"),
            self.tr("The roster already has {kept}. Is the member you are saving really another person?").format(
                kept=", ".join(with_what_tells_apart(person) for person in kept)
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        another = box.addButton(self.tr("Save: another person"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Go back and check"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is another

    # --- photo and events --------------------------------------------------------------------------------

    def _choose_photo(self) -> None:
        path = file_dialogs.open_file(
            self, file_dialogs.Kind.PHOTOS, self.tr("Choose a photo"), self.tr("Images (*.jpg *.jpeg *.png *.bmp)")
        )
        if path:
            self.set_photo_file(str(path))

    def set_photo_file(self, path: str) -> bool:
        image = QImage(path)
        if image.isNull():
            self.message.setText(self.tr("That file is not a picture this app can read. Choose a JPG or PNG file."))
            return False
        scaled = image.scaled(
            *PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        scaled.save(buffer, "JPG", 85)
        self._photo = bytes(data.data())
        self._photo_changed = True
        self._show_photo(self._photo)
        return True

    def _show_photo(self, photo: bytes | None) -> None:
        if not photo:
            return
        pixmap = QPixmap()
        pixmap.loadFromData(photo)
        self.photo_label.setPixmap(
            pixmap.scaled(90, 120, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    def open_event_dialog(self) -> EventDialog:
        assert self._member is not None
        dialog = EventDialog(
            self._members, self._member.id, self._member.record.full_name, self._event_recorded, self._today(), self
        )
        dialog.open()
        return dialog

    def _event_recorded(self, change: Change) -> None:
        assert self._member is not None
        self._member = self._members.get(self._member.id)
        self._fill_history(self._member)
        self._warn()  # the recognition just recorded puts the warning away
        self._on_change(change)
