import sqlite3

from pytestqt.qtbot import QtBot

from chibo_desktop.services.changes import Change
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import Database
from chibo_desktop.ui.setup_dialog import SetupDialog


def test_first_run_setup_writes_the_branch_and_its_upper_level(qtbot: QtBot, db: Database, vietnamese: None) -> None:
    services = Services.build(db)
    changes: list[Change] = []
    dialog = SetupDialog(services.organisation, changes.append)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.errors.visible_text("branch_name") == "Hãy nhập tên chi bộ."
    assert services.organisation.get() is None
    dialog.branch_name.setText("Chi bộ ấp Te Te 1")
    dialog.upper_name.setText("Đảng bộ xã Tân Hùng")
    dialog.place_name.setText("Tân Hùng")
    dialog.hamlets.setPlainText("Tổ 1\n\nTổ 2\ntổ 2\n")
    dialog.save()
    organisation = services.organisation.require()
    assert (organisation.branch_name, organisation.upper_name, organisation.place_name) == (
        "Chi bộ ấp Te Te 1",
        "Đảng bộ xã Tân Hùng",
        "Tân Hùng",
    )
    assert [h.name for h in organisation.hamlets] == ["Tổ 1", "Tổ 2"]
    assert len(changes) == 1
    with sqlite3.connect(db.path) as conn:
        rows = conn.execute("SELECT name, kind, parent_id IS NULL FROM org_unit ORDER BY id").fetchall()
    assert rows == [("Đảng bộ xã Tân Hùng", "committee", 1), ("Chi bộ ấp Te Te 1", "branch", 0)]
