"""Reviews, commendations and discipline, candidates and their steps: read and written as domain objects."""

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from chibo_desktop.domain.admissions import Candidate, Step, StepEvent
from chibo_desktop.domain.review import Award, AwardKind, BranchReview, Level, MemberReview
from chibo_desktop.storage import models as m
from chibo_desktop.storage.db import moment


def _level(code: str | None) -> Level | None:
    try:
        return Level(code) if code else None
    except ValueError:  # a level this version does not know: shown as not yet given
        return None


def _review(r: m.MemberReviewRow) -> MemberReview:
    return MemberReview(
        r.member_id,
        r.year,
        _level(r.self_level),
        r.points,
        _level(r.proposed_level),
        r.votes_for,
        r.votes_total,
        _level(r.final_level),
        r.note,
    )


def member_reviews(session: Session, year: int, org_units: Sequence[int] | None = None) -> dict[int, MemberReview]:
    query = select(m.MemberReviewRow).where(m.MemberReviewRow.year == year)
    if org_units is not None:
        members = select(m.Member.id).where(m.Member.org_unit_id.in_(list(org_units)))
        query = query.where(m.MemberReviewRow.member_id.in_(members))
    return {r.member_id: _review(r) for r in session.scalars(query)}


def review_results_of_years(
    session: Session, years: Sequence[int], org_units: Sequence[int]
) -> dict[int, dict[int, tuple[Level | None, Level | None]]]:
    """Year → member → (the level that counts, the final level) of its review, for several years in one query:
    two columns of each row instead of the whole review, for the figures a committee keeps."""
    r = m.MemberReviewRow.__table__
    members = select(m.Member.id).where(m.Member.org_unit_id.in_(list(org_units)))
    query = select(r.c.year, r.c.member_id, r.c.proposed_level, r.c.final_level).where(
        r.c.year.in_(list(years)), r.c.member_id.in_(members)
    )
    found: dict[int, dict[int, tuple[Level | None, Level | None]]] = {year: {} for year in years}
    for year, member_id, proposed, final in session.execute(query):
        final_level = _level(final)
        found[year][member_id] = (final_level or _level(proposed), final_level)  # as MemberReview.result
    return found


def reviews_of_member(session: Session, member_id: int) -> list[MemberReview]:
    query = select(m.MemberReviewRow).where(m.MemberReviewRow.member_id == member_id).order_by(m.MemberReviewRow.year)
    return [_review(r) for r in session.scalars(query)]


def save_member_review(session: Session, review: MemberReview) -> None:
    row = session.scalar(
        select(m.MemberReviewRow).where(
            m.MemberReviewRow.member_id == review.member_id, m.MemberReviewRow.year == review.year
        )
    )
    if row is None:
        row = m.MemberReviewRow(member_id=review.member_id, year=review.year, created_at=moment(session))
        session.add(row)
    row.self_level = review.self_level.value if review.self_level else None
    row.points = review.points
    row.proposed_level = review.proposed_level.value if review.proposed_level else None
    row.votes_for = review.votes_for
    row.votes_total = review.votes_total
    row.final_level = review.final_level.value if review.final_level else None
    row.note = review.note
    row.updated_at = moment(session)
    session.flush()


def branch_reviews(session: Session, org_unit_id: int) -> list[BranchReview]:
    rows = session.scalars(
        select(m.BranchReviewRow).where(m.BranchReviewRow.org_unit_id == org_unit_id).order_by(m.BranchReviewRow.year)
    )
    return [BranchReview(r.year, _level(r.level), r.decision_no, r.decided_on, r.note) for r in rows]


def save_branch_review(session: Session, org_unit_id: int, review: BranchReview) -> None:
    """The branch's rating of a year, changed in place (it keeps its UUID: the upper level updates its copy)."""
    row = session.scalar(
        select(m.BranchReviewRow).where(
            m.BranchReviewRow.org_unit_id == org_unit_id, m.BranchReviewRow.year == review.year
        )
    )
    if row is None:
        row = m.BranchReviewRow(org_unit_id=org_unit_id, year=review.year, created_at=moment(session))
        session.add(row)
    row.level = review.level.value if review.level else None
    row.decision_no = review.decision_no
    row.decided_on = review.decided_on
    row.note = review.note
    session.flush()


def awards(session: Session, member_id: int | None = None, org_units: Sequence[int] | None = None) -> list[Award]:
    query = select(m.AwardRow).order_by(m.AwardRow.on, m.AwardRow.id)
    if member_id is not None:
        query = query.where(m.AwardRow.member_id == member_id)
    if org_units is not None:
        query = query.where(
            m.AwardRow.member_id.in_(select(m.Member.id).where(m.Member.org_unit_id.in_(list(org_units))))
        )
    out = []
    for r in session.scalars(query):
        try:
            kind = AwardKind(r.kind)
        except ValueError:
            continue
        out.append(Award(r.member_id, kind, r.form, r.on, r.decision_no, r.issuer, r.note, r.id))
    return out


def add_award(session: Session, award: Award) -> int:
    row = m.AwardRow(
        member_id=award.member_id,
        kind=award.kind.value,
        form=award.form,
        on=award.on,
        decision_no=award.decision_no,
        issuer=award.issuer,
        note=award.note,
        created_at=moment(session),
    )
    session.add(row)
    session.flush()
    return row.id


def candidates(session: Session, org_unit_id: int | None = None) -> list[Candidate]:
    query = select(m.CandidateRow).order_by(m.CandidateRow.id)
    if org_unit_id is not None:
        query = query.where(m.CandidateRow.org_unit_id == org_unit_id)
    steps: dict[int, list[StepEvent]] = defaultdict(list)
    for s in session.scalars(select(m.CandidateStepRow).order_by(m.CandidateStepRow.on, m.CandidateStepRow.id)):
        try:
            steps[s.candidate_id].append(StepEvent(Step(s.step), s.on, s.detail, s.note))
        except ValueError:
            continue
    return [
        Candidate(
            r.id,
            r.full_name,
            r.gender,
            r.date_of_birth,
            r.hamlet_id,
            r.ethnicity,
            r.religion,
            r.residence,
            r.occupation,
            r.note,
            tuple(steps[r.id]),
            r.member_id,
        )
        for r in session.scalars(query)
    ]


def candidate(session: Session, candidate_id: int) -> Candidate | None:
    return next((c for c in candidates(session) if c.id == candidate_id), None)


def candidate_of_member(session: Session, member_id: int) -> Candidate | None:
    """The candidate a member was admitted from, when it was through the app."""
    return next((c for c in candidates(session) if c.member_id == member_id), None)


def add_candidate(session: Session, org_unit_id: int, c: Candidate) -> int:
    row = m.CandidateRow(
        org_unit_id=org_unit_id,
        full_name=c.full_name,
        gender=c.gender,
        date_of_birth=c.date_of_birth,
        hamlet_id=c.hamlet_id,
        ethnicity=c.ethnicity,
        religion=c.religion,
        residence=c.residence,
        occupation=c.occupation,
        note=c.note,
        created_at=moment(session),
    )
    session.add(row)
    session.flush()
    return row.id


def add_step(session: Session, candidate_id: int, event: StepEvent) -> None:
    session.add(
        m.CandidateStepRow(
            candidate_id=candidate_id,
            step=event.step.value,
            on=event.on,
            detail=event.detail,
            note=event.note,
            created_at=moment(session),
        )
    )
    session.flush()


def link_member(session: Session, candidate_id: int, member_id: int) -> None:
    row = session.get(m.CandidateRow, candidate_id)
    assert row is not None
    row.member_id = member_id
    session.flush()
