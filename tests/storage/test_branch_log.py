"""The log a branch sent, kept at the upper level: a later package's entries follow those kept, whichever way
they are put together (joined as texts when the package starts where the kept log ends, read and written again
otherwise), and the kept text is always one JSON list of every entry once, in order."""

import json
from pathlib import Path

from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import audit_queries, package_records
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK


def entry(n: int) -> dict[str, object]:
    return {"at": f"2026-11-{n:02d}T08:00:00", "actor": "Bí thư", "table": "member", "action": "update", "n": n}


def text(numbers: list[int], spaced: bool = False) -> bytes:
    body = json.dumps([entry(n) for n in numbers], ensure_ascii=False, indent=1 if spaced else None)
    return (f"\n {body} \n" if spaced else body).encode("utf-8")


def test_each_package_s_entries_are_kept_once_in_order_however_the_log_is_put_together(tmp_path: Path) -> None:
    upper = Services.build(open_database(tmp_path / "u.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))

    def send(numbers: list[int], start: int, spaced: bool = False) -> list[int]:
        with upper.db.write() as session:
            unit = package_records.self_unit(session)
            assert unit is not None
            audit_queries.keep_branch_log(session, unit, text(numbers, spaced), start, len(numbers))
        with upper.db.read() as session:
            kept = audit_queries.branch_log(session, unit)
        assert kept is not None
        return [e["n"] for e in json.loads(kept)]

    assert send([1, 2, 3], 0) == [1, 2, 3]
    assert send([4, 5], 3, spaced=True) == [1, 2, 3, 4, 5]  # joined after the kept entries, white space and all
    assert send([], 5) == [1, 2, 3, 4, 5]  # nothing new
    assert send([6], 5) == [1, 2, 3, 4, 5, 6]
    assert send([4, 5, 6, 7], 3) == [1, 2, 3, 4, 5, 6, 7]  # sent again from an earlier acknowledged package
    assert send([8, 9], 7, spaced=True) == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert send([1, 2], 0) == [1, 2]  # a whole log replaces what is kept


def test_a_log_kept_before_its_entries_were_counted_is_read_once_then_joined(tmp_path: Path) -> None:
    upper = Services.build(open_database(tmp_path / "u.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    with upper.db.write() as session:
        unit = package_records.self_unit(session)
        assert unit is not None
        audit_queries.keep_branch_log(session, unit, text([]), 0, 0)
        audit_queries.keep_branch_log(session, unit, text([1, 2]), 0, None)  # as a file upgraded from before
        audit_queries.keep_branch_log(session, unit, text([3]), 2, 1)
        audit_queries.keep_branch_log(session, unit, text([4]), 3, 1)
    with upper.db.read() as session:
        kept = audit_queries.branch_log(session, unit)
    assert kept is not None and [e["n"] for e in json.loads(kept)] == [1, 2, 3, 4]
