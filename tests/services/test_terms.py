"""Terms set in the setup, and the periods a user can name for stats and reports."""

from datetime import date

import pytest

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.terms import TermDraft
from chibo_desktop.services.wiring import Services


def test_a_term_saved_is_a_period_by_its_name(services: Services) -> None:
    services.terms.save(TermDraft(" Nhiệm kỳ  2020–2025 ", date(2020, 9, 1), date(2025, 6, 30), 45))
    (term,) = services.terms.terms()
    assert (term.name, term.admissions_target) == ("Nhiệm kỳ 2020–2025", 45)
    period = services.terms.period("nhiem ky 2020-2025")
    assert (period.start, period.end, period.label) == (date(2020, 9, 1), date(2025, 6, 30), "Nhiệm kỳ 2020–2025")
    assert services.terms.term_of(services.terms.period("2020-09-01..2025-06-30")) == term
    assert services.terms.period("2024-Q2").end == date(2024, 6, 30)


def test_an_overlapping_term_is_refused_and_nothing_is_written(services: Services) -> None:
    services.terms.save(TermDraft("Nhiệm kỳ 2020–2025", date(2020, 9, 1), date(2025, 6, 30), 45))
    with pytest.raises(UserError) as caught:
        services.terms.save(TermDraft("Nhiệm kỳ 2025–2030", date(2025, 6, 1), date(2030, 6, 30), 50))
    assert set(caught.value.field_errors) == {"start"}
    assert [t.name for t in services.terms.terms()] == ["Nhiệm kỳ 2020–2025"]


def test_a_term_can_be_edited_and_removed(services: Services) -> None:
    term_id = services.terms.save(TermDraft("Nhiệm kỳ 2020–2025", date(2020, 9, 1), date(2025, 6, 30))).ids[0]
    services.terms.save(TermDraft("Nhiệm kỳ 2020–2025", date(2020, 10, 1), date(2025, 6, 30), 40), term_id)
    (term,) = services.terms.terms()
    assert (term.start, term.admissions_target) == (date(2020, 10, 1), 40)
    services.terms.delete(term_id)
    assert services.terms.terms() == ()


def test_a_period_that_is_neither_lists_the_terms(services: Services) -> None:
    services.terms.save(TermDraft("Nhiệm kỳ 2020–2025", date(2020, 9, 1), date(2025, 6, 30)))
    with pytest.raises(UserError) as caught:
        services.terms.period("nhiệm kỳ trước")
    assert "Terms set up: Nhiệm kỳ 2020–2025." in caught.value.message.render()
    with pytest.raises(UserError) as caught:
        services.terms.period("2025-06-30..2020-09-01")
    assert "before it starts" in caught.value.message.render()


def test_the_probation_reminder_counts_the_seeded_holidays(services: Services) -> None:
    """The table is seeded with Tết; a day the user adds (a substitute day) moves the deadline one more day."""
    from chibo_desktop.domain.members import MemberRecord

    assert {on for on, _name, seeded in services.holidays.year(2026) if seeded} >= {date(2026, 2, 17), date(2026, 9, 2)}
    services.members.add(
        MemberRecord(
            full_name="Nguyễn Thị Mới",
            gender="F",
            date_of_birth=date(1995, 1, 1),
            admission_date=date(2025, 1, 16),
        )
    )
    (reminder,) = services.members.probation_reminders(services.members.roster(date(2026, 2, 2)))
    assert reminder.deadline == date(2026, 3, 6)  # not 27/02: Tết's five weekdays are not working days
    services.holidays.save(date(2026, 3, 2), "Ngày nghỉ bù (thử)")
    (reminder,) = services.members.probation_reminders(services.members.roster(date(2026, 2, 2)))
    assert reminder.deadline == date(2026, 3, 9)
    services.holidays.delete(date(2026, 3, 2))
    assert date(2026, 3, 2) not in services.holidays.days()


def test_a_report_over_a_term_or_a_range_gets_a_plain_file_name(services: Services) -> None:
    from chibo_desktop.services.printing import workbook_name

    services.terms.save(TermDraft("Nhiệm kỳ 2020–2025", date(2020, 9, 1), date(2025, 6, 30)))
    assert workbook_name(services.terms.period("Nhiệm kỳ 2020–2025")) == "bao-cao-tong-hop-nhiem-ky-2020-2025.xlsx"
    assert workbook_name(services.terms.period("01/09/2020..30/06/2025")) == (
        "bao-cao-tong-hop-2020-09-01-2025-06-30.xlsx"
    )
    assert workbook_name(services.terms.period("2026-Q3")) == "bao-cao-tong-hop-2026-Q3.xlsx"
