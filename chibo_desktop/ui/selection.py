"""Buttons that act on the chosen row of a list are enabled only while a row is chosen, so a click never ends in
"choose … first"."""

from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtWidgets import QAbstractItemView


class Enableable(Protocol):
    def setEnabled(self, enabled: bool) -> None: ...  # noqa: N802 - Qt's name


def on_selection(view: QAbstractItemView, update: Callable[[], None]) -> None:
    """Call *update* now and whenever what is chosen in *view* may have changed: a click, a key, or its rows
    being reloaded, sorted or filtered (a reload clears the choice without a word)."""

    def changed(*_args: object) -> None:
        if shiboken6.isValid(view):  # a list widget's model empties itself while the view is being destroyed
            update()

    view.selectionModel().selectionChanged.connect(changed)
    model = view.model()
    for signal in (model.modelReset, model.layoutChanged, model.rowsRemoved, model.rowsInserted):
        signal.connect(changed)
    update()


def enable_while_chosen(
    view: QAbstractItemView, *targets: Enableable, allowed: Callable[[], bool] = lambda: True
) -> Callable[[], None]:
    """*targets* (buttons, actions) are enabled exactly while a row of *view* is chosen and *allowed()* (say, the
    record is not locked). Returns the update, for the owner to call when *allowed* changes."""

    def update() -> None:
        chosen = view.selectionModel().hasSelection() and allowed()
        for target in targets:
            target.setEnabled(chosen)

    on_selection(view, update)
    return update
