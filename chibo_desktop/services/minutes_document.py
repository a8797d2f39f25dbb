"""A meeting's minutes as plain data, from the meeting, the database's own unit and the rule in force that day —
and `chibo print minutes` the quick way.

Nothing here imports the ORM: the printing table (`services/printing.py`, through `services/documents.py`) builds
the minutes from what the services read, and :func:`print_minutes` from what `storage/plain_minutes.py` reads with
``sqlite3`` alone, with the same function, so both print the same document.
"""

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import document_date, screen_date
from chibo_desktop.domain.documents import DocumentHeader, MinutesData, MinutesItem, MinutesVote
from chibo_desktop.domain.formatting import percent
from chibo_desktop.domain.meetings import Mark, Meeting, MeetingKind, count_attendance, without_honorific
from chibo_desktop.domain.namesakes import Identity, sharing_a_name, shown_names
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.reports.api import DocumentStyle

AWAY_REQUIRED = "meeting.away_counts_as_required"  # read as MeetingService.rules reads it
LAYOUT = "document.layout"  # read as documents.document_style reads it


def header_of(organisation: Organisation, on: date) -> DocumentHeader:
    return DocumentHeader(organisation.upper_name, organisation.branch_name, organisation.place_name, on)


def _clock(text: str) -> str:
    """ "19:30" → "19 giờ 30 phút"; empty stays empty."""
    if not text or ":" not in text:
        return ""
    hours, minutes = text.split(":", 1)
    return f"{int(hours)} giờ {minutes} phút"


def summary_line(meeting: Meeting) -> str:
    """ "sinh hoạt chi bộ thường kỳ tháng 6 năm 2024", or the thematic form with its topic."""
    r = meeting.record
    assert r.on is not None
    month = f"tháng {r.on.month} năm {r.on.year}"
    if r.kind == MeetingKind.REGULAR:
        return f"sinh hoạt chi bộ thường kỳ {month}"
    if r.kind == MeetingKind.THEMATIC:
        return f"sinh hoạt chi bộ chuyên đề {month}: “{r.topic}”"
    if r.kind == MeetingKind.COMBINED:
        return f"sinh hoạt chi bộ thường kỳ {month} kết hợp sinh hoạt chuyên đề: “{r.topic}”"
    return f"sinh hoạt chi bộ bất thường {document_date(r.on)}"


def alike_on_the_list(meeting: Meeting) -> list[int]:
    """The members on *meeting*'s list whose name another on it has too: those whose identities the minutes need."""
    return sharing_a_name((line.member_id, line.name) for line in meeting.lines)


def minutes_of(
    meeting: Meeting, organisation: Organisation, away_required: bool, identities: Mapping[int, Identity] | None = None
) -> MinutesData:
    """The minutes of *meeting*; *away_required*: the rule in force on the meeting's day (whether members
    temporarily away count among those required to attend); *identities*: what tells apart the members of the same
    name on the meeting's list (those of :func:`alike_on_the_list`), who are then named with their year of birth
    wherever the minutes name them ("Chủ trì: Nguyễn Văn An (sinh 1960)"), but for the names under the
    signatures."""
    r = meeting.record
    assert r.on is not None
    c = count_attendance(meeting.lines, away_required)
    plain = {line.member_id: line.name for line in meeting.lines}
    names = dict(shown_names([(line.member_id, line.name) for line in meeting.lines], identities or {}))

    def named(member_id: int | None, name: str) -> str:
        """*name* as the minutes print it: told apart when it is the name of the member *member_id* on the list."""
        return names[member_id] if member_id in names and plain[member_id] == name else name

    start = _clock(r.start)
    started = f"{start}, {document_date(r.on)}" if start else f"...... giờ ...... phút, {document_date(r.on)}"
    count_lines = [
        f"Tổng số đảng viên của chi bộ: {c.total} đồng chí (chính thức: {c.official}; dự bị: {c.probationary})."
        + (f" Đảng viên sinh hoạt tạm thời: {c.attached} đồng chí." if c.attached else ""),
        f"Miễn công tác và sinh hoạt đảng: {c.exempted} đồng chí; tạm vắng: {c.away} đồng chí; "
        f"đi công tác: {c.duty} đồng chí.",
        f"Số đảng viên phải dự: {c.required} đồng chí. Có mặt: {c.present}/{c.required} đồng chí "
        f"({percent(c.present, c.required)}), trong đó chính thức: {c.present_official}, dự bị: {c.present_probationary}"
        + (f"; đến muộn: {c.late}" if c.late else "")
        + (f"; đảng viên sinh hoạt tạm thời có mặt: {c.present_attached}" if c.attached else "")
        + ".",
    ]
    return MinutesData(
        header=header_of(organisation, r.on),
        number=r.number,
        summary_line=summary_line(meeting),
        started=started,
        ended=_clock(r.end),
        place=r.place,
        guests=tuple(
            "đồng chí " + ", ".join(part for part in (without_honorific(g.name), g.position, g.unit) if part)
            for g in r.guests
        ),
        chair=names.get(r.chair_id or -1, ""),
        secretary=names.get(r.secretary_id or -1, ""),
        signers=(plain.get(r.secretary_id or -1, ""), plain.get(r.chair_id or -1, "")),
        count_lines=tuple(count_lines),
        excused=tuple((names[line.member_id], line.reason) for line in meeting.lines if line.mark == Mark.EXCUSED),
        unexcused=tuple(names[line.member_id] for line in meeting.lines if line.mark == Mark.UNEXCUSED),
        items=tuple(
            MinutesItem(
                i.title,
                without_honorific(i.presenter),
                i.content,
                tuple((named(o.member_id, without_honorific(o.speaker)), o.summary) for o in i.opinions),
                i.conclusion,
            )
            for i in r.agenda
        ),
        votes=tuple(
            MinutesVote(v.text, v.votes_for, v.votes_against, v.votes_abstain, v.entitled) for v in r.resolutions
        ),
        assignments=tuple((named(a.member_id, a.name), a.task, screen_date(a.due)) for a in r.assignments),
        approved=meeting.locked,
        speakers_line=f"Số đảng viên phát biểu ý kiến: {c.spoke} đồng chí." if c.spoke else "",
        addenda=tuple((screen_date(a.on), a.reason, a.text) for a in meeting.addenda),
    )


def quick_minutes(path: Path, meeting_id: int, today: date) -> tuple[MinutesData, DocumentStyle] | None:
    """The minutes of *meeting_id* and the page they are printed on today, read from the file at *path* without
    SQLAlchemy; None when the file is to be opened the usual way (see ``plain_minutes.minutes_source``)."""
    from chibo_desktop.storage.plain_minutes import minutes_source

    source = minutes_source(path, meeting_id, (AWAY_REQUIRED, LAYOUT))
    if source is None:
        return None
    book = RuleBook(source.rules)
    on = source.meeting.record.on
    assert on is not None
    data = minutes_of(source.meeting, source.organisation, bool(book.get(AWAY_REQUIRED, on)), source.identities)
    return data, DocumentStyle.from_setting(book.get(LAYOUT, today))


def print_minutes(path: Path, meeting_id: int, out: Path, clock: Clock) -> bool:
    """`chibo print minutes` of a file read without SQLAlchemy (the same document as the printing table's
    ``MINUTES``); False, with nothing written, when the file is to be opened the usual way."""
    found = quick_minutes(path, meeting_id, clock.today())
    if found is None:
        return False
    from chibo_desktop.reports.minutes import minutes_with_addenda_pdf

    data, style = found
    minutes_with_addenda_pdf(data, out, style)
    return True
