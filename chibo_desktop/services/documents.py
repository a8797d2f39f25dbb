"""Plain data for the printed documents, gathered from the services (the reports never touch the database)."""

from datetime import date

from chibo_desktop.domain.dates import Period, document_date, screen_date
from chibo_desktop.domain.documents import DocumentHeader, MemberListData, MemberListRow
from chibo_desktop.domain.members import Gender, Status
from chibo_desktop.domain.text import name_sort_key
from chibo_desktop.services.bundle import Services

# The printed documents are in Vietnamese whatever the interface language.
STATUS_NOTES = {
    Status.PROBATIONARY: "Dự bị",
    Status.ATTACHED: "Sinh hoạt tạm thời",
    Status.AWAY: "Sinh hoạt tạm thời nơi khác",
    Status.EXEMPTED: "Miễn sinh hoạt",
    Status.SUSPENDED: "Đình chỉ sinh hoạt",
}


def header(services: Services, on: date) -> DocumentHeader:
    organisation = services.organisation.require()
    return DocumentHeader(organisation.upper_name, organisation.branch_name, organisation.place_name, on)


def member_list_data(services: Services, on: date | None = None) -> MemberListData:
    """Members listed in the branch on *on* (today by default), in Vietnamese name order."""
    day = on or services.today()
    roster = services.members.roster(day)
    listed = [(entry, state) for entry, state in roster.entries if state.belongs]
    listed.sort(key=lambda item: name_sort_key(item[0].record.full_name))
    rows = []
    for number, (entry, state) in enumerate(listed, start=1):
        r = entry.record
        birth = screen_date(r.date_of_birth)
        rows.append(
            MemberListRow(
                number=number,
                full_name=r.full_name,
                male_birth=birth if r.gender == Gender.MALE else "",
                female_birth=birth if r.gender == Gender.FEMALE else "",
                ethnicity=r.ethnicity,
                religion=r.religion,
                home_town=r.home_town,
                admission_date=screen_date(r.admission_date),
                official_date=screen_date(r.official_date),
                card_number=r.card_number,
                biography_no=r.biography_no,
                hamlet=entry.hamlet,
                note=STATUS_NOTES.get(state.status, ""),
            )
        )
    counts = services.members.counts(roster, _year(day))
    summary = (
        f"(Tính đến {document_date(day)}: {counts.total} đảng viên, trong đó {counts.official} chính thức, "
        f"{counts.probationary} dự bị, {counts.women} nữ, {counts.ethnic_minority} dân tộc thiểu số"
        + (f"; {counts.attached} đảng viên sinh hoạt tạm thời" if counts.attached else "")
        + ")"
    )
    return MemberListData(header(services, day), tuple(rows), summary)


def _year(day: date) -> Period:
    return Period(date(day.year, 1, 1), date(day.year, 12, 31), str(day.year))
