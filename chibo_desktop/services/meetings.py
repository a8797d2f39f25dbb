"""Meetings: the attendance list of a day, writing and approving a meeting, addenda, the register and its
warnings, the figures of the branch reports."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import Period, add_months, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message, messages
from chibo_desktop.domain.meeting_rules import MeetingRules as MeetingRules
from chibo_desktop.domain.meeting_rules import meeting_rules
from chibo_desktop.domain.meetings import (
    Addendum,
    AttendanceLine,
    Mark,
    Meeting,
    MeetingKind,
    MeetingRecord,
    attendance_list,
    count_attendance,
    hidden_characters,
    link_speakers,
    without_honorific,
)
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.domain.register import (
    MeetingSummary,
    MemberFlag,
    PeriodSummary,
    RegisterWarnings,
    YearGrid,
    summarise,
    warnings,
    year_grid,
)
from chibo_desktop.domain.text import hidden_character_problem, name_sort_key, nfc, refuse_hidden_characters
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.gc_pause import paused_gc
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.rules import RulesService
from chibo_desktop.storage import meeting_queries, member_queries
from chibo_desktop.storage.db import Database, Session

_TIME = re.compile(r"^([01]?\d|2[0-3])[:hH.]([0-5]\d)$")


@dataclass(frozen=True)
class ApprovalFacts:
    """What the secretary confirms before the minutes are locked: the attendance as stored, against the bar in
    force on the meeting's day, and the days the approval date may take."""

    meeting_on: date
    today: date
    present: int
    required: int
    bar_percent: int

    @property
    def below_bar(self) -> bool:
        return bool(self.required) and self.present * 100 < self.bar_percent * self.required


@dataclass(frozen=True)
class MeetingListItem:
    id: int
    on: date
    kind: MeetingKind
    topic: str
    locked: bool
    present: int
    required: int
    branch: str = ""  # the branch that held it (shown at a committee)


@dataclass(frozen=True)
class Register:
    """The year's grid, its warnings, and the quarter and year figures."""

    year: int
    grid: YearGrid
    warnings: RegisterWarnings
    quarters: tuple[PeriodSummary, ...]
    whole_year: PeriodSummary


_msg = messages("Meeting")


def normal_time(text: str) -> str | None:
    """ "19h30", "19.30", "7:05" → "19:30", "07:05"; ``None`` when it is not a time of day."""
    match = _TIME.match(text.strip())
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


def minutes_between(start: str, end: str) -> int:
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return (h2 * 60 + m2) - (h1 * 60 + m1)


