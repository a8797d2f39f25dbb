"""Whether a value can serve as a rule's value: its declared kind and, for the rules made of parts, the inner
shape their readers rely on (the rubric's pairs, the page's margins, the review's bands …).

One check for both ends: the rules screen refuses a value that fails it, with the message returned here, and the
reader of stored values (a restored backup, a file from a newer app) leaves such a value out and logs it, so the
value in force before it, or the declared default, applies.

The modules of the rules checked here (the dues, the admissions, the review) are imported by the checks that need
them: reading a meeting's two rules for its printed minutes does not load the dues' book of rates.
"""

from collections.abc import Callable
from typing import Any

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from chibo_desktop.domain.members import Gender
from chibo_desktop.domain.rules import fits

WRONG_FORM = QT_TRANSLATE_NOOP(
    "Rules", "The value does not have the form of the current one; copy it and change the figures."
)
LAYOUT_LIMITS = {
    "top_mm": (0, 80),
    "bottom_mm": (0, 80),
    "left_mm": (0, 80),
    "right_mm": (0, 80),
    "body_pt": (6, 36),
    "party_pt": (6, 36),
    "title_pt": (6, 36),
}


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _pairs(value: Any, low: int, high: int) -> bool:
    """A non-empty list of [name, whole number] pairs, the numbers from *low* to *high*, each name once."""
    if not isinstance(value, list) or not value:
        return False
    names = set()
    for pair in value:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and pair[0]):
            return False
        if not _whole(pair[1], low, high) or pair[0] in names:
            return False
        names.add(pair[0])
    return True


def _rubric(value: dict[str, Any]) -> str | None:
    if (
        set(value) != {"criteria", "bands"}
        or not _pairs(value["criteria"], 1, 100)
        or not _pairs(value["bands"], 0, 100)
    ):
        return QT_TRANSLATE_NOOP(
            "Rules",
            "Write the rubric as criteria and bands, each a list of [name, points] pairs: each criterion's maximum "
            "from 1 to 100, each band's lowest total from 0 to 100.",
        )
    return None


def _layout(value: dict[str, Any]) -> str | None:
    for name, amount in value.items():
        limits = LAYOUT_LIMITS.get(name)
        number = isinstance(amount, int | float) and not isinstance(amount, bool)
        if limits is None or not number or not limits[0] <= amount <= limits[1]:
            return QT_TRANSLATE_NOOP(
                "Rules",
                "Give only top_mm, bottom_mm, left_mm, right_mm (margins, 0 to 80 mm) and body_pt, party_pt, "
                "title_pt (font sizes, 6 to 36 pt), each a number.",
            )
    return None


def _review_bands(value: dict[str, Any]) -> str | None:
    from chibo_desktop.domain.review import Level

    rated = (Level.EXCELLENT, Level.GOOD, Level.COMPLETED)  # the levels whose lowest points review.bands gives
    lows = [value.get(level.value) for level in rated]
    if set(value) != {level.value for level in rated} or not all(_whole(low, 0, 100) for low in lows):
        return QT_TRANSLATE_NOOP(
            "Rules", "Give the lowest points of excellent, good and completed, each a whole number from 0 to 100."
        )
    if not lows[0] > lows[1] > lows[2]:  # type: ignore[operator]  # whole numbers, checked above
        return QT_TRANSLATE_NOOP("Rules", "Excellent needs more points than good, and good more than completed.")
    return None


def _not_rated(value: dict[str, Any]) -> str | None:
    flags = all(isinstance(value.get(name, False), bool) for name in ("exempted", "suspended"))
    months = _whole(value.get("admitted_months", 0), 0, 60)
    if not set(value) <= {"exempted", "suspended", "admitted_months"} or not flags or not months:
        return QT_TRANSLATE_NOOP(
            "Rules",
            "Write exempted and suspended as true or false, and admitted_months as whole months from 0 to 60.",
        )
    return None


def _step_days(value: dict[str, Any]) -> str | None:
    from chibo_desktop.domain.admissions import Step

    steps = {step.value for step in Step}
    if not all(name in steps and _whole(days, 0, 3650) for name, days in value.items()):
        return QT_TRANSLATE_NOOP(
            "Rules",
            "Give days (a whole number from 0 to 3650) only for the steps class, vouched, verified, branch_vote, "
            "decision and ceremony.",
        )
    return None


def _century_gender(value: dict[str, Any]) -> str | None:
    for digit, meaning in value.items():
        if not (len(digit) == 1 and digit.isdigit() and isinstance(meaning, list) and len(meaning) == 2):
            break
        if meaning[0] not in (Gender.MALE, Gender.FEMALE) or not _whole(meaning[1], 1800, 2900):
            break
    else:
        return None
    return QT_TRANSLATE_NOOP(
        "Rules", 'Give each digit from 0 to 9 a pair: ["M" or "F", the first year of the century, e.g. 1900].'
    )


SHAPES: dict[str, Callable[[dict[str, Any]], str | None]] = {
    "meeting.rubric": _rubric,
    "document.layout": _layout,
    "review.bands": _review_bands,
    "review.not_rated": _not_rated,
    "admission.step_days": _step_days,
    "cccd.century_gender": _century_gender,
}


def rule_problem(key: str, value: Any) -> str | None:
    """Why *value* cannot be *key*'s value (a translatable text, context "Rules"), or None when it can. A key this
    version does not declare is kept as it is: nothing here reads it."""
    if not fits(key, value):
        return WRONG_FORM
    if key.startswith("dues."):
        from chibo_desktop.domain import dues

        return dues.rule_problem(key, value)
    shape = SHAPES.get(key)
    return shape(value) if shape is not None else None
