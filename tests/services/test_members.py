import unicodedata
from datetime import date

import pytest

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.members import EventKind, MemberRecord, Status, StatusEvent
from chibo_desktop.services.members import Joining, JoinKind
from chibo_desktop.services.wiring import Services
from tests.helpers.databases import connect

BICH = MemberRecord(
    full_name="Nguyễn Thị Bích",
    gender="F",
    date_of_birth=date(1985, 4, 2),
    ethnicity="Khmer",
    cccd="094185001234",
    admission_date=date(2010, 5, 19),
    official_date=date(2011, 5, 20),
    card_number="12345678",
)


def test_a_member_is_stored_with_events_and_a_stable_uuid(services: Services) -> None:
    change = services.members.add(BICH)
    member = services.members.get(change.ids[0])
    assert member.record.full_name == "Nguyễn Thị Bích"
    assert [e.kind for e in member.events] == [EventKind.ADMITTED, EventKind.RECOGNISED_OFFICIAL]
    assert len(member.uuid) == 36
    services.members.update(member.id, MemberRecord(**{**BICH.__dict__, "phone": "0912345678"}))
    assert services.members.get(member.id).uuid == member.uuid


def test_text_is_stored_nfc(services: Services) -> None:
    decomposed = unicodedata.normalize("NFD", "Trần Thị Ngọc Ánh")
    change = services.members.add(MemberRecord(**{**BICH.__dict__, "full_name": decomposed, "cccd": ""}))
    with connect(services.db) as conn:
        stored = conn.execute("SELECT full_name FROM member WHERE id=?", (change.ids[0],)).fetchone()[0]
    assert stored == "Trần Thị Ngọc Ánh" and unicodedata.is_normalized("NFC", stored)


def test_the_same_name_is_found_whatever_its_case_or_unicode_form_and_only_that_name(services: Services) -> None:
    """What the member form asks about before adding a second "Nguyễn Thị Bích": the members kept under that name
    as written, in capitals or decomposed too; a name differing by a tone mark or a letter is another name."""
    first = services.members.add(BICH).ids[0]
    capitals = services.members.add(MemberRecord(**{**BICH.__dict__, "full_name": "NGUYỄN THỊ BÍCH", "cccd": ""}))
    for other in ("Nguyễn Thị Bịch", "Nguyễn Thị Bích Ngọc", "Trần Thị Bích", "Nguyễn Bích"):
        services.members.add(MemberRecord(**{**BICH.__dict__, "full_name": other, "cccd": ""}))
    typed = unicodedata.normalize("NFD", "nguyễn  thị bích ")
    found = services.members.same_name(typed)
    assert [(p.id, p.name, p.born) for p in found] == [
        (first, "Nguyễn Thị Bích", date(1985, 4, 2)),
        (capitals.ids[0], "NGUYỄN THỊ BÍCH", date(1985, 4, 2)),
    ]
    assert services.members.same_name("Nguyễn Thị Bé") == []


def test_bad_input_is_refused_field_by_field_and_nothing_is_written(services: Services) -> None:
    with pytest.raises(UserError) as caught:
        services.members.add(
            MemberRecord(full_name="Lê Văn Tám", gender="M", cccd="12345", date_of_birth=date(1990, 1, 1))
        )
    assert set(caught.value.field_errors) == {"cccd", "admission_date"}
    assert services.members.roster().rows == ()


def test_events_change_the_status_and_are_checked(services: Services) -> None:
    member_id = services.members.add(BICH).ids[0]
    services.members.add_event(member_id, StatusEvent(EventKind.EXEMPTED, date(2026, 1, 1), note="Điều trị bệnh"))
    roster = services.members.roster()
    assert roster.rows[0].status == Status.EXEMPTED
    assert services.members.counts(roster, parse_period("2026")).exempted == 1
    with pytest.raises(UserError):  # history is appended, never rewritten
        services.members.add_event(member_id, StatusEvent(EventKind.DECEASED, date(2020, 1, 1)))
    with pytest.raises(UserError):  # not in the future either
        services.members.add_event(member_id, StatusEvent(EventKind.DECEASED, date(2027, 1, 1)))
    assert len(services.members.get(member_id).events) == 3


def test_recognising_official_fills_the_official_date(services: Services) -> None:
    probationary = MemberRecord(**{**BICH.__dict__, "official_date": None, "admission_date": date(2025, 11, 1)})
    member_id = services.members.add(probationary).ids[0]
    services.members.add_event(
        member_id, StatusEvent(EventKind.RECOGNISED_OFFICIAL, date(2026, 11, 10), decision_no="12-QĐ/ĐU")
    )
    member = services.members.get(member_id)
    assert member.record.official_date == date(2026, 11, 10)
    assert member.record.official_decision_no == "12-QĐ/ĐU"


def test_a_transferred_member_arrives_with_a_transfer_event(services: Services) -> None:
    joining = Joining(kind=JoinKind.TRANSFERRED_IN, on=date(2024, 3, 1), decision_no="5-QĐ/ĐU")
    member_id = services.members.add(BICH, joining).ids[0]
    kinds = [e.kind for e in services.members.get(member_id).events]
    assert kinds == [EventKind.TRANSFERRED_IN]
    assert services.members.roster().rows[0].status == Status.OFFICIAL


def test_a_changed_card_number_keeps_the_old_one(services: Services) -> None:
    member_id = services.members.add(BICH).ids[0]
    services.members.update(member_id, MemberRecord(**{**BICH.__dict__, "card_number": "AB-000123"}))
    assert [n for n, _d in services.members.get(member_id).card_history] == ["12345678", "AB-000123"]


def test_rules_are_dated_data(services: Services) -> None:
    services.rules.set_value("probation.months", "9", date(2026, 2, 1), "example")
    book = services.rules.book()
    assert book.get("probation.months", date(2026, 1, 31)) == 12
    assert book.get("probation.months", date(2026, 2, 1)) == 9
    with pytest.raises(UserError):
        services.rules.set_value("badge.milestones", "ba mươi", date(2026, 2, 1))
