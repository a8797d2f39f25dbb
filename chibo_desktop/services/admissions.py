"""Admissions: candidates, their steps in order, reminders for late steps, and the ceremony that makes a candidate a
probationary member in the same transaction (nothing typed twice, nothing half-written)."""

from dataclasses import dataclass, replace

from chibo_desktop.domain.admissions import (
    Candidate,
    LateStep,
    Step,
    StepEvent,
    TargetProgress,
    late_steps,
    member_record,
    step_problem,
)
from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import EventKind, Gender, StatusEvent
from chibo_desktop.domain.text import hidden_characters, name_sort_key, nfc
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.rules import RulesService
from chibo_desktop.storage import member_queries, review_queries
from chibo_desktop.storage.db import Database

TYPED_FIELDS = ("full_name", "ethnicity", "religion", "residence", "occupation", "note")  # one line each, as typed


def _msg(text: str, **args: object) -> Message:
    return Message("Admissions", text, dict(args))


@dataclass(frozen=True)
class AdmissionsOverview:
    candidates: tuple[Candidate, ...]  # not yet admitted first, in name order; then the admitted
    late: tuple[LateStep, ...]


class AdmissionService:
    def __init__(
        self,
        db: Database,
        rules: RulesService,
        members: MemberService,
        organisation: OrganisationService,
        clock: Clock,
    ) -> None:
        self._db = db
        self._rules = rules
        self._members = members
        self._organisation = organisation
        self._today = clock.today

    def overview(self) -> AdmissionsOverview:
        today = self._today()
        organisation = self._organisation.require()
        with self._db.read() as session:
            found = review_queries.candidates(session, organisation.branch_id)
        found.sort(key=lambda c: (c.member_id is not None, name_sort_key(c.full_name)))
        days = self._rules.book().get("admission.step_days", today)
        return AdmissionsOverview(tuple(found), tuple(late_steps(found, today, days)))

    def get(self, candidate_id: int) -> Candidate:
        with self._db.read() as session:
            found = review_queries.candidate(session, candidate_id)
        if found is None:
            raise UserError(_msg(QT_TRANSLATE_NOOP("Admissions", "This candidate no longer exists.")))
        return found

    def add(self, candidate: Candidate) -> Change:
        organisation = self._organisation.require_own_records()
        typed = {name: getattr(candidate, name) for name in TYPED_FIELDS}
        c = replace(
            candidate,
            full_name=nfc(candidate.full_name),
            ethnicity=nfc(candidate.ethnicity),
            religion=nfc(candidate.religion),
            residence=nfc(candidate.residence),
            occupation=nfc(candidate.occupation),
            note=nfc(candidate.note),
        )
        errors: dict[str, Message] = {}
        if not c.full_name:
            errors["full_name"] = _msg(QT_TRANSLATE_NOOP("Admissions", "Write the candidate's full name."))
        if c.gender not in (Gender.MALE, Gender.FEMALE):
            errors["gender"] = _msg(QT_TRANSLATE_NOOP("Admissions", "Choose the gender."))
        if c.date_of_birth is not None and c.date_of_birth > self._today():
            errors["date_of_birth"] = _msg(QT_TRANSLATE_NOOP("Admissions", "The date of birth is in the future."))
        errors.update(hidden_characters(typed))  # as typed: nothing dropped unseen
        if errors:
            raise UserError(next(iter(errors.values())), errors)
        with self._db.write() as session:
            candidate_id = review_queries.add_candidate(session, organisation.branch_id, c)
        return Change.of(Topic.ADMISSIONS, candidate_id)

    def record_step(self, candidate_id: int, event: StepEvent) -> Change:
        """Record the candidate's next step. The ceremony also makes the probationary member, from the candidate's
        details and the decision's number and date, with the admission in their history."""
        organisation = self._organisation.require_own_records()
        hidden = hidden_characters({"detail": event.detail, "note": event.note})
        if hidden:
            raise UserError(next(iter(hidden.values())), hidden)
        event = replace(event, detail=nfc(event.detail), note=nfc(event.note))
        candidate = self.get(candidate_id)
        problem = step_problem(candidate, event, self._today())
        if problem is not None:
            raise UserError(problem, {"on": problem})
        if event.step != Step.CEREMONY:
            with self._db.write() as session:
                review_queries.add_step(session, candidate_id, event)
            return Change.of(Topic.ADMISSIONS, candidate_id)
        record = member_record(replace(candidate, steps=(*candidate.steps, event)))
        errors = self._members.validate(record)
        if errors:
            first = next(iter(errors.values()))
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP("Admissions", "The candidate's details cannot make a member yet: {problem}"),
                    problem=first,
                )
            )
        admitted = StatusEvent(
            EventKind.ADMITTED,
            event.on,
            decision_no=record.admission_decision_no,
            note=nfc(f"Kết nạp tại chi bộ; {event.detail}".rstrip("; ")),
        )
        with self._db.write() as session:
            review_queries.add_step(session, candidate_id, event)
            member_id, _uuid = member_queries.add_member(
                session, organisation.branch_id, record.normalised(), [admitted]
            )
            review_queries.link_member(session, candidate_id, member_id)
        return Change(frozenset({Topic.ADMISSIONS, Topic.MEMBERS}), (member_id,))

    def progress(self, period: Period, target: int) -> TargetProgress:
        """New members admitted in *period* (a term) as the roster counts them, against the congress's *target*."""
        roster = self._members.roster(min(period.end, self._today()))
        return TargetProgress(self._members.counts(roster, period).admitted_in_period, target)
