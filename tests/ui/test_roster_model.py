from datetime import date

from PySide6.QtCore import QCollator, QLocale, Qt

from chibo_desktop.domain.roster import RosterRow
from chibo_desktop.domain.text import collation_key, fold, name_sort_key
from chibo_desktop.ui.roster_model import ALL, RosterFilter, RosterModel

NAMES = [
    "Nguyễn Văn Đức",
    "Trần Thị Dung",
    "Lê Thị Ánh",
    "Phạm Văn Anh",
    "Hồ Thị Ảnh",
    "Võ Văn Ân",
    "Đỗ Thị Ăn",
    "Lý Ưng",
    "Mai Uy",
]


def row(i: int, name: str, status: str = "official", hamlet_id: int = 1) -> RosterRow:
    return RosterRow(
        id=i,
        full_name=name,
        gender="F" if "Thị" in name else "M",
        date_of_birth=date(1970, 1, i % 28 + 1),
        hamlet="Tổ 1",
        hamlet_id=hamlet_id,
        ethnicity="Kinh",
        card_number=str(1000 + i),
        cccd="",
        admission_date=None,
        official_date=None,
        status=status,
        search=fold(name),
        sort_key=name_sort_key(name),
    )


def test_the_model_passes_qts_model_tester(qtmodeltester: object) -> None:
    model = RosterModel()
    model.set_rows(tuple(row(i, n) for i, n in enumerate(NAMES)))
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_default_order_is_by_given_name_in_vietnamese() -> None:
    model = RosterModel()
    model.set_rows(tuple(row(i, n) for i, n in enumerate(NAMES)))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert [name.split()[-1] for name in shown] == ["Anh", "Ảnh", "Ánh", "Ăn", "Ân", "Dung", "Đức", "Uy", "Ưng"]


def test_filters_combine() -> None:
    model = RosterModel()
    model.set_rows((row(1, "Nguyễn Thị Bích"), row(2, "Nguyễn Văn Bình", "former"), row(3, "Lê Thị Bích", hamlet_id=2)))
    model.set_filter(RosterFilter(text="bich"))
    assert model.rowCount() == 2
    model.set_filter(RosterFilter(text="nguyen"))
    assert model.rowCount() == 1  # the former member is hidden by default
    model.set_filter(RosterFilter(text="nguyen", status=ALL))
    assert model.rowCount() == 2
    model.set_filter(RosterFilter(text="bich", hamlet_id=2))
    assert [model.member_id(0)] == [3]


def test_our_collation_agrees_with_qcollator_for_vietnamese() -> None:
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    words = [
        "Anh",
        "Ành",
        "Ảnh",
        "Ãnh",
        "Ánh",
        "Ạnh",
        "Ăn",
        "Ân",
        "Bích",
        "Dung",
        "Đức",
        "Em",
        "Êm",
        "On",
        "Ôn",
        "Ơn",
        "Uy",
        "Ưng",
        "Yến",
    ]
    import functools

    by_qt = sorted(words, key=functools.cmp_to_key(collator.compare))
    assert sorted(words, key=collation_key) == by_qt


def test_the_reminder_table_model_passes_the_model_tester(qtmodeltester: object) -> None:
    from chibo_desktop.ui.text_table import ID_ROLE, TextTableModel

    model = TextTableModel(["Họ và tên", "Ngày"])
    model.set_rows([(7, ("Danh Thị Mơl", "03/11/2025"), True), (9, ("Sơn Văn Ri", "26/03/1977"), False)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.data(model.index(1, 0)) == "Sơn Văn Ri"
    assert model.data(model.index(0, 1), ID_ROLE) == 7


def test_sorting_a_column_keeps_name_order_among_equals() -> None:
    model = RosterModel()
    rows = [row(i, n) for i, n in enumerate(NAMES)]
    model.set_rows(tuple(sorted(rows, key=lambda r: r.sort_key)), in_name_order=True)
    model.sort(1, Qt.SortOrder.AscendingOrder)  # gender: F before M, each group by given name
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert shown == [
        "Hồ Thị Ảnh",
        "Lê Thị Ánh",
        "Đỗ Thị Ăn",
        "Trần Thị Dung",
        "Phạm Văn Anh",
        "Võ Văn Ân",
        "Nguyễn Văn Đức",
        "Mai Uy",
        "Lý Ưng",
    ]
