"""What every editor does alike: Ctrl+S saves, Enter goes on to the next field, and what was typed is never
thrown away without asking.

An editor is a dialog that derives from :class:`EditorDialog`, defines ``save()`` and calls ``track_changes()``
once its form is filled (and again after a save that keeps it open). Escape, its Cancel or Close button and the
window's close button then close it at once when nothing changed, and otherwise ask "Save the changes?" with
Save, Discard and Keep editing (the one Enter presses).

Enter in a field moves to the next field, as Tab does: someone typing Vietnamese line by line ends a line with
Enter, and in a form of many fields that must not save (or close) the record half typed. Only the Save button,
or Ctrl+S, saves; Enter on a button that has the focus still presses it. Inside a table Enter never saves either:
the table decides what it does (see :mod:`chibo_desktop.ui.enter_key`). The small dialogs of one or two fields
(a date, a password typed twice) are plain dialogs, where Enter is still OK.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from chibo_desktop.ui.enter_key import hand_over_typing, is_enter, table_cell

COMPARED_BY_DATA = "compared_by_data"
UNSAVED_STYLE = "color: #8a5a00;"  # amber: not an error, but no longer "saved"


def compared_by_data(widget: QWidget) -> None:
    """The inputs under *widget* are not compared as they show: the editor compares what they edit through its
    own function (given to ``track_changes``). For a part that shows one of many records at a time (an agenda item
    of several, rebuilt on each choice) or a field that only finds (a search box): what it shows is no change."""
    widget.setProperty(COMPARED_BY_DATA, True)


def form_state(root: QWidget, order: Sequence[QWidget] = ()) -> list[object]:
    """What a person can change in the inputs under *root*: texts, choices, ticks and editable tables, except
    under a part marked ``compared_by_data``. The widgets in *order* come first, in that order: Qt reorders a
    widget's children when one is raised (a tab shown), so two reads of the same untouched form must follow one
    order to compare equal."""
    state: list[object] = []
    present = root.findChildren(QWidget)
    known = set(order)
    alive = set(present)
    apart = [w for w in present if w.property(COMPARED_BY_DATA)]
    for widget in [w for w in order if w in alive] + [w for w in present if w not in known]:
        if any(part is widget or part.isAncestorOf(widget) for part in apart):
            continue
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and _cell_editor(widget):
            continue  # what a cell's editor holds is its table's once handed over; a closed one lingers a while
        if isinstance(widget, QLineEdit):  # spin boxes and editable lists hold one too
            state.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly():
            state.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            state.append((widget.currentIndex(), widget.currentText()))
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.append(widget.isChecked())
        elif isinstance(widget, QTableWidget) and widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers:
            state.append(
                [
                    [(widget.item(r, c).text() if widget.item(r, c) else "") for c in range(widget.columnCount())]
                    for r in range(widget.rowCount())
                ]
            )
        elif isinstance(widget, QListWidget):
            state.append([widget.item(r).text() for r in range(widget.count())])
    return state


def _cell_editor(widget: QWidget) -> bool:
    cell = table_cell(widget)
    return cell is not None and not cell.box


def _typing_in_a_cell(focus: QWidget | None) -> bool:
    """Whether *focus* is the editor a table opened on a cell, holding other text than the cell: typed, not yet
    handed over to the table (which :func:`form_state` reads)."""
    cell = table_cell(focus) if focus is not None else None
    if cell is None or cell.box:
        return False
    widget = cell.widget
    if isinstance(widget, QLineEdit):
        typed = widget.text()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        typed = widget.toPlainText()
    else:
        return False
    return typed != str(cell.index.data() or "")


class _SavedNote(QObject):
    """After a save, *label* says *saved*; once the user changes anything (a key typed, a click, the wheel on a
    box), it says *unsaved* instead, and *saved* again if the change is taken back. Only the user's own input in
    the editor is looked at, the moment after it: nothing runs while the window sits idle."""

    _INPUT = frozenset({QEvent.Type.KeyRelease, QEvent.Type.MouseButtonRelease, QEvent.Type.Wheel, QEvent.Type.Drop})

    def __init__(self, editor: "EditorDialog", label: QLabel, saved: str, unsaved: str) -> None:
        super().__init__(editor)
        self._editor, self._label, self._saved, self._unsaved = editor, label, saved, unsaved
        self._pending = False
        self._saved_style = label.styleSheet()
        label.setText(saved)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in self._INPUT or QApplication.activeWindow() is not self._editor:
            return False
        if event.type() == QEvent.Type.KeyRelease:
            self._look()  # the key itself was pressed, and did what it does, before
        elif not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._look)  # a click does its work on this very event: look once it has
        return False

    def _look(self) -> None:
        self._pending = False
        asking = QApplication.activeModalWidget()
        if asking is not None and asking is not self._editor:
            return  # a question the click opened (the approval's): its fields are not changes to the editor
        if self._label.text() not in (self._saved, self._unsaved):
            self.stop()  # the line says something else now (a problem found): no longer this note's
            return
        editor = self._editor
        changed = editor.has_changes() or _typing_in_a_cell(editor.focusWidget())
        self._label.setText(self._unsaved if changed else self._saved)
        self._label.setStyleSheet(UNSAVED_STYLE if changed else self._saved_style)


def _in_table(widget: QWidget) -> bool:
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def ask_to_save(parent: QWidget, text: str) -> QMessageBox.StandardButton:
    """Ask "Save the changes?" over *parent*, saying *text*: Save, Discard or Keep editing (Cancel), the answer
    returned. Keep editing is what Enter (or Escape, or closing the box) answers: a reflex Enter must neither save (a
    fund, a loan or a repayment saved can only be reversed) nor throw away what was typed. Every question about
    unsaved changes goes through here, the editors' and the tabs' that edit in place alike."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("EditorDialog", "Save the changes?"),
        text,
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    # the form's own button is often "Cancel" already: this one goes back to the form, and says so
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("EditorDialog", "Keep editing"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else QMessageBox.StandardButton.Cancel


class EditorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved: list[object] | None = None
        self._more: tuple[Callable[[], object], ...] = ()
        self._order: list[QWidget] = []
        self._saved_note: _SavedNote | None = None
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self._save_keys)

    def save(self) -> bool | None:
        """Write what the form holds; on a problem, show it and return False (the window stays open)."""
        raise NotImplementedError

    def save_buttons(self) -> QDialogButtonBox:
        """The editor's Save and Cancel: Save calls ``save()``, Cancel asks before dropping what was typed."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    def showEvent(self, event: QShowEvent) -> None:
        """No button is the dialog's default (Save drawn as the one Enter presses), since Enter in a field does not
        press it; Enter on a button with the focus presses that button (see keyPressEvent)."""
        super().showEvent(event)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # or it would be drawn as the default whenever it had the focus
            button.setDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter that the widget with the focus left unused: a button is pressed; a field goes on to the next
        field; never the default button (Save)."""
        focus = self.focusWidget()
        if not is_enter(event) or focus is None:
            super().keyPressEvent(event)
            return
        event.accept()
        if isinstance(focus, QPushButton):
            focus.click()
        elif not _in_table(focus):
            # the key Tab itself, so that the next field is the one Tab gives (and a scrolled form shows it)
            QApplication.sendEvent(
                focus, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
            )

    def _save_keys(self) -> None:
        """Ctrl+S: a shortcut takes no focus, so a cell still being typed in would keep its text from the save (and
        the editor would count it as a change once it closed): the table takes it first."""
        hand_over_typing(self.focusWidget())
        self.save_changes()

    def save_changes(self) -> bool | None:
        """What Ctrl+S and the question's Save do: ``save()``, unless the editor saves another way."""
        return self.save()

    def track_changes(self, *more: Callable[[], object]) -> None:
        """Count changes from what the form shows now. *more* gives what the inputs do not show (a photo chosen,
        marks in a list): each is called and compared, like the inputs."""
        if more:
            self._more = more
        self._order = self.findChildren(QWidget)
        self._saved = self._state()

    def say_saved(self, label: QLabel, saved: str, unsaved: str) -> None:
        """After a save that keeps the editor open: *label* says *saved* until the user changes something, then
        *unsaved* (a "Saved." left standing would vouch for changes made since). Call after ``track_changes()``."""
        self.forget_saved()
        self._saved_note = _SavedNote(self, label, saved, unsaved)

    def forget_saved(self) -> None:
        """The line of :meth:`say_saved` is about to say something else (a problem, a new save)."""
        if self._saved_note is not None:
            self._saved_note.stop()
            self._saved_note = None

    def done(self, result: int) -> None:
        self.forget_saved()
        super().done(result)

    def _state(self) -> list[object]:
        return [*form_state(self, self._order), *(part() for part in self._more)]

    def has_changes(self) -> bool:
        return self._saved is not None and self._state() != self._saved

    def reject(self) -> None:
        """Escape, Cancel/Close or the window's close button: ask first if something was changed (a cell still being
        typed in counts: its table takes it first, as the question's Save would need it)."""
        hand_over_typing(self.focusWidget())
        if not self.isVisible() or not self.has_changes():
            super().reject()
            return
        answer = ask_to_save(self, self.tr("Some changes here are not saved yet. Save them before closing?"))
        if answer == QMessageBox.StandardButton.Discard:
            super().reject()
        elif answer == QMessageBox.StandardButton.Save:
            saved = self.save_changes()
            if self.isVisible() and saved is not False and not self.has_changes():
                super().reject()  # saved, and the editor stays open after a save: close it now
