"""The data of the printed review documents, gathered from the review service."""

from datetime import date

from chibo_desktop.domain.admissions import Step
from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.namesakes import among_namesakes, sharing_a_name, shown_names
from chibo_desktop.domain.review import LEVEL_DOCUMENT, Level, NotRated
from chibo_desktop.domain.review_documents import MemberReviewData, ReviewSummaryData
from chibo_desktop.services.documents import header
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.review import ReviewService

NOT_RATED_DOCUMENT = {
    NotRated.EXEMPTED: "Miễn công tác và sinh hoạt đảng",
    NotRated.SUSPENDED: "Đình chỉ sinh hoạt",
    NotRated.NEWLY_ADMITTED: "Kết nạp chưa đủ {months} tháng",
}
STEP_DOCUMENT = {
    Step.INTRODUCED: "Đoàn thể giới thiệu",
    Step.CLASS: "Học lớp bồi dưỡng nhận thức về Đảng",
    Step.VOUCHED: "Hai đảng viên chính thức giới thiệu",
    Step.VERIFIED: "Thẩm tra lý lịch",
    Step.BRANCH_VOTE: "Chi bộ xét, biểu quyết",
    Step.DECISION: "Quyết định kết nạp",
    Step.CEREMONY: "Lễ kết nạp",
}
AWARD_DOCUMENT = {"commendation": "Khen thưởng", "discipline": "Kỷ luật"}


def percent(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def summary_data(review: ReviewService, organisation: OrganisationService, year: int, today: date) -> ReviewSummaryData:
    sheet = review.sheet(year)
    counts, rated, undecided = sheet.counts
    people = [(line.member_id, line.name) for line in (*sheet.rated, *sheet.not_rated)]
    alike = sharing_a_name(people)
    names = dict(shown_names(people, review.identities(alike)) if alike else people)
    months = int(sheet.rules.not_rated.get("admitted_months", 0))
    cap = sheet.cap
    cap_note = (
        f"Số đảng viên Hoàn thành xuất sắc nhiệm vụ ({cap.excellent}) vượt quá {cap.cap_percent}% số Hoàn thành tốt "
        f"nhiệm vụ ({cap.good}): tối đa {cap.allowed}."
        if cap.exceeded
        else ""
    )
    branch = sheet.branch
    decision = ""
    if branch is not None and branch.decision_no:
        decision = f"Quyết định số {branch.decision_no}"
        if branch.decided_on:
            decision += f" ngày {screen_date(branch.decided_on)}"
    return ReviewSummaryData(
        header=header(organisation, today),
        year=year,
        to_review=len(sheet.rated) + len(sheet.not_rated),
        rated=rated,
        undecided=undecided,
        counts=tuple((LEVEL_DOCUMENT[c.level], c.count, percent(c.percent)) for c in counts),
        by_level=tuple(
            (
                LEVEL_DOCUMENT[c.level],
                tuple(names[line.member_id] for line in sheet.rated if line.review.result == c.level),
            )
            for c in counts
        ),
        not_rated=tuple(
            (names[line.member_id], NOT_RATED_DOCUMENT[line.not_rated].format(months=months))
            for line in sheet.not_rated
            if line.not_rated is not None
        ),
        cap_note=cap_note,
        branch_level=LEVEL_DOCUMENT[branch.level] if branch is not None and branch.level else "",
        branch_decision=decision,
        commendations=sheet.commendations,
        disciplines=sheet.disciplines,
        decided=sum(1 for line in sheet.rated if line.review.final_level is not None),
    )


def member_data(
    review: ReviewService, organisation: OrganisationService, member_id: int, today: date
) -> MemberReviewData:
    found = review.member_record(member_id)

    def level(value: Level | None) -> str:
        return LEVEL_DOCUMENT[value] if value else ""

    reviews = tuple(
        (
            str(r.year),
            level(r.self_level),
            "" if r.points is None else str(r.points),
            level(r.proposed_level),
            f"{r.votes_for}/{r.votes_total}" if r.votes_for is not None and r.votes_total else "",
            level(r.final_level),
            r.note,
        )
        for r in found.reviews
    )
    awards = tuple(
        (AWARD_DOCUMENT[a.kind.value], a.form, a.decision_no, screen_date(a.on), a.issuer) for a in found.awards
    )
    namesakes = review.namesakes([member_id])
    [(_id, known_as)] = among_namesakes([(member_id, found.name)], namesakes) if namesakes else [(0, found.name)]
    return MemberReviewData(
        header=header(organisation, today),
        name=found.name,
        known_as=known_as,
        born=screen_date(found.born),
        admitted=screen_date(found.admitted),
        reviews=reviews,
        awards=awards,
        steps=tuple((STEP_DOCUMENT[s.step], screen_date(s.on), s.detail) for s in found.steps),
    )
