"""The organisation tree as this database sees it: itself (a branch, or a committee above branches), the level
above, its hamlets or cells, and at a committee the branches whose packages it keeps."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.text import nfc


class Level(StrEnum):
    """Which level a database keeps. A branch keeps its own records; a committee (đảng ủy xã, phường …) keeps
    the branches' records as their packages brought them, and only reads them."""

    BRANCH = "branch"
    COMMITTEE = "committee"


LEVEL_LABELS = {
    Level.BRANCH: QT_TRANSLATE_NOOP("Setup", "A Party branch (chi bộ)"),
    Level.COMMITTEE: QT_TRANSLATE_NOOP("Setup", "A committee above branches (đảng ủy xã, phường …)"),
}


@dataclass(frozen=True)
class Hamlet:
    id: int
    name: str


@dataclass(frozen=True)
class Unit:
    """A branch (or a committee below this one) whose records came in its packages."""

    id: int
    name: str


@dataclass(frozen=True)
class Organisation:
    """This database's own unit and the level it reports to. Since 1 July 2025 a branch reports to a commune or
    ward committee. At a committee, ``branch_*`` name the committee itself (the documents' own line)."""

    branch_id: int
    branch_uuid: str
    branch_name: str  # "Chi bộ ấp Te Te 1"
    upper_name: str  # "Đảng bộ xã Tân Hùng"
    place_name: str  # "Tân Hùng", for "Tân Hùng, ngày 05 tháng 02 năm 2024"
    hamlets: tuple[Hamlet, ...] = ()
    level: Level = Level.BRANCH
    branches: tuple[Unit, ...] = ()  # at a committee: the units below it, in name order

    @property
    def is_committee(self) -> bool:
        return self.level == Level.COMMITTEE


@dataclass(frozen=True)
class OrganisationSetup:
    branch_name: str
    upper_name: str
    place_name: str
    hamlet_names: tuple[str, ...]
    level: Level = Level.BRANCH
    # The first month of the dues book kept in the app, recorded once, when a branch is first set up: None is the
    # month it is set up in (what was collected before lives in the paper book: no arrears are made up for it).
    dues_from: date | None = None

    def normalised(self) -> "OrganisationSetup":
        names: list[str] = []
        for name in (nfc(n) for n in self.hamlet_names):
            if name and name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        return OrganisationSetup(
            nfc(self.branch_name), nfc(self.upper_name), nfc(self.place_name), tuple(names), self.level, self.dues_from
        )

    def errors(self) -> dict[str, Message]:
        out: dict[str, Message] = {}
        committee = self.level == Level.COMMITTEE
        if not self.branch_name:
            out["branch_name"] = Message(
                "Setup",
                QT_TRANSLATE_NOOP("Setup", "Enter the committee's name, e.g. Đảng ủy xã Tân Hùng.")
                if committee
                else QT_TRANSLATE_NOOP("Setup", "Enter the branch's name."),
            )
        if not self.upper_name:
            out["upper_name"] = Message(
                "Setup",
                QT_TRANSLATE_NOOP("Setup", "Enter the level this committee reports to, e.g. Tỉnh ủy Cà Mau.")
                if committee
                else QT_TRANSLATE_NOOP("Setup", "Enter the Party committee the branch reports to."),
            )
        if committee and self.hamlet_names:
            out["hamlets"] = Message(
                "Setup",
                QT_TRANSLATE_NOOP(
                    "Setup", "Hamlets and Party cells belong to branches; a committee keeps none. Leave them out."
                ),
            )
        if not self.place_name:
            out["place_name"] = Message(
                "Setup", QT_TRANSLATE_NOOP("Setup", "Enter the place name printed before the date on documents.")
            )
        return out
