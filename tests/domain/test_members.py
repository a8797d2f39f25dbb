from datetime import date

from chibo_desktop.domain.members import (
    EventKind,
    MemberRecord,
    Standing,
    Status,
    StatusEvent,
    check_new_event,
    party_age,
    state_on,
    validate_member,
)
from tests.helpers.days import TODAY

GOOD = MemberRecord(
    full_name="Nguyễn Thị Bích", gender="F", date_of_birth=date(1980, 3, 4), admission_date=date(2005, 5, 19)
)


def errors(record: MemberRecord) -> dict[str, str]:
    return {field: message.render() for field, message in validate_member(record, TODAY, 18).items()}


def test_a_complete_record_has_no_errors() -> None:
    assert errors(GOOD) == {}


def test_required_fields_are_named() -> None:
    assert set(errors(MemberRecord())) == {"full_name", "gender", "date_of_birth", "admission_date"}


def test_cccd_must_have_twelve_digits() -> None:
    from dataclasses import replace

    assert "12 digits" in errors(replace(GOOD, cccd="0123456789"))["cccd"]
    assert "cccd" not in errors(replace(GOOD, cccd="012345678901"))
    assert errors(replace(GOOD, cccd="0123 4567 8901").normalised()) == {}


def test_dates_must_be_in_a_possible_order() -> None:
    from dataclasses import replace

    assert "after the date of birth" in errors(replace(GOOD, admission_date=date(1979, 1, 1)))["admission_date"]
    assert "at least 18" in errors(replace(GOOD, admission_date=date(1995, 1, 1)))["admission_date"]
    assert "after the admission" in errors(replace(GOOD, official_date=date(2005, 1, 1)))["official_date"]
    assert "future" in errors(replace(GOOD, official_date=date(2027, 1, 1)))["official_date"]


ADMITTED = StatusEvent(EventKind.ADMITTED, date(2020, 1, 10))
OFFICIAL = StatusEvent(EventKind.RECOGNISED_OFFICIAL, date(2021, 1, 15))


def test_status_follows_the_events_of_each_day() -> None:
    events = [ADMITTED, OFFICIAL, StatusEvent(EventKind.EXEMPTED, date(2024, 3, 1), end_date=date(2024, 12, 31))]
    assert state_on(events, date(2019, 12, 31)).status == Status.FORMER
    assert state_on(events, date(2020, 6, 1)).status == Status.PROBATIONARY
    assert state_on(events, date(2022, 6, 1)).status == Status.OFFICIAL
    assert state_on(events, date(2024, 6, 1)).status == Status.EXEMPTED
    assert state_on(events, date(2025, 1, 1)).status == Status.OFFICIAL  # the exemption ran out


def test_attached_members_belong_but_are_not_counted_as_own() -> None:
    events = [
        StatusEvent(EventKind.ATTACHED_IN, date(2026, 1, 1), end_date=date(2026, 6, 30), standing=Standing.OFFICIAL)
    ]
    state = state_on(events, date(2026, 3, 1))
    assert state.belongs and not state.own and state.status == Status.ATTACHED
    assert state_on(events, date(2026, 7, 1)).belongs is False


def test_leaving_ends_membership_and_history_stays() -> None:
    events = [ADMITTED, OFFICIAL, StatusEvent(EventKind.TRANSFERRED_OUT, date(2025, 5, 1))]
    assert state_on(events, date(2025, 4, 30)).status == Status.OFFICIAL
    gone = state_on(events, date(2025, 5, 1))
    assert gone.status == Status.FORMER and gone.ended_by == EventKind.TRANSFERRED_OUT


def test_impossible_events_are_refused_with_a_reason() -> None:
    history = [ADMITTED, OFFICIAL]
    twice = check_new_event(history, StatusEvent(EventKind.RECOGNISED_OFFICIAL, date(2022, 1, 1)))
    assert twice is not None and "probationary" in twice.render()
    earlier = check_new_event(history, StatusEvent(EventKind.EXEMPTED, date(2020, 5, 1)))
    assert earlier is not None and "before" in earlier.render()
    nothing_to_end = check_new_event(history, StatusEvent(EventKind.EXEMPTION_ENDED, date(2022, 1, 1)))
    assert nothing_to_end is not None
    assert check_new_event(history, StatusEvent(EventKind.EXEMPTED, date(2022, 1, 1))) is None


def test_party_age_counts_from_the_decision_and_skips_suspension() -> None:
    record = MemberRecord(admission_date=date(1996, 2, 3), admission_decision_date=date(1996, 1, 20))
    plain = party_age(record, [])
    assert plain is not None and plain.years_on(date(2026, 1, 20)) == 30
    assert plain.years_on(date(2026, 1, 19)) == 29
    suspended = [
        StatusEvent(EventKind.SUSPENDED, date(2000, 1, 1)),
        StatusEvent(EventKind.SUSPENSION_LIFTED, date(2000, 3, 1)),
    ]
    delayed = party_age(record, suspended)
    assert delayed is not None and delayed.milestone_date(30) == date(2026, 3, 21)  # 60 days later


CODES = {str(d): ("M" if d % 2 == 0 else "F", 1900 + 100 * (d // 2)) for d in range(10)}


def test_an_id_number_that_contradicts_gender_or_year_of_birth_is_flagged() -> None:
    from dataclasses import replace

    from chibo_desktop.domain.members import cccd_problem

    woman_1980 = replace(GOOD, cccd="094180001234")  # digit 4 = 1: a woman born 1900–1999; digits 5–6 = 80
    assert cccd_problem(woman_1980, CODES) is None
    assert "given to men; this member is a woman" in _text(cccd_problem(replace(GOOD, cccd="094080001234"), CODES))
    assert "born 2000–2099; this member was born in 1980" in _text(
        cccd_problem(replace(GOOD, cccd="094380001234"), CODES)
    )
    assert "are 79, the last two digits" in _text(cccd_problem(replace(GOOD, cccd="094179001234"), CODES))
    assert cccd_problem(replace(GOOD, cccd="094080001234", gender=""), CODES) is None  # no gender: nothing to say
    assert cccd_problem(replace(GOOD, cccd="094179001234", date_of_birth=None), CODES) is None
    assert cccd_problem(woman_1980, {}) is None  # without the rule, only the length is checked
    flagged = validate_member(replace(GOOD, cccd="094080001234"), TODAY, 18, CODES)
    assert set(flagged) == {"cccd"}


def _text(message: object) -> str:
    assert message is not None
    return message.render()  # type: ignore[attr-defined]
