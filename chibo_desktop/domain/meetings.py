"""Branch meetings (sinh hoạt chi bộ): kinds, the attendance list of a day, its counts and ratio.

The attendance list is derived from each member's status events on the meeting date, then stored with the
meeting: a later status change never rewrites an old meeting's list.
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import MemberState, Standing, StatusEvent, state_on
from chibo_desktop.domain.text import fold, hidden_character_problem, nfc


class MeetingKind(StrEnum):
    REGULAR = "regular"  # thường kỳ, monthly
    THEMATIC = "thematic"  # chuyên đề, at least quarterly
    COMBINED = "combined"  # regular and thematic in one session
    EXTRAORDINARY = "extraordinary"  # bất thường
    UNKNOWN = "unknown"  # read from a stored value this version does not know; never written

    @property
    def counts_as_regular(self) -> bool:
        return self in (MeetingKind.REGULAR, MeetingKind.COMBINED)

    @property
    def counts_as_thematic(self) -> bool:
        return self in (MeetingKind.THEMATIC, MeetingKind.COMBINED)


KIND_LABELS = {
    MeetingKind.REGULAR: QT_TRANSLATE_NOOP("Meeting", "Regular"),
    MeetingKind.THEMATIC: QT_TRANSLATE_NOOP("Meeting", "Thematic"),
    MeetingKind.COMBINED: QT_TRANSLATE_NOOP("Meeting", "Regular and thematic"),
    MeetingKind.EXTRAORDINARY: QT_TRANSLATE_NOOP("Meeting", "Extraordinary"),
    MeetingKind.UNKNOWN: QT_TRANSLATE_NOOP("Meeting", "Unknown kind"),
}


class Mark(StrEnum):
    """One member's attendance at one meeting."""

    PRESENT = "present"
    LATE = "late"
    EXCUSED = "excused"  # absent with a reason, which is written down
    UNEXCUSED = "unexcused"
    EXEMPTED = "exempted"  # not required: exempted from activities (from the status events)
    AWAY = "away"  # not required unless the branch counts the temporarily away (a rule)
    DUTY = "duty"  # not required: on special duty that day (set by the secretary)
    UNKNOWN = "unknown"  # a stored mark this version does not know: neither present nor required

    @property
    def attended(self) -> bool:
        return self in (Mark.PRESENT, Mark.LATE)

    @property
    def absent(self) -> bool:
        return self in (Mark.EXCUSED, Mark.UNEXCUSED)


MARK_LABELS = {
    Mark.PRESENT: QT_TRANSLATE_NOOP("Meeting", "Present"),
    Mark.LATE: QT_TRANSLATE_NOOP("Meeting", "Late"),
    Mark.EXCUSED: QT_TRANSLATE_NOOP("Meeting", "Absent with reason"),
    Mark.UNEXCUSED: QT_TRANSLATE_NOOP("Meeting", "Absent without reason"),
    Mark.EXEMPTED: QT_TRANSLATE_NOOP("Meeting", "Not required: exempted"),
    Mark.AWAY: QT_TRANSLATE_NOOP("Meeting", "Not required: temporarily away"),
    Mark.DUTY: QT_TRANSLATE_NOOP("Meeting", "Not required: special duty"),
    Mark.UNKNOWN: QT_TRANSLATE_NOOP("Meeting", "Unknown mark"),
}
# The one-letter marks of the printed register (Vietnamese initials): có mặt, muộn, vắng có lý do, vắng không lý do,
# miễn, tạm vắng, công tác.
MARK_LETTERS = {
    Mark.PRESENT: "x",
    Mark.LATE: "M",
    Mark.EXCUSED: "P",
    Mark.UNEXCUSED: "K",
    Mark.EXEMPTED: "m",
    Mark.AWAY: "v",
    Mark.DUTY: "c",
    Mark.UNKNOWN: "?",
}
# The same marks on screen, in the interface language (the Vietnamese translations are the letters above).
MARK_KEYS = {
    Mark.PRESENT: QT_TRANSLATE_NOOP("MarkLetter", "x"),
    Mark.LATE: QT_TRANSLATE_NOOP("MarkLetter", "L"),
    Mark.EXCUSED: QT_TRANSLATE_NOOP("MarkLetter", "E"),
    Mark.UNEXCUSED: QT_TRANSLATE_NOOP("MarkLetter", "U"),
    Mark.EXEMPTED: QT_TRANSLATE_NOOP("MarkLetter", "e"),
    Mark.AWAY: QT_TRANSLATE_NOOP("MarkLetter", "a"),
    Mark.DUTY: QT_TRANSLATE_NOOP("MarkLetter", "d"),
}
# The letter keys that mark attendance, in the interface language (Vietnamese: C có mặt, M muộn, P vắng có lý do,
# K vắng không lý do, T công tác); the digits 1–5 work in every language.
ENTRY_KEYS = {
    Mark.PRESENT: QT_TRANSLATE_NOOP("AttendanceKey", "P"),
    Mark.LATE: QT_TRANSLATE_NOOP("AttendanceKey", "L"),
    Mark.EXCUSED: QT_TRANSLATE_NOOP("AttendanceKey", "E"),
    Mark.UNEXCUSED: QT_TRANSLATE_NOOP("AttendanceKey", "U"),
    Mark.DUTY: QT_TRANSLATE_NOOP("AttendanceKey", "D"),
}


