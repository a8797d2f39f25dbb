"""Members of the same name on a screen's list, told apart in the interface language ("Nguyễn Văn An (born
1968)"); see ``domain/namesakes``. The identities are read only when a list does show a name twice."""

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from chibo_desktop.domain import namesakes as domain
from chibo_desktop.domain.namesakes import Identity, sharing_a_name, shown_names

Identities = Callable[[Sequence[int]], Mapping[int, Identity]]


def told_apart(people: Sequence[tuple[int, str]], identities: Identities) -> list[tuple[int, str]]:
    """*people* (id, name) as the list shows them; *identities* reads what tells those of the same name apart."""
    alike = sharing_a_name(people)
    if not alike:
        return list(people)
    return shown_names(people, identities(alike), *_wording())


def among_namesakes(people: Sequence[tuple[int, str]], namesakes: Iterable[Identity]) -> list[tuple[int, str]]:
    """*people* (id, name) of a list of some members only (the borrowers, the log of changes), each whose name
    another member of the branch has too told apart among *namesakes* (see ``domain/namesakes``)."""
    return domain.among_namesakes(people, namesakes, *_wording())


def with_what_tells_apart(person: Identity) -> str:
    """*person*'s name with the year of birth (or else the Party card), even with no namesake in the list: what a
    question about a member of the same name shows of the one already kept."""
    born, card = _wording()
    if person.born is not None:
        return born.format(name=person.name, born=person.born.year)
    return card.format(name=person.name, card=person.card) if person.card else person.name


def _wording() -> tuple[str, str]:
    return (
        QCoreApplication.translate("Namesakes", "{name} (born {born})"),
        QCoreApplication.translate("Namesakes", "{name} (Party card {card})"),
    )
