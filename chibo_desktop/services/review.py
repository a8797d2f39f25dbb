"""The yearly review: who is reviewed and who is not (and why), each member's review with the year's attendance
and dues beside it, the cap on "excellent", the branch's own rating, and commendations and discipline."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from chibo_desktop.domain.admissions import STEPS, StepEvent
from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import Period, add_months
from chibo_desktop.domain.dues import month_start
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.meetings import Mark
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.domain.review import (
    Award,
    BranchReview,
    CapCheck,
    Level,
    LevelCount,
    MemberReview,
    NotRated,
    ReviewRules,
    YearFacts,
    attached_on_review,
    award_problems,
    cap_check,
    count_levels,
    level_for_points,
    not_rated_reason,
    on_review,
    review_day,
    review_problems,
)
from chibo_desktop.domain.text import hidden_characters, name_sort_key, nfc
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.committee_figures import review_rules
from chibo_desktop.services.dues import DuesService
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.rules import RulesService
from chibo_desktop.storage import review_queries
from chibo_desktop.storage.db import Database


def _msg(text: str, **args: object) -> Message:
    return Message("Review", text, dict(args))


@dataclass(frozen=True)
class ReviewLine:
    """One member on the year's review screen."""

    member_id: int
    name: str
    hamlet: str
    review: MemberReview
    facts: YearFacts
    not_rated: NotRated | None  # None: rated
    suggested: Level | None = None  # the level the self-scored points reach (a hint beside the proposal)


@dataclass(frozen=True)
class ReviewSheet:
    """The branch's own members on the review day, rated and not rated. Members temporarily attached here are
    reviewed by their home branch: they are only named in *attached*, outside every count."""

    year: int
    rules: ReviewRules
    rated: tuple[ReviewLine, ...]
    not_rated: tuple[ReviewLine, ...]
    branch: BranchReview | None
    commendations: int  # in the year
    disciplines: int
    attached: tuple[str, ...] = ()  # names of the members temporarily attached here on the review day

    @property
    def results(self) -> list[Level | None]:
        return [line.review.result for line in self.rated]

    @property
    def cap(self) -> CapCheck:
        return cap_check(self.results, self.rules)

    @property
    def counts(self) -> tuple[tuple[LevelCount, ...], int, int]:
        return count_levels(self.results)

    def as_json(self) -> dict[str, object]:
        """The ``review`` figures of ``chibo stats --json`` (see the README's list of keys)."""
        counts, rated, undecided = self.counts
        finals = count_levels([line.review.final_level for line in self.rated])[0]
        return {
            "year": self.year,
            "to_review": len(self.rated),
            "not_rated": len(self.not_rated),
            "not_rated_by_reason": dict(Counter(line.not_rated.value for line in self.not_rated if line.not_rated)),
            "rated": rated,
            "undecided": undecided,
            "by_level": {c.level.value: c.count for c in counts},
            "final_by_level": {c.level.value: c.count for c in finals},
            "cap_exceeded": self.cap.exceeded,
            "branch_level": self.branch.level.value if self.branch and self.branch.level else None,
            "commendations": self.commendations,
            "disciplines": self.disciplines,
        }


@dataclass(frozen=True)
class MemberRecordOfReviews:
    """A member's reviews of every year and their commendations and discipline, for the per-member record."""

    member_id: int
    name: str
    born: date | None
    admitted: date | None
    reviews: tuple[MemberReview, ...]
    awards: tuple[Award, ...]
    steps: tuple[StepEvent, ...]  # the way to admission, when the member was admitted through the app


