"""Terms (nhiệm kỳ): the stretch between two congresses of the branch ("Nhiệm kỳ 2020–2025"), set in the
organisation's setup with its dates and the congress resolution's target for admissions over the term.

A term is a reporting period like a year: figures over a term count each member once (a member who borrowed in
two years of the term is one member helped), which adding the years up cannot do.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chibo_desktop.domain.dates import PERIOD_FORMS, Period, PeriodError, parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message, messages
from chibo_desktop.domain.text import fold, nfc

_msg = messages("Term")
NAME_LENGTH = 100


@dataclass(frozen=True)
class Term:
    id: int
    name: str  # "Nhiệm kỳ 2020–2025"
    start: date
    end: date
    admissions_target: int | None  # new members the congress resolution set for the term; None when it set none
    note: str = ""

    @property
    def period(self) -> Period:
        return Period(self.start, self.end, self.name)

    def matches(self, text: str) -> bool:
        """Whether *text* names this term: case, tone marks and dashes do not matter ("nhiem ky 2020-2025")."""
        return _key(text) == _key(self.name)


def _key(text: str) -> str:
    return " ".join(fold(nfc(text)).replace("–", "-").replace("—", "-").casefold().split())


@dataclass(frozen=True)
class TermDraft:
    """A term as typed in the setup: the dates already read (``None`` when left empty)."""

    name: str
    start: date | None
    end: date | None
    admissions_target: int | None = None
    note: str = ""

    def normalised(self) -> "TermDraft":
        return TermDraft(
            " ".join(nfc(self.name).split()), self.start, self.end, self.admissions_target, nfc(self.note).strip()
        )

    def errors(self, others: tuple[Term, ...] = ()) -> dict[str, Message]:
        """What is wrong, by field; *others* are the terms already set (a name is used once, terms do not
        overlap: a day belongs to one term)."""
        out: dict[str, Message] = {}
        if not self.name:
            out["name"] = _msg(QT_TRANSLATE_NOOP("Term", "Give the term a name, e.g. Nhiệm kỳ 2020–2025."))
        elif len(self.name) > NAME_LENGTH:
            out["name"] = _msg(
                QT_TRANSLATE_NOOP("Term", "The name is too long: at most {limit} characters."), limit=NAME_LENGTH
            )
        elif any(t.matches(self.name) for t in others):
            out["name"] = _msg(
                QT_TRANSLATE_NOOP("Term", "A term named “{name}” is already set: choose another name."), name=self.name
            )
        if self.start is None:
            out["start"] = _msg(
                QT_TRANSLATE_NOOP("Term", "Write the first day of the term (the congress), dd/mm/yyyy.")
            )
        if self.end is None:
            out["end"] = _msg(QT_TRANSLATE_NOOP("Term", "Write the last day of the term, dd/mm/yyyy."))
        if self.start is not None and self.end is not None:
            if self.end <= self.start:
                out["end"] = _msg(QT_TRANSLATE_NOOP("Term", "The term must end after it starts: check the two dates."))
            else:
                for other in others:
                    if self.start <= other.end and other.start <= self.end:
                        out["start"] = _msg(
                            QT_TRANSLATE_NOOP(
                                "Term",
                                "These dates overlap “{name}” ({start}–{end}): a day belongs to one term.",
                            ),
                            name=other.name,
                            start=other.start.strftime("%d/%m/%Y"),
                            end=other.end.strftime("%d/%m/%Y"),
                        )
                        break
        if self.admissions_target is not None and not 0 <= self.admissions_target <= 100_000:
            out["admissions_target"] = _msg(
                QT_TRANSLATE_NOOP("Term", "The target is a number of new members, 0 or more (or leave it empty).")
            )
        return out


def target_progress(admitted: int, target: int | None) -> Message | None:
    """The term's admissions against its target, as the published reports say it: "45 new members, 15 % over
    the target" (or "… 90 % of the target"). ``None`` when the term has no target."""
    if not target:
        return None
    percent = round(100 * admitted / target)
    if admitted > target:
        return _msg(
            QT_TRANSLATE_NOOP("Term", "{admitted} new members, {over}% over the target of {target}"),
            admitted=admitted,
            over=percent - 100,
            target=target,
        )
    return _msg(
        QT_TRANSLATE_NOOP("Term", "{admitted} new members, {percent}% of the target of {target}"),
        admitted=admitted,
        percent=percent,
        target=target,
    )


def period_of(text: str, terms: Sequence[Term]) -> Period:
    """What the user wrote as a period: "2024", "2024-Q2", "2024-05", "2020-09-01..2025-06-30", or the name of one
    of *terms* ("Nhiệm kỳ 2020–2025", also without tone marks). ``UserError`` in words otherwise."""
    found = next((t for t in terms if t.matches(text)), None) if text.strip() else None
    if found is not None:
        return found.period
    try:
        return parse_period(text)
    except PeriodError as error:
        raise UserError(error.message) from None
    except ValueError:
        names = ", ".join(t.name for t in terms)
        if names:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP("Term", "“{typed}” is not a period. {forms} Terms set up: {names}."),
                    typed=text,
                    forms=Message("Validation", PERIOD_FORMS),
                    names=names,
                )
            ) from None
        raise UserError(
            _msg(
                QT_TRANSLATE_NOOP("Term", "“{typed}” is not a period. {forms}"),
                typed=text,
                forms=Message("Validation", PERIOD_FORMS),
            )
        ) from None
