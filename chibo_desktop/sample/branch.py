"""A realistic sample branch, so a newcomer sees a living app and benchmarks have something to chew.

Names follow the real frequency of Vietnamese family names (Nguyễn about 38 %, Trần 11 %, Lê 9.5 % …); the
branch is modelled on a Mekong-delta hamlet branch with a Khmer minority, as in the Tân Hùng reports.
"""

import random
from dataclasses import replace
from datetime import date, timedelta

from chibo_desktop.domain.dates import add_months, add_years
from chibo_desktop.domain.members import EventKind, Gender, MemberRecord, Standing, StatusEvent
from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.storage import member_queries
from chibo_desktop.storage.db import Database

KINH_FAMILY = [
    ("Nguyễn", 38.4),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.1),
    ("Huỳnh", 5.1),
    ("Phan", 4.5),
    ("Võ", 3.9),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Trương", 0.8),
    ("Đinh", 0.6),
    ("Lâm", 0.6),
    ("Mai", 0.5),
    ("Cao", 0.4),
    ("Châu", 0.4),
    ("Tạ", 0.3),
    ("Thái", 0.3),
    ("Lưu", 0.3),
    ("Quách", 0.2),
]
KINH_MIDDLE = {
    Gender.MALE: ["Văn", "Hữu", "Minh", "Quốc", "Thanh", "Công", "Đức", "Hoàng"],
    Gender.FEMALE: ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Mỹ", "Thanh", "Hồng"],
}
KINH_GIVEN = {
    Gender.MALE: [
        "Hùng",
        "Dũng",
        "Tuấn",
        "Minh",
        "Hải",
        "Nam",
        "Sơn",
        "Phúc",
        "Bình",
        "Long",
        "Thắng",
        "Quang",
        "Tài",
        "Lộc",
        "Trung",
        "Khánh",
        "Hiếu",
        "Đạt",
        "Vũ",
        "Phước",
        "Toàn",
        "Nghĩa",
        "Tâm",
        "Ẩn",
    ],
    Gender.FEMALE: [
        "Lan",
        "Hoa",
        "Hương",
        "Mai",
        "Hà",
        "Thảo",
        "Linh",
        "Ngọc",
        "Bích",
        "Nga",
        "Trang",
        "Yến",
        "Hạnh",
        "Dung",
        "Hằng",
        "Nhung",
        "Thủy",
        "Loan",
        "Ánh",
        "Diễm",
        "Huệ",
        "Phượng",
        "Xuân",
    ],
}
KHMER_FAMILY = [("Thạch", 30), ("Sơn", 25), ("Kim", 15), ("Danh", 15), ("Lâm", 10), ("Lý", 5)]
KHMER_GIVEN = {
    Gender.MALE: ["Ri", "Sóc", "Khal", "Thol", "Sa Rân", "Chanh", "Sa Rươne", "Bol"],
    Gender.FEMALE: ["Sa Ly", "Sô Phi", "Sa Ri", "Mơl", "Thi Da", "Sà Phone", "Cha Ni"],
}
HOA_FAMILY = [("Lâm", 30), ("Quách", 20), ("Trương", 20), ("Lý", 15), ("Huỳnh", 15)]
OCCUPATIONS = ["Làm ruộng", "Làm ruộng", "Buôn bán", "Giáo viên", "Hưu trí", "Công nhân", "Cán bộ ấp", "Nội trợ"]
THEORY = ["Sơ cấp", "Sơ cấp", "Trung cấp", "", "Cao cấp"]
PARTY_POSITIONS = ["Bí thư chi bộ", "Phó Bí thư chi bộ", "Chi ủy viên"]
DEMO_SETUP = OrganisationSetup(
    branch_name="Chi bộ ấp Te Te 1",
    upper_name="Đảng bộ xã Tân Hùng",
    place_name="Tân Hùng",
    hamlet_names=("Tổ 1", "Tổ 2", "Tổ 3", "Tổ 4"),
    dues_from=date(2026, 2, 1),  # the sample keeps its dues book in the app since Quy định 01-QĐ/TW took effect
)


def _pick(rng: random.Random, weighted: list[tuple[str, float]] | list[tuple[str, int]]) -> str:
    names = [n for n, _ in weighted]
    weights = [w for _, w in weighted]
    return rng.choices(names, weights)[0]


