"""What an upper level took in, as its stats and reports read it: the branches whose packages it received, and how
many members sent by two units wait for review. Apart from the exchange's own module (the packages' format, their
checks, the keys), which a ``chibo stats`` or ``chibo report`` never needs to load."""

from chibo_desktop.domain.unit_figures import ReceivedBranch as ReceivedBranch
from chibo_desktop.storage import exchange_log
from chibo_desktop.storage.db import Database


class Received:
    def __init__(self, db: Database) -> None:
        self._db = db

    def branches(self) -> list[ReceivedBranch]:
        """The branches whose packages this database took in, with their last package."""
        with self._db.read() as session:
            rows = exchange_log.received_branches(session)
            units = exchange_log.subtrees(session, [row[0] for row in rows])
            return [
                ReceivedBranch(i, u, n, seq, at.date() if at else None, tuple(units[i]), covers)
                for i, u, n, seq, at, covers in rows
            ]

    def conflicts_waiting(self) -> int:
        """How many members sent by two units wait for the operator's decision: the one query
        (``exchange_log.conflicts_waiting``) that ``ConflictService.waiting_count`` and the Conflicts tab read too,
        reached without loading the review's own module."""
        with self._db.read() as session:
            return exchange_log.conflicts_waiting(session)
