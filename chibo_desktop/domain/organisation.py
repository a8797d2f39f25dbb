"""The organisation tree as the branch sees it: itself, the committee above, its hamlets or cells."""

from dataclasses import dataclass

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.text import nfc


@dataclass(frozen=True)
class Hamlet:
    id: int
    name: str


@dataclass(frozen=True)
class Organisation:
    """This branch and the level it reports to. Since 1 July 2025 that is a commune or ward committee."""

    branch_id: int
    branch_uuid: str
    branch_name: str  # "Chi bộ ấp Te Te 1"
    upper_name: str  # "Đảng bộ xã Tân Hùng"
    place_name: str  # "Tân Hùng", for "Tân Hùng, ngày 05 tháng 02 năm 2024"
    hamlets: tuple[Hamlet, ...] = ()


@dataclass(frozen=True)
class OrganisationSetup:
    branch_name: str
    upper_name: str
    place_name: str
    hamlet_names: tuple[str, ...]

    def normalised(self) -> "OrganisationSetup":
        names: list[str] = []
        for name in (nfc(n) for n in self.hamlet_names):
            if name and name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        return OrganisationSetup(nfc(self.branch_name), nfc(self.upper_name), nfc(self.place_name), tuple(names))

    def errors(self) -> dict[str, Message]:
        out: dict[str, Message] = {}
        if not self.branch_name:
            out["branch_name"] = Message("Setup", QT_TRANSLATE_NOOP("Setup", "Enter the branch's name."))
        if not self.upper_name:
            out["upper_name"] = Message(
                "Setup", QT_TRANSLATE_NOOP("Setup", "Enter the Party committee the branch reports to.")
            )
        if not self.place_name:
            out["place_name"] = Message(
                "Setup", QT_TRANSLATE_NOOP("Setup", "Enter the place name printed before the date on documents.")
            )
        return out
