"""The first-run setup (and later edits) of the branch: its name, the level above, place, hamlets."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.organisation import Organisation, OrganisationSetup
from chibo_desktop.services.changes import Change
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.ui.form_fields import FieldErrors, message_label
from chibo_desktop.ui.i18n import render


class SetupDialog(QDialog):
    def __init__(
        self,
        organisation: OrganisationService,
        on_change: Callable[[Change], None],
        current: Organisation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = organisation
        self._on_change = on_change
        self.setWindowTitle(self.tr("Set up the branch"))
        self.resize(560, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These names appear at the top of every document. Since 1 July 2025 a village branch reports "
                "to its commune or ward Party committee."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
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
        self.errors.add_row(form, self.tr("Branch name"), self.branch_name, "branch_name")
        self.errors.add_row(form, self.tr("Reports to"), self.upper_name, "upper_name")
        self.errors.add_row(form, self.tr("Place name on documents"), self.place_name, "place_name")
        self.errors.add_row(form, self.tr("Hamlets or Party cells"), self.hamlets, "hamlets")
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if current is not None:
            self.branch_name.setText(current.branch_name)
            self.upper_name.setText(current.upper_name)
            self.place_name.setText(current.place_name)
            self.hamlets.setPlainText("\n".join(h.name for h in current.hamlets))

    def save(self) -> None:
        setup = OrganisationSetup(
            branch_name=self.branch_name.text(),
            upper_name=self.upper_name.text(),
            place_name=self.place_name.text(),
            hamlet_names=tuple(self.hamlets.toPlainText().splitlines()),
        )
        try:
            change = self._service.save(setup)
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return
        self._on_change(change)
        self.accept()
