from datetime import date

from chibo_desktop.domain.namesakes import Identity, shown_names, told_apart


def test_a_name_no_one_else_has_is_shown_as_it_is() -> None:
    people = [Identity(1, "Nguyễn Văn An", date(1968, 2, 1)), Identity(2, "Trần Thị Bình", date(1968, 2, 1))]
    assert told_apart(people) == {1: "Nguyễn Văn An", 2: "Trần Thị Bình"}


def test_two_of_the_same_name_are_told_apart_by_their_year_of_birth() -> None:
    people = [Identity(1, "Thạch Thol", date(1968, 2, 1)), Identity(2, "Thạch Thol", date(1975, 9, 9))]
    assert told_apart(people) == {1: "Thạch Thol (sinh 1968)", 2: "Thạch Thol (sinh 1975)"}
    assert told_apart(people, born="{name} (born {born})") == {1: "Thạch Thol (born 1968)", 2: "Thạch Thol (born 1975)"}


def test_born_the_same_year_they_get_the_whole_date_and_born_the_same_day_the_card_number() -> None:
    people = [
        Identity(1, "Nguyễn Văn An", date(1968, 2, 1), "01-000123"),
        Identity(2, "Nguyễn Văn An", date(1968, 9, 9), "01-000456"),
        Identity(3, "Nguyễn Văn An", date(1975, 9, 9), "01-000789"),
        Identity(4, "Nguyễn Văn An", date(1980, 5, 5), "01-000111"),
        Identity(5, "Nguyễn Văn An", date(1980, 5, 5), "01-000222"),
        Identity(6, "Nguyễn Văn An", None, "01-000333"),
    ]
    assert told_apart(people) == {
        1: "Nguyễn Văn An (sinh 01/02/1968)",
        2: "Nguyễn Văn An (sinh 09/09/1968)",
        3: "Nguyễn Văn An (sinh 1975)",
        4: "Nguyễn Văn An (thẻ 01-000111)",
        5: "Nguyễn Văn An (thẻ 01-000222)",
        6: "Nguyễn Văn An (thẻ 01-000333)",
    }


def test_with_nothing_on_record_to_tell_them_apart_the_names_stay() -> None:
    people = [Identity(1, "Lê Văn Tám"), Identity(2, "Lê Văn Tám"), Identity(3, "Lê Văn Tám", date(1970, 1, 1))]
    assert told_apart(people) == {1: "Lê Văn Tám", 2: "Lê Văn Tám", 3: "Lê Văn Tám (sinh 1970)"}


def test_only_the_names_shown_twice_in_the_list_change() -> None:
    identities = {i: Identity(i, name, date(1960 + i, 1, 1)) for i, name in ((1, "An"), (2, "An"), (3, "Bình"))}
    assert shown_names([(3, "Bình"), (1, "An"), (2, "An")], identities) == [
        (3, "Bình"),
        (1, "An (sinh 1961)"),
        (2, "An (sinh 1962)"),
    ]
    assert shown_names([(1, "An"), (3, "Bình")], identities) == [(1, "An"), (3, "Bình")]


def test_one_member_named_twice_in_a_list_is_not_told_apart_from_themself() -> None:
    identities = {1: Identity(1, "An", date(1961, 1, 1)), 2: Identity(2, "Bình", date(1962, 1, 1))}
    assert shown_names([(1, "An"), (2, "Bình"), (1, "An")], identities) == [(1, "An"), (2, "Bình"), (1, "An")]