NOT_REQUIRED = frozenset({Mark.EXEMPTED, Mark.DUTY, Mark.UNKNOWN})


class Role(StrEnum):
    """How a listed member is counted in the minutes."""

    OFFICIAL = "official"
    PROBATIONARY = "probationary"
    ATTACHED = "attached"  # temporarily attached: attends here, not in the branch's own number
    UNKNOWN = "unknown"  # a stored role this version does not know (counted as the branch's own)


@dataclass(frozen=True)
class AttendanceLine:
    member_id: int
    name: str
    role: Role
    mark: Mark = Mark.PRESENT
    reason: str = ""
    spoke: bool = False

    @property
    def own(self) -> bool:
        return self.role != Role.ATTACHED

    def required(self, away_required: bool) -> bool:
        """Counted among those required to attend (the ratio's denominator)."""
        if not self.own or self.mark in NOT_REQUIRED:
            return False
        return away_required or self.mark != Mark.AWAY


def _role(state: MemberState) -> Role:
    if not state.own:
        return Role.ATTACHED
    return Role.PROBATIONARY if state.standing == Standing.PROBATIONARY else Role.OFFICIAL


def attendance_list(members: Iterable[tuple[int, str, Sequence[StatusEvent]]], on: date) -> list[AttendanceLine]:
    """Everyone listed in the branch on *on*, present by default; the exempted and temporarily away are marked
    as not required from their events. *members* gives (id, full name, events)."""
    lines = []
    for member_id, name, events in members:
        state = state_on(events, on)
        if not state.belongs or state.suspended:
            continue
        mark = Mark.EXEMPTED if state.exempted else Mark.AWAY if state.away else Mark.PRESENT
        lines.append(AttendanceLine(member_id, name, _role(state), mark))
    return lines


@dataclass(frozen=True)
class AttendanceCounts:
    """The counts the minutes print and the ratio the register uses; the raw counts go beside the ratio."""

    total: int = 0  # the branch's own members listed
    official: int = 0
    probationary: int = 0
    attached: int = 0
    exempted: int = 0
    away: int = 0
    duty: int = 0
    required: int = 0
    present: int = 0  # own members present (late included)
    present_official: int = 0
    present_probationary: int = 0
    present_attached: int = 0
    late: int = 0
    excused: int = 0
    unexcused: int = 0
    spoke: int = 0  # own members who spoke (as recorded in the agenda's opinions)

    @property
    def ratio(self) -> float | None:
        return self.present / self.required if self.required else None


def count_attendance(lines: Iterable[AttendanceLine], away_required: bool) -> AttendanceCounts:
    """One pass over (role, mark) pairs, then the counts from those few groups."""
    return count_groups(Counter((line.role, line.mark, line.spoke) for line in lines), away_required)


