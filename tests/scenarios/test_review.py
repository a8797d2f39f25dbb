"""The yearly review in the real window, with clicks and keys: the members to review and those not rated apart,
the year's absences beside a member, points and levels typed in, the cap on "excellent" warned about, a change
not thrown away when another member is chosen, the branch's own rating, and the printed summary."""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.meetings import Mark, MeetingRecord
from chibo_desktop.domain.members import EventKind, MemberRecord, StatusEvent
from chibo_desktop.domain.review import Award, AwardKind, Level, MemberReview
from chibo_desktop.services.members import Joining, JoinKind
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.member_dialog import MemberDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.gui import (
    answering_modal,
    button_texts,
    click,
    click_row,
    click_tab,
    double_click_row,
    find_row,
    key,
    new_window,
    row_texts,
    settle,
    type_into,
    windows,
)
from tests.helpers.members import add_member
from tests.helpers.pdf import pdf_text
from tests.helpers.popups import answer, choose_in_combo

NAME, CELL, UNEXCUSED, UNPAID, SELF, POINTS, PROPOSED, VOTES, FINAL, NOTE = range(10)


def test_a_year_review_typed_in_checked_against_the_cap_and_printed(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    names = ["Nguyễn Văn An", "Trần Văn Ba", "Lê Văn Cường", "Phạm Văn Dũng", "Võ Văn Em", "Đỗ Văn Giang"]
    ids = {name: add_member(services, name) for name in names}
    exempted = add_member(services, "Hồ Thị Hoa")
    services.members.add_event(exempted, StatusEvent(EventKind.EXEMPTED, date(2026, 2, 1), note="Tuổi cao"))
    lines = services.meetings.draft_lines(date(2026, 5, 10))
    lines = tuple(replace(x, mark=Mark.UNEXCUSED) if x.member_id == ids["Võ Văn Em"] else x for x in lines)
    services.meetings.create(MeetingRecord(on=date(2026, 5, 10)), lines)
    w = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        w.show()
    view = w.review_view
    with qtbot.waitSignal(view.loaded, timeout=10000):
        click_tab(w.tabs, "Đánh giá, xếp loại")

    assert row_texts(view.table, NAME) == sorted(names, key=lambda n: n.split()[-1])  # Vietnamese name order
    assert row_texts(view.apart_table, 0) == ["Hồ Thị Hoa"]
    assert row_texts(view.apart_table, 1) == ["Miễn công tác và sinh hoạt đảng"]
    em = find_row(view.table, NAME, lambda t: t == "Võ Văn Em")
    assert row_texts(view.table, UNEXCUSED)[em] == "1"

    def rate(name: str, points: str, level: str) -> None:
        click_row(view.table, find_row(view.table, NAME, lambda t: t == name))
        assert view.name.text() == f"<b>{name}</b>"
        type_into(view.points, points)
        choose_in_combo(qtbot, view.proposed, level)
        type_into(view.votes_for, "6")
        type_into(view.votes_total, "7")
        with qtbot.waitSignal(view.loaded, timeout=10000):
            key(view.votes_total, Qt.Key.Key_Return)

    click_row(view.table, em)
    assert "vắng không lý do 1" in view.facts.text()
    for name in ("Nguyễn Văn An", "Trần Văn Ba", "Lê Văn Cường", "Phạm Văn Dũng"):
        rate(name, "85", "Hoàn thành tốt nhiệm vụ")
    assert view.suggested.text() == "Theo điểm: Hoàn thành tốt nhiệm vụ"
    assert not view.cap.isVisible()
    rate("Đỗ Văn Giang", "95", "Hoàn thành xuất sắc nhiệm vụ")
    assert view.cap.isVisible()  # one "excellent" for four "good": 20 % of 4 allows none
    assert "tối đa 0" in view.cap.text()
    row = find_row(view.table, NAME, lambda t: t == "Đỗ Văn Giang")
    assert (row_texts(view.table, POINTS)[row], row_texts(view.table, PROPOSED)[row]) == ("95", "HTXSNV")
    assert row_texts(view.table, VOTES)[row] == "6/7"

    # a change is not thrown away when another member is chosen: the question offers to save it
    click_row(view.table, find_row(view.table, NAME, lambda t: t == "Võ Văn Em"))
    type_into(view.points, "72")
    with answering_modal(lambda box: answer(box, "Lưu")) as seen:
        click_row(view.table, find_row(view.table, NAME, lambda t: t == "Nguyễn Văn An"))
    assert isinstance(seen[0], QMessageBox)
    settle(w.tasks)
    assert row_texts(view.table, POINTS)[find_row(view.table, NAME, lambda t: t == "Võ Văn Em")] == "72"
    assert view.name.text() == "<b>Nguyễn Văn An</b>"

    rate("Võ Văn Em", "72", "Hoàn thành tốt nhiệm vụ")
    assert not view.cap.isVisible()  # five "good" now allow one "excellent"
    assert "6/6 đã có mức xếp loại" in view.counts.text()

    choose_in_combo(qtbot, view.branch_level, "Hoàn thành tốt nhiệm vụ")
    type_into(view.branch_decision, "45-QĐ/ĐU")
    type_into(view.branch_date, "20/11/2026")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        click(view.branch_save)
    assert view.branch_saved.text() == "Đã lưu."  # the secretary sees it was stored

    with qtbot.waitSignal(w.printing.preview_ready, timeout=20000) as shown:
        click(view.print_button)
    text = pdf_text(shown.args[0].pdf)
    assert "Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2026" in text
    assert "Hoàn thành xuất sắc nhiệm vụ (1): Đỗ Văn Giang" in " ".join(text.split())
    assert "Hồ Thị Hoa" in text and "45-QĐ/ĐU" in text
    shown.args[0].close()


def test_the_member_record_lists_the_reviews_and_commendations(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    an = add_member(services, "Nguyễn Văn An")
    services.review.save(MemberReview(an, 2025, points=88, proposed_level=Level.GOOD, final_level=Level.GOOD))
    services.review.add_award(Award(an, AwardKind.COMMENDATION, "Giấy khen", date(2026, 2, 3), "12-QĐ/ĐU"))
    w = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        w.show()
    before = windows()
    double_click_row(w.roster_view.table, 0)
    dialog = new_window(qtbot, MemberDialog, before)
    click_tab(dialog.tabs, "Đánh giá, khen thưởng")
    assert row_texts(dialog.reviews, 0) == ["2025"] and row_texts(dialog.reviews, 3) == ["Hoàn thành tốt nhiệm vụ"]
    assert row_texts(dialog.awards, 1) == ["Khen thưởng"] and row_texts(dialog.awards, 2) == ["Giấy khen"]


def test_the_messages_go_as_soon_as_the_fields_are_put_right(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    """A review refused for its numbers: the line under the form and the message beside each field stay while a
    field is still wrong and go as the secretary types the right numbers in, without saving again."""
    add_member(services, "Nguyễn Văn An")
    w = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        w.show()
    view = w.review_view
    with qtbot.waitSignal(view.loaded, timeout=10000):
        click_tab(w.tabs, "Đánh giá, xếp loại")
    click_row(view.table, find_row(view.table, NAME, lambda t: t == "Nguyễn Văn An"))
    beside_points = view.findChild(QLabel, "error_points")
    beside_votes = view.findChild(QLabel, "error_votes_for")
    assert beside_points is not None and beside_votes is not None

    type_into(view.points, "150")
    type_into(view.votes_for, "8")
    type_into(view.votes_total, "7")
    key(view.votes_total, Qt.Key.Key_Return)
    assert view.message.text() == "Một số ô cần được sửa; xem thông báo bên cạnh từng ô."
    assert beside_points.isVisible() and beside_points.text() == "Điểm tính trên thang 100: ghi từ 0 đến 100."
    assert beside_votes.isVisible() and "nhiều hơn số biểu quyết" in beside_votes.text()

    type_into(view.points, "95")  # put right: its message goes; the votes are still wrong, and still said so
    assert not beside_points.isVisible() and beside_votes.isVisible()
    assert view.message.text() == "Một số ô cần được sửa; xem thông báo bên cạnh từng ô."

    type_into(view.votes_total, "9")  # the other field of the pair put right: nothing is wrong any more
    assert not beside_votes.isVisible() and not beside_points.isVisible()
    assert view.message.text() == ""
    assert services.review.sheet(2026).rated[0].review.points is None  # nothing was saved on the way

    with qtbot.waitSignal(view.loaded, timeout=10000):
        key(view.votes_total, Qt.Key.Key_Return)
    assert services.review.sheet(2026).rated[0].review.points == 95 and view.message.text() == ""


def test_a_member_attached_to_the_branch_is_named_apart_greyed_and_in_no_list_or_count(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    """Reviewed by their home branch: not a row of either list, not in the counts, only named beside the lists."""
    add_member(services, "Nguyễn Văn An")
    services.members.add(
        MemberRecord(
            full_name="Phạm Thị Chi",
            gender="F",
            date_of_birth=date(1985, 1, 2),
            admission_date=date(2011, 1, 1),
            official_date=date(2012, 1, 1),
        ),
        Joining(JoinKind.ATTACHED_IN, on=date(2026, 3, 1), until=date(2027, 3, 1)),
    )
    w = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(w)
    w.resize(1366, 728)
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        w.show()
    view = w.review_view
    with qtbot.waitSignal(view.loaded, timeout=10000):
        click_tab(w.tabs, "Đánh giá, xếp loại")
    assert row_texts(view.table, NAME) == ["Nguyễn Văn An"]
    assert view.apart.rowCount() == 0
    assert view.counts.text().startswith("0/1 đã có mức xếp loại")
    assert view.attached.isVisible()
    assert view.attached.text() == (
        "Sinh hoạt tạm thời tại chi bộ (chi bộ nơi sinh hoạt chính thức đánh giá, xếp loại; không tính trong hai danh "
        "sách bên trái): Phạm Thị Chi."
    )


def test_enter_on_the_question_about_another_member_keeps_the_review_as_typed(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    """Choosing another member with a review half typed asks "Lưu thay đổi?", as every editor does, and a reflex
    Enter there goes back to the form: the review as typed, the same member, nothing saved."""
    for name in ("Nguyễn Văn An", "Trần Văn Ba"):
        add_member(services, name)
    w = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        w.show()
    view = w.review_view
    with qtbot.waitSignal(view.loaded, timeout=10000):
        click_tab(w.tabs, "Đánh giá, xếp loại")
    click_row(view.table, find_row(view.table, NAME, lambda t: t == "Nguyễn Văn An"))
    type_into(view.points, "72")
    asked: list[tuple[str, list[str]]] = []

    def press_enter(box: QWidget) -> None:
        asked.append((box.windowTitle(), button_texts(box)))
        key(box, Qt.Key.Key_Return)

    with answering_modal(press_enter):
        click_row(view.table, find_row(view.table, NAME, lambda t: t == "Trần Văn Ba"))
    assert view.name.text() == "<b>Nguyễn Văn An</b>" and view.points.text() == "72"  # the form, as typed
    assert [line.review.points for line in services.review.sheet(2026).rated] == [None, None]  # nothing saved
    row = find_row(view.table, NAME, lambda t: t == "Nguyễn Văn An")
    assert row_texts(view.table, POINTS)[row] == ""
    assert asked == [("Lưu thay đổi?", ["Lưu", "Tiếp tục sửa", "Bỏ thay đổi"])]  # as in every editor
