"""What the printed review documents need: plain strings and numbers, in Vietnamese."""

from dataclasses import dataclass

from chibo_desktop.domain.documents import DocumentHeader


@dataclass(frozen=True)
class ReviewSummaryData:
    """The branch's summary of the year's review: counts and percentages by level, the list by level, and who was
    not rated and why."""

    header: DocumentHeader
    year: int
    to_review: int
    rated: int
    undecided: int
    counts: tuple[tuple[str, int, str], ...]  # (level, count, "25,0") in the order of the levels
    by_level: tuple[tuple[str, tuple[str, ...]], ...]  # (level, names)
    not_rated: tuple[tuple[str, str], ...]  # (name, reason)
    cap_note: str  # "" when within the cap
    branch_level: str
    branch_decision: str
    commendations: int
    disciplines: int
    decided: int = 0  # of the rated, those whose level the committee above decided (the rest: the proposal)

    @property
    def decided_line(self) -> str:
        """Which levels are decided and which only proposed (the counts carry both), or "" when all are decided."""
        if not self.rated or self.decided >= self.rated:
            return ""
        return (
            f"Trong {self.rated} đảng viên được xếp loại: {self.decided} theo quyết định của cấp ủy cấp trên, "
            f"{self.rated - self.decided} theo đề nghị của chi bộ (cấp trên chưa quyết định)."
        )


@dataclass(frozen=True)
class MemberReviewData:
    """One member's record: the review of every year, commendations and discipline, and, for a member admitted
    through the app, the steps to admission."""

    header: DocumentHeader
    name: str
    born: str
    admitted: str
    reviews: tuple[tuple[str, ...], ...]  # year, self level, points, proposed, votes, final, note
    awards: tuple[tuple[str, ...], ...]  # kind, form, decision, date, issuer
    steps: tuple[tuple[str, str, str], ...]  # step, date, detail
    known_as: str = ""  # the name told apart from another member of the same name ("… (sinh 1985)"), for the file
