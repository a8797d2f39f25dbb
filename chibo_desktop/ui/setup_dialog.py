"""The first-run setup (and later edits): which level this database keeps (a branch, or a committee above
branches), its name, the level above, the place name, and a branch's hamlets. The level is chosen once."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.organisation import LEVEL_LABELS, Level, Organisation, OrganisationSetup
from chibo_desktop.services.changes import Change
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.form_fields import FieldErrors, message_label
from chibo_desktop.ui.i18n import render, translate

if TYPE_CHECKING:  # the window paints its first screen before the services are loaded
    from chibo_desktop.services.organisation import OrganisationService


class SetupDialog(EditorDialog):
    def __init__(
        self,
        organisation: "OrganisationService",
        on_change: Callable[[Change], None],
        current: Organisation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = organisation
        self._on_change = on_change
        self.setWindowTitle(self.tr("Set up this database"))
        self.resize(580, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who keeps this database?")))
        self.level = QButtonGroup(self)
        self.level_buttons: dict[Level, QRadioButton] = {}
        for level in Level:
            button = QRadioButton(translate("Setup", LEVEL_LABELS[level]))
            button.setObjectName(f"level_{level.value}")
            self.level.addButton(button)
            self.level_buttons[level] = button
            layout.addWidget(button)
        self.level_buttons[Level.BRANCH].setChecked(True)
        self.level_note = QLabel()
        self.level_note.setWordWrap(True)
        layout.addWidget(self.level_note)
        intro = QLabel(
            self.tr(
                "These names appear at the top of every document. Since 1 July 2025 a village branch reports "
                "to its commune or ward Party committee."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.form = form
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.branch_name = QLineEdit()
        self.branch_name.setPlaceholderText(self.tr("e.g. Chi bộ ấp Te Te 1"))
        self.upper_name = QLineEdit()
        self.upper_name.setPlaceholderText(self.tr("e.g. Đảng bộ xã Tân Hùng"))
        self.place_name = QLineEdit()
        self.place_name.setPlaceholderText(self.tr("e.g. Tân Hùng"))
        self.hamlets = QPlainTextEdit()
        self.hamlets.setPlaceholderText(self.tr("One per line, e.g.\nTổ 1\nTổ 2"))
        self._name_row = self.errors.add_row(form, self.tr("Branch name"), self.branch_name, "branch_name")
        self._upper_row = self.errors.add_row(form, self.tr("Reports to"), self.upper_name, "upper_name")
        self.errors.add_row(form, self.tr("Place name on documents"), self.place_name, "place_name")
        self._hamlets_row = self.errors.add_row(form, self.tr("Hamlets or Party cells"), self.hamlets, "hamlets")
        layout.addStretch(1)  # a committee's shorter form keeps its rows together
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = self.save_buttons()
        layout.addWidget(buttons)
        if current is not None:
            self.level_buttons[current.level].setChecked(True)
            for button in self.level_buttons.values():
                button.setEnabled(False)  # chosen once, at the first setup
            self.branch_name.setText(current.branch_name)
            self.upper_name.setText(current.upper_name)
            self.place_name.setText(current.place_name)
            self.hamlets.setPlainText("\n".join(h.name for h in current.hamlets))
        self.level.buttonToggled.connect(lambda _button, _checked: self._level_changed())
        self._level_changed()
        self.track_changes()

    def chosen_level(self) -> Level:
        return next(level for level, button in self.level_buttons.items() if button.isChecked())

    def _level_changed(self) -> None:
        """The form speaks of the branch or of the committee; a committee has no hamlets of its own (what was
        typed there stays, hidden, should the choice go back)."""
        committee = self.chosen_level() == Level.COMMITTEE
        name_label = self.form.labelForField(self._name_row)
        if isinstance(name_label, QLabel):
            name_label.setText(self.tr("Committee name") if committee else self.tr("Branch name"))
        self.branch_name.setPlaceholderText(
            self.tr("e.g. Đảng ủy xã Tân Hùng") if committee else self.tr("e.g. Chi bộ ấp Te Te 1")
        )
        self.upper_name.setPlaceholderText(
            self.tr("e.g. Tỉnh ủy Cà Mau") if committee else self.tr("e.g. Đảng bộ xã Tân Hùng")
        )
        self.form.setRowVisible(self._hamlets_row, not committee)
        self.level_note.setText(
            self.tr(
                "A committee takes in its branches' packages: their members, meetings and funds are shown "
                "with the branch's name and can only be read here. The level cannot be changed later."
            )
            if committee
            else self.tr("A branch keeps its own members, meetings and loan fund, and sends them to the upper level.")
        )

    def save(self) -> None:
        level = self.chosen_level()
        setup = OrganisationSetup(
            branch_name=self.branch_name.text(),
            upper_name=self.upper_name.text(),
            place_name=self.place_name.text(),
            hamlet_names=tuple(self.hamlets.toPlainText().splitlines()) if level == Level.BRANCH else (),
            level=level,
        )
        try:
            change = self._service.save(setup)
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return
        self._on_change(change)
        self.accept()
