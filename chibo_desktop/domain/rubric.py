"""Scoring a meeting by a configurable rubric (some provinces score each meeting out of 100).

The rubric is a dated rule: criteria with their maximum points and the bands, e.g. preparation 15,
attendance 20, conduct 45, closing 20; Good ≥ 90, Fair 70–<90, Average 50–<70, Weak < 50.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP

CRITERION_LABELS = {
    "preparation": QT_TRANSLATE_NOOP("Rubric", "Preparation"),
    "attendance": QT_TRANSLATE_NOOP("Rubric", "Attendance"),
    "conduct": QT_TRANSLATE_NOOP("Rubric", "Conduct"),
    "closing": QT_TRANSLATE_NOOP("Rubric", "Closing"),
}
BAND_LABELS = {
    "good": QT_TRANSLATE_NOOP("Rubric", "Good"),
    "fair": QT_TRANSLATE_NOOP("Rubric", "Fair"),
    "average": QT_TRANSLATE_NOOP("Rubric", "Average"),
    "weak": QT_TRANSLATE_NOOP("Rubric", "Weak"),
}


@dataclass(frozen=True)
class Rubric:
    criteria: tuple[tuple[str, int], ...]  # (criterion, maximum points)
    bands: tuple[tuple[str, int], ...]  # (band, lowest total), highest first

    @staticmethod
    def from_rule(value: Mapping[str, Any]) -> "Rubric":
        criteria = tuple((str(name), int(points)) for name, points in value["criteria"])
        bands = tuple(sorted(((str(name), int(low)) for name, low in value["bands"]), key=lambda b: -b[1]))
        return Rubric(criteria, bands)

    @property
    def maximum(self) -> int:
        return sum(points for _name, points in self.criteria)

    def problems(self, scores: Mapping[str, int]) -> dict[str, str]:
        """Criterion → what is wrong with its score (missing, negative, above the maximum)."""
        out = {}
        for name, points in self.criteria:
            value = scores.get(name)
            if value is None:
                out[name] = QT_TRANSLATE_NOOP("Rubric", "Give a score.")
            elif not 0 <= value <= points:
                out[name] = QT_TRANSLATE_NOOP("Rubric", "The score must be between 0 and the maximum.")
        return out

    def total(self, scores: Mapping[str, int] | Sequence[tuple[str, int]]) -> int:
        table = dict(scores)
        return sum(table.get(name, 0) for name, _points in self.criteria)

    def band(self, total: int) -> str:
        for name, low in self.bands:
            if total >= low:
                return name
        return self.bands[-1][0]