def count_groups(groups: Counter[tuple[Role, Mark, bool]], away_required: bool) -> AttendanceCounts:
    """The counts from how many lines have each (role, mark, spoke): what a query grouping the lines gives."""
    c: Counter[str] = Counter()
    for (role, mark, spoke), n in groups.items():
        if spoke and role != Role.ATTACHED:
            c["spoke"] += n
        if role == Role.ATTACHED:
            c["attached"] += n
            if mark in (Mark.PRESENT, Mark.LATE):
                c["present_attached"] += n
            continue
        c["total"] += n
        c[role.value] += n
        if mark in NOT_REQUIRED or (mark == Mark.AWAY and not away_required):
            pass
        else:
            c["required"] += n
        if mark in (Mark.PRESENT, Mark.LATE):
            c["present"] += n
            c[f"present_{role.value}"] += n
        key = {
            Mark.EXEMPTED: "exempted",
            Mark.AWAY: "away",
            Mark.DUTY: "duty",
            Mark.LATE: "late",
            Mark.EXCUSED: "excused",
            Mark.UNEXCUSED: "unexcused",
        }.get(mark)
        if key:
            c[key] += n
    return AttendanceCounts(**{name: c[name] for name in AttendanceCounts.__dataclass_fields__})


@dataclass(frozen=True)
class Guest:
    name: str
    position: str = ""
    unit: str = ""


@dataclass(frozen=True)
class Opinion:
    speaker: str  # the member's name as said in the meeting, or a guest's
    summary: str
    member_id: int | None = None


@dataclass(frozen=True)
class AgendaItem:
    title: str
    presenter: str = ""
    content: str = ""
    opinions: tuple[Opinion, ...] = ()
    conclusion: str = ""


@dataclass(frozen=True)
class Resolution:
    text: str
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0
    entitled: int = 0  # members entitled to vote at that moment

    def problem(self) -> str | None:
        """ "negative", "no_entitled" (votes counted, the number entitled to vote left empty), "too_many" or
        ``None``."""
        if min(self.votes_for, self.votes_against, self.votes_abstain, self.entitled) < 0:
            return "negative"
        if self.entitled == 0 and self.votes_for + self.votes_against + self.votes_abstain > 0:
            return "no_entitled"
        if self.votes_for + self.votes_against + self.votes_abstain > self.entitled:
            return "too_many"
        return None


@dataclass(frozen=True)
class Assignment:
    member_id: int
    name: str
    task: str
    due: date | None = None


@dataclass(frozen=True)
class Addendum:
    on: date
    reason: str
    text: str


