"""A long job with a progress window and a Cancel button: the work runs in the background and reports how far it
got; Cancel asks it to stop at its next report."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from chibo_desktop.ui.tasks import Job, TaskRunner


def run_with_progress(
    parent: QWidget,
    tasks: TaskRunner,
    key: str,
    title: str,
    label: Callable[[int], str],
    total: int,
    work: Callable[[Callable[[int], bool]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> tuple[Job, QProgressDialog]:
    """*work(report)* calls ``report(n)`` as it goes (n of *total*); ``report`` returns False once cancelled.
    The window closes with the job, whichever way it ends."""
    progress = QProgressDialog(label(0), QCoreApplication.translate("Progress", "Cancel"), 0, max(1, total), parent)
    progress.setWindowTitle(title)
    progress.setMinimumDuration(0)
    progress.setValue(0)

    def finish() -> None:
        progress.close()
        progress.deleteLater()

    def step(done: int) -> None:
        progress.setLabelText(label(done))
        progress.setValue(min(done, max(1, total) - 1))

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(error: BaseException) -> None:
        finish()
        on_error(error)

    job = tasks.run(key, work, done, failed, step, owner=parent)
    progress.canceled.connect(job.cancel)
    return job, progress