def _rand_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def _cccd(rng: random.Random, gender: str, birth: date) -> str:
    century = 0 if birth.year < 2000 else 2
    digit = century + (1 if gender == Gender.FEMALE else 0)
    return f"094{digit}{birth.year % 100:02d}{rng.randrange(10**6):06d}"


def make_member(
    rng: random.Random, today: date, hamlet_ids: list[int], serial: int
) -> tuple[MemberRecord, list[StatusEvent]]:
    gender = Gender.FEMALE if rng.random() < 0.36 else Gender.MALE
    roll = rng.random()
    if roll < 0.14:
        ethnicity = "Khmer"
        middle = "Thị " if gender == Gender.FEMALE and rng.random() < 0.5 else ""
        name = f"{_pick(rng, KHMER_FAMILY)} {middle}{rng.choice(KHMER_GIVEN[gender])}"
        religion = "Phật giáo"
    elif roll < 0.17:
        ethnicity = "Hoa"
        name = f"{_pick(rng, HOA_FAMILY)} {rng.choice(KINH_MIDDLE[gender])} {rng.choice(KINH_GIVEN[gender])}"
        religion = rng.choice(["Không", "Phật giáo"])
    else:
        ethnicity = "Kinh"
        name = f"{_pick(rng, KINH_FAMILY)} {rng.choice(KINH_MIDDLE[gender])} {rng.choice(KINH_GIVEN[gender])}"
        religion = rng.choice(["Không", "Không", "Không", "Phật giáo", "Công giáo"])
    age = int(rng.triangular(23, 90, 45))
    birth = _rand_date(rng, add_years(today, -age - 1), add_years(today, -age))
    probationary = rng.random() < 0.07
    if probationary:
        # admitted 2 to 15 months ago: some are due soon, some wait for recognition, a few are overdue
        admitted = _rand_date(rng, add_months(today, -15), add_months(today, -2))
    else:
        earliest = add_years(birth, 19)
        latest = min(add_years(birth, max(20, min(age - 1, 45))), add_months(today, -14))
        admitted = _rand_date(rng, earliest, max(latest, earliest + timedelta(days=30)))
        admitted = min(admitted, add_months(today, -14))
    decision = admitted - timedelta(days=rng.randrange(7, 30))
    official = None if probationary else add_months(admitted, 12) + timedelta(days=rng.randrange(0, 40))
    hamlet_id = rng.choice(hamlet_ids) if hamlet_ids else None
    record = MemberRecord(
        full_name=name,
        gender=gender,
        date_of_birth=birth,
        place_of_birth="xã Tân Hùng",
        home_town=rng.choice(["xã Tân Hùng", "xã Tân Hùng", "xã Long Hưng", "phường Sóc Trăng"]),
        residence="ấp Te Te 1, xã Tân Hùng",
        ethnicity=ethnicity,
        religion=religion,
        cccd=_cccd(rng, gender, birth),
        phone=f"09{rng.randrange(10**8):08d}",
        occupation="Hưu trí" if age > 62 else rng.choice(OCCUPATIONS),
        general_education=rng.choice(["9/12", "12/12", "12/12", "12/12", "7/10"]),
        political_theory=rng.choice(THEORY),
        admission_date=admitted,
        admission_decision_no=f"{rng.randrange(1, 400)}-QĐ/ĐU",
        admission_decision_date=decision,
        official_date=official,
        official_decision_no=f"{rng.randrange(1, 400)}-QĐ/ĐU" if official else "",
        card_number=f"{rng.randrange(10**7, 10**8)}",
        biography_no=f"{rng.randrange(10**6):06d}-ST",
        party_position=PARTY_POSITIONS[serial] if serial < len(PARTY_POSITIONS) else "",
        hamlet_id=hamlet_id,
    )
    events: list[StatusEvent] = []
    moved_in = not probationary and rng.random() < 0.08
    if moved_in:
        # admitted elsewhere, transferred here later
        arrived = _rand_date(rng, official or admitted, add_months(today, -3)) if official else admitted
        events.append(
            StatusEvent(
                EventKind.TRANSFERRED_IN,
                arrived,
                decision_no=f"{rng.randrange(1, 200)}-QĐ/ĐU",
                standing=Standing.OFFICIAL,
            )
        )
    else:
        events.append(StatusEvent(EventKind.ADMITTED, admitted, decision_no=record.admission_decision_no))
        if official:
            events.append(StatusEvent(EventKind.RECOGNISED_OFFICIAL, official, decision_no=record.official_decision_no))
    last = max(e.on for e in events)
    fate = rng.random()
    if age >= 70 and fate < 0.35:
        on = _rand_date(rng, max(last, add_years(today, -5)) + timedelta(days=1), today)
        events.append(StatusEvent(EventKind.EXEMPTED, on, decision_no="NQ chi bộ", note="Tuổi cao, sức yếu"))
    elif fate < 0.03:
        on = _rand_date(rng, max(last, add_months(today, -10)) + timedelta(days=1), today)
        events.append(StatusEvent(EventKind.AWAY, on, end_date=add_months(on, 12), note="Đi làm ăn xa (Bình Dương)"))
    elif fate < 0.05 and not probationary:
        on = _rand_date(rng, max(last, add_years(today, -3)) + timedelta(days=1), today)
        events.append(
            StatusEvent(
                EventKind.EXEMPTED,
                on,
                end_date=add_months(on, 6),
                note="Nghỉ thai sản" if gender == Gender.FEMALE else "Điều trị bệnh dài ngày",
            )
        )
    elif fate < 0.07 and age >= 65:
        on = _rand_date(rng, max(last, add_years(today, -3)) + timedelta(days=1), today)
        events.append(StatusEvent(EventKind.DECEASED, on))
    elif fate < 0.085 and not probationary:
        on = _rand_date(rng, max(last, add_years(today, -3)) + timedelta(days=1), today)
        events.append(
            StatusEvent(
                EventKind.TRANSFERRED_OUT,
                on,
                decision_no=f"{rng.randrange(1, 200)}-QĐ/ĐU",
                note="Chuyển về xã Long Hưng",
            )
        )
    return record, events