@dataclass(frozen=True)
class MeetingRecord:
    """What the secretary types about one meeting (the attendance lines travel separately)."""

    kind: MeetingKind = MeetingKind.REGULAR
    on: date | None = None
    start: str = ""  # "19:30"
    end: str = ""
    place: str = ""
    topic: str = ""  # the thematic topic
    chair_id: int | None = None
    secretary_id: int | None = None
    number: str = ""  # the minutes' number, e.g. "12-BB/CB"
    guests: tuple[Guest, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    topic_id: int | None = None  # the registered thematic topic this meeting held
    scores: tuple[tuple[str, int], ...] = ()  # rubric criterion → points, when the branch scores meetings


@dataclass(frozen=True)
class Meeting:
    id: int
    uuid: str
    record: MeetingRecord
    lines: tuple[AttendanceLine, ...]
    approved_on: date | None = None
    addenda: tuple[Addendum, ...] = field(default_factory=tuple)

    @property
    def locked(self) -> bool:
        return self.approved_on is not None


# "Đ/c", "đ/c", "Đc", "Đ.c", "đồng chí" typed before a name: the minutes print "Đồng chí" themselves.
_HONORIFIC = re.compile(r"^(?:đồng\s+chí|đ\s*[/.]\s*c|đc)(?=[\s.:,-])[\s.:,-]*", re.IGNORECASE)


def without_honorific(name: str) -> str:
    """ "Đ/c Lê Thị Mai", "đồng chí Lê Thị Mai", "Đồng chí Đ/c Lê Thị Mai" → "Lê Thị Mai" (NFC)."""
    text = nfc(name)
    while True:
        match = _HONORIFIC.match(text)
        if match is None or match.end() == len(text):
            return text
        text = text[match.end() :]


def link_speakers(
    agenda: Sequence[AgendaItem], lines: Sequence[AttendanceLine]
) -> tuple[tuple[AgendaItem, ...], tuple[AttendanceLine, ...]]:
    """The agenda with forms of address taken off presenters and speakers, each opinion linked to the member
    who gave it when that member attended (by the id chosen from the list, else by a name that fits exactly one
    member present, tone marks aside only when still unambiguous), and the lines with ``spoke`` set from it."""
    attended = [line for line in lines if line.mark.attended]
    by_id = {line.member_id: line for line in attended}

    def member_of(opinion: Opinion, name: str) -> AttendanceLine | None:
        if opinion.member_id is not None:
            return by_id.get(opinion.member_id)
        for key in (lambda text: text.casefold(), fold):
            found = [line for line in attended if key(line.name) == key(name)]
            if found:
                return found[0] if len(found) == 1 else None
        return None

    items = []
    for item in agenda:
        opinions = []
        for opinion in item.opinions:
            name = without_honorific(opinion.speaker)
            member = member_of(opinion, name)
            opinions.append(
                Opinion(member.name if member else name, opinion.summary, member.member_id if member else None)
            )
        items.append(replace(item, presenter=without_honorific(item.presenter), opinions=tuple(opinions)))
    spoke = {o.member_id for item in items for o in item.opinions if o.member_id is not None}
    return tuple(items), tuple(replace(line, spoke=line.member_id in spoke) for line in lines)


def hidden_characters(record: MeetingRecord, lines: Sequence[AttendanceLine] = ()) -> dict[str, Message]:
    """Field → the first hidden or control character the meeting's text holds as typed, saying where (a guest, an
    agenda item, a resolution, an assignment, an absence's reason): such text would be dropped unseen or refused
    by the upper level. One-line texts by the one-line rule, the minutes' paragraphs by the rule of several lines."""
    errors: dict[str, Message] = {}

    def check(key: str, texts: Iterable[tuple[str, bool]], where: str = "", **args: object) -> None:
        if key in errors:
            return
        for text, lines_allowed in texts:
            problem = hidden_character_problem(text, lines_allowed)
            if problem is not None:
                errors[key] = Message("Meeting", where, {**args, "problem": problem}) if where else problem
                return

    for name in ("place", "number", "topic"):
        check(name, [(getattr(record, name), False)])
    for n, guest in enumerate(record.guests, start=1):
        check(
            "guests",
            [(guest.name, False), (guest.position, False), (guest.unit, False)],
            QT_TRANSLATE_NOOP("Meeting", "Guest {n}: {problem}"),
            n=n,
        )
    for n, item in enumerate(record.agenda, start=1):
        texts = [(item.title, True), (item.presenter, False), (item.content, True), (item.conclusion, True)]
        texts += [(text, many) for o in item.opinions for text, many in ((o.speaker, False), (o.summary, True))]
        check("agenda", texts, QT_TRANSLATE_NOOP("Meeting", "Agenda item {n}: {problem}"), n=n)
    for n, resolution in enumerate(record.resolutions, start=1):
        check("resolutions", [(resolution.text, True)], QT_TRANSLATE_NOOP("Meeting", "Resolution {n}: {problem}"), n=n)
    for n, assignment in enumerate(record.assignments, start=1):
        check(
            "assignments",
            [(assignment.name, False), (assignment.task, True)],
            QT_TRANSLATE_NOOP("Meeting", "Assignment {n}: {problem}"),
            n=n,
        )
    for line in lines:
        check(
            "attendance",
            [(line.reason, False)],
            QT_TRANSLATE_NOOP("Meeting", "The reason given for {name}: {problem}"),
            name=line.name,
        )
    return errors