class ReviewService:
    def __init__(
        self,
        db: Database,
        rules: RulesService,
        members: MemberService,
        meetings: MeetingService,
        dues: DuesService,
        organisation: OrganisationService,
        clock: Clock,
    ) -> None:
        self._db = db
        self._rules = rules
        self._members = members
        self._meetings = meetings
        self._dues = dues
        self._organisation = organisation
        self._today = clock.today

    def rules(self, year: int) -> ReviewRules:
        return review_rules(self._rules.book(), year)

    def facts(self, year: int, org_units: Sequence[int] | None = None) -> dict[int, YearFacts]:
        """Each member's absences of the year's meetings and dues months left unpaid without a reason."""
        unexcused: Counter[int] = Counter()
        excused: Counter[int] = Counter()
        required: Counter[int] = Counter()
        away_required = self._meetings.rules(min(review_day(year), self._today())).away_required
        for meeting in self._meetings.summaries(date(year, 1, 1), date(year, 12, 31), org_units):
            for line in meeting.lines:
                if line.mark == Mark.UNEXCUSED:
                    unexcused[line.member_id] += 1
                elif line.mark == Mark.EXCUSED:
                    excused[line.member_id] += 1
                if line.required(away_required):
                    required[line.member_id] += 1
        unpaid: dict[int, int] = {}
        through = min(date(year, 12, 1), add_months(month_start(self._today()), -1))
        organisation = self._organisation.get()
        if through < date(year, 1, 1):
            pass
        elif organisation is not None and organisation.is_committee:
            # the branches' dues as their packages reported them (its own book holds no payment of theirs)
            unpaid = self._dues.received_unpaid(year, through, org_units)
        elif org_units is None:  # the branch's own dues book
            ledger = self._dues.ledger()
            for member_id in ledger.members:
                unpaid[member_id] = len(ledger.unpaid_months(member_id, year, through))
        ids = set(unexcused) | set(excused) | set(required) | set(unpaid)
        return {i: YearFacts(unexcused[i], excused[i], required[i], unpaid.get(i, 0)) for i in ids}

    def identities(self, member_ids: Sequence[int]) -> dict[int, Identity]:
        """What tells these members apart from others of the same name on the review's lists."""
        return self._members.identities(member_ids)

    def namesakes(self, member_ids: Sequence[int]) -> list[Identity]:
        """The members of the branch who share the name of one of *member_ids* (see ``domain/namesakes``)."""
        return self._members.namesakes(member_ids)

    def sheet(self, year: int, org_units: Sequence[int] | None = None) -> ReviewSheet:
        rules = self.rules(year)
        roster = self._members.roster(review_day(year), org_units)
        facts = self.facts(year, org_units)
        with self._db.read() as session:
            reviews = review_queries.member_reviews(session, year, org_units)
            organisation = self._organisation.get()
            units = list(org_units) if org_units else [organisation.branch_id] if organisation else []
            # the branch's own rating (at a committee, each branch's as its package brought it)
            branch = next(
                (b for unit in units for b in review_queries.branch_reviews(session, unit) if b.year == year), None
            )
            awards = [a for a in review_queries.awards(session, org_units=org_units) if a.on.year == year]
        rated: list[ReviewLine] = []
        apart: list[ReviewLine] = []
        attached: list[str] = []
        for entry, _state in roster.entries:
            if not on_review(entry.events, year):
                if attached_on_review(entry.events, year):
                    attached.append(entry.record.full_name)
                continue
            reason = not_rated_reason(entry.events, entry.record.admission_date, year, rules)
            review = reviews.get(entry.id, MemberReview(entry.id, year))
            points = review.points
            line = ReviewLine(
                entry.id,
                entry.record.full_name,
                entry.hamlet,
                review,
                facts.get(entry.id, YearFacts()),
                reason,
                None if points is None else level_for_points(points, rules),
            )
            (rated if reason is None else apart).append(line)
        rated.sort(key=lambda r: name_sort_key(r.name))
        apart.sort(key=lambda r: name_sort_key(r.name))
        return ReviewSheet(
            year,
            rules,
            tuple(rated),
            tuple(apart),
            branch,
            sum(1 for a in awards if a.kind.value == "commendation"),
            sum(1 for a in awards if a.kind.value == "discipline"),
            tuple(sorted(attached, key=name_sort_key)),
        )

    def problems(self, review: MemberReview) -> dict[str, Message]:
        """Field → what is wrong with *review* as typed (nothing read from the file): what `save` refuses, for a
        form that puts its messages away as soon as the fields are put right."""
        hidden = hidden_characters({"note": review.note})  # as typed: nothing dropped unseen
        return {**review_problems(review), **hidden}

    def save(self, review: MemberReview) -> Change:
        """Record a member's review of a year (replacing what was recorded for that year)."""
        self._organisation.require_own_records()
        errors = self.problems(review)
        review = replace(review, note=nfc(review.note))
        if errors:
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Review", "Some fields need attention; see the messages beside them.")), errors
            )
        member = self._members.get(review.member_id)
        if attached_on_review(member.events, review.year):
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Review",
                        "This member is temporarily attached to the branch: their home branch reviews them. Send "
                        "the branch's opinion of them to that branch.",
                    )
                )
            )
        if not on_review(member.events, review.year):
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP("Review", "This member is not in the branch at the end of {year}."),
                    year=review.year,
                )
            )
        rules = self.rules(review.year)
        reason = not_rated_reason(member.events, member.record.admission_date, review.year, rules)
        if reason is not None and (review.proposed_level or review.final_level):
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Review",
                        "This member is not rated this year; write the opinion in the note instead of a level.",
                    )
                )
            )
        with self._db.write() as session:
            review_queries.save_member_review(session, review)
        return Change.of(Topic.REVIEW, review.member_id)

    def branch_history(self) -> list[BranchReview]:
        organisation = self._organisation.require()
        with self._db.read() as session:
            return review_queries.branch_reviews(session, organisation.branch_id)

    def save_branch(self, review: BranchReview) -> Change:
        organisation = self._organisation.require_own_records()
        hidden = hidden_characters({"decision_no": review.decision_no, "note": review.note})
        if hidden:
            raise UserError(next(iter(hidden.values())), hidden)
        review = replace(review, decision_no=nfc(review.decision_no), note=nfc(review.note))
        if review.decided_on is not None and review.decided_on > self._today():
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Review", "The decision's date is in the future.")),
                {"decided_on": _msg(QT_TRANSLATE_NOOP("Review", "This date is in the future."))},
            )
        with self._db.write() as session:
            review_queries.save_branch_review(session, organisation.branch_id, review)
        return Change.of(Topic.REVIEW)

    def add_award(self, award: Award) -> Change:
        self._organisation.require_own_records()
        hidden = hidden_characters(
            {"form": award.form, "decision_no": award.decision_no, "issuer": award.issuer, "note": award.note}
        )
        award = replace(
            award,
            form=nfc(award.form),
            decision_no=nfc(award.decision_no),
            issuer=nfc(award.issuer),
            note=nfc(award.note),
        )
        errors = award_problems(award)
        if award.on > self._today():
            errors["on"] = _msg(QT_TRANSLATE_NOOP("Review", "This date is in the future."))
        errors.update(hidden)
        if errors:
            raise UserError(next(iter(errors.values())), errors)
        self._members.get(award.member_id)
        with self._db.write() as session:
            review_queries.add_award(session, award)
        return Change.of(Topic.REVIEW, award.member_id)

    def awards(self, member_id: int) -> list[Award]:
        with self._db.read() as session:
            return review_queries.awards(session, member_id)

    def member_record(self, member_id: int) -> MemberRecordOfReviews:
        member = self._members.get(member_id)
        with self._db.read() as session:
            reviews = review_queries.reviews_of_member(session, member_id)
            awards = review_queries.awards(session, member_id)
            candidate = review_queries.candidate_of_member(session, member_id)
        steps = () if candidate is None else tuple(sorted(candidate.steps, key=lambda s: STEPS.index(s.step)))
        return MemberRecordOfReviews(
            member_id,
            member.record.full_name,
            member.record.date_of_birth,
            member.record.admission_date,
            tuple(reviews),
            tuple(awards),
            steps,
        )

    def stats(self, period: Period, org_units: Sequence[int] | None = None) -> dict[str, object]:
        """The "review" object of ``chibo stats --json``: the review of the year the period ends in."""
        return self.sheet(period.end.year, org_units).as_json()
