"""Members of the same name on a screen's list, told apart in the interface language ("Nguyễn Văn An (born
1968)"); see ``domain/namesakes``. The identities are read only when a list does show a name twice."""

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from chibo_desktop.domain.namesakes import Identity, sharing_a_name, shown_names

Identities = Callable[[Sequence[int]], Mapping[int, Identity]]


def told_apart(people: Sequence[tuple[int, str]], identities: Identities) -> list[tuple[int, str]]:
    """*people* (id, name) as the list shows them; *identities* reads what tells those of the same name apart."""
    alike = sharing_a_name(people)
    if not alike:
        return list(people)
    return shown_names(
        people,
        identities(alike),
        born=QCoreApplication.translate("Namesakes", "{name} (born {born})"),
        card=QCoreApplication.translate("Namesakes", "{name} (Party card {card})"),
    )
