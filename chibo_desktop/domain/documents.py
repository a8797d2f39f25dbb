"""Plain data the printed documents are drawn from; the services fill it, the reports draw it."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DocumentHeader:
    """Left: upper level and branch (with "*" under); right: the Party's name; then place and date."""

    upper_name: str
    branch_name: str
    place_name: str
    on: date


@dataclass(frozen=True)
class MemberListRow:
    number: int
    full_name: str
    male_birth: str  # the register puts the birth date under "Nam" or "Nữ"
    female_birth: str
    ethnicity: str
    religion: str
    home_town: str
    admission_date: str
    official_date: str
    card_number: str
    biography_no: str
    hamlet: str
    note: str


@dataclass(frozen=True)
class MemberListData:
    header: DocumentHeader
    rows: tuple[MemberListRow, ...]
    summary: str