def write_demo(
    db: Database, members: int = 60, seed: int = 1, today: date | None = None, meeting_years: int = 3
) -> int:
    """Fill *db* with a sample branch of about *members* people and *meeting_years* years of meetings;
    returns how many members were written."""
    rng = random.Random(seed)
    day = today or db.clock.today()
    organisation_service = OrganisationService(db)
    if organisation_service.get() is None:
        names = ["Chi bộ ấp Te Te 1", "Chi bộ ấp Sáu", "Chi bộ ấp Te Te 2", "Chi bộ ấp Tân Thành", "Chi bộ ấp Mỹ Phước"]
        organisation_service.save(replace(DEMO_SETUP, branch_name=names[(seed - 1) % len(names)]))
    organisation = organisation_service.require()
    hamlet_ids = [h.id for h in organisation.hamlets]
    batch: list[tuple[MemberRecord, list[StatusEvent]]] = []
    written = 0
    for serial in range(members):
        batch.append(make_member(rng, day, hamlet_ids, serial))
        if len(batch) == 5000 or serial == members - 1:
            with db.write() as session:
                written += len(member_queries.add_members_bulk(session, organisation.branch_id, batch))
            batch = []
    # two members temporarily attached here (not counted in the branch's own number)
    attached = []
    for serial in range(min(2, members // 30)):
        record, _events = make_member(rng, day, hamlet_ids, 99 + serial)
        joined = add_months(day, -rng.randrange(2, 8))
        attached.append(
            (
                record,
                [
                    StatusEvent(
                        EventKind.ATTACHED_IN,
                        max(joined, (record.official_date or record.admission_date or joined) + timedelta(days=1)),
                        end_date=add_months(joined, 12),
                        note="Công tác tạm thời tại địa phương",
                        standing=Standing.OFFICIAL if record.official_date else Standing.PROBATIONARY,
                    )
                ],
            )
        )
    if attached:
        with db.write() as session:
            written += len(member_queries.add_members_bulk(session, organisation.branch_id, attached))
    if meeting_years > 0:
        from chibo_desktop.sample.meetings import write_demo_meetings

        write_demo_meetings(db, meeting_years, seed, day)
    if members <= 20_000:
        from chibo_desktop.sample.funds import write_demo_funds

        write_demo_funds(db, seed, day)
    if members <= 2_000:
        from chibo_desktop.sample.dues import write_demo_dues

        write_demo_dues(db, seed, day)
        from chibo_desktop.sample.review import write_demo_review

        written += write_demo_review(db, seed, day)
    return written
