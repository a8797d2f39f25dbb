"""A province's tree read one commune at a time: a commune's branches, whether a unit is below the province, and
the indexes that keep a commune's reads to its own rows on both databases."""

from sqlalchemy import inspect

from chibo_desktop.storage import models as m
from chibo_desktop.storage import package_records
from chibo_desktop.storage.db import Database


def _tree(db: Database) -> dict[str, int]:
    """The province (this database's own unit), two communes under it, two branches under the first, one under the
    second, and a committee elsewhere with a branch of its own."""
    ids: dict[str, int] = {}
    with db.write() as session:
        for name, parent, is_self in [
            ("province", None, True),
            ("commune 1", "province", False),
            ("commune 2", "province", False),
            ("branch 1a", "commune 1", False),
            ("branch 1b", "commune 1", False),
            ("branch 2a", "commune 2", False),
            ("elsewhere", None, False),
            ("branch of elsewhere", "elsewhere", False),
        ]:
            unit = m.OrgUnit(
                name=name,
                kind="branch" if "branch" in name else "committee",
                parent_id=ids.get(parent or ""),
                is_self=is_self,
            )
            session.add(unit)
            session.flush()
            ids[name] = unit.id
    return ids


def test_a_communes_branches_and_whether_a_unit_is_below_the_province(db: Database) -> None:
    ids = _tree(db)
    name = {unit: key for key, unit in ids.items()}
    with db.read() as session:
        assert sorted(name[u] for u in package_records.subtree(session, ids["commune 1"])) == [
            "branch 1a",
            "branch 1b",
            "commune 1",
        ]
        assert [name[u] for u in package_records.subtree(session, ids["branch 2a"])] == ["branch 2a"]
        assert len(package_records.subtree(session, ids["province"])) == 6
        every = package_records.subtrees(session, ids.values())
        assert {key: sorted(every[unit]) for key, unit in ids.items()} == {
            key: sorted(package_records.subtree(session, unit)) for key, unit in ids.items()
        }
        below = {key for key, unit in ids.items() if package_records.is_below(session, unit, ids["province"])}
    assert below == {"commune 1", "commune 2", "branch 1a", "branch 1b", "branch 2a"}  # not itself, not elsewhere


def test_a_communes_rows_are_found_through_indexes(db: Database) -> None:
    indexed = {
        (table, tuple(index["column_names"]))
        for table in ("org_unit", "member", "meeting", "fund")
        for index in inspect(db.engine).get_indexes(table)
    }
    assert {
        ("org_unit", ("parent_id",)),
        ("member", ("org_unit_id",)),
        ("member", ("hamlet_id",)),
        ("meeting", ("org_unit_id",)),
        ("fund", ("org_unit_id",)),
    } <= indexed