class MeetingService:
    def __init__(
        self,
        db: Database,
        rules: RulesService,
        organisation: OrganisationService,
        clock: Clock,
    ) -> None:
        self._db = db
        self._rules = rules
        self._organisation = organisation
        self._clock = clock
        self._today = clock.today

    def rules(self, on: date) -> MeetingRules:
        return meeting_rules(self._rules.book(), on)

    # --- the attendance list ------------------------------------------------------------------------------

    def identities(self, member_ids: Sequence[int]) -> dict[int, Identity]:
        """What tells these members apart from others of the same name on a meeting's lists."""
        with self._db.read() as session:
            return member_queries.identities(session, member_ids)

    def draft_lines(self, on: date) -> tuple[AttendanceLine, ...]:
        """Everyone listed in the branch on *on*, present by default, in Vietnamese name order."""
        with self._db.read() as session:
            loaded = member_queries.load_roster(session)
        lines = attendance_list(((e.id, e.record.full_name, e.events) for e, _search in loaded), on)
        return tuple(sorted(lines, key=lambda line: name_sort_key(line.name)))

    # --- writing ------------------------------------------------------------------------------------------

    def normalised(self, record: MeetingRecord) -> MeetingRecord:
        return replace(
            record,
            start=normal_time(record.start) or nfc(record.start),
            end=normal_time(record.end) or nfc(record.end),
            place=nfc(record.place),
            topic=nfc(record.topic),
            number=nfc(record.number),
            guests=tuple(
                replace(g, name=without_honorific(g.name), position=nfc(g.position), unit=nfc(g.unit))
                for g in record.guests
            ),
        )

    def validate(self, record: MeetingRecord, lines: tuple[AttendanceLine, ...]) -> dict[str, Message]:
        errors: dict[str, Message] = {}
        if record.kind == MeetingKind.UNKNOWN:
            errors["kind"] = _msg(QT_TRANSLATE_NOOP("Meeting", "Choose the kind of meeting."))
        if record.on is None:
            errors["on"] = _msg(QT_TRANSLATE_NOOP("Meeting", "Enter the date of the meeting."))
        for field in ("start", "end"):
            value = getattr(record, field)
            if value and normal_time(value) is None:
                errors[field] = _msg(QT_TRANSLATE_NOOP("Meeting", "Write the time as 19:30."))
        if record.start and record.end and not errors.keys() & {"start", "end"}:
            if minutes_between(record.start, record.end) <= 0:
                errors["end"] = _msg(QT_TRANSLATE_NOOP("Meeting", "The meeting must end after it starts."))
        if record.kind.counts_as_thematic and not record.topic:
            errors["topic"] = _msg(QT_TRANSLATE_NOOP("Meeting", "Enter the topic of the thematic meeting."))
        listed = {line.member_id for line in lines}
        for field in ("chair_id", "secretary_id"):
            value = getattr(record, field)
            if value is not None and value not in listed:
                errors[field] = _msg(QT_TRANSLATE_NOOP("Meeting", "Choose a member on this meeting's list."))
        no_reason = [line.name for line in lines if line.mark == Mark.EXCUSED and not line.reason.strip()]
        if no_reason:
            errors["attendance"] = _msg(
                QT_TRANSLATE_NOOP("Meeting", "Write the reason of each absence with reason: {names}."),
                names=", ".join(no_reason),
            )
        for n, resolution in enumerate(record.resolutions, start=1):
            problem = resolution.problem()
            if problem == "negative":
                errors["resolutions"] = _msg(
                    QT_TRANSLATE_NOOP("Meeting", "Resolution {n}: votes cannot be negative."), n=n
                )
            elif problem == "no_entitled":
                errors["resolutions"] = _msg(
                    QT_TRANSLATE_NOOP(
                        "Meeting", "Resolution {n}: enter how many members were entitled to vote, beside the votes."
                    ),
                    n=n,
                )
            elif problem == "too_many":
                errors["resolutions"] = _msg(
                    QT_TRANSLATE_NOOP("Meeting", "Resolution {n}: more votes than members entitled to vote."), n=n
                )
        for assignment in record.assignments:
            if assignment.member_id not in listed or not assignment.task.strip():
                errors["assignments"] = _msg(
                    QT_TRANSLATE_NOOP("Meeting", "Each assignment needs a member on the list and a task.")
                )
                break
        if record.scores and record.on is not None:
            problems = self.rules(record.on).rubric.problems(dict(record.scores))
            if problems:
                errors["scores"] = _msg(
                    QT_TRANSLATE_NOOP("Meeting", "Check the scores: each is between 0 and its maximum.")
                )
        return errors

    @staticmethod
    def missing_for_minutes(record: MeetingRecord) -> dict[str, Message]:
        """What approved minutes must state that *record* still lacks: the times the meeting started and ended
        (field → what to write). A draft may be saved without them: it is typed during the meeting, whose end is
        not known yet; the minutes are approved only once both are written."""
        missing: dict[str, Message] = {}
        if not record.start.strip():
            missing["start"] = _msg(QT_TRANSLATE_NOOP("Meeting", "Write the time it started, e.g. 19:30."))
        if not record.end.strip():
            missing["end"] = _msg(QT_TRANSLATE_NOOP("Meeting", "Write the time it ended, e.g. 21:15."))
        return missing

    def _check(self, record: MeetingRecord, lines: tuple[AttendanceLine, ...]) -> MeetingRecord:
        clean = self.normalised(record)
        errors = {**self.validate(clean, lines), **hidden_characters(record, lines)}  # as typed: nothing dropped
        if errors:
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Meeting", "Some fields need attention; see the messages beside them.")), errors
            )
        return clean

    @staticmethod
    def _with_speakers(
        record: MeetingRecord, lines: tuple[AttendanceLine, ...]
    ) -> tuple[MeetingRecord, tuple[AttendanceLine, ...]]:
        """Speakers linked to the members who attended (whose ``spoke`` follows), reasons in NFC."""
        agenda, lines = link_speakers(record.agenda, lines)
        return replace(record, agenda=agenda), tuple(replace(line, reason=nfc(line.reason)) for line in lines)

    def create(self, record: MeetingRecord, lines: tuple[AttendanceLine, ...] | None = None) -> Change:
        """Record a meeting; without *lines*, its attendance list is everyone listed that day, all present."""
        self._organisation.require_own_records()
        if record.on is None:
            self._check(record, ())
        assert record.on is not None
        lines = lines if lines is not None else self.draft_lines(record.on)
        clean, lines = self._with_speakers(self._check(record, lines), lines)
        branch = self._organisation.require_own_records()
        with self._db.write() as session:
            meeting_id, _uuid = meeting_queries.add_meeting(session, branch.branch_id, clean, lines)
        return Change.of(Topic.MEETINGS, meeting_id)

    def update(self, meeting_id: int, record: MeetingRecord, lines: tuple[AttendanceLine, ...]) -> Change:
        self._organisation.require_own_records()
        clean, lines = self._with_speakers(self._check(record, lines), lines)
        with self._db.write() as session:
            self._require_unlocked(session, meeting_id)
            meeting_queries.replace_meeting(session, meeting_id, clean, lines)
        return Change.of(Topic.MEETINGS, meeting_id)

    def _require_unlocked(self, session: Session, meeting_id: int) -> None:
        locked = meeting_queries.is_locked(session, meeting_id)
        if locked is None:
            raise UserError(_msg(QT_TRANSLATE_NOOP("Meeting", "This meeting no longer exists.")))
        if locked:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Meeting",
                        "The minutes of this meeting were approved and cannot be changed. Add an addendum instead.",
                    )
                )
            )

    def approval_facts(self, meeting_id: int) -> ApprovalFacts:
        meeting = self.get(meeting_id)
        on = meeting.record.on
        assert on is not None
        rules = self.rules(on)
        counts = count_attendance(meeting.lines, rules.away_required)
        return ApprovalFacts(on, self._today(), counts.present, counts.required, rules.bar_percent)

    def approve(self, meeting_id: int, on: date | None = None) -> Change:
        """Approving the minutes locks the meeting for good. *on* is the day the branch approved them: by default
        the meeting's own day (minutes are read out and approved at the meeting), never before it nor after
        today."""
        self._organisation.require_own_records()
        record = self.get(meeting_id).record
        missing = self.missing_for_minutes(record)
        if missing:
            raise UserError(next(iter(missing.values())), missing)
        meeting_on = record.on
        assert meeting_on is not None
        day = on or meeting_on
        problem = None
        if day < meeting_on:
            problem = _msg(
                QT_TRANSLATE_NOOP(
                    "Meeting", "The minutes cannot be approved before the meeting ({date}): write that day or later."
                ),
                date=screen_date(meeting_on),
            )
        elif day > self._today():
            problem = _msg(
                QT_TRANSLATE_NOOP(
                    "Meeting", "The approval date cannot be in the future: write today ({date}) or earlier."
                ),
                date=screen_date(self._today()),
            )
        if problem is not None:
            raise UserError(problem, {"approved_on": problem})
        with self._db.write() as session:
            self._require_unlocked(session, meeting_id)
            meeting_queries.approve(session, meeting_id, day)
        return Change.of(Topic.MEETINGS, meeting_id)

    def add_addendum(self, meeting_id: int, reason: str, text: str) -> Change:
        """A correction to approved minutes, with its reason and date; the original stays readable."""
        self._organisation.require_own_records()
        errors = {}
        if not nfc(reason):
            errors["reason"] = _msg(QT_TRANSLATE_NOOP("Meeting", "Write why the minutes are corrected."))
        if not nfc(text):
            errors["text"] = _msg(QT_TRANSLATE_NOOP("Meeting", "Write the correction."))
        for name, typed in (("reason", reason), ("text", text)):
            problem = hidden_character_problem(typed)
            if problem is not None:
                errors[name] = problem
        if errors:
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Meeting", "Some fields need attention; see the messages beside them.")), errors
            )
        with self._db.write() as session:
            locked = meeting_queries.is_locked(session, meeting_id)
            if not locked:
                raise UserError(
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Meeting", "Only approved minutes take an addendum; edit the meeting instead."
                        )
                    )
                )
            meeting_queries.add_addendum(session, meeting_id, Addendum(self._today(), nfc(reason), nfc(text)))
        return Change.of(Topic.MEETINGS, meeting_id)

    # --- reading ------------------------------------------------------------------------------------------

    def get(self, meeting_id: int) -> Meeting:
        with self._db.read() as session:
            meeting = meeting_queries.get_meeting(session, meeting_id)
        if meeting is None:
            raise UserError(_msg(QT_TRANSLATE_NOOP("Meeting", "This meeting no longer exists.")))
        return meeting

    def list_meetings(self, year: int | None = None) -> list[MeetingListItem]:
        with self._db.read() as session:
            rows = meeting_queries.meeting_list(session, year)
            start = min((r[1] for r in rows), default=date(1900, 1, 1))
            end = max((r[1] for r in rows), default=date(1900, 1, 1))
            summaries = {s.id: s for s in meeting_queries.meeting_summaries(session, start, end)}
        out = []
        for meeting_id, on, kind, topic, locked, branch in rows:
            counts = summaries[meeting_id].counts(self.rules(on).away_required)
            out.append(MeetingListItem(meeting_id, on, kind, topic, locked, counts.present, counts.required, branch))
        return out

    def summaries(self, start: date, end: date, org_units: Sequence[int] | None = None) -> list[MeetingSummary]:
        with paused_gc(), self._db.read() as session:
            return meeting_queries.meeting_summaries(session, start, end, org_units)

    def year_view(self, year: int, org_units: Sequence[int] | None = None) -> tuple[list[MeetingListItem], Register]:
        """The meetings tab's data: the year's list and its register, from one read of the year's rows (of the
        chosen branch, at a committee)."""
        meetings = self.summaries(date(year, 1, 1), date(year, 12, 31), org_units)
        with self._db.read() as session:
            rows = meeting_queries.meeting_list(session, year, org_units)
        by_id = {m.id: m for m in meetings}
        away = self.rules(min(date(year, 12, 31), self._today())).away_required
        items = []
        for meeting_id, on, kind, topic, locked, branch in rows:
            counts = by_id[meeting_id].counts(away)
            items.append(MeetingListItem(meeting_id, on, kind, topic, locked, counts.present, counts.required, branch))
        return items, self.register(year, meetings, org_units)

    def register(
        self, year: int, meetings: list[MeetingSummary] | None = None, org_units: Sequence[int] | None = None
    ) -> Register:
        """The year's attendance register and warnings, of the own branch or of *org_units* (at a committee);
        *meetings* are the year's, when already read for them."""
        end = date(year, 12, 31)
        rules = self.rules(min(end, self._today()))
        if meetings is None:
            meetings = self.summaries(date(year, 1, 1), end, org_units)
        with self._db.read() as session:
            since = meeting_queries.records_since(session, org_units)
        quarters = tuple(
            summarise(
                meetings,
                Period(date(year, 3 * q - 2, 1), _quarter_end(year, q), f"{year}-Q{q}"),
                rules.bar,
                rules.away_required,
            )
            for q in range(1, 5)
        )
        return Register(
            year=year,
            grid=year_grid(meetings, year, rules.away_required),
            warnings=warnings(
                meetings,
                year,
                self._today(),
                rules.bar,
                rules.removal_months,
                rules.max_run,
                rules.away_required,
                since,
            ),
            quarters=quarters,
            whole_year=summarise(meetings, Period(date(year, 1, 1), end, str(year)), rules.bar, rules.away_required),
        )

    def summary(self, period: Period, org_units: Sequence[int] | None = None) -> PeriodSummary:
        return self.summary_of(self.summaries(period.start, period.end, org_units), period)

    def summary_of(self, meetings: Sequence[MeetingSummary], period: Period) -> PeriodSummary:
        """The figures of *period* from meetings already read (those outside it are left out)."""
        rules = self.rules(min(period.end, self._today()))
        return summarise(meetings, period, rules.bar, rules.away_required)

    def flags_of(self, meetings: Sequence[MeetingSummary], period: Period) -> list[MemberFlag]:
        """:meth:`flags` from meetings already read, covering at least the calendar year that ends the period up
        to its end (those outside are left out)."""
        year = period.end.year
        rules = self.rules(min(period.end, self._today()))
        inside = [m for m in meetings if date(year, 1, 1) <= m.on <= period.end]
        until = min(period.end, self._today())
        found = warnings(inside, year, until, rules.bar, rules.removal_months, rules.max_run, rules.away_required)
        return list(found.flags)

    def flags(self, period: Period, org_units: Sequence[int] | None = None) -> list[MemberFlag]:
        """Removal-proposal and consecutive-absence flags of the calendar year that ends the period, counted
        up to the period's end."""
        year = period.end.year
        rules = self.rules(min(period.end, self._today()))
        meetings = self.summaries(date(year, 1, 1), period.end, org_units)
        until = min(period.end, self._today())
        found = warnings(meetings, year, until, rules.bar, rules.removal_months, rules.max_run, rules.away_required)
        return list(found.flags)

    def unit_summaries(self, start: date, end: date) -> list[tuple[int, MeetingSummary]]:
        """(unit, meeting) between *start* and *end* for the figures of all units: counts, flags and summaries
        come out as from :meth:`summaries`, with fewer lines read (see ``meeting_queries.meeting_figures``)."""
        with paused_gc(), self._db.read() as session:
            return meeting_queries.meeting_figures(session, start, end)

    # --- the year's thematic plan -------------------------------------------------------------------------

    def topics(self, year: int) -> list[tuple[int, int | None, str, int | None]]:
        with self._db.read() as session:
            return meeting_queries.topics(session, year)

    def add_topic(self, year: int, quarter: int | None, title: str) -> Change:
        refuse_hidden_characters({"title": title})
        clean = nfc(title)
        if not clean:
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Meeting", "Enter the topic.")),
                {"title": _msg(QT_TRANSLATE_NOOP("Meeting", "Enter the topic."))},
            )
        if quarter is not None and not 1 <= quarter <= 4:
            raise UserError(_msg(QT_TRANSLATE_NOOP("Meeting", "A quarter is 1, 2, 3 or 4.")))
        branch = self._organisation.require_own_records()
        with self._db.write() as session:
            topic_id = meeting_queries.add_topic(session, branch.branch_id, year, quarter, clean)
        return Change.of(Topic.MEETINGS, topic_id)


def _quarter_end(year: int, quarter: int) -> date:
    return add_months(date(year, 3 * quarter - 2, 1), 3) - timedelta(days=1)
