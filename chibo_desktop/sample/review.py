"""The yearly review and admissions for the sample branch: last year's review decided (the branch's own rating
with it), this year's under way (self-ratings and points in, some proposals voted), a few commendations and one
discipline, and candidates at every stage — one admitted this year, one with a step overdue."""

import random
from datetime import date, timedelta

from chibo_desktop.domain.admissions import STEPS, Candidate, Step, StepEvent, member_record
from chibo_desktop.domain.dates import add_months
from chibo_desktop.domain.members import EventKind, StatusEvent
from chibo_desktop.domain.review import (
    Award,
    AwardKind,
    BranchReview,
    Level,
    MemberReview,
    ReviewRules,
    level_for_points,
    not_rated_reason,
    on_review,
)
from chibo_desktop.domain.rules import KEYS
from chibo_desktop.storage import member_queries, review_queries
from chibo_desktop.storage.db import Database

RULES = ReviewRules.from_values(
    KEYS["review.bands"].default, KEYS["review.excellent_cap_percent"].default, KEYS["review.not_rated"].default
)
CANDIDATES = (
    ("Huỳnh Thị Ngọc Trâm", "F", date(1999, 8, 14), "Giáo viên"),
    ("Lê Minh Khang", "M", date(2001, 2, 3), "Công nhân"),
    ("Võ Thị Kim Yến", "F", date(1997, 11, 21), "Nông dân"),
    ("Phan Quốc Bảo", "M", date(2002, 6, 9), "Đoàn viên, bộ đội xuất ngũ"),
)
DETAILS = {
    Step.INTRODUCED: "Chi đoàn ấp",
    Step.CLASS: "GCN số 0{n}12/TTCT",
    Step.VOUCHED: "Nguyễn Văn Hùng, Trần Thị Mai",
    Step.VERIFIED: "Đảng ủy xã thẩm tra, đạt",
    Step.BRANCH_VOTE: "15/16",
    Step.DECISION: "{n}25-QĐ/ĐU",
    Step.CEREMONY: "Hội trường ấp",
}


def _review(rng: random.Random, member_id: int, year: int, decided: bool, good: int, excellent: int) -> MemberReview:
    points = rng.choice([95, 92, 88, 86, 84, 82, 80, 78, 75, 72, 68, 60, 45])
    level = level_for_points(points, RULES)
    if level == Level.EXCELLENT and (excellent + 1) * 100 > RULES.excellent_cap_percent * max(good, 1):
        level, points = Level.GOOD, 88  # kept under the cap, as the branch would
    proposed = level if decided or rng.random() < 0.5 else None
    return MemberReview(
        member_id,
        year,
        level,
        points,
        proposed,
        15 if proposed else None,
        16 if proposed else None,
        level if decided else None,
        "",
    )


def write_demo_review(db: Database, seed: int, today: date) -> int:
    """Reviews, awards and candidates; returns how many candidates became members (the ceremony done)."""
    made = 0
    rng = random.Random(seed * 17)
    with db.write() as session:
        roster = [entry for entry, _search in member_queries.load_roster(session)]
        branch_id = roster[0].unit_id if roster else None
        for year, decided in ((today.year - 1, True), (today.year, False)):
            good = excellent = 0
            for entry in sorted(roster, key=lambda e: e.id):
                if not any(e.on <= date(year, 12, 31) for e in entry.events):
                    continue
                if not on_review(entry.events, year):  # left, or attached here: reviewed elsewhere
                    continue
                if not_rated_reason(entry.events, entry.record.admission_date, year, RULES) is not None:
                    continue
                review = _review(rng, entry.id, year, decided, good, excellent)
                good += review.self_level == Level.GOOD
                excellent += review.self_level == Level.EXCELLENT
                review_queries.save_member_review(session, review)
        if branch_id is None:
            return made
        review_queries.save_branch_review(
            session,
            branch_id,
            BranchReview(today.year - 1, Level.GOOD, "52-QĐ/ĐU", date(today.year, 1, 15), "Đảng ủy xã xếp loại"),
        )
        for n, entry in enumerate(rng.sample(roster, min(4, len(roster)))):
            kind = AwardKind.DISCIPLINE if n == 3 else AwardKind.COMMENDATION
            form = "Khiển trách" if kind == AwardKind.DISCIPLINE else ("Giấy khen", "Bằng khen", "Giấy khen")[n]
            on = add_months(today, -rng.randrange(1, 14))
            review_queries.add_award(
                session, Award(entry.id, kind, form, on, f"{10 + n}-QĐ/ĐU", "Đảng ủy xã Tân Hùng", "")
            )
        # candidates: admitted this year (ceremony done), at the branch vote, overdue for verification, just introduced
        plans = ((7, 200), (5, 150), (3, 230), (1, 20))
        for n, ((name, gender, born, occupation), (steps, days_ago)) in enumerate(zip(CANDIDATES, plans, strict=True)):
            candidate = Candidate(0, name, gender, born, None, "Kinh", "", "Ấp Sáu", occupation)
            candidate_id = review_queries.add_candidate(session, branch_id, candidate)
            on = today - timedelta(days=days_ago)
            events = []
            for step in STEPS[:steps]:
                events.append(StepEvent(step, on, DETAILS[step].format(n=n + 1)))
                review_queries.add_step(session, candidate_id, events[-1])
                on += timedelta(days=25)
            if steps == len(STEPS):
                record = member_record(
                    Candidate(candidate_id, name, gender, born, occupation=occupation, steps=tuple(events))
                )
                admitted = StatusEvent(
                    EventKind.ADMITTED, record.admission_date or on, decision_no=record.admission_decision_no
                )
                member_id, _uuid = member_queries.add_member(session, branch_id, record, [admitted])
                review_queries.link_member(session, candidate_id, member_id)
                made += 1
    return made
