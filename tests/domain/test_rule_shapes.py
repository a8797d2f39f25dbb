"""A rule made of parts is checked part by part: the rules screen refuses a value its reader could not use, and the
reader of stored values leaves such a value out (tests/services/test_unknown_values.py)."""

from typing import Any

import pytest

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.rule_shapes import rule_problem
from chibo_desktop.domain.rules import KEYS

VI = Catalog("vi").translate


def test_every_declared_value_passes() -> None:
    for key, spec in KEYS.items():
        assert rule_problem(key, spec.default) is None, key
        for _since, value, _source in spec.then:
            assert rule_problem(key, value) is None, key


RUBRIC = KEYS["meeting.rubric"].default
LAYOUT = KEYS["document.layout"].default


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("meeting.rubric", {"criteria": [["preparation"]], "bands": RUBRIC["bands"]}),
        ("meeting.rubric", {"criteria": RUBRIC["criteria"], "bands": 3}),
        ("meeting.rubric", {"criteria": [["preparation", "15"]], "bands": RUBRIC["bands"]}),
        ("meeting.rubric", {"criteria": [], "bands": RUBRIC["bands"]}),
        ("meeting.rubric", {"criteria": [["a", 10], ["a", 10]], "bands": RUBRIC["bands"]}),
        ("meeting.rubric", {"criteria": RUBRIC["criteria"]}),
        ("document.layout", {**LAYOUT, "top_mm": "20"}),
        ("document.layout", {**LAYOUT, "top_mm": 500}),
        ("document.layout", {**LAYOUT, "body_pt": True}),
        ("document.layout", {**LAYOUT, "top_m": 20}),
        ("review.bands", {"excellent": 90, "good": 70}),
        ("review.bands", {"excellent": 90, "good": 70, "completed": 50, "weak": 0}),
        ("review.bands", {"excellent": 70, "good": 90, "completed": 50}),
        ("review.bands", {"excellent": 90.5, "good": 70, "completed": 50}),
        ("review.not_rated", {"exempted": "yes"}),
        ("review.not_rated", {"admitted_months": -1}),
        ("admission.step_days", {"class": "365"}),
        ("admission.step_days", {"lunch": 1}),
        ("cccd.century_gender", {"0": ["M"]}),
        ("cccd.century_gender", {"10": ["M", 1900]}),
        ("cccd.century_gender", {"0": ["X", 1900]}),
        ("meeting.rubric", [1, 2]),
        ("probation.months", "12"),
    ],
)
def test_a_wrong_inner_shape_is_refused_with_words(key: str, value: Any) -> None:
    problem = rule_problem(key, value)
    assert problem is not None
    assert VI("Rules", problem) != problem  # a sentence the secretary reads in Vietnamese


def test_a_changed_figure_in_the_right_shape_passes() -> None:
    assert rule_problem("document.layout", {"top_mm": 25, "body_pt": 13.5}) is None
    assert (
        rule_problem("meeting.rubric", {"criteria": [["conduct", 60], ["closing", 40]], "bands": [["good", 80]]})
        is None
    )
    assert rule_problem("admission.step_days", {"ceremony": 30}) is None
    assert rule_problem("review.not_rated", {"exempted": False, "suspended": True, "admitted_months": 0}) is None
