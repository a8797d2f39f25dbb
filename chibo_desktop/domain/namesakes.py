"""Members of the same name, told apart wherever they are listed together.

A branch can hold two "Nguyễn Văn An": a list that shows both by name alone makes the secretary guess which one
is chosen. Where a list shows the same name twice, each is followed by the year of birth, as the printed dues
book does ("Nguyễn Văn An (sinh 1968)"); two of the same name born in the same year get the whole date of birth
instead, and two born on the same day (or with no date of birth) the Party card number. A name no one else in
the list has is shown as it is.

Which members a name is told apart from depends on what is listed. A list of the whole branch at a moment — a
meeting's attendance list and its minutes, the year's attendance register — holds every namesake there is, so it is
told apart within itself (:func:`shown_names`). A list of some members only — the borrowers of a fund, one member's
loan ledger, the log of changes — may name one "Nguyễn Văn An" while the other is not in it, and is told apart from
every member of the branch (:func:`among_namesakes`, with the namesakes ``member_queries.namesakes`` reads). Either
way a branch where no two members share a name prints and shows every name as it is.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from chibo_desktop.domain.dates import screen_date

BORN = "{name} (sinh {born})"  # the documents' wording; the screens pass their own language's
CARD = "{name} (thẻ {card})"


@dataclass(frozen=True)
class Identity:
    """What tells one member from another of the same name."""

    id: int
    name: str
    born: date | None = None
    card: str = ""


def sharing_a_name(people: Iterable[tuple[int, str]]) -> list[int]:
    """The ids of those in *people* (id, name) whose name someone else in it has too (a list that names one member
    twice, say for two reasons, is no reason to tell them apart)."""
    listed = list(people)
    ids_by_name: dict[str, set[int]] = defaultdict(set)
    for member_id, name in listed:
        ids_by_name[name].add(member_id)
    return list(dict.fromkeys(member_id for member_id, name in listed if len(ids_by_name[name]) > 1))


def told_apart(people: Sequence[Identity], born: str = BORN, card: str = CARD) -> dict[int, str]:
    """Each one's name as a list of *people* shows it: their name, and for two or more of the same name what tells
    them apart, worded by *born* (``{name}``, ``{born}``) or *card* (``{name}``, ``{card}``)."""
    by_name: dict[str, list[Identity]] = defaultdict(list)
    for person in {p.id: p for p in people}.values():
        by_name[person.name].append(person)
    shown = {}
    for name, alike in by_name.items():
        years = Counter(p.born.year for p in alike if p.born)
        days = Counter(p.born for p in alike if p.born)
        cards = Counter(p.card for p in alike if p.card)
        for p in alike:
            if len(alike) == 1:
                shown[p.id] = name
            elif p.born and years[p.born.year] == 1:
                shown[p.id] = born.format(name=name, born=p.born.year)
            elif p.born and days[p.born] == 1:
                shown[p.id] = born.format(name=name, born=screen_date(p.born))
            elif p.card and cards[p.card] == 1:
                shown[p.id] = card.format(name=name, card=p.card)
            elif p.born:  # nothing on record tells them apart: the date at least says they are alike
                shown[p.id] = born.format(name=name, born=screen_date(p.born))
            else:
                shown[p.id] = name
    return shown


def shown_names(
    people: Sequence[tuple[int, str]], identities: Mapping[int, Identity], born: str = BORN, card: str = CARD
) -> list[tuple[int, str]]:
    """*people* (id, name) as a list shows them: those of the same name told apart by their *identities*."""
    alike = told_apart([identities[i] for i in sharing_a_name(people) if i in identities], born, card)
    return [(member_id, alike.get(member_id, name)) for member_id, name in people]


def among_namesakes(
    people: Sequence[tuple[int, str]], namesakes: Iterable[Identity], born: str = BORN, card: str = CARD
) -> list[tuple[int, str]]:
    """*people* (id, name as listed) as a list of some of the branch's members shows them: each whose name another
    member of the branch has too, listed or not, told apart among *namesakes* (every member of each name shared).
    A name listed as it was then (a loan's borrower, renamed since) is left as it is."""
    known = {p.id: p for p in namesakes}
    alike = told_apart(list(known.values()), born, card)
    return [
        (member_id, alike[member_id] if member_id in known and known[member_id].name == name else name)
        for member_id, name in people
    ]
